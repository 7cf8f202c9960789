package stats

import (
	"math"
	"sort"
)

// Holm returns Holm's step-down adjustment of the p-values p, as R's
// p.adjust(p, "holm"): with the m non-NaN p-values in ascending order
// p₍₁₎ ≤ … ≤ p₍ₘ₎,
//
//	p̃₍ᵢ₎ = min(1, max_{j≤i} (m−j+1)·p₍ⱼ₎)
//
// returned in the order of p. NaN entries stay NaN and are not counted in m
// (as R's default n = length(p[!is.na(p)])).
func Holm(p []float64) []float64 {
	out := make([]float64, len(p))
	idx := make([]int, 0, len(p))
	for i, v := range p {
		if math.IsNaN(v) {
			out[i] = math.NaN()
			continue
		}
		idx = append(idx, i)
	}
	sort.SliceStable(idx, func(a, b int) bool { return p[idx[a]] < p[idx[b]] })
	m := len(idx)
	run := 0.0
	for rank, i := range idx {
		run = math.Max(run, float64(m-rank)*p[i])
		out[i] = math.Min(1, run)
	}
	return out
}
