package stats

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

// The sleep data (Cushny and Peebles 1905, R's datasets::sleep): extra hours
// of sleep with drug 1 (group 1) and drug 2 (group 2).
var (
	sleep1 = []float64{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0}
	sleep2 = []float64{1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4}
)

const tol4 = 5e-5 // "to 4 decimals"

func near(got, want, tol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	if math.IsInf(want, 0) {
		return got == want
	}
	return math.Abs(got-want) <= tol
}

func check(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if !near(got, want, tol) {
		t.Errorf("%s = %.7g, want %.7g (±%g)", name, got, want, tol)
	}
}

func TestWelchT(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name       string
		x, y       []float64
		t, df, p   float64
		tolT, tolP float64
	}{
		// R: t.test(extra ~ group, data = sleep)
		{"R sleep", sleep1, sleep2, -1.8608, 17.776, 0.07939, tol4, 5e-6},
		{"swapped", sleep2, sleep1, 1.8608, 17.776, 0.07939, tol4, 5e-6},
		{"empty", nil, sleep2, nan, nan, nan, 0, 0},
		{"one value", []float64{1}, sleep2, nan, nan, nan, 0, 0},
		{"both constant", []float64{2, 2, 2}, []float64{3, 3}, nan, nan, nan, 0, 0},
		// one constant sample: df = n_other − 1 and the test is the one-sample t
		{"one constant", []float64{0, 0, 0}, []float64{1, 2, 3}, -3.4641, 2, 0.07418, tol4, 5e-5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gt, gdf, gp := WelchT(tc.x, tc.y)
			check(t, "t", gt, tc.t, tc.tolT)
			check(t, "df", gdf, tc.df, 5e-4)
			check(t, "p", gp, tc.p, tc.tolP)
		})
	}
}

func TestMeanCI(t *testing.T) {
	// R: t.test(extra ~ group, data = sleep, paired = TRUE) gives the 95% CI
	// −2.4598858, −0.7001142 for the mean of the differences.
	d := make([]float64, len(sleep1))
	for i := range d {
		d[i] = sleep1[i] - sleep2[i]
	}
	lo, hi := MeanCI(d, 0.95)
	check(t, "lo", lo, -2.4598858, 1e-6)
	check(t, "hi", hi, -0.7001142, 1e-6)
	lo, hi = MeanCI([]float64{1}, 0.95)
	if !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("one value: got %v %v, want NaN", lo, hi)
	}
	lo, hi = MeanCI([]float64{2, 2, 2}, 0.95)
	if lo != 2 || hi != 2 {
		t.Errorf("constant: got %v %v, want 2 2", lo, hi)
	}
}

func TestRatioMeanCI(t *testing.T) {
	// With every m = 1 it is the ordinary t interval.
	d := make([]float64, len(sleep1))
	ones := make([]float64, len(sleep1))
	for i := range d {
		d[i] = sleep1[i] - sleep2[i]
		ones[i] = 1
	}
	r, lo, hi := RatioMeanCI(d, ones, 0.95)
	check(t, "r", r, -1.58, 1e-12)
	check(t, "lo", lo, -2.4598858, 1e-6)
	check(t, "hi", hi, -0.7001142, 1e-6)

	// Hand-computed: y = (1, 2, 6), m = (1, 1, 2): R = 9/4; residuals
	// −1.25, −0.25, 1.5; Σ² = 3.875; V = 3/2·3.875/16 = 0.36328125;
	// t₀.₉₇₅,₂ = 4.302653.
	r, lo, hi = RatioMeanCI([]float64{1, 2, 6, 5}, []float64{1, 1, 2, 0}, 0.95)
	h := 4.302652729749464 * math.Sqrt(0.36328125)
	check(t, "r", r, 2.25, 1e-12)
	check(t, "lo", lo, 2.25-h, 1e-9)
	check(t, "hi", hi, 2.25+h, 1e-9)

	r, lo, _ = RatioMeanCI([]float64{3}, []float64{2}, 0.95)
	if r != 1.5 || !math.IsNaN(lo) {
		t.Errorf("one cluster: got %v %v, want 1.5 NaN", r, lo)
	}
	r, _, _ = RatioMeanCI([]float64{0}, []float64{0}, 0.95)
	if !math.IsNaN(r) {
		t.Errorf("no weight: got %v, want NaN", r)
	}
}

