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

// BenchmarkAttributeGenerated measures Attribute, and AttributeTokens, on
// every paragraph of a 1 MB corpus from pipeline/gen (multi-paragraph news as
// `framescope run` sees it), split into sentences and tokenized before the
// timer starts.
func BenchmarkAttributeGenerated(b *testing.B) {
	dir := b.TempDir()
	if _, err := gen.Write(dir, gen.Options{Size: 1 << 20, Seed: 1, SeedsDir: filepath.Join("..", "..", "seeds")}); err != nil {
		b.Fatal(err)
	}
	type para struct {
		text  string
		span  token.Span
		sents []token.Span
		toks  []token.Token
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
			paras = append(paras, para{s, sp, segment.Sentences(s, sp), token.Tokenize(s, sp, nil)})
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	sort.SliceStable(paras, func(i, j int) bool { return paras[i].text < paras[j].text })
	b.Run("Attribute", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range paras {
				Attribute(p.text, p.sents)
			}
		}
	})
	// the pipeline's way: the paragraph's tokens are at hand
	b.Run("AttributeTokens", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range paras {
				AttributeTokens(p.text, p.span, p.sents, p.toks)
			}
		}
	})
}
