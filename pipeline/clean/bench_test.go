package clean

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/cputime"
	"github.com/framescope/framescope/pipeline/gen"
)

// benchTexts reads every .txt file under the given folders, in name order.
func benchTexts(b *testing.B, roots ...string) []string {
	b.Helper()
	var files []string
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".txt") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	sort.Strings(files)
	var texts []string
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	if len(texts) == 0 {
		b.Fatalf("no .txt files under %v", roots)
	}
	return texts
}

// benchArticles runs Article over texts, reporting bytes of text per second
// and allocations per pass over all of them.
func benchArticles(b *testing.B, texts []string) {
	size := 0
	for _, s := range texts {
		size += len(s)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu0 := cputime.Process().Seconds()
	n := 0
	for b.Loop() {
		for _, s := range texts {
			Article(s, Hints{})
		}
		n++
	}
	// CPU time says more than wall time on a shared machine.
	if d := cputime.Process().Seconds() - cpu0; d > 0 {
		b.ReportMetric(float64(size)*float64(n)/1e6/d, "MB/cpu-s")
	}
}

// BenchmarkArticleWeb measures the coded web pages of testdata (live blogs,
// comment threads, forums, captions, newsletter boxes): the furniture-heavy
// case, where most lines are tried against the rules.
func BenchmarkArticleWeb(b *testing.B) {
	texts := benchTexts(b, filepath.Join("testdata"))
	benchArticles(b, texts)
}

// BenchmarkArticleGenerated measures a 2 MB corpus from pipeline/gen (the
// articles `framescope gen` writes: multi-paragraph news with headlines,
// boilerplate and comments in some), as `framescope run` sees it.
func BenchmarkArticleGenerated(b *testing.B) {
	dir := b.TempDir()
	if _, err := gen.Write(dir, gen.Options{Size: 2 << 20, Seed: 1, SeedsDir: seedsDir()}); err != nil {
		b.Fatal(err)
	}
	benchArticles(b, benchTexts(b, filepath.Join(dir, gen.TxtDir)))
}
