package aggregate_test

import (
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
