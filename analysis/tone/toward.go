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
// the sentence's words (words[w] is the index in st of word w); a mention
// between words gets last = first-1.
func mentionWords(st []token.Token, words []int, start, end int) (first, last int) {
	// tokens are in text order and do not overlap: the words that overlap
	// the mention are those from the first that ends after start to the last
	// that starts before end
	after := sort.Search(len(words), func(w int) bool { return st[words[w]].Start >= end })
	first = sort.Search(after, func(w int) bool { return st[words[w]].End > start })
	return first, after - 1
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
	sv, words, infos := valences(lx, st, val, sc.wordsBuf[:0], sc.infosBuf[:0])
	var nzBuf [96]int
	r := ruled{sv: sv, val: val, infos: infos, words: words}
	r.nz, r.newsSum = towardPrep(val, words, infos, nzBuf[:0])
	towardFromValences(st, r, start, end, f)
	return true
}

// towardPrep returns what Toward reads from a sentence whatever the mention:
// the word indices of the words with a valence (appended to nz), and the sum
// of the news-domain tone of its words.
func towardPrep(val []float64, words []int, infos []*wordInfo, nz []int) ([]int, float64) {
	var newsSum float64
	for w, k := range words {
		newsSum += infos[w].news
		if val[k] != 0 {
			nz = append(nz, w)
		}
	}
	return nz, newsSum
}

// towardFromValences computes Toward's features into f (zeroed) from the
// sentence's tokens st, their rule valences and the sentence's towardPrep in
// r.
//
// Every feature is a sum over the sentence's tokens in text order; the
// tokens whose term is zero are skipped (a sum that starts at +0 is the same
// without them), so that a mention costs its clause, the words with a
// valence and the words near it, not the whole sentence.
func towardFromValences(st []token.Token, r ruled, start, end int, f *[nTFeat]float64) {
	sv, val, infos, words := r.sv, r.val, r.infos, r.words
	mFirst, mLast := mentionWords(st, words, start, end)
	// the mention's clause, in token indices [c0, c1)
	m0 := sort.Search(len(st), func(k int) bool { return st[k].End > start })
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
	for k := c0; k < c1; k++ {
		if st[k].End <= start || st[k].Start >= end {
			f[tClause] += val[k]
		}
	}
	// distance from the mention and side of word w
	dist := func(w int) (d, side int) {
		if w > mLast {
			return w - mLast, 1
		}
		return mFirst - w, 0
	}
	for _, w := range r.nz {
		if w >= mFirst && w <= mLast {
			continue
		}
		d, _ := dist(w)
		wt := 1 / (1 + float64(d)/towardDecay)
		v := val[words[w]]
		f[tVal] += v * wt
		if v > 0 {
			f[tValPos] += v * wt
		} else {
			f[tValNeg] += v * wt
		}
	}
	for w := max(0, mFirst-towardWindow); w < len(words) && w <= mLast+towardWindow; w++ {
		if w >= mFirst && w <= mLast {
			continue
		}
		d, side := dist(w)
		if d > towardWindow {
			continue
		}
		wt := 1 / (1 + float64(d)/towardDecay)
		v := infos[w].target[side]
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
	f[tComp] = compound(f[tVal])
	if sv.words > 0 {
		f[tNews] = r.newsSum / math.Sqrt(float64(sv.words))
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