func TestMannWhitney(t *testing.T) {
	nan := math.NaN()
	hx := []float64{0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46}
	hy := []float64{1.15, 0.88, 0.90, 0.74, 1.21}
	for _, tc := range []struct {
		name string
		x, y []float64
		w, p float64
		tolP float64
	}{
		// R: wilcox.test(extra ~ group, data = sleep): ties → normal approximation
		{"R sleep", sleep1, sleep2, 25.5, 0.06933, 5e-6},
		// R's ?wilcox.test (Hollander & Wolfe): W = 35, one-sided p = 0.1272;
		// exact, two-sided doubles it (full enumeration: 0.2544122544).
		{"R exact", hx, hy, 35, 0.2544122544, 1e-9},
		{"exact lower tail", hy, hx, 15, 0.2544122544, 1e-9},
		// complete separation m = 3, n = 3: p = 2/C(6,3) = 0.1
		{"separated", []float64{1, 2, 3}, []float64{4, 5, 6}, 0, 0.1, 1e-12},
		{"all ties", []float64{1, 1}, []float64{1, 1, 1}, 3, 1, 0},
		{"empty", nil, []float64{1}, nan, nan, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, p := MannWhitney(tc.x, tc.y)
			check(t, "W", w, tc.w, 1e-12)
			check(t, "p", p, tc.p, tc.tolP)
		})
	}
}

func TestWilcoxCounts(t *testing.T) {
	// The counts of W for m, n sum to C(m+n, m) and are symmetric.
	for _, mn := range [][2]int{{1, 1}, {2, 3}, {5, 10}, {10, 5}, {20, 30}, {49, 49}} {
		c := wilcoxCounts(mn[0], mn[1])
		var s float64
		for i, v := range c {
			s += v
			if v < 0 || !near(v, c[len(c)-1-i], 1e-9*v) {
				t.Fatalf("%v: count[%d] = %v, mirror %v", mn, i, v, c[len(c)-1-i])
			}
		}
		want := math.Exp(lchoose(mn[0]+mn[1], mn[0]))
		if math.Abs(s-want) > 1e-9*want {
			t.Errorf("%v: Σ = %v, want C = %v", mn, s, want)
		}
	}
}

func TestChiSquare(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name        string
		table       [][]float64
		yates       bool
		stat, df, p float64
	}{
		// R's ?chisq.test: M <- as.table(rbind(c(762, 327, 468), c(484, 239, 477)))
		// X-squared = 30.07, df = 2, p-value = 2.954e-07
		{"R party", [][]float64{{762, 327, 468}, {484, 239, 477}}, true, 30.070149, 2, 2.953589e-07},
		// 2×2 with Yates (R's default), X² by hand, p = erfc(√(X²/2))
		{"yates", [][]float64{{12, 7}, {5, 7}}, true, 0.6411203, 1, 0.4233054},
		{"yates capped", [][]float64{{3, 1}, {1, 3}}, true, 0.5, 1, 0.4795001},
		{"no yates", [][]float64{{3, 1}, {1, 3}}, false, 2, 1, 0.1572992},
		{"zero column dropped", [][]float64{{762, 0, 327, 468}, {484, 0, 239, 477}}, true, 30.070149, 2, 2.953589e-07},
		{"one column", [][]float64{{3, 0}, {5, 0}}, true, nan, nan, nan},
		{"ragged", [][]float64{{3, 1}, {5}}, true, nan, nan, nan},
		{"empty", nil, true, nan, nan, nan},
		{"negative", [][]float64{{3, -1}, {1, 3}}, true, nan, nan, nan},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, df, p := PearsonChiSquare(tc.table, tc.yates)
			check(t, "X²", s, tc.stat, 1e-6)
			check(t, "df", df, tc.df, 0)
			check(t, "p", p, tc.p, 1e-7*math.Max(1, tc.p)+1e-12)
		})
	}
	s, _, _ := ChiSquareTest([][]float64{{3, 1}, {1, 3}})
	check(t, "ChiSquareTest Yates", s, 0.5, 1e-12)
}

