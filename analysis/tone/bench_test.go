package tone

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/cputime"
	"github.com/framescope/framescope/analysis/evaldata"
	"github.com/framescope/framescope/analysis/token"
)

const benchParagraph = `Pakistan's army chief met Iran's defence minister in Tehran on Tuesday, and both sides ` +
	`praised what they called a strong and growing partnership. Critics in Washington warned that the ` +
	`deal could undermine sanctions and threaten regional stability, but officials insisted it was not ` +
	`aimed at any third country. "We will never accept attacks on our border," the minister said.`

// benchLoop runs f b.N times and reports, besides wall time, the CPU time of
// the loop's thread per byte as cpu-MB/s: on a machine shared with other jobs
// wall time overstates the cost several-fold.
func benchLoop(b *testing.B, f func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.SetBytes(int64(len(benchParagraph)))
	b.ReportAllocs()
	c0 := cputime.Thread()
	for b.Loop() {
		f()
	}
	if d := cputime.Thread() - c0; d > 0 {
		b.ReportMetric(float64(len(benchParagraph))*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
	}
}

func BenchmarkScore(b *testing.B) {
	toks := token.All(benchParagraph)
	for _, name := range Names() {
		s, err := New(name)
		if err != nil {
			b.Fatal(err)
		}
		s.Score(benchParagraph, toks) // load models outside the timing
		b.Run(name, func(b *testing.B) {
			benchLoop(b, func() { s.Score(benchParagraph, toks) })
		})
	}
}

func BenchmarkToward(b *testing.B) {
	toks := token.All(benchParagraph)
	span := token.Span{Start: 0, End: len(benchParagraph)}
	i := strings.Index(benchParagraph, "Critics")
	Toward(benchParagraph, toks, span, i, i+7)
	benchLoop(b, func() { Toward(benchParagraph, toks, span, i, i+7) })
}

// BenchmarkLoad is the one-off cost of the first score in a process: the
// cdipaolo model, govader's lexicon and the embedded data.
func BenchmarkLoad(b *testing.B) {
	r := theRules()
	news, _ := parseLogRatios(newsLexData, "news")
	target, _ := parseTargetLex(targetLexData, "target")
	b.ReportAllocs()
	for b.Loop() {
		lr, freq, err := loadNBFreq(true)
		if err != nil {
			b.Fatal(err)
		}
		vec, err := parseVec(vecLexData, "vec")
		if err != nil {
			b.Fatal(err)
		}
		m := mergeEntries(r, lr, news, target, vec)
		newLexicon(m, hotList(m, freq))
	}
}

// BenchmarkLexiconHeap reports the live heap of the loaded lexicon, the
// largest of the models a run keeps (live-MB: what a GC after loading finds
// still reachable from it).
func BenchmarkLexiconHeap(b *testing.B) {
	r := theRules()
	news, _ := parseLogRatios(newsLexData, "news")
	target, _ := parseTargetLex(targetLexData, "target")
	lr, freq, err := loadNBFreq(true)
	if err != nil {
		b.Fatal(err)
	}
	vec, err := loadVec()
	if err != nil {
		b.Fatal(err)
	}
	hot := hotList(mergeEntries(r, lr, news, target, vec), freq)
	b.ReportAllocs()
	var live uint64
	for b.Loop() {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		lx := newLexicon(mergeEntries(r, lr, news, target, vec), hot)
		runtime.GC()
		runtime.ReadMemStats(&m1)
		live = m1.HeapAlloc - m0.HeapAlloc
		runtime.KeepAlive(lx)
	}
	b.ReportMetric(float64(live)/1e6, "live-MB")
}

// BenchmarkLookup is the lexicon lookup of every word of the seed articles.
func BenchmarkLookup(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatal("no seeds", err)
	}
	var words []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, t := range token.All(string(data)) {
			if t.Kind == token.Word {
				words = append(words, t.Norm)
			}
		}
	}
	benchLookups(b, words)
}

// BenchmarkLookupVocab looks up the words of the whole vocabulary (the
// cdipaolo model's and VADER's, 143,000 words) in a seeded random order: the
// cache misses of a large corpus, which BenchmarkLookup's few hundred
// distinct words do not have.
func BenchmarkLookupVocab(b *testing.B) {
	lx := theLexicon()
	var words []string
	for _, s := range lx.slots {
		if s.n > 0 {
			words = append(words, s.word())
		}
	}
	for w := range lx.long {
		words = append(words, w)
	}
	slices.Sort(words)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	benchLookups(b, words)
}

