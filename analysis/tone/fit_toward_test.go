package tone

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/framescope/framescope/analysis/evaldata"
	"github.com/framescope/framescope/analysis/token"
)

const (
	targetLexShrink = 2.0
	targetLexMin    = 2
)

const (
	towardFolds  = 5
	lambdaToward = 1e-3
)

// fitTargetLex learns, from the target rows kept, each word's tone when it
// stands within towardWindow words before / after a mention: the mean of
// (gold − mean gold) over those targets, shrunk by targetLexShrink, for words
// seen at least targetLexMin times on a side; names (capitalised in most of
// their non-initial uses) are left out.
func fitTargetLex(rows []targetRow, keep func(i int) bool) map[string][2]float64 {
	var mean float64
	n := 0
	for i := range rows {
		if keep(i) {
			mean += float64(rows[i].gold)
			n++
		}
	}
	mean /= float64(n)
	type acc struct{ sum, cnt [2]float64 }
	m := map[string]*acc{}
	title := map[string][2]float64{} // title-case non-initial uses, all uses
	for i := range rows {
		if !keep(i) {
			continue
		}
		r := &rows[i]
		var words []int
		for k, t := range r.toks {
			if t.Kind == token.Word {
				words = append(words, k)
			}
		}
		first, last := mentionWords(r.toks, words, r.start, r.end)
		seen := map[string]bool{}
		w := 0
		for k, t := range r.toks {
			if t.Kind != token.Word {
				continue
			}
			if w < first || w > last {
				d, side := first-w, 0
				if w > last {
					d, side = w-last, 1
				}
				key := fmt.Sprint(side, t.Norm)
				if d <= towardWindow && !seen[key] {
					seen[key] = true
					a := m[t.Norm]
					if a == nil {
						a = &acc{}
						m[t.Norm] = a
					}
					a.sum[side] += float64(r.gold) - mean
					a.cnt[side]++
					tc := title[t.Norm]
					if t.Title && k > 0 {
						tc[0]++
					}
					tc[1]++
					title[t.Norm] = tc
				}
			}
			w++
		}
	}
	out := map[string][2]float64{}
	for word, a := range m {
		if tc := title[word]; tc[0] > 0.5*tc[1] {
			continue
		}
		var v [2]float64
		any := false
		for s := range 2 {
			if a.cnt[s] >= targetLexMin {
				v[s] = a.sum[s] / (a.cnt[s] + targetLexShrink)
				any = true
			}
		}
		if any {
			out[word] = v
		}
	}
	return out
}

func towardX(r *targetRow, lex map[string][2]float64, news map[string]float64) []float64 {
	lx := foldLexicon(lex, news)
	var f [nTFeat]float64
	towardFeatures(lx, r.toks, token.Span{Start: 0, End: len(r.text)}, r.start, r.end, &f)
	return f[:]
}

