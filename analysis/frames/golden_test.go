package frames

import (
	"flag"
	"fmt"
	"github.com/framescope/framescope/analysis/cputime"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/token"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// splitSimple cuts text into paragraphs at line breaks and each paragraph into
// sentences after ". ", "? " or "! " (a stand-in for the pipeline's segmenter,
// good enough for a regression test).
func splitSimple(text string) []Para {
	var paras []Para
	start := 0
	for start < len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if strings.TrimSpace(text[start:end]) != "" {
			sp := token.Span{Start: start, End: end}
			p := Para{Span: sp, Tokens: token.Tokenize(text, sp, nil), Decide: true}
			s := start
			for i := start; i+1 < end; i++ {
				if (text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i+1] == ' ' {
					p.Sentences = append(p.Sentences, token.Span{Start: s, End: i + 1})
					s = i + 2
				}
			}
			if s < end {
				p.Sentences = append(p.Sentences, token.Span{Start: s, End: end})
			}
			paras = append(paras, p)
		}
		start = end + 1
	}
	return paras
}

func TestGoldenSeeds(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed files: %v", err)
	}
	m := NewMatcher(Default())
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		paras := splitSimple(text)
		res := m.Article(text, paras)
		fmt.Fprintf(&b, "== %s\n", filepath.Base(f))
		for i, r := range res {
			for fi, d := range r.Frames {
				if len(d.Hits) == 0 {
					continue
				}
				fmt.Fprintf(&b, "para %d [%d,%d) %s on=%v score=%.2f\n", i, paras[i].Span.Start, paras[i].Span.End, m.Codebook().Frames[fi].ID, d.On, d.Score)
				for _, h := range d.Hits {
					neg := ""
					if h.Negated {
						neg = " negated"
					}
					fmt.Fprintf(&b, "  %s %q w=%.2f%s: %s\n", h.Rule, h.Term, h.Weight, neg, KWIC(text, h, 30))
				}
			}
		}
	}
	golden := filepath.Join("testdata", "seeds.golden")
	got := b.String()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		_ = os.WriteFile(golden+".got", []byte(got), 0o644)
		t.Errorf("decisions differ from %s; see %s.got (go test -update to accept)", golden, golden)
	}
}

func BenchmarkArticle(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	var texts []string
	var paras [][]Para
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text := string(data)
		texts = append(texts, text)
		paras = append(paras, splitSimple(text))
		size += int64(len(text))
	}
	benchArticles(b, texts, paras, size)
}

// benchArticles matches every article of texts (with its paragraphs) per
// iteration and reports MB per CPU-second besides wall-clock MB/s: the
// machine is shared, and CPU time of this process (all threads, GC
// included) says more.
func benchArticles(b *testing.B, texts []string, paras [][]Para, size int64) {
	m := NewMatcher(Default())
	b.ReportAllocs()
	b.SetBytes(size)
	cpu0 := cputime.Process().Seconds()
	n := 0
	for b.Loop() {
		for i := range texts {
			m.Article(texts[i], paras[i])
		}
		n++
	}
	if d := cputime.Process().Seconds() - cpu0; d > 0 {
		b.ReportMetric(float64(size)*float64(n)/1e6/d, "MB/cpu-s")
	}
}

// BenchmarkArticleOneLongSentence is the worst case for the per-sentence work:
// a 60 KB paragraph that the segmenter could not split.
func BenchmarkArticleOneLongSentence(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "seeds", "000_fbbd8ecf1807267f.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(strings.ReplaceAll(string(data), "\n", " "), 22)
	sp := token.Span{Start: 0, End: len(text)}
	paras := []Para{{Span: sp, Sentences: []token.Span{sp}, Tokens: token.All(text), Decide: true}}
	m := NewMatcher(Default())
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		m.Article(text, paras)
	}
}

// BenchmarkArticleTestdata runs the matcher over the articles of the coded
// sets in testdata (about 1,400 one-sentence paragraphs of news in many
// outlets' styles): more varied words than the seeds.
func BenchmarkArticleTestdata(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	var arts []codedArticle
	for _, f := range files {
		arts = append(arts, readDevSet(b, f)...)
	}
	texts := make([]string, len(arts))
	paras := make([][]Para, len(arts))
	var size int64
	for i, a := range arts {
		texts[i] = a.text
		for _, u := range a.units {
			paras[i] = append(paras[i], Para{Span: u.span, Sentences: []token.Span{u.span}, Tokens: token.Tokenize(a.text, u.span, nil), Decide: u.decide})
		}
		size += int64(len(a.text))
	}
	benchArticles(b, texts, paras, size)
}
