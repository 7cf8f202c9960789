package tone

import (
	"math"
	"math/rand/v2"
)

// fitWeights fits score = tanh(bias + w·f) to gold in −1…1 by least squares
// with a small ridge penalty (on standardised features), by Gauss–Newton steps
// from zero: deterministic for the same input.
func fitWeights(feats [][nFeat]float64, gold []float64, use [nFeat]bool) weights {
	n := float64(len(feats))
	var mean, sd [nFeat]float64
	for _, f := range feats {
		for i, x := range f {
			mean[i] += x / n
		}
	}
	for _, f := range feats {
		for i, x := range f {
			sd[i] += (x - mean[i]) * (x - mean[i]) / n
		}
	}
	for i := range sd {
		sd[i] = math.Sqrt(sd[i])
		if sd[i] == 0 || !use[i] {
			sd[i] = 0
		}
	}
	z := make([][nFeat]float64, len(feats))
	for k, f := range feats {
		for i, x := range f {
			if sd[i] > 0 {
				z[k][i] = (x - mean[i]) / sd[i]
			}
		}
	}
	// Gauss–Newton with a ridge term, from zero: deterministic, and converged
	// in a few dozen steps for a handful of weights.
	const (
		lambda = 1e-3
		steps  = 40
	)
	const d = nFeat + 1 // parameter 0 is the bias
	var theta [d]float64
	for range steps {
		var jtj [d][d]float64
		var jtr [d]float64
		for k := range z {
			x := [d]float64{1}
			copy(x[1:], z[k][:])
			a := 0.0
			for i := range x {
				a += theta[i] * x[i]
			}
			t := math.Tanh(a)
			g := 1 - t*t
			r := gold[k] - t
			for i := range x {
				ji := g * x[i]
				jtr[i] += ji * r
				for j := range x {
					jtj[i][j] += ji * g * x[j]
				}
			}
		}
		for i := 1; i < d; i++ {
			jtj[i][i] += lambda * n
			jtr[i] -= lambda * n * theta[i]
		}
		delta := solve(jtj, jtr)
		for i := range theta {
			theta[i] += delta[i]
		}
	}
	b := theta[0]
	var w [nFeat]float64
	copy(w[:], theta[1:])
	// back to raw features
	var m weights
	m.bias = b
	for i := range w {
		if sd[i] > 0 {
			m.w[i] = w[i] / sd[i]
			m.bias -= w[i] * mean[i] / sd[i]
		}
	}
	return m
}

// foldsByGroup assigns each distinct group to one of k folds, shuffled by seed,
// and returns each row's fold.
func foldsByGroup(groups []string, k int, seed uint64) []int {
	idx := groupIndex(groups)
	perm := rand.New(rand.NewPCG(seed, 0x63762d66)).Perm(len(idx))
	fold := make([]int, len(groups))
	for pos, g := range perm {
		for _, i := range idx[g] {
			fold[i] = pos % k
		}
	}
	return fold
}

// solve returns x with a·x = b by Gaussian elimination with partial pivoting;
// a zero pivot (an unused feature) gives 0 for that unknown.
func solve(a [nFeat + 1][nFeat + 1]float64, b [nFeat + 1]float64) [nFeat + 1]float64 {
	const d = nFeat + 1
	for c := range d {
		p := c
		for r := c + 1; r < d; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		if a[c][c] == 0 {
			continue
		}
		for r := c + 1; r < d; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < d; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	var x [d]float64
	for c := d - 1; c >= 0; c-- {
		if a[c][c] == 0 {
			continue
		}
		s := b[c]
		for k := c + 1; k < d; k++ {
			s -= a[c][k] * x[k]
		}
		x[c] = s / a[c][c]
	}
	return x
}
