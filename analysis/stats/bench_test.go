package stats

import "testing"

func BenchmarkMannWhitneyExact(b *testing.B) {
	x := make([]float64, 40)
	y := make([]float64, 45)
	for i := range x {
		x[i] = float64(i*7%83) + 0.5
	}
	for i := range y {
		y[i] = float64(i * 11 % 89)
	}
	b.ReportAllocs()
	for b.Loop() {
		MannWhitney(x, y)
	}
}

func BenchmarkBootstrapClusters(b *testing.B) {
	x := make([]float64, 1000)
	for i := range x {
		x[i] = float64(i % 17)
	}
	mean := func(idx []int) float64 {
		var s float64
		for _, i := range idx {
			s += x[i]
		}
		return s
	}
	b.ReportAllocs()
	for b.Loop() {
		BootstrapClusters(len(x), 2000, 1, mean)
	}
}

func BenchmarkPoissonBootstrapRatio(b *testing.B) {
	y := make([]float64, 100)
	m := make([]float64, 100)
	for i := range y {
		y[i], m[i] = float64(i%7)/7, 1
	}
	b.ReportAllocs()
	for b.Loop() {
		PoissonBootstrapRatio(y, m, 2000, 1)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(y)*2000), "ns/draw")
}