// TestFitToward refits data/newsmtsc-target.tsv and data/toward-weights.txt
// from NewsMTSC train.jsonl: go test ./analysis/tone -run TestFitToward -fit
func TestFitToward(t *testing.T) {
	if !*fit {
		t.Skip("refits embedded data; run with -fit")
	}
	rows, err := readTargets(evaldata.Path(t, "eval/newsmtsc/train.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	// Training features with a lexicon that did not see their sentence
	// (out-of-fold), so that the weights trust the lexicon as much as it
	// deserves on new text.
	sents := make([]string, len(rows))
	for i := range rows {
		sents[i] = fmt.Sprint(rows[i].sentence)
	}
	fold := foldsByGroup(sents, towardFolds, 1)
	if *ablate {
		t.Logf("all features: train OOF F1 %.3f", towardOOF(rows, fold, nil))
		for drop := range nTFeat {
			t.Logf("without %s: train OOF F1 %.3f", towardFeatNames[drop], towardOOF(rows, fold, []int{drop}))
		}
		return
	}
	xs := make([][]float64, len(rows))
	gold := make([]float64, len(rows))
	for k := range towardFolds {
		lex := fitTargetLex(rows, func(i int) bool { return fold[i] != k })
		news := fitNewsLex(sentencesOf(rows, func(i int) bool { return fold[i] != k }))
		for i := range rows {
			if fold[i] == k {
				xs[i] = towardX(&rows[i], lex, news)
			}
		}
	}
	for i := range rows {
		gold[i] = float64(rows[i].gold)
	}
	m, c, fitted := fitTowardModels(xs, gold)
	pred := make([]int, len(rows))
	g := make([]int, len(rows))
	for i := range rows {
		pred[i] = class3(c.apply(fitted[i]))
		g[i] = rows[i].gold
	}
	t.Logf("train, out-of-fold lexicon: macro F1 %.3f", macroF1(g, pred, classesPNZ))

	lex := fitTargetLex(rows, func(int) bool { return true })
	news := fitNewsLex(sentencesOf(rows, func(int) bool { return true }))
	for _, name := range []string{"devtest_rw", "devtest_mt"} {
		dev, err := readTargets(evaldata.Path(t, "eval/newsmtsc/"+name+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		g := make([]int, len(dev))
		p := make([]int, len(dev))
		for i := range dev {
			g[i] = dev[i].gold
			p[i] = class3(c.apply(towardScore(&m, towardX(&dev[i], lex, news))))
		}
		t.Logf("%s: macro F1 %.3f", name, macroF1(g, p, classesPNZ))
	}
	words := make([]string, 0, len(lex))
	for w := range lex {
		words = append(words, w)
	}
	sort.Strings(words)
	write := func(path string, body func(bw *bufio.Writer)) {
		out, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriter(out)
		body(bw)
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := out.Close(); err != nil {
			t.Fatal(err)
		}
	}
	write("data/newsmtsc-target.tsv", func(bw *bufio.Writer) {
		fmt.Fprintf(bw, "# Target-context word tone for Toward: word<TAB>tone before a mention<TAB>tone after it.\n")
		fmt.Fprintf(bw, "# Fitted on NewsMTSC train.jsonl (Hamborg & Donnay, EACL 2021; MIT licence), %d targets: for the\n", len(rows))
		fmt.Fprintf(bw, "# words within %d words of a mention, the mean of (target polarity -1/0/+1 minus its mean),\n", towardWindow)
		fmt.Fprintf(bw, "# shrunk by count/(count+%v), kept where seen %d+ times on that side; names left out.\n", targetLexShrink, targetLexMin)
		fmt.Fprintf(bw, "# Refit: go test ./analysis/tone -run TestFitToward -fit\n")
		for _, w := range words {
			fmt.Fprintf(bw, "%s\t%.4f\t%.4f\n", w, lex[w][0], lex[w][1])
		}
	})
	write("data/toward-weights.txt", func(bw *bufio.Writer) {
		fmt.Fprintf(bw, "# Weights of Toward: score = calib(tanh(bias + Σ weight·feature)), features in toward.go.\n")
		fmt.Fprintf(bw, "# Fitted by least squares (fit.go) on the %d targets of NewsMTSC train.jsonl (MIT), with\n", len(rows))
		fmt.Fprintf(bw, "# target-context features from a lexicon fitted on the other %d folds of sentences (out-of-fold);\n", towardFolds-1)
		fmt.Fprintf(bw, "# calib chosen for the best 3-class macro F1 on the same rows. Evaluate on devtest_rw / devtest_mt.\n")
		fmt.Fprintf(bw, "# Refit: go test ./analysis/tone -run TestFitToward -fit\n")
		for j, model := range []string{"pos", "neg"} {
			fmt.Fprintf(bw, "%s.bias %.6g\n", model, m[j].bias)
			for i, n := range towardFeatNames {
				fmt.Fprintf(bw, "%s.%s %.6g\n", model, n, m[j].w[i])
			}
		}
		fmt.Fprintf(bw, "calib_delta %.6g\ncalib_tau %.6g\n", c.delta, c.tau)
	})
}

// sentencesOf returns the sentences of the kept target rows with their tone
// (the mean polarity of their targets), and the mean tone.
func sentencesOf(rows []targetRow, keep func(i int) bool) ([]sent, float64) {
	var ss []sent
	var n []float64
	idx := map[int]int{}
	for i := range rows {
		if !keep(i) {
			continue
		}
		k, ok := idx[rows[i].sentence]
		if !ok {
			k = len(ss)
			idx[rows[i].sentence] = k
			ss = append(ss, sent{toks: rows[i].toks})
			n = append(n, 0)
		}
		ss[k].y += float64(rows[i].gold)
		n[k]++
	}
	var mean float64
	for k := range ss {
		ss[k].y /= n[k]
		mean += ss[k].y
	}
	return ss, mean / float64(len(ss))
}

// towardOOF is the macro F1 on train of Toward fitted with out-of-fold lexicons.
func towardOOF(rows []targetRow, fold []int, drop []int) float64 {
	xs := make([][]float64, len(rows))
	gold := make([]float64, len(rows))
	for k := range towardFolds {
		lex := fitTargetLex(rows, func(i int) bool { return fold[i] != k })
		news := fitNewsLex(sentencesOf(rows, func(i int) bool { return fold[i] != k }))
		for i := range rows {
			if fold[i] == k {
				xs[i] = towardX(&rows[i], lex, news)
				for _, d := range drop {
					xs[i][d] = 0
				}
			}
		}
	}
	for i := range rows {
		gold[i] = float64(rows[i].gold)
	}
	m, c, fitted := fitTowardModels(xs, gold)
	_ = m
	g := make([]int, len(rows))
	p := make([]int, len(rows))
	for i := range rows {
		g[i] = rows[i].gold
		p[i] = class3(c.apply(fitted[i]))
	}
	return macroF1(g, p, classesPNZ)
}

// fitTowardModels fits Toward's two models (positive vs the rest, negative vs
// the rest) and the calibration of their combined score; it returns the
// combined, uncalibrated scores of xs too.
func fitTowardModels(xs [][]float64, gold []float64) ([2]linear, calib, []float64) {
	gp := make([]float64, len(gold))
	gn := make([]float64, len(gold))
	for i, g := range gold {
		gp[i], gn[i] = -1, -1
		if g > 0 {
			gp[i] = 1
		}
		if g < 0 {
			gn[i] = 1
		}
	}
	m := [2]linear{fitLinear(xs, gp, lambdaToward), fitLinear(xs, gn, lambdaToward)}
	fitted := make([]float64, len(xs))
	for i, x := range xs {
		fitted[i] = towardScore(&m, x)
	}
	return m, fitCalib(fitted, gold), fitted
}

var (
	foldLexKey struct {
		lex  map[string][2]float64
		news map[string]float64
	}
	foldLex *lexicon
)

// foldLexicon builds (and caches for the next call with the same maps) the
// lexicon with a fold's fitted lexicons.
func foldLexicon(lex map[string][2]float64, news map[string]float64) *lexicon {
	if foldLex == nil || fmt.Sprintf("%p%p", foldLexKey.lex, foldLexKey.news) != fmt.Sprintf("%p%p", lex, news) {
		foldLexKey.lex, foldLexKey.news = lex, news
		foldLex = buildLexicon(theRules(), mustNB(), news, lex, mustVec())
	}
	return foldLex
}
