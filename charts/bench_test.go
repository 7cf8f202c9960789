package charts

import (
	"github.com/framescope/framescope/analysis/cputime"
	"io"
	"testing"
)

// BenchmarkFigures renders every figure in every format for 30 outlets ×
// 15 years (the size issue #5 asks to stay well under 2 s).
func BenchmarkFigures(b *testing.B) {
	d := sampleData(30, 15)
	b.ReportAllocs()
	start := cputime.Process()
	defer func() { b.ReportMetric(float64(cputime.Process()-start)/1e6/float64(b.N), "cpu-ms/op") }()
	for b.Loop() {
		figs, err := Figures(d, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range figs {
			for _, format := range Formats {
				if _, err := f.WriteTo(io.Discard, format); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}

// BenchmarkFormat renders each figure of 30 outlets × 15 years in one
// format.
func BenchmarkFormat(b *testing.B) {
	figs, err := Figures(sampleData(30, 15), Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range Formats {
		for _, f := range figs {
			b.Run(format+"/"+f.Name, func(b *testing.B) {
				b.ReportAllocs()
				start := cputime.Process()
				defer func() { b.ReportMetric(float64(cputime.Process()-start)/1e6/float64(b.N), "cpu-ms/op") }()
				for b.Loop() {
					if _, err := f.WriteTo(io.Discard, format); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkBuild measures validation and layout alone (no rendering).
func BenchmarkBuild(b *testing.B) {
	d := sampleData(30, 15)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Figures(d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteAll writes every figure in every format for 30 outlets ×
// 15 years to files, rendering in parallel as the pipeline does.
func BenchmarkWriteAll(b *testing.B) {
	figs, err := Figures(sampleData(30, 15), Options{})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	b.ReportAllocs()
	start := cputime.Process()
	defer func() { b.ReportMetric(float64(cputime.Process()-start)/1e6/float64(b.N), "cpu-ms/op") }()
	for b.Loop() {
		if _, err := WriteAll(dir, figs, nil); err != nil {
			b.Fatal(err)
		}
	}
}
