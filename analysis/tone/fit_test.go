package tone

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/framescope/framescope/analysis/evaldata"
	"github.com/framescope/framescope/analysis/token"
)

var fit = flag.Bool("fit", false, "refit data/newsmtsc-logratio.tsv and data/news-weights.txt from ../shared/eval")

var ablate = flag.Bool("ablate", false, "with -fit: report each Toward feature's out-of-fold contribution on NewsMTSC train instead of writing data")

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
	var ss []sent
	var mean float64
	for sc.Scan() {
		var rec struct {
			Sentence string `json:"sentence_normalized"`
			Targets  []struct{ Polarity float64 }
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		var y float64
		for _, tg := range rec.Targets {
			y += (tg.Polarity - 4) / 2
		}
		y /= float64(len(rec.Targets))
		ss = append(ss, sent{token.All(rec.Sentence), y})
		mean += y
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	mean /= float64(len(ss))
	lex := fitNewsLex(ss, mean)
	words := make([]string, 0, len(lex))
	for w := range lex {
		words = append(words, w)
	}
	sort.Strings(words)
	out, err := os.Create("data/newsmtsc-logratio.tsv")
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(out)
	fmt.Fprintf(bw, "# News-domain word tone for the \"news\" tone scorer (feature \"news\").\n")
	fmt.Fprintf(bw, "# Fitted on NewsMTSC train.jsonl (Hamborg & Donnay, EACL 2021; MIT licence), %d sentences:\n", len(ss))
	fmt.Fprintf(bw, "# a sentence's tone y is the mean polarity of its targets (negative -1, neutral 0, positive +1);\n")
	fmt.Fprintf(bw, "# a word's value is the sum of (y - %.4f) over the sentences that contain it, divided by\n", mean)
	fmt.Fprintf(bw, "# (their number + %v): a mean shrunk toward 0. Words (framescope tokens, lower case) in at least\n", shrinkNews)
	fmt.Fprintf(bw, "# %d sentences; names (capitalised in more than half their non-initial uses) left out, so that\n", minNewsCount)
	fmt.Fprintf(bw, "# the tone is carried by words, not by who the 2017-2019 sentences happened to be about.\n")
	fmt.Fprintf(bw, "# Refit: go test ./analysis/tone -run TestFitNewsLexicon -fit\n")
	for _, w := range words {
		fmt.Fprintf(bw, "%s\t%.4f\n", w, lex[w])
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// sent is a NewsMTSC sentence with its tone y, the mean polarity of its targets.
type sent struct {
	toks []token.Token
	y    float64
}

// fitNewsLex is the news lexicon of ss (see TestFitNewsLexicon's header).
func fitNewsLex(ss []sent, mean float64) map[string]float64 {
	sum := map[string]float64{}
	cnt := map[string]float64{}
	title := map[string]float64{}
	for _, s := range ss {
		seen := map[string]bool{}
		for k, tk := range s.toks {
			if tk.Kind != token.Word || seen[tk.Norm] {
				continue
			}
			seen[tk.Norm] = true
			if tk.Title && k > 0 {
				title[tk.Norm]++
			}
			sum[tk.Norm] += s.y - mean
			cnt[tk.Norm]++
		}
	}
	out := map[string]float64{}
	for w, c := range cnt {
		if c >= minNewsCount && title[w] <= 0.5*c {
			out[w] = sum[w] / (c + shrinkNews)
		}
	}
	return out
}

const (
	minNewsCount = 2
	shrinkNews   = 2.0
)

// TestFitNewsWeights refits data/news-weights.txt and data/news1-weights.txt
// on every sentence of the NYT dev file (their honest, cross-validated figures
// come from CrossValidateNYT): go test ./analysis/tone -run TestFitNewsWeights -fit
func TestFitNewsWeights(t *testing.T) {
	if !*fit {
		t.Skip("refits embedded data; run with -fit")
	}
	path := evaldata.Path(t, "eval/nyt-editorial-snippets-dev.tsv")
	rows, err := readNYT(path)
	if err != nil {
		t.Fatal(err)
	}
	d := nytFit(rows)
	for _, m := range []struct {
		scorer, file, cv string
		feats            []int
		neutral          bool
	}{
		{"news", "data/news-weights.txt", "cv:news", newsFeatures, false},
		{"news1", "data/news1-weights.txt", "cv:news1", news1Features, false},
		{"newsvec", "data/newsvec-weights.txt", "cv:newsvec", newsvecFeatures, true},
	} {
		fm := fitNewsModel(d, seq(len(rows)), m.feats, m.neutral)
		out, err := os.Create(m.file)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriter(out)
		fmt.Fprintf(bw, "# Weights of the %q tone scorer: score = calib(tanh(bias + Σ weight·feature)), features in\n", m.scorer)
		fmt.Fprintf(bw, "# news.go, calib (fit.go) moving the neutral band to where people put it (best 3-class F1).\n")
		if m.neutral {
			fmt.Fprintf(bw, "# Then the neutral stage (neutral.go): neutral when tanh(neutral.bias + Σ neutral.weight·feature)\n")
			fmt.Fprintf(bw, "# > neutral_threshold; calib and the stage fitted on %d-fold out-of-fold scores (fitNewsModel).\n", neutralFolds)
		}
		fmt.Fprintf(bw, "# Fitted by least squares (fit.go) on all %d sentences of the NYT editorial dev file\n", len(rows))
		fmt.Fprintf(bw, "# (Hutto & Gilbert 2014, odd-numbered articles; gold = mean rating / 4). Honest figures: the\n")
		fmt.Fprintf(bw, "# %s row of CrossValidateNYT (grouped by article), never these weights on that file.\n", m.cv)
		fmt.Fprintf(bw, "# Refit: go test ./analysis/tone -run TestFitNewsWeights -fit\n")
		fmt.Fprintf(bw, "bias %.6g\n", fm.w.bias)
		for _, i := range m.feats {
			fmt.Fprintf(bw, "%s %.6g\n", featNames[i], fm.w.w[i])
		}
		fmt.Fprintf(bw, "calib_delta %.6g\ncalib_tau %.6g\n", fm.c.delta, fm.c.tau)
		if fm.neu != nil {
			fmt.Fprintf(bw, "neutral.bias %.6g\n", fm.neu.m.bias)
			for i, n := range neuFeatNames {
				fmt.Fprintf(bw, "neutral.%s %.6g\n", n, fm.neu.m.w[i])
			}
			fmt.Fprintf(bw, "neutral_threshold %.6g\n", fm.neu.threshold)
		}
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := out.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
