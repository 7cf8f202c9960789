package tone

import (
	"github.com/framescope/framescope/analysis/token"
)

// Para is one paragraph prepared for scoring several times: the paragraph's
// score (Score), the scores of some of its sentences (ScoreSentences: the
// outlet's own and the quoted ones) and the tone toward each mention
// (Toward). It looks each word up in the lexicon once and applies VADER's
// rules to each sentence once, and shares that work between the calls; the
// results are exactly those of Scorer.Score and of the package's Toward on
// the same text and tokens.
//
// A scorer that cannot use the shared work ("nb", "vader", or a Scorer from
// outside the package) is called through its Score method.
//
// The zero Para is ready for Reset. A Para is not safe for concurrent use;
// reusing one for the paragraphs of an article saves allocations.
type Para struct {
	text   string
	span   token.Span
	toks   []token.Token
	looked bool        // info holds the entries of toks
	info   []*wordInfo // lexicon entry of each token, nil for tokens that are not words
	head   []int32     // head[i] is 1 + the index in ranges of the last range cached that starts at token i
	ranges []cachedRange

	// arenas of the cached ranges
	vals   []float64
	infos  []*wordInfo
	wordAt []int
	nz     []int
	feats  []sentFeat // sentenceFeatures of the cached ranges that were asked for them
	words  []int      // scratch
	sf     sentFeat   // scratch

	// scratch for sentence subsets
	sub    []token.Token
	pos    []int
	tinfo  []*wordInfo
	sval   []float64
	sinfos []*wordInfo
	joined []byte
}

// cachedRange is ruleValences of the tokens [i, j) of a Para.
type cachedRange struct {
	i, j  int
	next  int32 // 1 + the index of the previous range cached with the same i, 0 for none
	sv    sentenceValence
	val   int // offset of its valences in Para.vals (j-i of them)
	infos int // offset of its words' entries in Para.infos and indices in Para.wordAt
	n     int // number of words
	nz    int // offset of its words with a valence in Para.nz
	nnz   int // and their number
	feat  int // 1 + the index of its sentenceFeatures in Para.feats, 0 before they are asked for

	newsSum float64
}

// ruled is one sentence after VADER's rules: its totals, each token's
// valence and each word's lexicon entry.
type ruled struct {
	sv    sentenceValence
	val   []float64
	infos []*wordInfo
	words []int // index in the sentence's tokens of each word

	// towardPrep, for Toward: the words with a valence and the sum of the
	// words' news-domain tone
	nz      []int
	newsSum float64
}

// paraScorer is a Scorer that can score from a Para's shared work.
type paraScorer interface {
	// scorePara returns Score of the tokens toks; pos[k] is the index in
	// p.toks of toks[k], or pos is nil when toks is p.toks.
	scorePara(p *Para, toks []token.Token, pos []int) float64
}

// Reset prepares p for the paragraph text[span.Start:span.End], whose tokens
// are toks (token.Tokenize(text, span, nil)). p keeps toks until the next
// Reset.
func (p *Para) Reset(text string, span token.Span, toks []token.Token) {
	p.text, p.span, p.toks = text, span, toks
	p.looked = false
	p.ranges = p.ranges[:0]
	p.vals, p.infos, p.wordAt, p.nz, p.feats = p.vals[:0], p.infos[:0], p.wordAt[:0], p.nz[:0], p.feats[:0]
}

// lookup fills in the tokens' lexicon entries, once per paragraph.
func (p *Para) lookup() {
	if p.looked {
		return
	}
	p.looked = true
	p.info = lookupAll(theLexicon(), p.toks, p.info[:0])
	if cap(p.head) < len(p.toks) {
		p.head = make([]int32, len(p.toks))
	} else {
		p.head = p.head[:len(p.toks)]
		clear(p.head)
	}
}

// Score returns s.Score of the paragraph: its text and tokens.
func (p *Para) Score(s Scorer) float64 {
	if ps, ok := s.(paraScorer); ok {
		p.lookup()
		return ps.scorePara(p, p.toks, nil)
	}
	return s.Score(p.text[p.span.Start:p.span.End], p.toks)
}

// ScoreSentences returns s.Score of some of the paragraph's sentences, sents
// (in text order, not overlapping): of their text, each followed by a space,
// and of the paragraph's tokens that start inside them.
func (p *Para) ScoreSentences(s Scorer, sents []token.Span) float64 {
	p.sub, p.pos = p.sub[:0], p.pos[:0]
	k := 0
	for _, sp := range sents {
		// the tokens that start in sp are a run of p.toks
		for k < len(p.toks) && p.toks[k].Start < min(sp.Start, sp.End) {
			k++
		}
		a := k
		for k < len(p.toks) && p.toks[k].Start < sp.End {
			k++
		}
		p.sub = append(p.sub, p.toks[a:k]...)
		for x := a; x < k; x++ {
			p.pos = append(p.pos, x)
		}
	}
	if ps, ok := s.(paraScorer); ok {
		p.lookup()
		return ps.scorePara(p, p.sub, p.pos)
	}
	p.joined = p.joined[:0]
	for _, sp := range sents {
		p.joined = append(p.joined, p.text[sp.Start:sp.End]...)
		p.joined = append(p.joined, ' ')
	}
	return s.Score(string(p.joined), p.sub)
}

