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

// The news scorer's features, per sentence; a paragraph's features are the sum
// over its k sentences divided by √k (see the package comment).
const (
	fPos   = iota // VADER-rule positive valence
	fNeg          // VADER-rule negative valence (absolute)
	fNB           // cdipaolo log-odds Σ/√words
	fNews         // news-domain log-odds Σ/√words (data/newsmtsc-logratio.tsv)
	fWords        // √words: lets a fit remove the per-word bias of the log-odds
	nFeat
)

var featNames = [nFeat]string{"pos", "neg", "nb", "news", "sqrtwords"}

//go:embed data/newsmtsc-logratio.tsv
var newsLexData []byte

//go:embed data/news-weights.txt
var newsWeightsData []byte

var (
	newsOnce    sync.Once
	newsLex     map[string]float64
	newsWeights weights
)

// weights is a fitted linear model: score = tanh(bias + Σ w[i]·feature[i]).
type weights struct {
	bias float64
	w    [nFeat]float64
}

func (m *weights) apply(f *[nFeat]float64) float64 {
	z := m.bias
	for i, x := range f {
		z += m.w[i] * x
	}
	return clamp1(math.Tanh(z))
}

func loadNews() {
	newsOnce.Do(func() {
		var err error
		newsLex, err = parseLogRatios(newsLexData, "data/newsmtsc-logratio.tsv")
		if err == nil {
			newsWeights, err = parseWeights(newsWeightsData, "data/news-weights.txt")
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
		x, err := strconv.ParseFloat(strings.Fields(v)[0], 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		m[w] = x
	}
	return m, sc.Err()
}

// parseWeights reads "name value" lines (names: bias and featNames).
func parseWeights(data []byte, name string) (weights, error) {
	var m weights
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Fields(s)
		if len(f) != 2 {
			return m, fmt.Errorf("%s:%d: want \"name value\"", name, line)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return m, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		k := -1
		for i, n := range featNames {
			if n == f[0] {
				k = i
			}
		}
		switch {
		case f[0] == "bias":
			m.bias = v
		case k >= 0:
			m.w[k] = v
		default:
			return m, fmt.Errorf("%s:%d: unknown weight %q", name, line, f[0])
		}
		seen[f[0]] = true
	}
	return m, sc.Err()
}

// features computes the news scorer's features of toks.
func features(toks []token.Token, f *[nFeat]float64) {
	*f = [nFeat]float64{}
	r := theRules()
	nb := mustNB()
	loadNews()
	var buf [256]float64
	var val []float64
	if len(toks) > len(buf) {
		val = make([]float64, len(toks))
	} else {
		val = buf[:len(toks)]
	}
	k := 0
	sentences(toks, func(i, j int) {
		sv := r.valences(toks[i:j], val[i:j])
		var nbSum, newsSum float64
		for _, t := range toks[i:j] {
			if t.Kind != token.Word {
				continue
			}
			key := nbKey(t.Norm)
			nbSum += nb[key]
			newsSum += newsLex[t.Norm]
		}
		f[fPos] += sv.pos
		f[fNeg] += sv.neg
		if sv.words > 0 {
			sq := math.Sqrt(float64(sv.words))
			f[fNB] += nbSum / sq
			f[fNews] += newsSum / sq
			f[fWords] += sq
		}
		k++
	})
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
	features(toks, &f)
	loadNews()
	return newsWeights.apply(&f)
}