func TestCramersVPhi(t *testing.T) {
	check(t, "V party", CramersV([][]float64{{762, 327, 468}, {484, 239, 477}}), 0.1044358, 1e-7)
	check(t, "V 2×2 = |φ|", CramersV([][]float64{{3, 1}, {1, 3}}), 0.5, 1e-12)
	check(t, "φ", Phi(3, 1, 1, 3), 0.5, 1e-12)
	check(t, "φ sign", Phi(1, 3, 3, 1), -0.5, 1e-12)
	check(t, "φ zero margin", Phi(0, 0, 1, 3), math.NaN(), 0)
	check(t, "V one column", CramersV([][]float64{{1, 0}, {2, 0}}), math.NaN(), 0)
}

func TestMinExpected(t *testing.T) {
	check(t, "tea", MinExpected([][]float64{{3, 1}, {1, 3}}), 2, 1e-12)
	check(t, "party", MinExpected([][]float64{{762, 327, 468}, {484, 239, 477}}), 1200*566/2757.0, 1e-9)
	check(t, "degenerate", MinExpected([][]float64{{1, 0}, {2, 0}}), 0, 0)
}

func TestFisherExact2x2(t *testing.T) {
	for _, tc := range []struct {
		name       string
		a, b, c, d int
		p          float64
	}{
		// R's ?fisher.test "Tea tasting": two-sided p = 0.4857
		{"R tea tasting", 3, 1, 1, 3, 0.4857142857},
		// R's ?fisher.test "Convictions" (Fisher 1962), two-sided by exact enumeration
		{"convictions", 2, 10, 15, 3, 0.0005367241191},
		{"transposed", 10, 2, 3, 15, 0.0005367241191},
		{"separated", 0, 5, 5, 0, 2.0 / 252},
		{"zero margin", 0, 0, 4, 3, 1},
		{"all zero", 0, 0, 0, 0, 1},
		{"negative", -1, 0, 4, 3, math.NaN()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			check(t, "p", FisherExact2x2(tc.a, tc.b, tc.c, tc.d), tc.p, 1e-9)
		})
	}
}

func TestHolm(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name    string
		p, want []float64
	}{
		// by hand: sorted .005 .01 .03 .04 → 4·.005, 3·.01, 2·.03, max(.06, .04)
		{"hand", []float64{0.01, 0.04, 0.03, 0.005}, []float64{0.03, 0.06, 0.06, 0.02}},
		{"capped", []float64{0.5, 0.6}, []float64{1, 1}},
		{"NaN kept out of m", []float64{0.01, nan, 0.02}, []float64{0.02, nan, 0.02}},
		{"empty", nil, []float64{}},
		{"one", []float64{0.2}, []float64{0.2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Holm(tc.p)
			if len(got) != len(tc.want) {
				t.Fatalf("len %d, want %d", len(got), len(tc.want))
			}
			for i := range got {
				check(t, fmt.Sprint("p̃", i), got[i], tc.want[i], 1e-12)
			}
		})
	}
}

func TestEffects(t *testing.T) {
	// sleep: effectsize::cohens_d(extra ~ group, data = sleep) = −0.83
	check(t, "d sleep", CohensD(sleep1, sleep2), -0.8321811, 1e-7)
	check(t, "g sleep", HedgesG(sleep1, sleep2), -0.8321811*(1-3.0/71), 1e-7)
	// effectsize::rank_biserial(extra ~ group, data = sleep) = −0.49
	check(t, "r sleep", RankBiserial(25.5, 10, 10), -0.49, 1e-12)
	check(t, "d constant", CohensD([]float64{1, 1}, []float64{1, 1}), math.NaN(), 0)
	check(t, "d one each", CohensD([]float64{1}, []float64{2}), math.NaN(), 0)
	check(t, "d one vs two", CohensD([]float64{1}, []float64{2, 4}), -2/math.Sqrt(2), 1e-12)
	check(t, "r empty", RankBiserial(0, 0, 3), math.NaN(), 0)
}

