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

// poissonLUT maps the top 12 bits of a 32-bit uniform to its Poisson(1)
// draw when every value with those bits gives the same draw, else to
// poissonSplit (a bucket that straddles a threshold: 12 of 4096).
var poissonLUT = func() [1 << 12]uint8 {
	var t [1 << 12]uint8
	for h := range t {
		lo, hi := poissonScan(uint32(h)<<20), poissonScan(uint32(h)<<20|(1<<20-1))
		t[h] = lo
		if lo != hi {
			t[h] = poissonSplit
		}
	}
	return t
}()

const poissonSplit = 0xff

func poissonScan(x uint32) uint8 {
	for j, t := range poissonOne32 {
		if x < t {
			return uint8(j)
		}
	}
	return uint8(len(poissonOne32))
}

// poisson32 is the Poisson(1) draw of a 32-bit uniform x.
func poisson32(x uint32) uint8 {
	if k := poissonLUT[x>>20]; k != poissonSplit {
		return k
	}
	return poissonScan(x)
}

// PoissonOnes fills w with independent Poisson(1) draws (values above 12
// are returned as 13), taking two draws from each 64-bit output of r (the
// low half first): it is PoissonOne at 32-bit resolution (probabilities
// exact to 2⁻³²), several times as fast, for bootstraps that draw a weight
// per unit and resample.
func PoissonOnes(r *rand.Rand, w []uint8) {
	var u uint64
	for i := range w {
		if i%2 == 0 {
			u = r.Uint64()
			w[i] = poisson32(uint32(u))
		} else {
			w[i] = poisson32(uint32(u >> 32))
		}
	}
}

// bootBlock is the number of resamples PoissonBootstrapRatio runs per pass
// over the clusters: its sums stay in the first-level cache.
const bootBlock = 256

// PoissonBootstrapRatio runs the Poisson bootstrap of the ratio
// R = Σyᵢ / Σmᵢ over clusters i (e.g. yᵢ an article's summed or mean tone
// and mᵢ its paragraph count or 1): on each of resamples replicates every
// cluster gets an independent Poisson(1) weight wᵢ and the replicate is
// Σwᵢyᵢ / Σwᵢmᵢ. Replicates whose Σwᵢmᵢ is not positive (every weight 0)
// are left out, so the result has at most resamples values, in resample
// order. It is PoissonBootstrapRatios with one ratio.
func PoissonBootstrapRatio(y, m []float64, resamples int, seed uint64) []float64 {
	if len(y) != len(m) || len(y) == 0 || resamples <= 0 {
		return nil
	}
	return PoissonBootstrapRatios(y, m, 1, resamples, seed)[0]
}

// PoissonBootstrapRatios bootstraps k ratios Rⱼ = Σᵢyᵢⱼ / Σᵢmᵢⱼ over the
// same clusters with the same weights: y and m are n×k, row i holding
// cluster i's values (mᵢⱼ = 0 where cluster i has no part in ratio j).
// The result's row j holds ratio j's replicates as PoissonBootstrapRatio
// describes. Sharing the draws makes k ratios cost one set of draws plus
// two multiply-adds per contributing cluster and resample.
//
// The weights come from NewRand(seed) as PoissonOnes draws them, in blocks
// of 256 resamples: for each block, for each cluster in order, the
// cluster's weights on the block's resamples. It panics if len(y) or
// len(m) is not a multiple of k ≥ 1.
func PoissonBootstrapRatios(y, m []float64, k, resamples int, seed uint64) [][]float64 {
	if k < 1 || len(y)%k != 0 || len(m) != len(y) {
		panic("stats: PoissonBootstrapRatios: y and m must be n×k")
	}
	n := len(y) / k
	sy, sm := make([][]float64, k), make([][]float64, k)
	for j := range k {
		sy[j], sm[j] = make([]float64, resamples), make([]float64, resamples)
	}
	src := rand.NewPCG(seed, pcgStream) // NewRand(seed)'s source
	var w [bootBlock]float64
	for lo := 0; lo < resamples; lo += bootBlock {
		hi := min(lo+bootBlock, resamples)
		w := w[:hi-lo]
		for i := range n {
			b := 0
			for ; b+1 < len(w); b += 2 {
				u := src.Uint64()
				w[b], w[b+1] = float64(poisson32(uint32(u))), float64(poisson32(uint32(u>>32)))
			}
			if b < len(w) {
				w[b] = float64(poisson32(uint32(src.Uint64())))
			}
			for j := range k {
				mij := m[i*k+j]
				if mij == 0 {
					continue
				}
				yij := y[i*k+j]
				sy, sm := sy[j][lo:hi], sm[j][lo:hi]
				sy, sm = sy[:len(w)], sm[:len(w)]
				for b, f := range w {
					sy[b] += f * yij
					sm[b] += f * mij
				}
			}
		}
	}
	out := make([][]float64, k)
	for j := range k {
		r := sy[j][:0]
		for b, s := range sm[j] {
			if s > 0 {
				r = append(r, sy[j][b]/s)
			}
		}
		out[j] = r
	}
	return out
}
