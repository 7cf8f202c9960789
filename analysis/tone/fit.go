package tone

import (
	"math"
	"math/rand/v2"
)

// linear is a fitted model: score = tanh(bias + Σ w[i]·x[i]).
type linear struct {
	bias float64
	w    []float64
}

func (m *linear) apply(x []float64) float64 {
	z := m.bias
	for i, v := range x {
		if i < len(m.w) {
			z += m.w[i] * v
		}
	}
	return clamp1(math.Tanh(z))
}

// fitLinear fits score = tanh(bias + w·x) to gold in −1…1 by least squares with
// a ridge penalty lambda·n·|w|² on standardised features, by Gauss–Newton steps
// from zero: deterministic, and converged in a few dozen steps for a handful of
// weights (stopping once no parameter moves by 1e-9). Features with zero
// variance get weight 0.
func fitLinear(xs [][]float64, gold []float64, lambda float64) linear {
	if len(xs) == 0 {
		return linear{}
	}
	pen := make([]float64, len(xs[0]))
	for i := range pen {
		pen[i] = lambda
	}
	return fitLinearPen(xs, gold, pen)
}

// fitLinearPen is fitLinear with a penalty of its own for each feature:
// pen[i]·n·w[i]² on the standardised feature i.
func fitLinearPen(xs [][]float64, gold []float64, pen []float64) linear {
	if len(xs) == 0 {
		return linear{}
	}
	nf := len(xs[0])
	n := float64(len(xs))
	mean := make([]float64, nf)
	sd := make([]float64, nf)
	for _, x := range xs {
		for i, v := range x {
			mean[i] += v / n
		}
	}
	for _, x := range xs {
		for i, v := range x {
			sd[i] += (v - mean[i]) * (v - mean[i]) / n
		}
	}
	for i := range sd {
		sd[i] = math.Sqrt(sd[i])
	}
	d := nf + 1 // parameter 0 is the bias
	z := make([]float64, d)
	theta := make([]float64, d)
	jtj := make([][]float64, d)
	for i := range jtj {
		jtj[i] = make([]float64, d)
	}
	jtr := make([]float64, d)
	const steps = 40
	for range steps {
		for i := range jtj {
			clear(jtj[i])
		}
		clear(jtr)
		for k, x := range xs {
			z[0] = 1
			for i, v := range x {
				z[i+1] = 0
				if sd[i] > 0 {
					z[i+1] = (v - mean[i]) / sd[i]
				}
			}
			a := 0.0
			for i := range z {
				a += theta[i] * z[i]
			}
			t := math.Tanh(a)
			g := 1 - t*t
			r := gold[k] - t
			for i := range z {
				ji := g * z[i]
				if ji == 0 {
					continue
				}
				jtr[i] += ji * r
				for j := range z {
					jtj[i][j] += ji * g * z[j]
				}
			}
		}
		for i := 1; i < d; i++ {
			jtj[i][i] += pen[i-1] * n
			jtr[i] -= pen[i-1] * n * theta[i]
		}
		delta := solve(jtj, jtr)
		step := 0.0
		for i := range theta {
			theta[i] += delta[i]
			step = max(step, math.Abs(delta[i]))
		}
		if step < 1e-9 { // converged
			break
		}
	}
	m := linear{bias: theta[0], w: make([]float64, nf)}
	for i := range m.w {
		if sd[i] > 0 {
			m.w[i] = theta[i+1] / sd[i]
			m.bias -= theta[i+1] * mean[i] / sd[i]
		}
	}
	return m
}

// solve returns x with a·x = b by Gaussian elimination with partial pivoting,
// overwriting a and b; a zero pivot (an unused feature) gives 0 for that unknown.
func solve(a [][]float64, b []float64) []float64 {
	d := len(b)
	for c := range d {
		p := c
		for r := c + 1; r < d; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		if math.Abs(a[c][c]) < 1e-12 {
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
	x := make([]float64, d)
	for c := d - 1; c >= 0; c-- {
		if math.Abs(a[c][c]) < 1e-12 {
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

// trainRows returns the rows whose fold is not k: fold k's training set.
func trainRows(fold []int, k int) []int {
	var train []int
	for i, f := range fold {
		if f != k {
			train = append(train, i)
		}
	}
	return train
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

// calib maps a score onto the paper's 3-class reading (neutral within ±0.05):
// scores within tau of delta map linearly into (−0.05, 0.05), the rest keep
// their order above 0.05 or below −0.05. Monotone, so r barely moves; it moves
// the neutral band to where people put it.
type calib struct{ delta, tau float64 }

func (c calib) apply(s float64) float64 {
	if c.tau <= 0 {
		return s
	}
	x := s - c.delta
	a := math.Abs(x)
	if a <= c.tau {
		return x * 0.05 / c.tau
	}
	span := 1 + math.Abs(c.delta) - c.tau // room left above the band
	return clamp1(math.Copysign(0.05+(a-c.tau)*0.95/span, x))
}

// fitCalib chooses the calib with the best 3-class macro F1 of scores against
// gold on a grid (delta −0.20…0.20, tau 0.02…0.40, steps of 0.02), ties to the
// first found.
func fitCalib(scores, gold []float64) calib {
	gc := make([]int, len(gold))
	for i, g := range gold {
		gc[i] = class3(g) + 1
	}
	best, bestF1 := calib{}, -1.0
	for di := -10; di <= 10; di++ {
		for ti := 1; ti <= 20; ti++ {
			c := calib{delta: float64(di) / 50, tau: float64(ti) / 50}
			var m [3][3]float64
			for i, s := range scores {
				m[gc[i]][class3(c.apply(s))+1]++
			}
			if f := confusionF1(&m); f > bestF1 {
				best, bestF1 = c, f
			}
		}
	}
	return best
}

// confusionF1 is the macro F1 of a confusion matrix m[gold][predicted], over
// the classes that occur.
func confusionF1(m *[3][3]float64) float64 {
	var sum float64
	n := 0
	for c := range 3 {
		tp := m[c][c]
		var fp, fn float64
		for o := range 3 {
			if o != c {
				fp += m[o][c]
				fn += m[c][o]
			}
		}
		if tp+fp+fn == 0 {
			continue
		}
		n++
		sum += 2 * tp / (2*tp + fp + fn)
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}