func TestProportionIntervals(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		k, n                 int
		wLo, wHi, cpLo, cpHi float64
	}{
		// Newcombe (1998), Stat Med 17:857–872, Table I: method 3 (Wilson)
		// and method 5 (Clopper–Pearson)
		{"81/263", 81, 263, 0.2553, 0.3662, 0.2527, 0.3676},
		{"15/148", 15, 148, 0.0624, 0.1605, 0.0578, 0.1617},
		{"0/20", 0, 20, 0, 0.1611, 0, 0.1684},
		{"1/29", 1, 29, 0.0061, 0.1718, 0.0009, 0.1776},
		// R's ?binom.test: binom.test(c(682, 243), p = 3/4) 95% CI
		{"682/925", 682, 925, math.NaN(), math.NaN(), 0.7076683, 0.7654066},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !math.IsNaN(tc.wLo) {
				lo, hi := Wilson(tc.k, tc.n, Z95)
				check(t, "wilson lo", lo, tc.wLo, tol4)
				check(t, "wilson hi", hi, tc.wHi, tol4)
			}
			lo, hi := ClopperPearson(tc.k, tc.n, 0.05)
			tol := tol4
			if tc.n == 925 {
				tol = 5e-7
			}
			check(t, "cp lo", lo, tc.cpLo, tol)
			check(t, "cp hi", hi, tc.cpHi, tol)
		})
	}
	for _, bad := range [][2]int{{0, 0}, {-1, 5}, {6, 5}} {
		lo, hi := Wilson(bad[0], bad[1], Z95)
		lo2, hi2 := ClopperPearson(bad[0], bad[1], 0.05)
		if !math.IsNaN(lo) || !math.IsNaN(hi) || !math.IsNaN(lo2) || !math.IsNaN(hi2) {
			t.Errorf("k=%d n=%d: got %v %v %v %v, want NaN", bad[0], bad[1], lo, hi, lo2, hi2)
		}
	}
	lo, hi := ClopperPearson(5, 5, 0.05)
	check(t, "cp 5/5 hi", hi, 1, 0)
	check(t, "cp 5/5 lo", lo, math.Pow(0.025, 0.2), 1e-9) // (α/2)^(1/n)
}

func TestDiffProportions(t *testing.T) {
	// Newcombe (1998), Stat Med 17:873–890, Table II, method 10
	for _, tc := range []struct {
		name           string
		k1, n1, k2, n2 int
		d, lo, hi      float64
	}{
		{"56/70−48/80", 56, 70, 48, 80, 0.2, 0.0524, 0.3339},
		{"9/10−3/10", 9, 10, 3, 10, 0.6, 0.1705, 0.8090},
		{"6/7−2/7", 6, 7, 2, 7, 0.5714, 0.0582, 0.8062},
		{"5/56−0/29", 5, 56, 0, 29, 0.0893, -0.0381, 0.1926},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, lo, hi := DiffProportions(tc.k1, tc.n1, tc.k2, tc.n2, Z95)
			check(t, "d", d, tc.d, tol4)
			check(t, "lo", lo, tc.lo, tol4)
			check(t, "hi", hi, tc.hi, tol4)
		})
	}
	d, _, _ := DiffProportions(1, 0, 1, 2, Z95)
	check(t, "n=0", d, math.NaN(), 0)
}

func TestQuantile7(t *testing.T) {
	x := []float64{1, 2, 3, 4, 10}
	for _, tc := range []struct {
		p, want float64
	}{
		// R: quantile(c(1,2,3,4,10), c(0, .1, .25, .5, .9, 1))
		{0, 1}, {0.1, 1.4}, {0.25, 2}, {0.5, 3}, {0.9, 7.6}, {1, 10},
	} {
		check(t, fmt.Sprint("q", tc.p), Quantile7(x, tc.p), tc.want, 1e-12)
	}
	check(t, "empty", Quantile7(nil, 0.5), math.NaN(), 0)
	lo, hi := PercentileInterval(x, 0.8)
	check(t, "lo", lo, 1.4, 1e-12)
	check(t, "hi", hi, 7.6, 1e-12)
	lo, _ = PercentileInterval([]float64{5}, 0.95)
	check(t, "single", lo, 5, 0)
}

