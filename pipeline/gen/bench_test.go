package gen

import (
	"bufio"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/framescope/framescope/analysis/evaldata"
)

// BenchmarkCompose measures making articles and their JSONL lines, without
// the file system: the generator's own cost.
func BenchmarkCompose(b *testing.B) {
	g, err := parseGrammar(templatesText)
	if err != nil {
		b.Fatal(err)
	}
	c := newComposer(g, loadPools(Options{SharedDir: sharedDir(b), SeedsDir: seedsDir}))
	var a article
	w := bufio.NewWriter(io.Discard)
	b.ReportAllocs()
	var n int64
	i := 0
	for b.Loop() {
		c.article(rand.New(rand.NewPCG(1, uint64(i))), i, &a)
		writeJSONString(w, a.text.String())
		n += int64(a.text.Len())
		i++
	}
	b.SetBytes(n / int64(i))
}

// BenchmarkWrite writes a 4 MB corpus (about 1,000 files) per iteration.
func BenchmarkWrite(b *testing.B) {
	shared := sharedDir(b)
	b.ReportAllocs()
	b.SetBytes(4 << 20)
	for b.Loop() {
		if _, err := Write(b.TempDir(), Options{Size: 4 << 20, Seed: 1, SharedDir: shared, SeedsDir: seedsDir}); err != nil {
			b.Fatal(err)
		}
	}
}

func sharedDir(b *testing.B) string {
	return evaldata.Dir()
}
