package stats

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// exactLimit is R's bound for wilcox.test's exact p-value: both samples
// smaller than 50 and no ties.
const exactLimit = 50

// MannWhitney is the two-sided Wilcoxon rank-sum (Mann–Whitney) test of x
// against y, as R's wilcox.test(x, y) with its defaults:
//
//	W = Σ rank(xᵢ) − nx(nx+1)/2   (ranks in the pooled sample, ties averaged)
//
// W counts the pairs (xᵢ, yⱼ) with xᵢ > yⱼ, ties counting ½. When both
// samples have fewer than 50 values and there are no ties, p is exact (the
// null distribution of W counted by the q-binomial coefficient). Otherwise p
// is the normal approximation with continuity and tie correction:
//
//	z = (W − nx·ny/2 − ½·sign(W − nx·ny/2)) / σ
//	σ² = nx·ny/12 · ((N+1) − Σ(t³−t)/(N(N−1))),  N = nx+ny
//	p = 2·min(Φ(z), 1−Φ(z))
//
// When every value ties, W = nx·ny/2 and p = 1 (R returns NaN). An empty
// sample gives NaN, NaN.
func MannWhitney(x, y []float64) (w, p float64) {
	for _, v := range x {
		if math.IsNaN(v) {
			return math.NaN(), math.NaN()
		}
	}
	for _, v := range y {
		if math.IsNaN(v) {
			return math.NaN(), math.NaN()
		}
	}
	xs, ys := slices.Clone(x), slices.Clone(y)
	slices.Sort(xs)
	slices.Sort(ys)
	return MannWhitneySorted(xs, ys)
}

// MannWhitneySorted is MannWhitney for samples already sorted in ascending
// order (without NaN); it takes O(nx + ny) time besides the exact p-value,
// so many pairwise tests can sort each sample once.
func MannWhitneySorted(x, y []float64) (w, p float64) {
	nx, ny := len(x), len(y)
	if nx == 0 || ny == 0 {
		return math.NaN(), math.NaN()
	}
	// Merge: each run of equal values gets the mean of the ranks it spans.
	var rx, tieSum float64
	i, j, rank := 0, 0, 0
	for i < nx || j < ny {
		var v float64
		switch {
		case j == ny || i < nx && x[i] <= y[j]:
			v = x[i]
		default:
			v = y[j]
		}
		cx, cy := 0, 0
		for i < nx && x[i] == v {
			i++
			cx++
		}
		for j < ny && y[j] == v {
			j++
			cy++
		}
		t := cx + cy
		mid := float64(2*rank+t+1) / 2
		rx += float64(cx) * mid
		rank += t
		tt := float64(t)
		tieSum += tt*tt*tt - tt
	}
	w = rx - float64(nx)*float64(nx+1)/2
	return w, MannWhitneyP(w, nx, ny, tieSum)
}

// MannWhitneyP is the two-sided p-value of MannWhitney for a statistic W
// on samples of sizes nx and ny whose pooled sample has tie sum
// Σ(t³ − t) over its runs of t equal values (0 without ties): exact when
// there are no ties and both samples are smaller than 50, else the normal
// approximation with continuity and tie correction. It lets callers that
// count W themselves (e.g. for many pairs in one sweep) get MannWhitney's
// p bit for bit. NaN when either size is zero.
func MannWhitneyP(w float64, nx, ny int, tieSum float64) (p float64) {
	if nx <= 0 || ny <= 0 {
		return math.NaN()
	}
	mn := float64(nx) * float64(ny)
	if tieSum == 0 && nx < exactLimit && ny < exactLimit {
		return wilcoxExactP(w, nx, ny)
	}
	n := float64(nx + ny)
	sigma := math.Sqrt(mn / 12 * ((n + 1) - tieSum/(n*(n-1))))
	z := w - mn/2
	if !(sigma > 0) {
		return 1
	}
	corr := 0.0
	switch {
	case z > 0:
		corr = 0.5
	case z < 0:
		corr = -0.5
	}
	z = (z - corr) / sigma
	norm := distuv.UnitNormal
	p = 2 * math.Min(norm.CDF(z), norm.Survival(z))
	return math.Min(p, 1)
}

// wilcoxCounts returns c with c[u] the number of the C(m+n, m) orderings
// of m x's and n y's with W = u (pairs with x above y). It adds up the
// recursion on the largest value (an x above all n y's, or a y):
//
//	c_{m,n}(u) = c_{m−1,n}(u − n) + c_{m,n−1}(u)
//
// with additions only, so every count keeps full relative precision.
func wilcoxCounts(m, n int) []float64 {
	c := make([][]float64, m+1)
	for j := range c {
		c[j] = make([]float64, m*n+1)
		c[j][0] = 1 // n = 0: one ordering, W = 0
	}
	for k := 1; k <= n; k++ {
		for j := 1; j <= m; j++ {
			cur, prev := c[j][k:j*k+1], c[j-1][:j*k-k+1]
			for u := range prev {
				cur[u] += prev[u]
			}
		}
	}
	return c[m]
}

// wilcoxExactP is R's two-sided exact p for an integer W.
func wilcoxExactP(w float64, m, n int) float64 {
	c := wilcoxCounts(m, n)
	var total float64
	for _, v := range c {
		total += v
	}
	cdf := func(q float64) float64 { // P(W ≤ q)
		if q < 0 {
			return 0
		}
		var s float64
		for u := 0; u <= int(q) && u < len(c); u++ {
			s += c[u]
		}
		return s / total
	}
	var p float64
	if w > float64(m*n)/2 {
		p = 1 - cdf(w-1)
	} else {
		p = cdf(w)
	}
	return math.Min(2*p, 1)
}

// RankBiserial is the rank-biserial correlation for a Mann–Whitney W of
// samples of sizes nx and ny (Kerby's simple difference formula):
//
//	r = 2W/(nx·ny) − 1
//
// r ∈ [−1, 1]; positive when x tends to exceed y. NaN when nx·ny = 0.
func RankBiserial(w float64, nx, ny int) float64 {
	if nx <= 0 || ny <= 0 {
		return math.NaN()
	}
	return 2*w/(float64(nx)*float64(ny)) - 1
}
