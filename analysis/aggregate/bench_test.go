package aggregate

import (
	"fmt"
	"github.com/framescope/framescope/analysis/cputime"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
)

// loopCPU runs f in b.Loop and reports its CPU seconds per call.
func loopCPU(b *testing.B, f func()) {
	b.ReportAllocs()
	b.ResetTimer()
	start := cputime.Process()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	b.ReportMetric((cputime.Process()-start).Seconds()/float64(n), "cpu-s/op")
}

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

// The 1 GB corpus: 250,000 articles over 30 outlets × 15 years, scored
// with the real codebook's shape (3 frames, 13 actors: 53 measures over the
// 3 voices), default options.
const (
	bigArticles = 250_000
	bigOutlets  = 30
	bigYears    = 15
)

var (
	bigFrames = []string{"us_israel_threat", "muslim_unity", "border_security"}
	bigActors = []string{"a01", "a02", "a03", "a04", "a05", "a06", "a07", "a08", "a09", "a10", "a11", "a12", "a13"}
	// paragraph mention rates of the actors: a few are everywhere, most are rare
	bigMention = []float64{0.3, 0.2, 0.15, 0.1, 0.08, 0.06, 0.05, 0.04, 0.03, 0.02, 0.015, 0.01, 0.005}
	bigFrame   = []float64{0.25, 0.08, 0.02}
)

// bigPool returns 20,000 distinct scored articles (Doc and Year unset);
// bigArticle reuses them with fresh Docs and years, so the benchmark does
// not hold 250k articles' paragraphs.
func bigPool() []Article {
	r := rand.New(rand.NewPCG(3, 4))
	pool := make([]Article, 20_000)
	for i := range pool {
		o := r.IntN(bigOutlets)
		artTone := math.Tanh(float64(o)/bigOutlets - 0.5 + r.NormFloat64()*0.4)
		paras := make([]Para, 1+r.IntN(20))
		for j := range paras {
			p := &paras[j]
			p.Voice = [...]string{"outlet", "outlet", "quote", "mixed"}[r.IntN(4)]
			p.Tone = math.Max(-1, math.Min(1, artTone+r.NormFloat64()*0.3))
			p.ToneOutlet, p.ToneQuote = math.NaN(), math.NaN()
			if p.Voice != "quote" {
				p.ToneOutlet = p.Tone
			}
			if p.Voice != "outlet" {
				p.ToneQuote = math.Max(-1, p.Tone-0.2)
			}
			p.Frames = make([]bool, len(bigFrames))
			for f, rate := range bigFrame {
				p.Frames[f] = r.Float64() < rate*(0.5+float64(o)/bigOutlets)
			}
			p.Targets = make([]float64, len(bigActors))
			for t, rate := range bigMention {
				p.Targets[t] = math.NaN()
				if r.Float64() < rate {
					p.Targets[t] = math.Max(-1, math.Min(1, artTone+r.NormFloat64()*0.5))
				}
			}
		}
		pool[i] = Article{Source: fmt.Sprintf("outlet%02d", o), Paras: paras}
	}
	return pool
}

type bigCorpus struct {
	pool  []Article
	docs  []string
	years []int
}

func newBigCorpus() *bigCorpus {
	c := &bigCorpus{pool: bigPool(), docs: make([]string, bigArticles), years: make([]int, bigArticles)}
	r := rand.New(rand.NewPCG(5, 6))
	for i := range c.docs {
		c.docs[i] = fmt.Sprintf("https://news.example/%07d", i)
		c.years[i] = 2010 + r.IntN(bigYears)
		if r.IntN(50) == 0 {
			c.years[i] = 0
		}
	}
	return c
}

func (c *bigCorpus) article(i int) Article {
	art := c.pool[i%len(c.pool)]
	art.Doc, art.Year = c.docs[i], c.years[i]
	return art
}

func (c *bigCorpus) aggregator(workers int) *Aggregator {
	a := New(Options{Frames: bigFrames, Actors: bigActors, Seed: 1, Workers: workers})
	for i := range bigArticles {
		a.Add(c.article(i))
	}
	return a
}

func Benchmark250kAdd(b *testing.B) {
	c := newBigCorpus()
	var a *Aggregator
	loopCPU(b, func() { a = c.aggregator(1) })
	// What the aggregator holds: the benchmark's corpus is live too, so
	// measure the heap with and without the aggregator.
	runtime.GC()
	var with, without runtime.MemStats
	runtime.ReadMemStats(&with)
	runtime.KeepAlive(a)
	a = nil
	runtime.GC()
	runtime.ReadMemStats(&without)
	b.ReportMetric(float64(with.HeapAlloc-without.HeapAlloc)/(1<<20), "aggregator-MB")
}

func benchBigRows(b *testing.B, workers int) {
	a := newBigCorpus().aggregator(workers)
	loopCPU(b, func() { a.Rows() })
}

func Benchmark250kRows(b *testing.B)         { benchBigRows(b, 1) }
func Benchmark250kRowsWorkers2(b *testing.B) { benchBigRows(b, 2) }

func Benchmark250kComparisons(b *testing.B) {
	a := newBigCorpus().aggregator(1)
	loopCPU(b, func() { a.Comparisons() })
}
