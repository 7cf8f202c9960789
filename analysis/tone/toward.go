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

// Toward reads a target's tone from features of the words around its mention,
// combined by weights fitted on NewsMTSC train.jsonl (data/toward-weights.txt):
const (
	tLeft  = iota // Σ target-context tone of the words before the mention (data/newsmtsc-target.tsv), by distance
	tRight        // the same for the words after it
	tVal          // Σ VADER-rule valence of the sentence's other words, by distance
	tComp         // compound(tVal)
	tNews         // the sentence's news-domain word tone Σ/√words (data/newsmtsc-logratio.tsv)
	tSent         // the sentence's VADER-rule compound
	nTFeat
)

var towardFeatNames = [nTFeat]string{"left", "right", "valence", "compound", "news", "sentence"}

var (
	towardWindow = 8   // words beyond this distance from the mention carry no target-context tone
	towardDecay  = 4.0 // a word d words from the mention weighs 1/(1+d/towardDecay)
)

//go:embed data/newsmtsc-target.tsv
var targetLexData []byte

//go:embed data/toward-weights.txt
var towardWeightsData []byte

var (
	towardOnce    sync.Once
	targetLex     map[string][2]float64 // word → tone when before / after a mention
	towardWeights linear
	towardCalib   calib
)

func loadToward() {
	towardOnce.Do(func() {
		var err error
		targetLex, err = parseTargetLex(targetLexData, "data/newsmtsc-target.tsv")
		if err == nil {
			towardWeights, towardCalib, err = parseTowardWeights(towardWeightsData, "data/toward-weights.txt")
		}
		if err != nil {
			panic(err) // embedded data: a broken build
		}
	})
}

// parseTargetLex reads "word<TAB>before<TAB>after" lines; # starts a comment.
func parseTargetLex(data []byte, name string) (map[string][2]float64, error) {
	m := map[string][2]float64{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want word<TAB>before<TAB>after", name, line)
		}
		var v [2]float64
		for i := range v {
			x, err := strconv.ParseFloat(f[i+1], 64)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, line, err)
			}
			v[i] = x
		}
		m[f[0]] = v
	}
	return m, sc.Err()
}

// parseTowardWeights reads "name value" lines: bias, towardFeatNames,
// calib_delta and calib_tau.
func parseTowardWeights(data []byte, name string) (linear, calib, error) {
	m := linear{w: make([]float64, nTFeat)}
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
		case "calib_delta":
			c.delta = v
		case "calib_tau":
			c.tau = v
		default:
			k := -1
			for i, n := range towardFeatNames {
				if n == f[0] {
					k = i
				}
			}
			if k < 0 {
				return m, c, fmt.Errorf("%s:%d: unknown weight %q", name, line, f[0])
			}
			m.w[k] = v
		}
	}
	return m, c, sc.Err()
}

// Toward scores the tone of what a sentence says about the mention at
// [start, end) (byte offsets into text, inside sentence), in [-1, 1]. toks are
// the tokens of text (any superset of the sentence's).
//
// It reads the words around the mention, nearer ones weighing more: their
// VADER valence after VADER's rules, and their tone next to a target in news
// (learnt from NewsMTSC, separately for words before and after the mention, so
// that "critics attacked Smith" and "Smith attacked critics" differ), together
// with the tone of the whole sentence; weights fitted on NewsMTSC train.jsonl.
func Toward(text string, toks []token.Token, sentence token.Span, start, end int) float64 {
	var f [nTFeat]float64
	loadNews()
	if !towardFeatures(toks, sentence, start, end, targetLexicon(), newsLex, &f) {
		return 0
	}
	return towardCalib.apply(towardWeights.apply(f[:]))
}

func targetLexicon() map[string][2]float64 {
	loadToward()
	return targetLex
}

// mentionWords returns the word indices [first, last] of the mention among
// the sentence's words; a mention between words gets last = first-1.
func mentionWords(st []token.Token, start, end int) (first, last int) {
	first, last = -1, -1
	w := 0
	for k := range st {
		if st[k].Kind != token.Word {
			continue
		}
		if st[k].End > start && st[k].Start < end {
			if first < 0 {
				first = w
			}
			last = w
		}
		w++
	}
	if first >= 0 {
		return first, last
	}
	w = 0
	for k := range st {
		if st[k].Kind == token.Word {
			if st[k].Start >= end {
				break
			}
			w++
		}
	}
	return w, w - 1
}

// towardFeatures computes Toward's features with the target-context lexicon
// lex and the news lexicon news; it reports false when the sentence has no
// tokens.
func towardFeatures(toks []token.Token, sentence token.Span, start, end int, lex map[string][2]float64, news map[string]float64, f *[nTFeat]float64) bool {
	*f = [nTFeat]float64{}
	i0, i1 := tokenRange(toks, sentence)
	if i0 >= i1 {
		return false
	}
	st := toks[i0:i1]
	var buf [256]float64
	var val []float64
	if len(st) > len(buf) {
		val = make([]float64, len(st))
	} else {
		val = buf[:len(st)]
	}
	sv := theRules().valences(st, val)
	mFirst, mLast := mentionWords(st, start, end)
	var newsSum float64
	w := 0
	for k := range st {
		if st[k].Kind != token.Word {
			continue
		}
		newsSum += news[st[k].Norm]
		if w < mFirst || w > mLast {
			d, side := mFirst-w, 0
			if w > mLast {
				d, side = w-mLast, 1
			}
			wt := 1 / (1 + float64(d)/towardDecay)
			f[tVal] += val[k] * wt
			if d <= towardWindow {
				f[tLeft+side] += lex[st[k].Norm][side] * wt
			}
		}
		w++
	}
	f[tComp] = compound(f[tVal])
	if sv.words > 0 {
		f[tNews] = newsSum / math.Sqrt(float64(sv.words))
	}
	f[tSent] = compound(sv.raw())
	return true
}

// tokenRange returns the indices [i, j) of the tokens inside span.
func tokenRange(toks []token.Token, span token.Span) (int, int) {
	i := 0
	for i < len(toks) && toks[i].Start < span.Start {
		i++
	}
	j := i
	for j < len(toks) && toks[j].End <= span.End {
		j++
	}
	return i, j
}
