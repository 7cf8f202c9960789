package stats_test

import (
	"fmt"
	"slices"

	"github.com/framescope/framescope/analysis/stats"
)

func ExampleWelchT() {
	drug1 := []float64{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0}
	drug2 := []float64{1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4}
	t, df, p := stats.WelchT(drug1, drug2)
	fmt.Printf("t = %.4f, df = %.3f, p = %.5f\n", t, df, p)
	fmt.Printf("d = %.2f\n", stats.CohensD(drug1, drug2))
	// Output:
	// t = -1.8608, df = 17.776, p = 0.07939
	// d = -0.83
}

func ExampleMannWhitney() {
	drug1 := []float64{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0}
	drug2 := []float64{1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4}
	w, p := stats.MannWhitney(drug1, drug2)
	fmt.Printf("W = %g, p = %.5f, r = %.2f\n", w, p, stats.RankBiserial(w, len(drug1), len(drug2)))
	// Output:
	// W = 25.5, p = 0.06933, r = -0.49
}

func ExampleChiSquareTest() {
	// Party identification by gender (R's ?chisq.test).
	stat, df, p := stats.ChiSquareTest([][]float64{{762, 327, 468}, {484, 239, 477}})
	fmt.Printf("X² = %.2f, df = %g, p = %.4g\n", stat, df, p)
	// Output:
	// X² = 30.07, df = 2, p = 2.954e-07
}

func ExampleFisherExact2x2() {
	// Fisher's lady tasting tea: 3 of 4 milk-first cups identified.
	fmt.Printf("p = %.4f\n", stats.FisherExact2x2(3, 1, 1, 3))
	// Output:
	// p = 0.4857
}

func ExampleHolm() {
	fmt.Println(stats.Holm([]float64{0.01, 0.04, 0.03, 0.005}))
	// Output:
	// [0.03 0.06 0.06 0.02]
}

func ExampleWilson() {
	lo, hi := stats.Wilson(81, 263, stats.Z95)
	fmt.Printf("Wilson %.4f–%.4f\n", lo, hi)
	lo, hi = stats.ClopperPearson(81, 263, 0.05)
	fmt.Printf("Clopper–Pearson %.4f–%.4f\n", lo, hi)
	// Output:
	// Wilson 0.2553–0.3662
	// Clopper–Pearson 0.2527–0.3676
}

func ExampleDiffProportions() {
	d, lo, hi := stats.DiffProportions(56, 70, 48, 80, stats.Z95)
	fmt.Printf("%.2f (%.4f, %.4f)\n", d, lo, hi)
	// Output:
	// 0.20 (0.0524, 0.3339)
}

func ExampleBootstrapClusters() {
	// Per-article frame shares: resample articles, not paragraphs.
	share := []float64{0, 0.5, 0.25, 1, 0, 0.75, 0.5, 0.25}
	reps := stats.BootstrapClusters(len(share), 2000, 42, func(idx []int) float64 {
		var s float64
		for _, i := range idx {
			s += share[i]
		}
		return s / float64(len(idx))
	})
	slices.Sort(reps)
	lo, hi := stats.PercentileInterval(reps, 0.95)
	fmt.Printf("%.2f–%.2f\n", lo, hi)
	// Output:
	// 0.19–0.66
}