// BenchmarkLookupAllVocab is lookupAll of the whole vocabulary's words in a
// seeded random order, as tokens, beside a loop of lookup, the same without
// batches: what the batches' overlapping cache misses save.
func BenchmarkLookupAllVocab(b *testing.B) {
	lx := theLexicon()
	var words []string
	for _, s := range lx.slots {
		if s.n > 0 {
			words = append(words, s.word())
		}
	}
	slices.Sort(words)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	toks := make([]token.Token, len(words))
	for i, w := range words {
		toks[i] = token.Token{Kind: token.Word, Norm: w}
	}
	dst := make([]*wordInfo, 0, len(toks))
	for _, tc := range []struct {
		name string
		f    func()
	}{
		{"batched", func() { dst = lookupAll(lx, toks, dst[:0]) }},
		{"one-by-one", func() {
			dst = dst[:0]
			for i := range toks {
				dst = append(dst, lx.lookup(toks[i].Norm))
			}
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			b.ReportAllocs()
			c0 := cputime.Thread()
			for b.Loop() {
				tc.f()
			}
			d := cputime.Thread() - c0
			b.ReportMetric(float64(d.Nanoseconds())/float64(b.N)/float64(len(toks)), "cpu-ns/lookup")
		})
	}
}

// benchLookups looks up every word of words and reports ns and CPU ns per
// lookup.
func benchLookups(b *testing.B, words []string) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	lx := theLexicon()
	b.ReportAllocs()
	var sink float64
	c0 := cputime.Thread()
	for b.Loop() {
		for _, w := range words {
			sink += lx.lookup(w).nb
		}
	}
	d := cputime.Thread() - c0
	n := float64(b.N) * float64(len(words))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/lookup")
	b.ReportMetric(float64(d.Nanoseconds())/n, "cpu-ns/lookup")
	if math.IsNaN(sink) {
		b.Fatal("NaN log-ratio")
	}
}

// BenchmarkPara is the pipeline's use of a Para on the benchmark paragraph:
// the paragraph's score, its two halves' and the tone toward each of its
// capitalised words.
func BenchmarkPara(b *testing.B) {
	s, err := New(Default)
	if err != nil {
		b.Fatal(err)
	}
	toks := token.All(benchParagraph)
	span := token.Span{Start: 0, End: len(benchParagraph)}
	sents := Sentences(toks)
	var mentions []token.Token
	for _, t := range toks {
		if t.Title {
			mentions = append(mentions, t)
		}
	}
	var p Para
	p.Reset(benchParagraph, span, toks)
	p.Score(s) // load the models outside the timing
	benchLoop(b, func() {
		p.Reset(benchParagraph, span, toks)
		p.Score(s)
		p.ScoreSentences(s, sents[:len(sents)/2])
		p.ScoreSentences(s, sents[len(sents)/2:])
		for _, m := range mentions {
			for _, st := range sents {
				if st.Start <= m.Start && m.End <= st.End {
					p.Toward(st, m.Start, m.End)
				}
			}
		}
	})
}

// BenchmarkParaNYT is BenchmarkPara's work on the NYT editorial sentences of
// ../shared/eval, four to a paragraph: some 2,000 paragraphs and 9,000
// distinct words, so that the lexicon's lookups miss the cache as on a large
// corpus, which the one paragraph of BenchmarkPara never does.
func BenchmarkParaNYT(b *testing.B) {
	rows, err := readNYT(evaldata.Path(b, "eval/nyt-editorial-snippets-dev.tsv"))
	if err != nil {
		b.Fatal(err)
	}
	type para struct {
		text  string
		toks  []token.Token
		sents []token.Span
		ments []token.Token
	}
	var paras []para
	size := 0
	for i := 0; i < len(rows); i += 4 {
		var parts []string
		for _, r := range rows[i:min(i+4, len(rows))] {
			parts = append(parts, r.text)
		}
		p := para{text: strings.Join(parts, " ")}
		p.toks = token.All(p.text)
		p.sents = Sentences(p.toks)
		for _, t := range p.toks {
			if t.Title {
				p.ments = append(p.ments, t)
			}
		}
		paras = append(paras, p)
		size += len(p.text)
	}
	s, err := New(Default)
	if err != nil {
		b.Fatal(err)
	}
	s.Score("warm", token.All("warm")) // load the models outside the timing
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var tp Para
	c0 := cputime.Thread()
	for b.Loop() {
		for i := range paras {
			p := &paras[i]
			tp.Reset(p.text, token.Span{Start: 0, End: len(p.text)}, p.toks)
			tp.Score(s)
			tp.ScoreSentences(s, p.sents[:len(p.sents)/2])
			tp.ScoreSentences(s, p.sents[len(p.sents)/2:])
			for _, m := range p.ments {
				for _, st := range p.sents {
					if st.Start <= m.Start && m.End <= st.End {
						tp.Toward(st, m.Start, m.End)
					}
				}
			}
		}
	}
	if d := cputime.Thread() - c0; d > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
	}
}