func TestBootstrapClusters(t *testing.T) {
	x := []float64{3, 1, 4, 1, 5, 9, 2, 6}
	mean := func(idx []int) float64 {
		var s float64
		for _, i := range idx {
			s += x[i]
		}
		return s / float64(len(idx))
	}
	a := BootstrapClusters(len(x), 500, 7, mean)
	b := BootstrapClusters(len(x), 500, 7, mean)
	c := BootstrapClusters(len(x), 500, 8, mean)
	if !slices.Equal(a, b) {
		t.Fatal("same seed, different replicates")
	}
	if slices.Equal(a, c) {
		t.Fatal("different seeds, same replicates")
	}
	// The bootstrap mean of the mean is near the sample mean 3.875, and its
	// spread near s/√n·√((n−1)/n) = 2.8504/√8·√(7/8) = 0.9427.
	var m, ss float64
	for _, v := range a {
		m += v
	}
	m /= float64(len(a))
	for _, v := range a {
		ss += (v - m) * (v - m)
	}
	sd := math.Sqrt(ss / float64(len(a)-1))
	if math.Abs(m-3.875) > 0.15 || math.Abs(sd-0.9427) > 0.12 {
		t.Errorf("bootstrap mean %.3f sd %.3f, want ≈3.875 ≈0.943", m, sd)
	}
	if BootstrapClusters(0, 10, 1, mean) != nil || BootstrapClusters(3, 0, 1, mean) != nil {
		t.Error("empty input should give nil")
	}
}

func TestPoissonOne(t *testing.T) {
	r := NewRand(3)
	const n = 200000
	var count [15]int
	for range n {
		count[PoissonOne(r)]++
	}
	checkPoisson(t, count[:], n)
	w := make([]uint8, n)
	PoissonOnes(r, w)
	clear(count[:])
	for _, v := range w {
		count[v]++
	}
	checkPoisson(t, count[:], n)
}

func checkPoisson(t *testing.T, count []int, n int) {
	t.Helper()
	p := math.Exp(-1)
	for k := range 5 {
		got := float64(count[k]) / float64(n)
		if math.Abs(got-p) > 4*math.Sqrt(p*(1-p)/float64(n)) {
			t.Errorf("P(X=%d) = %.4f, want %.4f", k, got, p)
		}
		p /= float64(k + 1)
	}
}

// FuzzMannWhitney checks W against the direct count of pairs with x above
// y (ties ½), and p against [0, 1].
func FuzzMannWhitney(f *testing.F) {
	f.Add([]byte{1, 2, 3}, []byte{2, 2, 9})
	f.Add([]byte{5, 5, 5}, []byte{5})
	f.Add([]byte{0, 200, 7, 7, 3}, []byte{1, 7, 250, 8, 8, 8})
	f.Fuzz(func(t *testing.T, bx, by []byte) {
		x, y := make([]float64, len(bx)), make([]float64, len(by))
		for i, b := range bx {
			x[i] = float64(b % 16)
		}
		for i, b := range by {
			y[i] = float64(b % 16)
		}
		w, p := MannWhitney(x, y)
		if len(x) == 0 || len(y) == 0 {
			if !math.IsNaN(w) {
				t.Fatalf("empty sample: W = %v", w)
			}
			return
		}
		var want float64
		for _, a := range x {
			for _, b := range y {
				switch {
				case a > b:
					want++
				case a == b:
					want += 0.5
				}
			}
		}
		if w != want || !(p >= 0 && p <= 1) {
			t.Fatalf("W = %v p = %v, want W = %v and p in [0, 1]", w, p, want)
		}
	})
}

