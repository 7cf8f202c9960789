package stats

import (
	"math"
	"math/rand/v2"
)

// pcgStream is the second word of the PCG state: any fixed odd constant;
// this one is the 64-bit golden ratio.
const pcgStream = 0x9e3779b97f4a7c15

// NewRand returns the generator every random draw in framescope uses: a PCG
// source seeded with seed (the same seed gives the same draws on every
// platform and Go release that keeps math/rand/v2's PCG).
func NewRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, pcgStream))
}

// BootstrapClusters runs a nonparametric bootstrap that resamples whole
// clusters (for framescope: articles, never their paragraphs, which are not
// independent). For each of resamples replicates it draws n cluster indices
// in [0, n) with replacement and calls stat with them; it returns the
// replicates in draw order. The idx slice is reused between calls: stat must
// not keep it. The draws are deterministic in seed. n ≤ 0 or
// resamples ≤ 0 gives nil.
//
// For a percentile interval sort the result and call PercentileInterval;
// drop NaN replicates first if stat can return them.
func BootstrapClusters(n, resamples int, seed uint64, stat func(idx []int) float64) []float64 {
	if n <= 0 || resamples <= 0 {
		return nil
	}
	r := NewRand(seed)
	idx := make([]int, n)
	out := make([]float64, resamples)
	for b := range out {
		for i := range idx {
			idx[i] = r.IntN(n)
		}
		out[b] = stat(idx)
	}
	return out
}

// poissonOne holds P(X ≤ k) for X ~ Poisson(1), k = 0..12, scaled to 2⁶⁴.
var poissonOne = func() [13]uint64 {
	var t [13]uint64
	p, c := math.Exp(-1), 0.0
	for k := range t {
		c += p
		p /= float64(k + 1)
		t[k] = uint64(math.Min(c, 1) * (1 << 63) * 2)
		if c >= 1 {
			t[k] = math.MaxUint64
		}
	}
	return t
}()

// PoissonOne draws from the Poisson distribution with mean 1 by inversion
// (values above 12, probability 1.1·10⁻¹⁰, are returned as 13). It is the
// per-unit weight of the Poisson bootstrap, in which every cluster gets an
// independent Poisson(1) count on each resample instead of a multinomial
// draw: the counts of disjoint groups are independent, so a pooled
// group's resample is the sum of its parts' and bootstraps merge (Hanley and
// MacGibbon 2006; Chamandy et al. 2012, "Estimating uncertainty for massive
// data streams").
func PoissonOne(r *rand.Rand) int {
	u := r.Uint64()
	for k, t := range poissonOne {
		if u < t {
			return k
		}
	}
	return len(poissonOne)
}

// poissonOne32 is poissonOne for 32-bit uniforms.
var poissonOne32 = func() [13]uint32 {
	var t [13]uint32
	for k, v := range poissonOne {
		t[k] = uint32(v >> 32)
	}
	return t
}()

// PoissonOnes fills w with independent Poisson(1) draws (values above 12
// are returned as 13), taking two draws from each 64-bit output of r: it
// is PoissonOne at 32-bit resolution (probabilities exact to 2⁻³²), about
// twice as fast, for bootstraps that draw a weight per unit and resample.
func PoissonOnes(r *rand.Rand, w []uint8) {
	var u uint64
	for i := range w {
		var x uint32
		if i%2 == 0 {
			u = r.Uint64()
			x = uint32(u)
		} else {
			x = uint32(u >> 32)
		}
		k := uint8(len(poissonOne32))
		for j, t := range poissonOne32 {
			if x < t {
				k = uint8(j)
				break
			}
		}
		w[i] = k
	}
}