// Toward returns the package's Toward(text, toks, sentence, start, end) for
// the paragraph's text and tokens.
func (p *Para) Toward(sentence token.Span, start, end int) float64 {
	i0, i1 := tokenRange(p.toks, sentence)
	if i0 >= i1 {
		return 0
	}
	p.lookup()
	var f [nTFeat]float64
	towardFromValences(p.toks[i0:i1], p.valences(p.toks, nil, i0, i1), start, end, &f)
	return towardCalib.apply(towardScore(&towardWeights, f[:]))
}

// valences returns ruleValences of toks[i:j]; pos[k] is the index in p.toks
// of toks[k] (nil when toks is p.toks). A run of tokens that is contiguous in
// the paragraph is computed once and kept; another is computed in scratch
// space that the next call reuses.
func (p *Para) valences(toks []token.Token, pos []int, i, j int) ruled {
	if c := p.cached(toks, pos, i, j); c != nil {
		return p.ruled(c)
	}
	return p.scratchValences(toks[i:j], pos[i:j])
}

// sentenceFeatures returns the news features that the sentence toks[i:j]
// adds (sentenceFeatures; toks and pos as for valences), kept with the
// sentence's valences when its tokens are contiguous in the paragraph. The
// result is valid until the next call.
func (p *Para) sentenceFeatures(toks []token.Token, pos []int, i, j int) *sentFeat {
	c := p.cached(toks, pos, i, j)
	if c == nil {
		r := p.scratchValences(toks[i:j], pos[i:j])
		sentenceFeatures(&p.sf, toks[i:j], r.val, r.infos, r.sv)
		return &p.sf
	}
	if c.feat == 0 {
		r := p.ruled(c)
		p.feats = append(p.feats, sentFeat{})
		sentenceFeatures(&p.feats[len(p.feats)-1], p.toks[c.i:c.j], r.val, r.infos, r.sv)
		c.feat = len(p.feats)
	}
	return &p.feats[c.feat-1]
}

// cached returns the kept valences of toks[i:j] (toks and pos as for
// valences), computing them when they are not yet; nil when the tokens are
// not contiguous in the paragraph.
func (p *Para) cached(toks []token.Token, pos []int, i, j int) *cachedRange {
	a, b := i, j
	if pos != nil {
		a, b = pos[i], pos[j-1]+1
		if b-a != j-i {
			return nil
		}
	}
	for r := p.head[a]; r != 0; r = p.ranges[r-1].next {
		if c := &p.ranges[r-1]; c.j == b {
			return c
		}
	}
	c := cachedRange{i: a, j: b, next: p.head[a], val: len(p.vals), infos: len(p.infos)}
	p.vals = append(p.vals, make([]float64, b-a)...)
	val := p.vals[c.val:]
	// ruleValences indexes the infos it appends from 0
	c.sv, p.words, p.sinfos = ruleValences(p.toks[a:b], p.info[a:b], val, p.words[:0], p.sinfos[:0])
	p.infos = append(p.infos, p.sinfos...)
	p.wordAt = append(p.wordAt, p.words...)
	c.n = len(p.sinfos)
	c.nz = len(p.nz)
	p.nz, c.newsSum = towardPrep(val, p.words, p.sinfos, p.nz)
	c.nnz = len(p.nz) - c.nz
	p.ranges = append(p.ranges, c)
	p.head[a] = int32(len(p.ranges))
	return &p.ranges[len(p.ranges)-1]
}

// ruled returns the cached range c.
func (p *Para) ruled(c *cachedRange) ruled {
	return ruled{
		sv:      c.sv,
		val:     p.vals[c.val : c.val+c.j-c.i],
		infos:   p.infos[c.infos : c.infos+c.n],
		words:   p.wordAt[c.infos : c.infos+c.n],
		nz:      p.nz[c.nz : c.nz+c.nnz],
		newsSum: c.newsSum,
	}
}

// scratchValences is ruleValences of toks, whose tokens are p.toks[pos[k]].
func (p *Para) scratchValences(toks []token.Token, pos []int) ruled {
	p.tinfo = p.tinfo[:0]
	for _, k := range pos {
		p.tinfo = append(p.tinfo, p.info[k])
	}
	if cap(p.sval) < len(toks) {
		p.sval = make([]float64, len(toks))
	}
	val := p.sval[:len(toks)]
	var sv sentenceValence
	sv, p.words, p.sinfos = ruleValences(toks, p.tinfo, val, p.words[:0], p.sinfos[:0])
	return ruled{sv: sv, val: val, infos: p.sinfos, words: p.words}
}
