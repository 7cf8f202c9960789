package tone

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/framescope/framescope/analysis/token"
)

// Toward reads a target's tone from features of the words around its mention,
// combined by two linear models (positive vs the rest, negative vs the rest)
// fitted on NewsMTSC train.jsonl (data/toward-weights.txt):
const (
	tLeft   = iota // Σ target-context tone of the words before the mention (data/newsmtsc-target.tsv), by distance
	tRight         // the same for the words after it
	tVal           // Σ VADER-rule valence of the sentence's other words, by distance
	tComp          // compound(tVal)
	tNews          // the sentence's news-domain word tone Σ/√words (data/newsmtsc-logratio.tsv)
	tSent          // the sentence's VADER-rule compound
	tNearL         // target-context tone of the two words before the mention
	tNearR         // ...and of the two after it
	tClause        // VADER-rule valence of the mention's clause (between , ; : - and "but", "while", "although")
	tQuoted        // the mention is inside quotation marks
	tFirst         // the mention opens the sentence (usually its subject)
	tLexPos        // Σ of the positive target-context tones near the mention, by distance
	tLexNeg        // Σ of the negative ones
	tValPos        // Σ of the positive VADER-rule valences, by distance
	tValNeg        // Σ of the negative ones
	nTFeat
)

var towardFeatNames = [nTFeat]string{"left", "right", "valence", "compound", "news", "sentence", "nearleft", "nearright", "clause", "quoted", "first", "lexpos", "lexneg", "valpos", "valneg"}

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
	towardWeights [2]linear             // [0] positive vs the rest, [1] negative vs the rest
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

// parseTowardWeights reads "name value" lines: pos.bias, pos.<feature>,
// neg.bias, neg.<feature> (towardFeatNames), calib_delta and calib_tau.
func parseTowardWeights(data []byte, name string) ([2]linear, calib, error) {
	m := [2]linear{{w: make([]float64, nTFeat)}, {w: make([]float64, nTFeat)}}
	c, err := readWeights(data, name, func(key string, v float64) error {
		model, feat, _ := strings.Cut(key, ".")
		j := map[string]int{"pos": 0, "neg": 1}[model]
		k := -1
		for i, n := range towardFeatNames {
			if n == feat {
				k = i
			}
		}
		switch {
		case model != "pos" && model != "neg":
			return fmt.Errorf("unknown weight %q (want pos.… or neg.…)", key)
		case feat == "bias":
			m[j].bias = v
		case k >= 0:
			m[j].w[k] = v
		default:
			return fmt.Errorf("unknown weight %q", key)
		}
		return nil
	})
	return m, c, err
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
	if !towardFeatures(theLexicon(), toks, sentence, start, end, &f) {
		return 0
	}
	return towardCalib.apply(towardScore(&towardWeights, f[:]))
}

// towardScore is the raw score of Toward's two models: half the difference of
// the positive-vs-rest and negative-vs-rest scores.
func towardScore(m *[2]linear, x []float64) float64 {
	return (m[0].apply(x) - m[1].apply(x)) / 2
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

// towardFeatures computes Toward's features with the lexicon lx; it reports
// false when the sentence has no tokens.
func towardFeatures(lx *lexicon, toks []token.Token, sentence token.Span, start, end int, f *[nTFeat]float64) bool {
	*f = [nTFeat]float64{}
	i0, i1 := tokenRange(toks, sentence)
	if i0 >= i1 {
		return false
	}
	st := toks[i0:i1]
	var sc scratch
	val := sc.vals(len(st))
	sv, _, infos := valences(lx, st, val, sc.wordsBuf[:0], sc.infosBuf[:0])
	towardFromValences(st, ruled{sv, val, infos}, start, end, f)
	return true
}

// towardFromValences computes Toward's features into f (zeroed) from the
// sentence's tokens st and their rule valences r.
func towardFromValences(st []token.Token, r ruled, start, end int, f *[nTFeat]float64) {
	sv, val, infos := r.sv, r.val, r.infos
	mFirst, mLast := mentionWords(st, start, end)
	// the mention's clause, in token indices [c0, c1)
	m0 := 0
	for m0 < len(st) && st[m0].End <= start {
		m0++
	}
	c0, c1 := m0, m0
	for c0 > 0 && !clauseBreak(st[c0-1]) {
		c0--
	}
	for c1 < len(st) && (st[c1].Start < end || !clauseBreak(st[c1])) {
		c1++
	}
	quotes := 0
	for k := 0; k < m0; k++ {
		if st[k].Kind == token.Punct && st[k].Norm == `"` {
			quotes++
		}
	}
	if quotes%2 == 1 {
		f[tQuoted] = 1
	}
	if mFirst == 0 {
		f[tFirst] = 1
	}
	var newsSum float64
	w := 0
	for k := range st {
		if k >= c0 && k < c1 && (st[k].End <= start || st[k].Start >= end) {
			f[tClause] += val[k]
		}
		if st[k].Kind != token.Word {
			continue
		}
		inf := infos[w]
		newsSum += inf.news
		if w < mFirst || w > mLast {
			d, side := mFirst-w, 0
			if w > mLast {
				d, side = w-mLast, 1
			}
			wt := 1 / (1 + float64(d)/towardDecay)
			f[tVal] += val[k] * wt
			if val[k] > 0 {
				f[tValPos] += val[k] * wt
			} else {
				f[tValNeg] += val[k] * wt
			}
			if d <= towardWindow {
				v := inf.target[side]
				f[tLeft+side] += v * wt
				if v > 0 {
					f[tLexPos] += v * wt
				} else {
					f[tLexNeg] += v * wt
				}
				if d <= 2 {
					f[tNearL+side] += v
				}
			}
		}
		w++
	}
	f[tComp] = compound(f[tVal])
	if sv.words > 0 {
		f[tNews] = newsSum / math.Sqrt(float64(sv.words))
	}
	f[tSent] = compound(sv.raw())
}

// tokenRange returns the indices [i, j) of the tokens inside span.
func tokenRange(toks []token.Token, span token.Span) (int, int) {
	// tokens are in text order: the first at or after span.Start
	i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= span.Start })
	j := i
	for j < len(toks) && toks[j].End <= span.End {
		j++
	}
	return i, j
}

// clauseBreak reports whether t ends a clause for Toward.
func clauseBreak(t token.Token) bool {
	if t.Kind == token.Punct {
		switch t.Norm {
		case ",", ";", ":", "-", "(", ")":
			return true
		}
		return false
	}
	switch t.Norm {
	case "but", "while", "although", "though", "whereas":
		return true
	}
	return false
}
