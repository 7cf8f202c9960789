package token_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/cputime"
	"github.com/framescope/framescope/analysis/token"
	"github.com/framescope/framescope/pipeline/gen"
	"github.com/framescope/framescope/pipeline/segment"
)

// BenchmarkTokenizeGenerated tokenizes every paragraph of a 1 MB corpus from
// pipeline/gen (news as `framescope run` sees it), reusing one buffer as the
// pipeline does, and reports the CPU time of the loop's thread per byte as
// cpu-MB/s (on a shared machine wall time overstates the cost).
func BenchmarkTokenizeGenerated(b *testing.B) {
	dir := b.TempDir()
	opt := gen.Options{Size: 1 << 20, Seed: 1, SeedsDir: filepath.Join("..", "..", "seeds"), SharedDir: filepath.Join("..", "..", "..", "shared")}
	if _, err := gen.Write(dir, opt); err != nil {
		b.Fatal(err)
	}
	type para struct {
		text string
		span token.Span
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
		for _, sp := range segment.Paragraphs(s) {
			paras = append(paras, para{s, sp})
			size += sp.Len()
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	sort.SliceStable(paras, func(i, j int) bool { return paras[i].text < paras[j].text })
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var dst []token.Token
	c0 := cputime.Thread()
	for b.Loop() {
		for _, p := range paras {
			dst = token.Tokenize(p.text, p.span, dst[:0])
		}
	}
	if d := cputime.Thread() - c0; d > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
	}
}
