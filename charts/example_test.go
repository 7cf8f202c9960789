package charts_test

import (
	"bytes"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framescope/framescope/charts"
)

func Example() {
	nan := math.NaN()
	d := charts.Data{
		Measure: "frame share (share of articles with the frame)",
		FrameShare: []charts.Estimate{
			{Group: "Dawn", Series: "muslim_unity", Value: 0.31, Low: 0.22, High: 0.41, N: 90},
			{Group: "Dawn", Series: "border_security", Value: 0.12, Low: 0.07, High: 0.20, N: 90},
			{Group: "خبرگزاری مهر", Series: "muslim_unity", Value: 0.44, Low: 0.33, High: 0.55, N: 70},
			{Group: "خبرگزاری مهر", Series: "border_security", Value: 0.05, Low: nan, High: nan, N: 70},
		},
		Note: "Unit: article; 95% Wilson intervals.",
	}
	figs, err := charts.Figures(d, charts.Options{Width: "1col"})
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range figs {
		fmt.Printf("%s: %q, %.1f × %.1f in\n", f.Name, f.Title, f.Width/72, f.Height/72)
		for _, a := range f.Aliases {
			fmt.Printf("  %s = %s\n", a.Shown, a.Name)
		}
	}
	for _, s := range charts.Skipped(d) {
		fmt.Println(s)
	}
	var b bytes.Buffer
	if _, err := figs[0].WriteTo(&b, "pdf"); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s\n", b.Bytes()[:8])
	// Output:
	// frame_share: "Frame share by outlet", 3.5 × 1.6 in
	//   Outlet 2 [fa] = خبرگزاری مهر
	// no tone by year figure: no estimates
	// no heat map figure: no estimates
	// no tone distribution figure: no paragraph tone values
	// no frame by voice figure: no estimates
	// %PDF-1.4
}

// ExampleNewHeatMap writes testdata/example_heatmap.svg, which
// TestExamples compares with its golden file.
func ExampleNewHeatMap() {
	est := []charts.Estimate{
		{Group: "Dawn", Series: "us_israel_threat", Value: 0.12},
		{Group: "Dawn", Series: "muslim_unity", Value: 0.31},
		{Group: "Tehran Times", Series: "us_israel_threat", Value: 0.52},
		{Group: "Tehran Times", Series: "muslim_unity", Value: 0.27},
		{Group: "روزنامہ جنگ", Series: "muslim_unity", Value: 0.4},
	}
	for i := range est {
		est[i].Low, est[i].High = math.NaN(), math.NaN()
	}
	f, err := charts.NewHeatMap(est, "frame share (share of articles with the frame)", charts.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range append(f.Warnings, charts.AliasWarnings([]*charts.Figure{f})...) {
		fmt.Println(w)
	}
	out, err := os.Create(filepath.Join("testdata", "example_heatmap.svg"))
	if err != nil {
		log.Fatal(err)
	}
	defer out.Close()
	if _, err := f.WriteTo(out, "svg"); err != nil {
		log.Fatal(err)
	}
	// Output:
	// frame_heatmap: 1 outlet × frame cell without an estimate (grey, "–")
	// charts: 1 label (script not in the figure fonts, shown as a code): Outlet 3 [ur] = روزنامہ جنگ
}

// ExampleNewToneDist writes testdata/example_tone_distribution.png, which
// TestExamples compares with its golden file.
func ExampleNewToneDist() {
	ds := []charts.Dist{
		{Label: "Dawn", Values: []float64{-0.4, -0.1, 0, 0.1, 0.2, 0.3, 0.9}, N: 7},
		{Label: "Tehran Times", Values: []float64{-0.8, -0.5, -0.3, -0.2, 0, 0.1}, N: 600},
		{Label: "Empty Outlet", N: 0},
	}
	f, err := charts.NewToneDist(ds, charts.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range f.Warnings {
		fmt.Println(w)
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b, "png"); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "example_tone_distribution.png"), b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	// Output:
	// tone_distribution: 1 outlet without paragraphs left out: ["Empty Outlet"]
	// tone_distribution: 1 outlet drawn from a sample of their paragraphs (n marked *)
}

// TestExamples runs the examples that write figures and compares what they
// wrote with the golden files.
func TestExamples(t *testing.T) {
	for _, c := range []struct {
		run  func()
		file string
	}{
		{ExampleNewHeatMap, "example_heatmap.svg"},
		{ExampleNewToneDist, "example_tone_distribution.png"},
	} {
		t.Run(c.file, func(t *testing.T) {
			c.run()
			got, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			charts.Golden(t, strings.Replace(c.file, ".", "_golden.", 1), got)
		})
	}
}
