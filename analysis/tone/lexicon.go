package tone

import (
	"strings"
	"sync"
)

// wordInfo is everything the scorers know about one word form, gathered into
// one map so that scoring costs one lookup per token.
type wordInfo struct {
	val     float64    // VADER valence (when flags&inLex)
	booster float64    // VADER booster increment (when flags&isBooster)
	nb      float64    // cdipaolo log-ratio, 0 when unknown
	news    float64    // news-domain tone (data/newsmtsc-logratio.tsv)
	stem    float64    // VADER valence of the word's stem when the form itself is not listed ("deaths" → "death")
	target  [2]float64 // tone before / after a mention (data/newsmtsc-target.tsv)
	flags   uint8
}

const (
	inLex uint8 = 1 << iota
	isBooster
	isNegate
	isShift
)

// lexicon maps a token's Norm to its wordInfo.
type lexicon struct{ m map[string]*wordInfo }

// unknown is the entry of words no resource lists.
var unknown = &wordInfo{}

// buildLexicon merges the rule words and lexicons into one map.
func buildLexicon(r *vaderRules, nb, news map[string]float64, target map[string][2]float64) *lexicon {
	m := make(map[string]wordInfo, len(nb)+len(r.lex))
	get := func(w string) wordInfo {
		if inf, ok := m[w]; ok {
			return inf
		}
		return wordInfo{nb: nb[nbKey(w)]}
	}
	for w, v := range nb {
		m[w] = wordInfo{nb: v}
	}
	for w, v := range r.lex {
		inf := get(w)
		inf.val, inf.flags = v, inf.flags|inLex
		m[w] = inf
	}
	for w, v := range r.booster {
		inf := get(w)
		inf.booster, inf.flags = v, inf.flags|isBooster
		m[w] = inf
	}
	for w := range r.negate {
		inf := get(w)
		inf.flags |= isNegate
		m[w] = inf
	}
	for w := range r.shift {
		inf := get(w)
		inf.flags |= isShift
		m[w] = inf
	}
	for w, v := range news {
		inf := get(w)
		inf.news = v
		m[w] = inf
	}
	for w, v := range target {
		inf := get(w)
		inf.target = v
		m[w] = inf
	}
	// inflected forms VADER does not list take their stem's valence
	for w, inf := range m {
		if inf.flags&(inLex|isBooster|isNegate) != 0 {
			continue
		}
		if v, ok := stemValence(r, w); ok {
			inf.stem = v
			m[w] = inf
		}
	}
	// one backing array, so that entries are not scattered on the heap
	all := make([]wordInfo, 0, len(m))
	lx := &lexicon{m: make(map[string]*wordInfo, len(m))}
	for w, inf := range m {
		if strings.Contains(w, "n't") {
			inf.flags |= isNegate
		}
		all = append(all, inf)
		lx.m[w] = &all[len(all)-1]
	}
	return lx
}

// lookup returns what is known about the token form norm (read-only).
func (lx *lexicon) lookup(norm string) *wordInfo {
	if inf, ok := lx.m[norm]; ok {
		return inf
	}
	if strings.IndexByte(norm, '\'') < 0 {
		return unknown
	}
	// a contraction nobody listed: cdipaolo's form has no apostrophe, and
	// VADER reads any "n't" as a negation
	inf := &wordInfo{}
	if nb, ok := lx.m[nbKey(norm)]; ok {
		inf.nb = nb.nb
	}
	if strings.Contains(norm, "n't") {
		inf.flags |= isNegate
	}
	return inf
}

var (
	lexOnce sync.Once
	lexVal  *lexicon
)

// theLexicon returns the process's lexicon with every embedded resource; the
// first call loads the cdipaolo model (about 0.4 s).
func theLexicon() *lexicon {
	lexOnce.Do(func() {
		loadNews()
		loadToward()
		lexVal = buildLexicon(theRules(), mustNB(), newsLex, targetLex)
	})
	return lexVal
}

// stemValence returns the VADER valence of w's stem when w is a regular
// inflection of a listed word: -s, -es, -ies, -ed, -ing, -ly. A bare -d is
// not stripped: it turns nouns into other words ("fund" → "fun", "band" →
// "ban"); "-ed" with an "e" restored covers "used" → "use".
func stemValence(r *vaderRules, w string) (float64, bool) {
	try := func(stem string) (float64, bool) {
		if len(stem) < 3 {
			return 0, false
		}
		v, ok := r.lex[stem]
		return v, ok && r.booster[stem] == 0
	}
	for _, c := range [...]struct{ suf, add string }{
		{"ies", "y"}, {"es", ""}, {"s", ""}, {"ied", "y"}, {"ed", ""}, {"ed", "e"},
		{"ing", ""}, {"ing", "e"}, {"ly", ""}, {"ily", "y"},
	} {
		if stem, ok := strings.CutSuffix(w, c.suf); ok {
			if v, ok := try(stem + c.add); ok {
				return v, true
			}
		}
	}
	return 0, false
}
