package pipeline

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/framescope/framescope/analysis/cputime"
	"github.com/framescope/framescope/pipeline/clean"
	"github.com/framescope/framescope/pipeline/gen"
	"github.com/framescope/framescope/pipeline/ingest"
)

// generated writes a 1 MB corpus with pipeline/gen (seed 1, sentences from
// the seeds and, when present, ../shared/eval) and reads it as the ingest
// stage would.
func generated(b *testing.B) ([]ingest.Article, int64) {
	b.Helper()
	dir := b.TempDir()
	_, err := gen.Write(dir, gen.Options{Size: 1 << 20, Seed: 1, SeedsDir: seedsDir, SharedDir: filepath.Join("..", "..", "shared")})
	if err != nil {
		b.Fatal(err)
	}
	return readArticles(b, filepath.Join(dir, gen.TxtDir))
}

// cpuLoop runs f b.N times on one OS thread and reports, besides wall time,
// that thread's CPU time per byte as cpu-MB/s: on a shared machine wall time
// overstates the cost.
func cpuLoop(b *testing.B, bytes int64, f func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.SetBytes(bytes)
	b.ReportAllocs()
	c0 := cputime.Thread()
	for b.Loop() {
		f()
	}
	if d := cputime.Thread() - c0; d > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
	}
}

// BenchmarkScoreArticleGenerated is the score stage (clean, segment,
// tokenize, voice, frames, tone) on a 1 MB generated corpus, per core.
func BenchmarkScoreArticleGenerated(b *testing.B) {
	m, err := NewModels("", "")
	if err != nil {
		b.Fatal(err)
	}
	arts, n := generated(b)
	cpuLoop(b, n, func() {
		for _, a := range arts {
			ScoreArticle(a, m)
		}
	})
}

// BenchmarkScoreParagraphs is the score stage after cleaning (tokenize,
// voice, frames, tone) on the paragraphs of a 1 MB generated corpus, for
// each tone scorer.
func BenchmarkScoreParagraphs(b *testing.B) {
	arts, n := generated(b)
	paras := make([][]clean.Paragraph, len(arts))
	for i, a := range arts {
		paras[i], _ = clean.Article(a.Text, clean.Hints{Title: a.Meta.Title, Source: a.Meta.Source})
	}
	for _, name := range []string{"news", "rules", "nb"} {
		m, err := NewModels("", name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			cpuLoop(b, n, func() {
				for i, a := range arts {
					scoreParagraphs(a.Text, paras[i], m)
				}
			})
		})
	}
}

// BenchmarkFormatRows is the worker's formatting of the per-article tables
// (paragraphs.csv, articles.csv, matches.csv and the aggregators'
// paragraphs) on a 1 MB generated corpus, scored before the timer starts.
func BenchmarkFormatRows(b *testing.B) {
	m, err := NewModels("", "")
	if err != nil {
		b.Fatal(err)
	}
	arts, n := generated(b)
	scored := make([]Article, len(arts))
	for i, a := range arts {
		scored[i] = ScoreArticle(a, m)
	}
	f := rowFormat{cb: m.Codebook}
	var rows articleRows
	var out int
	cpuLoop(b, n, func() {
		out = 0
		for i := range scored {
			f.format(&scored[i], &rows)
			out += len(rows.paras.buf) + len(rows.article.buf) + len(rows.matches.buf)
		}
	})
	b.ReportMetric(float64(out)/float64(n), "out-bytes/in-byte")
}
