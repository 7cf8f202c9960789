package tone

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/framescope/framescope/analysis/token"
)

// The news scorer's candidate features, per sentence; a paragraph's features
// are the sum over its k sentences divided by √k (see the package comment).
// The weights file names the ones the scorer uses.
const (
	fComp  = iota // VADER compound of the sentence's rule-adjusted valence
	fPos          // VADER-rule positive valence
	fNeg          // VADER-rule negative valence (absolute)
	fNPos         // number of words with positive valence / √words
	fNNeg         // number of words with negative valence / √words
	fNB           // cdipaolo log-odds Σ/√words
	fNews         // news-domain log-odds Σ/√words (data/newsmtsc-logratio.tsv)
	fQuest        // the sentence is a question
	fWords        // √words: lets a fit remove the per-word bias of the log-odds
	nFeat
)

var featNames = [nFeat]string{"comp", "pos", "neg", "npos", "nneg", "nb", "news", "question", "sqrtwords"}

//go:embed data/newsmtsc-logratio.tsv
var newsLexData []byte

//go:embed data/news-weights.txt
var newsWeightsData []byte

var (
	newsOnce    sync.Once
	newsLex     map[string]float64
	newsWeights linear
	newsCalib   calib
)

func loadNews() {
	newsOnce.Do(func() {
		var err error
		newsLex, err = parseLogRatios(newsLexData, "data/newsmtsc-logratio.tsv")
		if err == nil {
			newsWeights, newsCalib, err = parseWeights(newsWeightsData, "data/news-weights.txt")
		}
		if err != nil {
			panic(err) // embedded data: a broken build
		}
	})
}

// parseLogRatios reads "word<TAB>log-ratio" lines; # starts a comment.
func parseLogRatios(data []byte, name string) (map[string]float64, error) {
	m := map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		w, v, ok := strings.Cut(s, "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want word<TAB>value", name, line)
		}
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		m[w] = x
	}
	return m, sc.Err()
}

// parseWeights reads "name value" lines: bias, featNames, calib_delta and
// calib_tau.
func parseWeights(data []byte, name string) (linear, calib, error) {
	m := linear{w: make([]float64, nFeat)}
	var c calib
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Fields(s)
		if len(f) != 2 {
			return m, c, fmt.Errorf("%s:%d: want \"name value\"", name, line)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return m, c, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		switch f[0] {
		case "bias":
			m.bias = v
			continue
		case "calib_delta":
			c.delta = v
			continue
		case "calib_tau":
			c.tau = v
			continue
		}
		k := featIndex(f[0])
		if k < 0 {
			return m, c, fmt.Errorf("%s:%d: unknown weight %q", name, line, f[0])
		}
		m.w[k] = v
	}
	return m, c, sc.Err()
}

func featIndex(name string) int {
	for i, n := range featNames {
		if n == name {
			return i
		}
	}
	return -1
}

// features computes the news scorer's candidate features of toks into f.
func features(lx *lexicon, toks []token.Token, f *[nFeat]float64) {
	*f = [nFeat]float64{}
	var sc scratch
	val := sc.vals(len(toks))
	words, infos := sc.wordsBuf[:0], sc.infosBuf[:0]
	k := 0
	for i := 0; i < len(toks); {
		j := sentenceEnd(toks, i)
		var sv sentenceValence
		sv, words, infos = valences(lx, toks[i:j], val[i:j], words[:0], infos[:0])
		var nbSum, newsSum, npos, nneg float64
		for _, inf := range infos {
			nbSum += inf.nb
			newsSum += inf.news
		}
		quest := 0.0
		for m, t := range toks[i:j] {
			if t.Kind == token.Punct && t.Norm == "?" {
				quest = 1
			}
			switch v := val[i+m]; {
			case v > 0:
				npos++
			case v < 0:
				nneg++
			}
		}
		f[fComp] += compound(sv.raw())
		f[fPos] += sv.pos
		f[fNeg] += sv.neg
		f[fQuest] += quest
		if sv.words > 0 {
			sq := math.Sqrt(float64(sv.words))
			f[fNPos] += npos / sq
			f[fNNeg] += nneg / sq
			f[fNB] += nbSum / sq
			f[fNews] += newsSum / sq
			f[fWords] += sq
		}
		k++
		i = j
	}
	if k > 1 {
		s := 1 / math.Sqrt(float64(k))
		for i := range f {
			f[i] *= s
		}
	}
}

// newsScorer combines VADER's rules with the cdipaolo model and news-domain
// word log-ratios, weights from data/news-weights.txt.
type newsScorer struct{}

func (newsScorer) Name() string { return "news" }

func (newsScorer) Score(_ string, toks []token.Token) float64 {
	var f [nFeat]float64
	features(theLexicon(), toks, &f)
	if f[fWords] == 0 { // no words: nothing to read a tone from
		return 0
	}
	return newsCalib.apply(newsWeights.apply(f[:]))
}
