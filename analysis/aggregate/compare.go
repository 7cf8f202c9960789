package aggregate

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/framescope/framescope/analysis/stats"
)

// Test names in Comparison.Test.
const (
	TestWelch       = "welch-t"
	TestMannWhitney = "mann-whitney"
	TestChiSquare   = "chi-square-yates"
	TestFisher      = "fisher-exact"
)

// Comparison is one test of outlet A against outlet B on one measure,
// pooled over years, with articles as units (see the package comment).
type Comparison struct {
	Measure, Voice string // tone measures as in Row; frames as "<frame>_presence"
	A, B           string // outlets, A < B
	Test           string // TestWelch, TestMannWhitney, TestChiSquare or TestFisher

	Statistic, DF float64 // t and df; W; X² and df; NaN for Fisher (and DF for W)
	P, PHolm      float64 // two-sided p; Holm-adjusted within measure × voice × test family

	Effect, EffectLow, EffectHigh float64 // EffectLow/High: Newcombe interval of a difference of proportions, else NaN
	EffectName                    string  // "cohens_d", "rank_biserial" or "diff_proportions"
	CramersV                      float64 // contingency tests only, else NaN

	ValueA, ValueB float64 // mean of the article means, or share of articles with the frame
	NA, NB         int     // articles
}

// family groups comparisons for Holm's adjustment.
func family(test string) string {
	if test == TestFisher {
		return TestChiSquare
	}
	return test
}

// Comparisons tests every pair of outlets on every measure and voice. Pairs
// where either outlet has fewer than two contributing articles are left out.
// The result is sorted by measure and voice (Row order), test (Welch,
// Mann–Whitney, contingency), A, B.
func (a *Aggregator) Comparisons() []Comparison {
	order := a.order()
	var srcNames []string
	bySrc := make(map[string][]int)
	for _, i := range order {
		s := a.srcs[i]
		if _, ok := bySrc[s]; !ok {
			srcNames = append(srcNames, s)
		}
		bySrc[s] = append(bySrc[s], i)
	}
	slices.Sort(srcNames)
	k := len(a.ms)
	z := distuv.UnitNormal.Quantile(0.975)

	type rankKey struct{ j, test int }
	var cs []Comparison
	var rank []rankKey
	for j, ms := range a.ms {
		// Per outlet: article means (tone) or (articles, articles with frame).
		vals := make([][]float64, len(srcNames))
		for s, name := range srcNames {
			for _, i := range bySrc[name] {
				c := a.cnts[i*k+j]
				if c == 0 {
					continue
				}
				v := a.sums[i*k+j] / float64(c)
				if ms.kind == kindShare {
					v = 0
					if a.sums[i*k+j] > 0 {
						v = 1
					}
				}
				vals[s] = append(vals[s], v)
			}
			slices.Sort(vals[s]) // once, for every pair's rank test
		}
		for s := range srcNames {
			for t := s + 1; t < len(srcNames); t++ {
				x, y := vals[s], vals[t]
				if len(x) < 2 || len(y) < 2 {
					continue
				}
				base := Comparison{
					Measure: ms.name, Voice: voices[ms.voice], A: srcNames[s], B: srcNames[t],
					EffectLow: math.NaN(), EffectHigh: math.NaN(), CramersV: math.NaN(),
					ValueA: mean(x), ValueB: mean(y), NA: len(x), NB: len(y),
				}
				if ms.kind == kindShare {
					base.Measure = a.opt.Frames[ms.frame] + "_presence"
					ka, kb := int(sum(x)), int(sum(y))
					na, nb := len(x), len(y)
					table := [][]float64{{float64(ka), float64(na - ka)}, {float64(kb), float64(nb - kb)}}
					c := base
					if stats.MinExpected(table) < 5 {
						c.Test = TestFisher
						c.Statistic, c.DF = math.NaN(), math.NaN()
						c.P = stats.FisherExact2x2(ka, na-ka, kb, nb-kb)
					} else {
						c.Test = TestChiSquare
						c.Statistic, c.DF, c.P = stats.ChiSquareTest(table)
					}
					c.EffectName = "diff_proportions"
					c.Effect, c.EffectLow, c.EffectHigh = stats.DiffProportions(ka, na, kb, nb, z)
					c.CramersV = stats.CramersV(table)
					cs = append(cs, c)
					rank = append(rank, rankKey{j, 2})
					continue
				}
				w := base
				w.Test = TestWelch
				w.Statistic, w.DF, w.P = stats.WelchT(x, y)
				w.EffectName, w.Effect = "cohens_d", stats.CohensD(x, y)
				m := base
				m.Test = TestMannWhitney
				m.DF = math.NaN()
				m.Statistic, m.P = stats.MannWhitneySorted(x, y)
				m.EffectName, m.Effect = "rank_biserial", stats.RankBiserial(m.Statistic, len(x), len(y))
				cs = append(cs, w, m)
				rank = append(rank, rankKey{j, 0}, rankKey{j, 1})
			}
		}
	}

	// Holm within measure × voice × test family (j fixes measure and voice).
	fam := make(map[rankKey][]int)
	for i, c := range cs {
		key := rankKey{rank[i].j, 0}
		switch family(c.Test) {
		case TestMannWhitney:
			key.test = 1
		case TestChiSquare:
			key.test = 2
		}
		fam[key] = append(fam[key], i)
	}
	for _, members := range fam {
		p := make([]float64, len(members))
		for n, i := range members {
			p[n] = cs[i].P
		}
		for n, q := range stats.Holm(p) {
			cs[members[n]].PHolm = q
		}
	}

	idx := make([]int, len(cs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int {
		if c := cmp.Compare(rank[x].j, rank[y].j); c != 0 {
			return c
		}
		if c := cmp.Compare(rank[x].test, rank[y].test); c != 0 {
			return c
		}
		if c := cmp.Compare(cs[x].A, cs[y].A); c != 0 {
			return c
		}
		return cmp.Compare(cs[x].B, cs[y].B)
	})
	out := make([]Comparison, len(cs))
	for n, i := range idx {
		out[n] = cs[i]
	}
	return out
}

func sum(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s
}

func mean(x []float64) float64 { return sum(x) / float64(len(x)) }
