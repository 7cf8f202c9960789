package stats

import (
	"slices"

	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Wilson is the Wilson score interval for k successes in n trials at normal
// quantile z (1.959964 for 95%), as R's prop.test(k, n, correct = FALSE):
//
//	(p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n),  p̂ = k/n
//
// NaN, NaN when n ≤ 0, k ∉ [0, n] or z < 0. The bounds are clamped to
// [0, 1] against rounding.
func Wilson(k, n int, z float64) (lo, hi float64) {
	if n <= 0 || k < 0 || k > n || !(z >= 0) {
		return math.NaN(), math.NaN()
	}
	return WilsonP(float64(k)/float64(n), float64(n), z)
}

// WilsonP is Wilson for a proportion p̂ ∈ [0, 1] observed on n units, which
// need not be whole counts. For the mean p̂ of n independent values in
// [0, 1] (e.g. per-article shares) it is conservative: such a mean has
// variance at most p(1−p)/n, the binomial variance the score interval uses.
func WilsonP(p, n, z float64) (lo, hi float64) {
	if !(n > 0) || !(p >= 0 && p <= 1) || !(z >= 0) {
		return math.NaN(), math.NaN()
	}
	z2 := z * z
	den := 1 + z2/n
	c := (p + z2/(2*n)) / den
	h := z * math.Sqrt(p*(1-p)/n+z2/(4*n*n)) / den
	return math.Max(0, c-h), math.Min(1, c+h)
}

// ClopperPearson is the exact (Clopper–Pearson) interval for k successes in
// n trials at level 1 − alpha, as R's binom.test(k, n)$conf.int:
//
//	lo = B⁻¹(alpha/2; k, n−k+1)     (0 when k = 0)
//	hi = B⁻¹(1−alpha/2; k+1, n−k)   (1 when k = n)
//
// with B⁻¹ the beta quantile. NaN, NaN when n ≤ 0, k ∉ [0, n] or
// alpha ∉ (0, 1).
func ClopperPearson(k, n int, alpha float64) (lo, hi float64) {
	if n <= 0 || k < 0 || k > n || !(alpha > 0 && alpha < 1) {
		return math.NaN(), math.NaN()
	}
	lo, hi = 0, 1
	if k > 0 {
		lo = distuv.Beta{Alpha: float64(k), Beta: float64(n - k + 1)}.Quantile(alpha / 2)
	}
	if k < n {
		hi = distuv.Beta{Alpha: float64(k + 1), Beta: float64(n - k)}.Quantile(1 - alpha/2)
	}
	return lo, hi
}

// Quantile7 is the p-quantile of sorted (ascending) by linear interpolation
// between order statistics, R's default quantile type 7:
//
//	h = (n−1)·p,  Q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)   (0-based)
//
// NaN for an empty slice or p ∉ [0, 1].
func Quantile7(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 || !(p >= 0 && p <= 1) {
		return math.NaN()
	}
	h := float64(n-1) * p
	i := int(math.Floor(h))
	if i >= n-1 {
		return sorted[n-1]
	}
	f := h - float64(i)
	if f == 0 {
		return sorted[i]
	}
	return sorted[i] + f*(sorted[i+1]-sorted[i])
}

// PercentileInterval is the central percentile interval of a sorted
// (ascending) sample at the given level (e.g. 0.95), for bootstrap
// replicates: the type-7 quantiles (1−level)/2 and (1+level)/2 (see
// Quantile7). NaN, NaN for an empty sample or level ∉ (0, 1).
func PercentileInterval(sorted []float64, level float64) (lo, hi float64) {
	if len(sorted) == 0 || !(level > 0 && level < 1) {
		return math.NaN(), math.NaN()
	}
	return Quantile7(sorted, (1-level)/2), Quantile7(sorted, (1+level)/2)
}

// DiffProportions is the difference of two independent proportions
// d = k1/n1 − k2/n2 with Newcombe's hybrid score interval (method 10 of
// Newcombe 1998, Statistics in Medicine 17:873–890), built from the Wilson
// intervals (l₁, u₁) and (l₂, u₂) at normal quantile z:
//
//	lo = d − √((p₁−l₁)² + (u₂−p₂)²)
//	hi = d + √((u₁−p₁)² + (p₂−l₂)²)
//
// NaN for all three when either n ≤ 0 or a k is out of range.
func DiffProportions(k1, n1, k2, n2 int, z float64) (d, lo, hi float64) {
	l1, u1 := Wilson(k1, n1, z)
	l2, u2 := Wilson(k2, n2, z)
	if math.IsNaN(l1) || math.IsNaN(l2) {
		return math.NaN(), math.NaN(), math.NaN()
	}
	p1, p2 := float64(k1)/float64(n1), float64(k2)/float64(n2)
	d = p1 - p2
	lo = d - math.Sqrt((p1-l1)*(p1-l1)+(u2-p2)*(u2-p2))
	hi = d + math.Sqrt((u1-p1)*(u1-p1)+(p2-l2)*(p2-l2))
	return d, lo, hi
}

// Z95 is the standard normal quantile for a two-sided 95% interval.
var Z95 = distuv.UnitNormal.Quantile(0.975)

// PercentileIntervalSelect is PercentileInterval for an unsorted sample,
// which it reorders: it finds the four order statistics the two type-7
// quantiles need by selection, in O(n) expected time instead of the
// O(n log n) of a sort, and gives the same bounds bit for bit. x must not
// hold NaN.
func PercentileIntervalSelect(x []float64, level float64) (lo, hi float64) {
	if len(x) == 0 || !(level > 0 && level < 1) {
		return math.NaN(), math.NaN()
	}
	lo = quantile7Select(x, (1-level)/2)
	// x[:i+1] now holds the i+1 smallest; the upper quantile's index is at
	// least i, so selecting in the rest leaves the lower one valid.
	return lo, quantile7Select(x, (1+level)/2)
}

// quantile7Select is Quantile7 of x by selection; it reorders x.
func quantile7Select(x []float64, p float64) float64 {
	n := len(x)
	h := float64(n-1) * p
	i := int(math.Floor(h))
	if i >= n-1 {
		selectK(x, n-1)
		return x[n-1]
	}
	selectK(x, i)
	f := h - float64(i)
	if f == 0 {
		return x[i]
	}
	next := slices.Min(x[i+1:])
	return x[i] + f*(next-x[i])
}

// selectK reorders x so that x[k] is its k-th smallest value (0-based),
// with no larger value before it and no smaller one after (Hoare's
// quickselect with a median-of-three pivot; deterministic).
func selectK(x []float64, k int) {
	lo, hi := 0, len(x)-1
	for hi > lo {
		mid := lo + (hi-lo)/2
		if x[mid] < x[lo] {
			x[mid], x[lo] = x[lo], x[mid]
		}
		if x[hi] < x[lo] {
			x[hi], x[lo] = x[lo], x[hi]
		}
		if x[hi] < x[mid] {
			x[hi], x[mid] = x[mid], x[hi]
		}
		pivot := x[mid]
		i, j := lo, hi
		for i <= j {
			for x[i] < pivot {
				i++
			}
			for x[j] > pivot {
				j--
			}
			if i <= j {
				x[i], x[j] = x[j], x[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return // j < k < i: x[k] equals the pivot and is in place
		}
	}
}
