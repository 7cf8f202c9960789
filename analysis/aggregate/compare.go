package aggregate

import (
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

// Comparisons tests every pair of outlets on every measure and voice. Pairs
// where either outlet has fewer than two contributing articles are left out.
// The result is sorted by measure and voice (Row order), test (Welch,
// Mann–Whitney, contingency), A, B.
//
// Cost: per measure, one sort of its article values and one sweep that
// counts the Mann–Whitney pairs of every outlet pair at once,
// O(n log n + n·outlets); the Welch and contingency tests are O(1) per pair
// from each outlet's summary. Measures run on Options.Workers goroutines;
// the result does not depend on their number.
func (a *Aggregator) Comparisons() []Comparison {
	names := slices.Clone(a.srcNames)
	slices.Sort(names)
	rank := make([]int32, len(a.srcNames)) // interned id → index in names
	for id, s := range a.srcNames {
		n, _ := slices.BinarySearch(names, s)
		rank[id] = int32(n)
	}
	src := make([]int32, len(a.src))
	for i, id := range a.src {
		src[i] = rank[id]
	}

	// Tasks are runs of adjacent measures holding together at most
	// blockSamples values (or one measure), so that gathering their values
	// streams the summaries a few times, not once per measure, in bounded
	// memory.
	k := len(a.ms)
	counts := a.contrib
	var blocks [][2]int
	for lo := 0; lo < k; {
		hi, n := lo+1, counts[lo]
		for hi < k && n+counts[hi] <= blockSamples {
			n += counts[hi]
			hi++
		}
		blocks = append(blocks, [2]int{lo, hi})
		lo = hi
	}
	out := make([][]Comparison, k)
	a.parallel(len(blocks), func(b int) {
		lo, hi := blocks[b][0], blocks[b][1]
		var w compareWork
		vals := make([][]sample, hi-lo)
		for j := lo; j < hi; j++ {
			vals[j-lo] = make([]sample, 0, counts[j])
		}
		for i := range a.recs.Len() {
			a.entries(i, lo, hi, func(j int, sum float64, c int32) {
				v := sum / float64(c)
				if a.ms[j].kind == kindShare {
					v = 0
					if sum > 0 {
						v = 1
					}
				}
				vals[j-lo] = append(vals[j-lo], sample{key: orderedBits(v), src: src[i]})
			})
		}
		for j := lo; j < hi; j++ {
			out[j] = a.compareMeasure(j, names, vals[j-lo], &w)
			vals[j-lo] = nil
		}
	})
	var cs []Comparison
	for _, c := range out {
		cs = append(cs, c...)
	}
	return cs
}

// blockSamples bounds the values Comparisons gathers per pass (16 bytes
// each): 8 MB per worker, besides the scratch of the measure being tested.
const blockSamples = 1 << 19

// sample is one article's value of a measure: the value's bits in an
// order-preserving form (see orderedBits) and the article's outlet.
type sample struct {
	key uint64
	src int32
}

// orderedBits maps a float64 (not NaN) to a uint64 whose unsigned order is
// the float's order; −0 and +0 map to the same key.
func orderedBits(v float64) uint64 {
	if v == 0 {
		v = 0 // −0 → +0
	}
	b := math.Float64bits(v)
	if b>>63 != 0 {
		return ^b
	}
	return b | 1<<63
}

func fromOrderedBits(u uint64) float64 {
	if u>>63 != 0 {
		return math.Float64frombits(u &^ (1 << 63))
	}
	return math.Float64frombits(^u)
}

// radixSort sorts xs by key, stably, with an LSD radix sort on bytes
// (skipping bytes every key shares); tmp is scratch space.
func radixSort(xs []sample, tmp *[]sample) {
	if cap(*tmp) < len(xs) {
		*tmp = make([]sample, len(xs))
	}
	src, dst := xs, (*tmp)[:len(xs)]
	for shift := uint(0); shift < 64; shift += 8 {
		var count [256]int
		for _, x := range src {
			count[byte(x.key>>shift)]++
		}
		if count[byte(src[0].key>>shift)] == len(src) {
			continue
		}
		pos := 0
		for d, c := range count {
			count[d] = pos
			pos += c
		}
		for _, x := range src {
			d := byte(x.key >> shift)
			dst[count[d]] = x
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &xs[0] {
		copy(xs, src)
	}
}

// compareWork is scratch space reused across measures.
type compareWork struct {
	tmp []sample
}

// compareMeasure tests every pair of outlets on measure j, whose article
// values are vals (any order).
func (a *Aggregator) compareMeasure(j int, names []string, vals []sample, w *compareWork) []Comparison {
	if len(vals) == 0 {
		return nil
	}
	ms := a.ms[j]
	ns := len(names)
	radixSort(vals, &w.tmp)

	// Each outlet's values, ascending: the order every sum below uses.
	per := make([][]float64, ns)
	counts := make([]int, ns)
	for _, x := range vals {
		counts[x.src]++
	}
	buf := make([]float64, len(vals))
	for s, c := range counts {
		per[s], buf = buf[:0:c], buf[c:]
	}
	for _, x := range vals {
		per[x.src] = append(per[x.src], fromOrderedBits(x.key))
	}
	type summary struct{ total, mean, m, v float64 } // Σx, Σx/n; m, v from stats.MeanVar
	sum := make([]summary, ns)
	for s, x := range per {
		if len(x) == 0 {
			continue
		}
		sum[s].total = total(x)
		sum[s].mean = sum[s].total / float64(len(x))
		sum[s].m, sum[s].v = stats.MeanVar(x)
	}
	z := distuv.UnitNormal.Quantile(0.975)
	var welch, mw, ct []Comparison
	pair := func(s, t int) Comparison {
		x, y := per[s], per[t]
		return Comparison{
			Measure: ms.name, Voice: voices[ms.voice], A: names[s], B: names[t],
			EffectLow: math.NaN(), EffectHigh: math.NaN(), CramersV: math.NaN(),
			ValueA: sum[s].mean, ValueB: sum[t].mean, NA: len(x), NB: len(y),
		}
	}
	if ms.kind == kindShare {
		for s := range ns {
			for t := s + 1; t < ns; t++ {
				na, nb := len(per[s]), len(per[t])
				if na < 2 || nb < 2 {
					continue
				}
				c := pair(s, t)
				c.Measure = a.opt.Frames[ms.frame] + "_presence"
				ka, kb := int(sum[s].total), int(sum[t].total)
				table := [][]float64{{float64(ka), float64(na - ka)}, {float64(kb), float64(nb - kb)}}
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
				ct = append(ct, c)
			}
		}
		holm(ct)
		return ct
	}

	w2, ties, cross := rankSweep(vals, ns)
	for s := range ns {
		for t := s + 1; t < ns; t++ {
			nx, ny := len(per[s]), len(per[t])
			if nx < 2 || ny < 2 {
				continue
			}
			c := pair(s, t)
			c.Test = TestWelch
			c.Statistic, c.DF, c.P = stats.WelchTStats(sum[s].m, sum[s].v, nx, sum[t].m, sum[t].v, ny)
			c.EffectName, c.Effect = "cohens_d", stats.CohensDStats(sum[s].m, sum[s].v, nx, sum[t].m, sum[t].v, ny)
			welch = append(welch, c)
			m := pair(s, t)
			m.Test = TestMannWhitney
			m.DF = math.NaN()
			m.Statistic = float64(w2[s*ns+t]) / 2
			m.P = stats.MannWhitneyP(m.Statistic, nx, ny, float64(ties[s]+ties[t]+cross[s*ns+t]))
			m.EffectName, m.Effect = "rank_biserial", stats.RankBiserial(m.Statistic, nx, ny)
			mw = append(mw, m)
		}
	}
	holm(welch)
	holm(mw)
	return append(welch, mw...)
}

// rankSweep counts, in one pass over vals sorted by key, the Mann–Whitney
// statistic of every pair of outlets s < t (x from s, y from t):
//
//	w2[s·ns+t] = 2·#{xᵢ > yⱼ} + #{xᵢ = yⱼ}   (twice W)
//
// and the tie sums: ties[s] = Σ(c³ − c) over the runs of c equal values
// within outlet s, cross[s·ns+t] = Σ 3·cₛ·cₜ·(cₛ + cₜ) over the values both
// share, so that the pooled tie sum of a pair is
// ties[s] + ties[t] + cross[s·ns+t]. All counts are exact integers.
func rankSweep(vals []sample, ns int) (w2, ties, cross []int64) {
	w2, ties, cross = make([]int64, ns*ns), make([]int64, ns), make([]int64, ns*ns)
	below := make([]int64, ns) // values of each outlet below the current run
	run := make([]int64, ns)   // the current run's count per outlet
	var in []int32             // outlets in the current run
	for i := 0; i < len(vals); {
		e := i + 1
		for e < len(vals) && vals[e].key == vals[i].key {
			e++
		}
		if e == i+1 { // no tie: the common case
			s := int(vals[i].src)
			row := w2[s*ns : (s+1)*ns]
			for t := s + 1; t < ns; t++ {
				row[t] += 2 * below[t]
			}
			below[s]++
			i = e
			continue
		}
		in = in[:0]
		for _, x := range vals[i:e] {
			if run[x.src] == 0 {
				in = append(in, x.src)
			}
			run[x.src]++
		}
		slices.Sort(in)
		for n, s := range in {
			c := run[s]
			row := w2[int(s)*ns : int(s+1)*ns]
			for t := int(s) + 1; t < ns; t++ {
				row[t] += 2 * c * below[t]
			}
			ties[s] += c*c*c - c
			for _, t := range in[n+1:] {
				d := run[t]
				row[t] += c * d
				cross[int(s)*ns+int(t)] += 3 * c * d * (c + d)
			}
		}
		for _, s := range in {
			below[s] += run[s]
			run[s] = 0
		}
		i = e
	}
	return w2, ties, cross
}

// holm sets PHolm on comparisons of one family.
func holm(cs []Comparison) {
	p := make([]float64, len(cs))
	for n, c := range cs {
		p[n] = c.P
	}
	for n, q := range stats.Holm(p) {
		cs[n].PHolm = q
	}
}

func total(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s
}
