package stats

import "math"

// CohensD is Cohen's d for two independent samples with the pooled
// standard deviation:
//
//	d = (x̄ − ȳ) / s_p,  s_p² = ((nx−1)sx² + (ny−1)sy²) / (nx+ny−2)
//
// NaN when nx + ny < 3, either sample is empty, or s_p = 0.
func CohensD(x, y []float64) float64 {
	if len(x) == 0 || len(y) == 0 {
		return math.NaN()
	}
	mx, vx := meanVar(x)
	my, vy := meanVar(y)
	return CohensDStats(mx, vx, len(x), my, vy, len(y))
}

// CohensDStats is CohensD from the samples' sizes, means and unbiased
// variances (see MeanVar); it gives CohensD's result bit for bit.
func CohensDStats(mx, vx float64, nx int, my, vy float64, ny int) float64 {
	if nx <= 0 || ny <= 0 || nx+ny < 3 {
		return math.NaN()
	}
	if nx == 1 {
		vx = 0
	}
	if ny == 1 {
		vy = 0
	}
	sp := math.Sqrt((float64(nx-1)*vx + float64(ny-1)*vy) / float64(nx+ny-2))
	if !(sp > 0) {
		return math.NaN()
	}
	return (mx - my) / sp
}

// HedgesG is Cohen's d with Hedges's small-sample correction:
//
//	g = d · (1 − 3/(4(nx+ny) − 9))
func HedgesG(x, y []float64) float64 {
	n := float64(len(x) + len(y))
	return CohensD(x, y) * (1 - 3/(4*n-9))
}
