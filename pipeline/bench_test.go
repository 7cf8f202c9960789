package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/framescope/framescope/pipeline/ingest"
)

// seedArticles reads the seeds as the ingest stage would.
func seedArticles(b *testing.B) ([]ingest.Article, int64) { return readArticles(b, seedsDir) }

// readArticles reads the corpus at path as the ingest stage would, and
// returns its articles and their bytes of text.
func readArticles(b *testing.B, path string) ([]ingest.Article, int64) {
	b.Helper()
	r, err := ingest.Open(path, ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	var arts []ingest.Article
	var n int64
	for r.Scan() {
		a := r.Article()
		arts = append(arts, a)
		n += int64(len(a.Text))
	}
	if err := r.Err(); err != nil {
		b.Fatal(err)
	}
	return arts, n
}

// BenchmarkScoreArticle is the score stage (clean, segment, tokenize, frames,
// tone, voice) on the five seed articles, per core.
func BenchmarkScoreArticle(b *testing.B) {
	m, err := NewModels("", "")
	if err != nil {
		b.Fatal(err)
	}
	arts, n := seedArticles(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			ScoreArticle(a, m)
		}
	}
}

// BenchmarkRunSeeds is the whole run on seeds/ with SVG charts only: mostly
// fixed costs (models, codebook, charts, report).
func BenchmarkRunSeeds(b *testing.B) {
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		_, err := Run(context.Background(), Options{In: seedsDir, Out: filepath.Join(dir, "out"), Formats: []string{"svg"}, Quiet: true})
		if err != nil {
			b.Fatal(err)
		}
	}
	_ = os.RemoveAll(dir)
}
