package aggregate_test

import (
	"fmt"
	"math"
	"os"

	"github.com/framescope/framescope/analysis/aggregate"
)

func Example() {
	nan := math.NaN()
	a := aggregate.New(aggregate.Options{Frames: []string{"border_security"}, Seed: 1})
	a.Add(aggregate.Article{Doc: "dawn-1", Source: "dawn", Year: 2024, Paras: []aggregate.Para{
		{Voice: "outlet", Tone: 0.2, ToneOutlet: 0.2, ToneQuote: nan, Frames: []bool{true}},
		{Voice: "quote", Tone: -0.4, ToneOutlet: nan, ToneQuote: -0.4, Frames: []bool{false}},
	}})
	a.Add(aggregate.Article{Doc: "dawn-2", Source: "dawn", Year: 2024, Paras: []aggregate.Para{
		{Voice: "outlet", Tone: 0.6, ToneOutlet: 0.6, ToneQuote: nan, Frames: []bool{true}},
	}})
	var rows []aggregate.Row
	for _, r := range a.Rows() {
		if r.Source == "dawn" && r.Year == "2024" && r.Voice == "all" {
			rows = append(rows, r)
		}
	}
	_ = aggregate.WriteRowsCSV(os.Stdout, rows)
	// Output:
	// source,year,voice,measure,value,ci_low,ci_high,interval,n_articles,n_paragraphs,weight
	// dawn,2024,all,tone_mean,0.25,-1,1,t,2,3,article
	// dawn,2024,all,border_security_share,0.75,0.197867,0.973323,wilson,2,3,article
	// dawn,2024,all,tone_outlet_mean,0.4,-1,1,t,2,2,article
	// dawn,2024,all,tone_quote_mean,-0.4,,,none,1,1,article
}

func ExampleAggregator_Comparisons() {
	a := aggregate.New(aggregate.Options{Frames: []string{"muslim_unity"}})
	tones := map[string][]float64{
		"dawn": {0.1, 0.3, 0.2, 0.4, 0.0},
		"tnn":  {-0.2, -0.4, 0.1, -0.3, -0.1},
	}
	for _, src := range []string{"dawn", "tnn"} {
		for i, t := range tones[src] {
			a.Add(aggregate.Article{Doc: fmt.Sprint(src, i), Source: src, Year: 2024, Paras: []aggregate.Para{
				{Voice: "outlet", Tone: t, ToneOutlet: t, ToneQuote: math.NaN(), Frames: []bool{i%2 == 0}},
			}})
		}
	}
	var cs []aggregate.Comparison
	for _, c := range a.Comparisons() {
		if c.Voice == "all" {
			cs = append(cs, c)
		}
	}
	_ = aggregate.WriteComparisonsCSV(os.Stdout, cs)
	// Output:
	// measure,voice,a,b,test,statistic,df,p,p_holm,effect_name,effect,effect_low,effect_high,cramers_v,value_a,value_b,n_a,n_b
	// tone_mean,all,dawn,tnn,welch-t,3.4125,7.71113,0.0097113,0.0097113,cohens_d,2.15825,,,,0.2,-0.18,5,5
	// tone_mean,all,dawn,tnn,mann-whitney,23.5,,0.027803,0.027803,rank_biserial,0.88,,,,0.2,-0.18,5,5
	// muslim_unity_presence,all,dawn,tnn,fisher-exact,,,1,1,diff_proportions,0,-0.464868,0.464868,0,0.6,0.6,5,5
	// tone_outlet_mean,all,dawn,tnn,welch-t,3.4125,7.71113,0.0097113,0.0097113,cohens_d,2.15825,,,,0.2,-0.18,5,5
	// tone_outlet_mean,all,dawn,tnn,mann-whitney,23.5,,0.027803,0.027803,rank_biserial,0.88,,,,0.2,-0.18,5,5
}

// From MaxBootstrap contributing articles on (default 50 under article
// weighting) a group's interval is analytic; math.MaxInt keeps the
// bootstrap for every group.
func ExampleOptions_maxBootstrap() {
	for _, max := range []int{0, math.MaxInt} {
		a := aggregate.New(aggregate.Options{MaxBootstrap: max, Seed: 1})
		for i := range 60 {
			a.Add(aggregate.Article{Doc: fmt.Sprint("dawn-", i), Source: "dawn", Year: 2024,
				Paras: []aggregate.Para{{Tone: float64(i%5)/5 - 0.4}}})
		}
		r := a.Rows()[0] // all outlets, all years, voice all, tone_mean
		fmt.Printf("%s n=%d %s [%.2f, %.2f]\n", r.Measure, r.NArticles, r.Interval, r.Low, r.High)
	}
	// Output:
	// tone_mean n=60 cluster-t [-0.07, 0.07]
	// tone_mean n=60 bootstrap-articles [-0.07, 0.07]
}

func ExampleOptions_IntervalsNote() {
	fmt.Println(aggregate.Options{Seed: 1}.IntervalsNote())
	// Output:
	// 95% intervals with articles as clusters: t (tone) or Wilson (shares) under 10 articles; Poisson bootstrap over articles (2000 resamples, seed 1) from 10 to 49; cluster-robust t (tone) or design-effect Wilson (shares) from 50; Wilson on the articles whenever fewer than 10 articles carry a frame; one article: none.
}
