package tone

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"testing"

	"github.com/framescope/framescope/analysis/evaldata"
	"github.com/framescope/framescope/analysis/token"
)

var fit = flag.Bool("fit", false, "refit data/newsmtsc-logratio.tsv and data/news-weights.txt from ../shared/eval")

// TestFitNewsLexicon rebuilds data/newsmtsc-logratio.tsv from NewsMTSC
// train.jsonl: go test ./analysis/tone -run TestFitNewsLexicon -fit
func TestFitNewsLexicon(t *testing.T) {
	if !*fit {
		t.Skip("refits embedded data; run with -fit")
	}
	path := evaldata.Path(t, "eval/newsmtsc/train.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 4<<20)
	count := map[string]*[2]float64{}
	var docs [2]float64
	for sc.Scan() {
		var rec struct {
			Sentence string `json:"sentence_normalized"`
			Targets  []struct{ Polarity float64 }
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		var s float64
		for _, tg := range rec.Targets {
			s += (tg.Polarity - 4) / 2
		}
		s /= float64(len(rec.Targets))
		var c int
		switch {
		case s > 0:
			c = 1
		case s < 0:
			c = 0
		default:
			continue
		}
		docs[c]++
		seen := map[string]bool{}
		for _, tk := range token.All(rec.Sentence) {
			if tk.Kind != token.Word || seen[tk.Norm] {
				continue
			}
			seen[tk.Norm] = true
			if count[tk.Norm] == nil {
				count[tk.Norm] = new([2]float64)
			}
			count[tk.Norm][c]++
		}
	}
	words := make([]string, 0, len(count))
	for w, c := range count {
		if c[0]+c[1] >= minNewsCount {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	out, err := os.Create("data/newsmtsc-logratio.tsv")
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(out)
	fmt.Fprintf(bw, "# News-domain word log-ratios for the \"news\" tone scorer.\n")
	fmt.Fprintf(bw, "# Fitted on NewsMTSC train.jsonl (Hamborg & Donnay, EACL 2021; MIT licence): a sentence is\n")
	fmt.Fprintf(bw, "# positive (%v) / negative (%v) by the sign of the mean polarity of its targets (neutral ones left out);\n", docs[1], docs[0])
	fmt.Fprintf(bw, "# value = log of (docs with word in pos+1)/(pos+2) over (docs with word in neg+1)/(neg+2), shrunk by n/(n+%v),\n", shrinkNews)
	fmt.Fprintf(bw, "# for words (framescope tokens, lower case) in at least %d sentences.\n", minNewsCount)
	fmt.Fprintf(bw, "# Refit: go test ./analysis/tone -run TestFitNewsLexicon -fit\n")
	for _, w := range words {
		c := count[w]
		n := c[0] + c[1]
		v := math.Log((c[1]+1)/(docs[1]+2)) - math.Log((c[0]+1)/(docs[0]+2))
		v *= n / (n + shrinkNews)
		fmt.Fprintf(bw, "%s\t%.3f\n", w, v)
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

const (
	minNewsCount = 5
	shrinkNews   = 5.0
)

// TestFitNewsWeights refits data/news-weights.txt on every sentence of the NYT
// dev file (its honest, cross-validated figures come from CrossValidateNYT):
// go test ./analysis/tone -run TestFitNewsWeights -fit
func TestFitNewsWeights(t *testing.T) {
	if !*fit {
		t.Skip("refits embedded data; run with -fit")
	}
	path := evaldata.Path(t, "eval/nyt-editorial-snippets-dev.tsv")
	rows, err := readNYT(path)
	if err != nil {
		t.Fatal(err)
	}
	feats := make([][nFeat]float64, len(rows))
	gold := make([]float64, len(rows))
	for i, r := range rows {
		features(r.toks, &feats[i])
		gold[i] = r.gold
	}
	m := cvModels[len(cvModels)-1]
	w := fitWeights(feats, gold, m.use)
	out, err := os.Create("data/news-weights.txt")
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(out)
	fmt.Fprintf(bw, "# Weights of the \"news\" tone scorer: score = tanh(bias + Σ weight·feature), features in news.go.\n")
	fmt.Fprintf(bw, "# Fitted by least squares (fit.go) on all %d sentences of the NYT editorial dev file\n", len(rows))
	fmt.Fprintf(bw, "# (Hutto & Gilbert 2014, odd-numbered articles; gold = mean rating / 4). Honest figures: the\n")
	fmt.Fprintf(bw, "# %s row of CrossValidateNYT (grouped by article), never these weights on that file.\n", m.name)
	fmt.Fprintf(bw, "# Refit: go test ./analysis/tone -run TestFitNewsWeights -fit\n")
	fmt.Fprintf(bw, "bias %.6g\n", w.bias)
	for i, n := range featNames {
		fmt.Fprintf(bw, "%s %.6g\n", n, w.w[i])
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
