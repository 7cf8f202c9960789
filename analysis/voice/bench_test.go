package voice

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/token"
	"github.com/framescope/framescope/pipeline/gen"
	"github.com/framescope/framescope/pipeline/segment"
)

// BenchmarkAttributeGenerated measures Attribute on every paragraph of a
// 1 MB corpus from pipeline/gen (multi-paragraph news as `framescope run`
// sees it), split into sentences before the timer starts.
func BenchmarkAttributeGenerated(b *testing.B) {
	dir := b.TempDir()
	if _, err := gen.Write(dir, gen.Options{Size: 1 << 20, Seed: 1, SeedsDir: filepath.Join("..", "..", "seeds")}); err != nil {
		b.Fatal(err)
	}
	type para struct {
		text  string
		sents []token.Span
	}
	var paras []para
	size := 0
	err := filepath.WalkDir(filepath.Join(dir, gen.TxtDir), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := string(data)
		size += len(s)
		for _, sp := range segment.Paragraphs(s) {
			paras = append(paras, para{s, segment.Sentences(s, sp)})
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	sort.SliceStable(paras, func(i, j int) bool { return paras[i].text < paras[j].text })
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			Attribute(p.text, p.sents)
		}
	}
}
