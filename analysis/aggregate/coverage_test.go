package aggregate

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

var coverageFull = flag.Bool("coverage", false, "run the full interval coverage simulation (slow; prints a table)")

// covArticle draws one article of the coverage simulation. Its paragraphs
// carry five measures with known population values (see covTruth):
//
//   - tone: the article's level μ is a skewed mixture, 80% U(−0.2, 0.4) and
//     20% U(−1, −0.6); paragraphs scatter symmetrically around μ; negative
//     articles are longer (1–30 paragraphs, others 1–10), so weighting by
//     paragraph gives a different target than weighting by article;
//   - frame "rare": 6% of articles carry it, in half of their paragraphs;
//   - frame "common": the article's rate is U(0, ⅔), paragraphs independent;
//   - tone toward actor "x": one or two paragraphs per article, all −1
//     (30%), 0 (50%) or +1 (20%): lumpy, as lexicon scores are.
func covArticle(r *rand.Rand, doc int) Article {
	neg := r.Float64() < 0.2
	mu, m := -0.2+0.6*r.Float64(), 1+r.IntN(10)
	if neg {
		mu, m = -1+0.4*r.Float64(), 1+r.IntN(30)
	}
	rare := r.Float64() < 0.06
	common := r.Float64() * 2 / 3
	actor := 0.0
	switch u := r.Float64(); {
	case u < 0.3:
		actor = -1
	case u >= 0.8:
		actor = 1
	}
	mentions := 1 + r.IntN(2)
	ps := make([]Para, m)
	for j := range ps {
		t := mu + (2*r.Float64()-1)*0.5*(1-math.Abs(mu))
		ps[j] = Para{Voice: "outlet", Tone: t, ToneOutlet: t, ToneQuote: math.NaN(),
			Frames: []bool{rare && r.Float64() < 0.5, r.Float64() < common}, Targets: []float64{math.NaN()}}
		if j < mentions {
			ps[j].Targets[0] = actor
		}
	}
	return Article{Doc: fmt.Sprint(doc), Source: "S", Year: 2020, Paras: ps}
}

// covTruth: population values of the measures of covArticle by weighting.
// Tone by paragraph: (0.8·5.5·0.1 + 0.2·15.5·(−0.8)) / (0.8·5.5 + 0.2·15.5).
var covTruth = map[string]map[string]float64{
	WeightArticle:   {"tone_mean": -0.08, "rare_share": 0.03, "common_share": 1.0 / 3, "tone_toward_x": -0.1},
	WeightParagraph: {"tone_mean": -2.04 / 7.5, "rare_share": 0.03, "common_share": 1.0 / 3, "tone_toward_x": -0.1},
}

// coverage simulates sims corpora of n articles and returns, per measure,
// the share of 95% intervals of the pooled row that cover the truth, and
// the interval label they had.
func coverage(t *testing.T, weight string, n, sims, maxBoot, resamples int, seed uint64) (map[string]float64, map[string]string) {
	r := rand.New(rand.NewPCG(seed, 77))
	hit := map[string]int{}
	label := map[string]string{}
	truth := covTruth[weight]
	for s := range sims {
		a := New(Options{Frames: []string{"rare", "common"}, Actors: []string{"x"}, Weight: weight,
			MaxBootstrap: maxBoot, Resamples: resamples, Seed: uint64(s)})
		for i := range n {
			a.Add(covArticle(r, i))
		}
		for _, row := range a.Rows() {
			want, ok := truth[row.Measure]
			if !ok || row.Source != "all" || row.Year != "all" || row.Voice != "all" {
				continue
			}
			label[row.Measure] = row.Interval
			if row.Low <= want && want <= row.High {
				hit[row.Measure]++
			}
		}
	}
	cov := map[string]float64{}
	for m := range truth {
		cov[m] = float64(hit[m]) / float64(sims)
	}
	return cov, label
}

var covMeasures = []string{"tone_mean", "rare_share", "common_share", "tone_toward_x"}

// TestAnalyticCoverageAtSwitch checks the claim behind the default
// MaxBootstrap of each weighting:
// at the switch-over size the analytic intervals (cluster-t for tone,
// cluster-Wilson for shares, or Wilson for a rare frame) cover the truth at least 94% of the time on
// skewed, clustered, lumpy data, under both weightings. 500 simulations
// give a Monte Carlo standard error of 1 point; the bound allows 2.
func TestAnalyticCoverageAtSwitch(t *testing.T) {
	for _, tc := range []struct {
		w string
		n int
	}{{WeightArticle, DefaultMaxBootstrapArticle}, {WeightParagraph, DefaultMaxBootstrapParagraph}} {
		w, n := tc.w, tc.n
		cov, label := coverage(t, w, n, 500, 0, 0, 1)
		for _, m := range covMeasures {
			t.Logf("%s %s (%s, n=%d): %.3f", w, m, label[m], n, cov[m])
			if label[m] == IntervalBootstrap || label[m] == IntervalNone {
				t.Errorf("%s %s: interval %s, want an analytic one at n = MaxBootstrap", w, m, label[m])
			}
			if cov[m] < 0.92 {
				t.Errorf("%s %s: coverage %.3f, want ≥ 0.94 (less 2 points of Monte Carlo error)", w, m, cov[m])
			}
		}
	}
}

// TestCoverageTable (go test -run CoverageTable -coverage -v) prints the
// coverage of the analytic intervals and of the bootstrap at several group
// sizes. It takes minutes.
func TestCoverageTable(t *testing.T) {
	if !*coverageFull {
		t.Skip("run with -coverage")
	}
	const sims = 2000
	for _, w := range []string{WeightArticle, WeightParagraph} {
		for _, n := range []int{20, 50, 100, 200, 1000} {
			an, al := coverage(t, w, n, sims, 1, 0, 3)
			bs, bl := coverage(t, w, n, sims/4, math.MaxInt, 1000, 4)
			for _, m := range covMeasures {
				t.Logf("%-9s n=%4d %-13s %-14s %.3f   %-18s %.3f", w, n, m, al[m], an[m], bl[m], bs[m])
				if n >= New(Options{Weight: w}).opt.MaxBootstrap && an[m] < 0.935 {
					t.Errorf("%s n=%d %s: analytic coverage %.3f", w, n, m, an[m])
				}
			}
		}
	}
}
