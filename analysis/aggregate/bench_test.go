package aggregate

import "testing"

// benchCorpus: 100k articles over 30 outlets and 15 years.
func benchCorpus(b *testing.B) []Article {
	b.Helper()
	return synth(100_000, 30, 15, 1)
}

func BenchmarkAdd(b *testing.B) {
	arts := benchCorpus(b)
	opt := synthOptions(2000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a := New(opt)
		for _, art := range arts {
			a.Add(art)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
}

func benchRows(b *testing.B, resamples int) {
	arts := benchCorpus(b)
	a := New(synthOptions(resamples))
	for _, art := range arts {
		a.Add(art)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a.Rows()
	}
}

func BenchmarkRows200(b *testing.B)  { benchRows(b, 200) }
func BenchmarkRows2000(b *testing.B) { benchRows(b, 2000) }

func BenchmarkComparisons(b *testing.B) {
	arts := benchCorpus(b)
	a := New(synthOptions(2000))
	for _, art := range arts {
		a.Add(art)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a.Comparisons()
	}
}
