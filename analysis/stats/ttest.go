package stats

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// meanVar returns the mean and the unbiased sample variance of x
// (NaN variance when len(x) < 2).
func meanVar(x []float64) (mean, variance float64) {
	n := float64(len(x))
	if len(x) == 0 {
		return math.NaN(), math.NaN()
	}
	for _, v := range x {
		mean += v
	}
	mean /= n
	if len(x) < 2 {
		return mean, math.NaN()
	}
	var ss, comp float64
	for _, v := range x {
		d := v - mean
		ss += d * d
		comp += d
	}
	// Corrected two-pass algorithm (Chan, Golub and LeVeque).
	variance = (ss - comp*comp/n) / (n - 1)
	if variance < 0 {
		variance = 0
	}
	return mean, variance
}

// WelchT is Welch's unequal-variances two-sample t test, two-sided, as R's
// t.test(x, y) with its default var.equal = FALSE:
//
//	t  = (x̄ − ȳ) / √(sx²/nx + sy²/ny)
//	df = (sx²/nx + sy²/ny)² / ((sx²/nx)²/(nx−1) + (sy²/ny)²/(ny−1))
//	p  = 2·P(T_df ≥ |t|)
//
// with s² the unbiased sample variances. It returns NaN for all three when
// either sample has fewer than two values or both have zero variance (R
// stops there with "data are essentially constant").
func WelchT(x, y []float64) (t, df, p float64) {
	if len(x) < 2 || len(y) < 2 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	mx, vx := meanVar(x)
	my, vy := meanVar(y)
	return WelchTStats(mx, vx, len(x), my, vy, len(y))
}

// MeanVar returns the mean and the unbiased sample variance of x, as
// WelchT and CohensD compute them (NaN variance when len(x) < 2; NaN for
// both when x is empty). With WelchTStats and CohensDStats it lets many
// pairwise tests summarise each sample once.
func MeanVar(x []float64) (mean, variance float64) { return meanVar(x) }

// WelchTStats is WelchT from the samples' sizes, means and unbiased
// variances (see MeanVar); it gives WelchT's result bit for bit.
func WelchTStats(mx, vx float64, nx int, my, vy float64, ny int) (t, df, p float64) {
	nan := math.NaN()
	if nx < 2 || ny < 2 {
		return nan, nan, nan
	}
	ax, ay := vx/float64(nx), vy/float64(ny)
	se2 := ax + ay
	if !(se2 > 0) {
		return nan, nan, nan
	}
	t = (mx - my) / math.Sqrt(se2)
	df = se2 * se2 / (ax*ax/float64(nx-1) + ay*ay/float64(ny-1))
	p = 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Survival(math.Abs(t))
	return t, df, math.Min(p, 1)
}

// MeanCI is the t interval for the mean of x at the given level (e.g. 0.95),
// as R's t.test(x)$conf.int:
//
//	x̄ ± t_{(1+level)/2, n−1} · s/√n
//
// It returns NaN, NaN when len(x) < 2 and the point x̄, x̄ when s = 0.
func MeanCI(x []float64, level float64) (lo, hi float64) {
	if len(x) < 2 || !(level > 0 && level < 1) {
		return math.NaN(), math.NaN()
	}
	m, v := meanVar(x)
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(len(x) - 1)}.Quantile((1 + level) / 2)
	h := q * math.Sqrt(v/float64(len(x)))
	return m - h, m + h
}

// RatioMeanCI is the cluster-robust t interval for the ratio mean
// R = Σyᵢ / Σmᵢ over clusters i = 1..n (e.g. yᵢ the summed tone of the
// paragraphs of article i and mᵢ their number). Its linearised variance is
//
//	V = n/(n−1) · Σ (yᵢ − R·mᵢ)² / (Σmᵢ)²
//
// and the interval R ± t_{(1+level)/2, n−1}·√V. With every mᵢ = 1 it is the
// ordinary t interval for the mean of the yᵢ. Clusters with mᵢ = 0 are
// skipped. It returns R and NaN bounds when fewer than two clusters remain,
// and NaN for everything when Σmᵢ = 0.
func RatioMeanCI(y, m []float64, level float64) (r, lo, hi float64) {
	nan := math.NaN()
	if len(y) != len(m) {
		return nan, nan, nan
	}
	var sy, sm float64
	n := 0
	for i := range y {
		if m[i] == 0 {
			continue
		}
		sy += y[i]
		sm += m[i]
		n++
	}
	if sm == 0 {
		return nan, nan, nan
	}
	r = sy / sm
	if n < 2 || !(level > 0 && level < 1) {
		return r, nan, nan
	}
	var ss float64
	for i := range y {
		if m[i] == 0 {
			continue
		}
		d := y[i] - r*m[i]
		ss += d * d
	}
	v := float64(n) / float64(n-1) * ss / (sm * sm)
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile((1 + level) / 2)
	h := q * math.Sqrt(v)
	return r, r - h, r + h
}