// TestPoissonLUT checks the table-driven draw against the threshold scan
// at both ends of every table bucket and on random values.
func TestPoissonLUT(t *testing.T) {
	for h := range uint32(1 << 12) {
		for _, x := range []uint32{h << 20, h<<20 | (1<<20 - 1), h<<20 | 0x5a5a5} {
			if got, want := poisson32(x), poissonScan(x); got != want {
				t.Fatalf("poisson32(%#x) = %d, want %d", x, got, want)
			}
		}
	}
	r := NewRand(1)
	for range 100000 {
		x := uint32(r.Uint64())
		if got, want := poisson32(x), poissonScan(x); got != want {
			t.Fatalf("poisson32(%#x) = %d, want %d", x, got, want)
		}
	}
}

func TestPoissonBootstrapRatio(t *testing.T) {
	y := []float64{1, 0.5, -2, 3, 0}
	m := []float64{2, 1, 4, 3, 1}
	const resamples = 301 // a block of 256 and one of 45
	got := PoissonBootstrapRatio(y, m, resamples, 9)
	// The same bootstrap written plainly with PoissonOnes.
	r := NewRand(9)
	sy, sm := make([]float64, resamples), make([]float64, resamples)
	for lo := 0; lo < resamples; lo += 256 {
		w := make([]uint8, min(256, resamples-lo))
		for i := range y {
			PoissonOnes(r, w)
			for b, wb := range w {
				sy[lo+b] += float64(wb) * y[i]
				sm[lo+b] += float64(wb) * m[i]
			}
		}
	}
	var want []float64
	for b := range sm {
		if sm[b] > 0 {
			want = append(want, sy[b]/sm[b])
		}
	}
	if len(want) == resamples {
		t.Fatal("test corpus too large: no empty resample to drop")
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %d replicates %v…, want %d %v…", len(got), got[:3], len(want), want[:3])
	}
	for _, tc := range []struct {
		name string
		y, m []float64
		n    int
	}{
		{"empty", nil, nil, 10},
		{"no resamples", y, m, 0},
		{"lengths differ", y, m[:2], 10},
	} {
		if got := PoissonBootstrapRatio(tc.y, tc.m, tc.n, 1); got != nil {
			t.Errorf("%s: got %v, want nil", tc.name, got)
		}
	}
}

func TestPercentileIntervalSelect(t *testing.T) {
	r := NewRand(4)
	for _, tc := range []struct {
		name  string
		n     int
		ties  bool
		level float64
	}{
		{"one", 1, false, 0.95},
		{"two", 2, false, 0.95},
		{"odd", 101, false, 0.9},
		{"bootstrap", 2000, false, 0.95},
		{"many ties", 1999, true, 0.95},
		{"all tied", 50, true, 0.5},
		{"central level: selection", 300, false, 0.5},
		{"wide level: heaps on both tails", 999, false, 0.99},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for rep := range 20 {
				x := make([]float64, tc.n)
				for i := range x {
					x[i] = r.NormFloat64()
					if tc.ties {
						x[i] = float64(r.IntN(1 + rep%7))
					}
				}
				sorted := slices.Sorted(slices.Values(x))
				wl, wh := PercentileInterval(sorted, tc.level)
				gl, gh := PercentileIntervalSelect(x, tc.level)
				if gl != wl || gh != wh {
					t.Fatalf("rep %d: got [%v, %v], want [%v, %v]", rep, gl, gh, wl, wh)
				}
			}
		})
	}
	if lo, hi := PercentileIntervalSelect(nil, 0.95); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("empty: got %v %v", lo, hi)
	}
}

// TestPoissonBootstrapRatios checks that k ratios bootstrapped together
// are each the single-ratio bootstrap of their column (clusters with
// mᵢⱼ = 0 draw their weights all the same).
func TestPoissonBootstrapRatios(t *testing.T) {
	y := []float64{1, 0, 0.5, 2, -2, 0, 3, 1, 0, 0}
	m := []float64{2, 0, 1, 1, 4, 0, 3, 1, 1, 0}
	got := PoissonBootstrapRatios(y, m, 2, 600, 5)
	for j := range 2 {
		var cy, cm []float64
		for i := j; i < len(y); i += 2 {
			cy, cm = append(cy, y[i]), append(cm, m[i])
		}
		if want := PoissonBootstrapRatio(cy, cm, 600, 5); !slices.Equal(got[j], want) {
			t.Errorf("ratio %d differs from its single bootstrap", j)
		}
	}
}
