package frames

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/framescope/framescope/analysis/token"
)

// Para is one paragraph of an article as the pipeline gives it to the matcher.
type Para struct {
	Span token.Span
	// Sentences are the paragraph's sentences, in order; none means the
	// paragraph is one sentence. A token between two sentences counts as part
	// of the next one.
	Sentences []token.Span
	Tokens    []token.Token // token.Tokenize(text, Span, nil), shared with the tone scorers
	// Decide is false for headline, boilerplate and comment paragraphs: their
	// hits are reported and give article context (see Rule.Context), but their
	// decisions are never On.
	Decide bool
}

// Hit is one piece of evidence for a frame.
type Hit struct {
	Frame    string     // frame id
	Rule     string     // rule id, or "term" for a term of the frame's own list
	Term     string     // the pattern(s) that matched, rule parts joined by " + "
	Start    int        // bytes into the article text
	End      int        // exclusive
	Sentence token.Span // the sentence that holds it
	Weight   float64
	Negated  bool // inside a negation's scope: reported, not counted
}

// Decision is a paragraph's result for one frame.
type Decision struct {
	Score float64 // the highest sentence score in the paragraph
	On    bool    // Score ≥ the frame's threshold (and the paragraph is a Decide paragraph)
	Hits  []Hit   // sorted by Start
}

// Mention is one mention of an actor.
type Mention struct {
	Actor      string
	Start, End int
	Sentence   token.Span
}

// Result is what the matcher finds in one paragraph.
type Result struct {
	Frames   []Decision // indexed like Codebook.Frames
	Mentions []Mention  // sorted by Start
}

// pattern kinds
const (
	kTerm      uint8 = iota // a frame's own term
	kGroup                  // a member of a frame's group
	kExclude                // a frame's exclusion (its own, or one of an actor its groups use)
	kActor                  // an actor's term
	kActorExcl              // an actor's exclusion
	kNeg                    // a negation cue
	kBreak                  // a negation breaker
)

type pat struct {
	toks   []ptok
	kind   uint8
	cased  bool
	owner  int32 // frame or actor index
	sub    int32 // group index (kGroup)
	weight float64
	text   string
}

type node struct {
	exact kidTable // the exact token forms that leave this node
	ends  []int32
}

// kidTable maps a token form to the trie node it leads to: an
// open-addressing hash table whose hash (formHash) the scan computes once per
// token and reuses at every node, instead of a Go map hashing the form again
// at each lookup. The zero value is an empty table.
type kidTable struct {
	slots []kidSlot // len a power of two, at most half full; nil when empty
	n     int32
	// wi is not part of the table: it is the node's byte trie of the
	// wildcard prefixes that leave it, as an index into Matcher.wn (0: none),
	// kept here to fit the node in one cache line.
	wi int32
}

type kidSlot struct {
	h    uint32 // formHash(key); 0 marks an empty slot
	key  string
	next *node
}

// formHash is FNV-1a over the form's bytes, never 0 (0 marks empty slots).
func formHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h | 1
}

func (t *kidTable) get(key string, h uint32) *node {
	if t.slots == nil {
		return nil
	}
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.h == h && sl.key == key {
			return sl.next
		}
		if sl.h == 0 {
			return nil
		}
	}
}

// put adds key (not yet in t) with its node.
func (t *kidTable) put(key string, next *node) {
	if 2*(int(t.n)+1) > len(t.slots) {
		old := t.slots
		size := max(2, 2*len(old))
		for size < 2*(int(t.n)+1) {
			size *= 2
		}
		t.slots = make([]kidSlot, size)
		t.n = 0
		for _, sl := range old {
			if sl.h != 0 {
				t.insert(sl)
			}
		}
	}
	t.insert(kidSlot{h: formHash(key), key: key, next: next})
}

func (t *kidTable) insert(sl kidSlot) {
	mask := uint32(len(t.slots) - 1)
	i := sl.h & mask
	for t.slots[i].h != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = sl
	t.n++
}

// each calls f for every key and node of t, in slot order.
func (t *kidTable) each(f func(key string, next *node)) {
	for _, sl := range t.slots {
		if sl.h != 0 {
			f(sl.key, sl.next)
		}
	}
}

// wnode is a node of a byte trie over wildcard prefixes, as built: next is
// the trie node reached when a prefix ends here.
type wnode struct {
	keys []byte
	kids []*wnode
	next *node
}

func (w *wnode) child(b byte) *wnode {
	for i, k := range w.keys {
		if k == b {
			return w.kids[i]
		}
	}
	return nil
}

// wflat is a wildcard trie node as matched: its edges are
// Matcher.eKey[lo:lo+n] leading to Matcher.eKid[lo:lo+n], or, when dense ≥ 0,
// the row Matcher.wDense[dense*256:][:256] indexed by the byte. Flat arrays
// keep the trie in a few contiguous blocks of memory.
type wflat struct {
	lo, n, dense int32
	next         *node
}

// denseKids is the number of children above which a wildcard trie node gets
// a lookup row.
const denseKids = 4

// wchild returns the child of wildcard trie node wi along byte b, or 0.
func (m *Matcher) wchild(wi int32, b byte) int32 {
	w := &m.wn[wi]
	if w.dense >= 0 {
		return m.wDense[int(w.dense)<<8|int(b)]
	}
	lo := int(w.lo)
	for i, k := range m.eKey[lo : lo+int(w.n)] {
		if k == b {
			return m.eKid[lo+i]
		}
	}
	return 0
}

type rule struct {
	mask uint64 // bits of the groups in all (groups ≥ 64 are not in the mask)
	id   string
	all  []int32
	// noneMask has the bits of the groups in none below 64; noneRest holds
	// the others, tested match by match.
	noneMask uint64
	noneRest []int32
	within   int
	weight   float64
	context  int32 // -1 none; ≥0 rule index; ≤ -2: group index -(g+2)
	// unless holds indexes into the article's fired flags (a rule's index,
	// or the number of rules plus a group's index).
	unless []int32
}

type frameC struct {
	negate    bool
	id        string
	threshold float64
	rules     []rule
	groupIDs  []string
	// The indexes of the rules without a context or an unless (evaluated as
	// each paragraph is read), of those with an unless only (evaluated after
	// the article, so that they can be another rule's context), and of those
	// with a context (evaluated last), in order, with their masks.
	plain, withUnless, withCtx []int32
	masks                      []uint64
	zeroMask                   bool // some rule has no group in its mask (groups ≥ 64 only)
}

// FrameMatcher is what the pipeline needs from a frame scorer. *Matcher (a
// codebook) is one implementation; another (a trained classifier, say) can be
// compared with it on the same gold set.
type FrameMatcher interface {
	Article(text string, paras []Para) []Result
}

var _ FrameMatcher = (*Matcher)(nil)

// Matcher finds a codebook's frames and actors in paragraphs. It is immutable
// after NewMatcher and safe for concurrent use.
type Matcher struct {
	cb   *Codebook
	root *node
	// rootBits has bit rootKey(k) set for every exact root key k: an 8 KB
	// filter that rejects most tokens before any hashing.
	rootBits *[1 << 10]uint64
	// rootWild has bit b1<<8|b2 set when a root wildcard's trie goes on
	// from the bytes b1 b2 (or ends after b1): an 8 KB filter that spares
	// most tokens the walk down the root wildcards. rootWild1 has bit b1 set
	// when a wildcard ends after the one byte b1.
	rootWild  *[1 << 10]uint64
	rootWild1 [4]uint64
	// rootWild3 has bit wildKey3(b1, b2, b3) set when a root wildcard's
	// trie goes on from the bytes b1 b2 b3, or ends after b1 or b1 b2: a
	// 32 KB filter for forms of three bytes or more that rootWild lets
	// through (two bytes say little: "co" starts "conflict*" and "could").
	rootWild3 *[1 << (wildKey3Bits - 6)]uint64
	// The flattened wildcard tries of all nodes (see wflat); index 0 is unused.
	wn     []wflat
	eKey   []byte
	eKid   []int32
	wDense []int32
	wild   map[*node]*wnode // the wildcard tries while NewMatcher builds them
	pats   []pat
	frames []frameC
	window int
	pool   sync.Pool
}

// NewMatcher compiles cb into one trie over token forms, so that all terms,
// phrases and wildcards are found in one pass over a paragraph's tokens.
func NewMatcher(cb *Codebook) *Matcher {
	m := &Matcher{cb: cb, root: &node{}, window: cb.Negation.Window, wild: map[*node]*wnode{}}
	actorIdx := map[string]int{}
	for i, a := range cb.Actors {
		actorIdx[a.ID] = i
		for _, t := range a.Terms {
			m.add(t, kActor, int32(i), 0)
		}
		for _, t := range a.Exclude {
			m.add(t, kActorExcl, int32(i), 0)
		}
	}
	for _, t := range cb.Negation.Cues {
		m.add(t, kNeg, -1, 0)
	}
	for _, t := range cb.Negation.Breakers {
		m.add(t, kBreak, -1, 0)
	}
	for fi, f := range cb.Frames {
		fc := frameC{id: f.ID, threshold: f.Threshold, negate: !f.NoNegation}
		for _, t := range f.Terms {
			m.add(t, kTerm, int32(fi), 0)
		}
		for _, t := range f.Exclude {
			m.add(t, kExclude, int32(fi), 0)
		}
		gidx := map[string]int32{}
		for gi, g := range f.Groups {
			gidx[g.ID] = int32(gi)
			fc.groupIDs = append(fc.groupIDs, g.ID)
			for _, t := range g.Terms {
				m.add(t, kGroup, int32(fi), int32(gi))
			}
			for _, aid := range g.Actors {
				a := cb.Actors[actorIdx[aid]]
				for _, t := range a.Terms {
					m.add(t, kGroup, int32(fi), int32(gi))
				}
				for _, t := range a.Exclude {
					m.add(t, kExclude, int32(fi), 0)
				}
			}
		}
		ridx := map[string]int32{}
		for ri, r := range f.Rules {
			ridx[r.ID] = int32(ri)
		}
		for _, r := range f.Rules {
			rc := rule{id: r.ID, within: r.Within, weight: r.Weight, context: -1}
			for _, g := range r.All {
				rc.all = append(rc.all, gidx[g])
				if gidx[g] < 64 {
					rc.mask |= 1 << uint(gidx[g])
				}
			}
			for _, g := range r.None {
				if gidx[g] < 64 {
					rc.noneMask |= 1 << uint(gidx[g])
				} else {
					rc.noneRest = append(rc.noneRest, gidx[g])
				}
			}
			if r.Context != "" {
				if i, ok := ridx[r.Context]; ok {
					rc.context = i
				} else {
					rc.context = -(gidx[r.Context] + 2)
				}
			}
			for _, u := range r.Unless {
				if i, ok := ridx[u]; ok {
					rc.unless = append(rc.unless, i)
				} else {
					rc.unless = append(rc.unless, int32(len(f.Rules))+gidx[u])
				}
			}
			switch {
			case rc.context != -1:
				fc.withCtx = append(fc.withCtx, int32(len(fc.rules)))
			case len(rc.unless) > 0:
				fc.withUnless = append(fc.withUnless, int32(len(fc.rules)))
			default:
				fc.plain = append(fc.plain, int32(len(fc.rules)))
			}
			fc.masks = append(fc.masks, rc.mask)
			fc.zeroMask = fc.zeroMask || rc.mask == 0
			fc.rules = append(fc.rules, rc)
		}
		m.frames = append(m.frames, fc)
	}
	m.wn = []wflat{{dense: -1}}
	m.flatten(m.root)
	m.wild = nil
	m.rootBits = new([1 << 10]uint64)
	m.root.exact.each(func(k string, _ *node) {
		b := rootKey(k)
		m.rootBits[b>>6] |= 1 << (b & 63)
	})
	m.rootWild = new([1 << 10]uint64)
	m.rootWild3 = new([1 << (wildKey3Bits - 6)]uint64)
	if wi := m.root.exact.wi; wi != 0 {
		for b1 := 0; b1 < 256; b1++ {
			w1 := m.wchild(wi, byte(b1))
			if w1 == 0 {
				continue
			}
			if m.wn[w1].next != nil {
				m.rootWild1[b1>>6] |= 1 << (b1 & 63)
			}
			for b2 := 0; b2 < 256; b2++ {
				w2 := m.wchild(w1, byte(b2))
				if m.wn[w1].next != nil || w2 != 0 {
					k := b1<<8 | b2
					m.rootWild[k>>6] |= 1 << (k & 63)
				}
				if w2 == 0 && m.wn[w1].next == nil {
					continue
				}
				for b3 := 0; b3 < 256; b3++ {
					if m.wn[w1].next != nil || m.wn[w2].next != nil || m.wchild(w2, byte(b3)) != 0 {
						k := wildKey3(byte(b1), byte(b2), byte(b3))
						m.rootWild3[k>>6] |= 1 << (k & 63)
					}
				}
			}
		}
	}
	m.pool.New = func() any { return new(scratch) }
	return m
}

// mayBeWild reports whether a root wildcard can match a prefix of the
// non-empty form s, by its first two bytes (false positives possible, no
// false negatives).
func (m *Matcher) mayBeWild(s string) bool {
	if len(s) == 1 {
		return m.rootWild1[s[0]>>6]&(1<<(s[0]&63)) != 0
	}
	k := int(s[0])<<8 | int(s[1])
	return m.rootWild[k>>6]&(1<<(k&63)) != 0
}

// mayBeWild3 is mayBeWild's second test, by the first three bytes of a form
// that has them (true for shorter forms).
func (m *Matcher) mayBeWild3(s string) bool {
	if len(s) < 3 {
		return true
	}
	k := wildKey3(s[0], s[1], s[2])
	return m.rootWild3[k>>6]&(1<<(k&63)) != 0
}

// wildKey3Bits is the number of bits of wildKey3, the size of rootWild3.
const wildKey3Bits = 18

// wildKey3 hashes a form's first three bytes into wildKey3Bits bits.
func wildKey3(b1, b2, b3 byte) uint32 {
	return (uint32(b1)<<16 | uint32(b2)<<8 | uint32(b3)) * 2654435761 >> (32 - wildKey3Bits)
}

// rootKey mixes a form's first two bytes and its length into 16 bits.
func rootKey(s string) uint32 {
	k := uint32(s[0])<<16 | uint32(s[len(s)-1])<<8 | uint32(min(len(s), 255))
	if len(s) > 1 {
		k |= uint32(s[1]) << 24
	}
	return (k * 2654435761) >> 16
}

// mayBeRoot reports whether s can be an exact root key (false positives
// possible, no false negatives).
func (m *Matcher) mayBeRoot(s string) bool {
	b := rootKey(s)
	return m.rootBits[b>>6]&(1<<(b&63)) != 0
}

// flatten moves the wildcard tries of n and of every node below it into the
// matcher's flat arrays.
func (m *Matcher) flatten(n *node) {
	n.exact.each(func(_ string, c *node) { m.flatten(c) })
	if w := m.wild[n]; w != nil {
		n.exact.wi = m.flattenW(w)
	}
}

func (m *Matcher) flattenW(w *wnode) int32 {
	idx := int32(len(m.wn))
	m.wn = append(m.wn, wflat{lo: int32(len(m.eKey)), n: int32(len(w.keys)), dense: -1, next: w.next})
	lo := len(m.eKey)
	m.eKey = append(m.eKey, w.keys...)
	m.eKid = append(m.eKid, make([]int32, len(w.kids))...)
	for i, k := range w.kids {
		m.eKid[lo+i] = m.flattenW(k)
	}
	if len(w.keys) > denseKids {
		row := int32(len(m.wDense) >> 8)
		m.wDense = append(m.wDense, make([]int32, 256)...)
		for i, k := range w.keys {
			m.wDense[int(row)<<8|int(k)] = m.eKid[lo+i]
		}
		m.wn[idx].dense = row
	}
	if w.next != nil {
		m.flatten(w.next)
	}
	return idx
}

// Codebook returns the codebook the matcher was built from.
func (m *Matcher) Codebook() *Codebook { return m.cb }

func (m *Matcher) add(t Term, kind uint8, owner, sub int32) {
	phrases, err := compileTerm(t.Pattern)
	if err != nil {
		return // Parse has already rejected it; a hand-built codebook skips it
	}
	for _, toks := range phrases {
		m.addPhrase(t, toks, kind, owner, sub)
	}
}

// addPhrase adds one phrase of term t to the trie.
func (m *Matcher) addPhrase(t Term, toks []ptok, kind uint8, owner, sub int32) {
	id := int32(len(m.pats))
	m.pats = append(m.pats, pat{toks: toks, kind: kind, cased: t.Case, owner: owner, sub: sub, weight: t.Weight, text: t.Pattern})
	n := m.root
	for _, pt := range toks {
		if pt.wild {
			w := m.wild[n]
			if w == nil {
				w = &wnode{}
				m.wild[n] = w
			}
			for i := 0; i < len(pt.norm); i++ {
				c := w.child(pt.norm[i])
				if c == nil {
					c = &wnode{}
					w.keys = append(w.keys, pt.norm[i])
					w.kids = append(w.kids, c)
				}
				w = c
			}
			if w.next == nil {
				w.next = &node{}
			}
			n = w.next
			continue
		}
		next := n.exact.get(pt.norm, formHash(pt.norm))
		if next == nil {
			next = &node{}
			n.exact.put(pt.norm, next)
		}
		n = next
	}
	n.ends = append(n.ends, id)
}

// match is one pattern found in a paragraph.
type match struct {
	pat         int32
	first, last int32 // token indexes
	sent        int32
	neg, drop   bool
}

type scratch struct {
	sentOf   []int32
	hash     []uint32 // formHash of each token's Norm, 0 until needed
	path     [maxPatternTokens]int32
	matches  []match
	flags    []uint8
	paras    []paraState
	fired    [][]bool
	firedBuf []bool
}

type paraState struct {
	matches []match
	sentLo  []int32 // matches[sentLo[i]:sentLo[i+1]] are in sentence i
	span    int32   // the largest last-first among the matches
	// nMentions counts the actor matches that survived exclusion.
	nMentions int
	sents     []token.Span
	hits      [][]Hit // per frame
	score     [][]float64
	gmask     []uint64 // per frame and sentence: the groups that matched (negated or not)
	pmask     []uint64 // the same for un-negated matches only (what a rule's none tests)
}

const (
	flagNeg uint8 = 1 << iota
	flagBreak
)

// Article matches every paragraph of one article and returns one Result per
// paragraph, in order. text is the article the paragraphs' spans and tokens
// point into; the matcher reads only the tokens. Rules with a context are
// decided after the whole article is read. The result shares no memory with
// the matcher or with paras.
func (m *Matcher) Article(text string, paras []Para) []Result {
	s := m.pool.Get().(*scratch)
	defer m.pool.Put(s)
	if cap(s.paras) < len(paras) {
		s.paras = make([]paraState, len(paras))
	}
	s.paras = s.paras[:len(paras)]
	nf := len(m.frames)
	// fired[f] marks, per frame, the rules then the groups that fired anywhere.
	fired := s.fired[:0]
	for range m.frames {
		fired = append(fired, nil)
	}
	// One backing array for all frames' flags.
	total := 0
	for _, f := range m.frames {
		total += len(f.rules) + len(f.groupIDs)
	}
	if cap(s.firedBuf) < total {
		s.firedBuf = make([]bool, total)
	}
	buf := s.firedBuf[:total]
	clear(buf)
	for fi, f := range m.frames {
		n := len(f.rules) + len(f.groupIDs)
		fired[fi], buf = buf[:n:n], buf[n:]
	}
	s.fired = fired
	for pi := range paras {
		p := &paras[pi]
		ps := &s.paras[pi]
		ps.sents = p.Sentences
		if len(ps.sents) == 0 {
			ps.sents = []token.Span{p.Span}
		}
		m.scan(s, p.Tokens, ps.sents)
		ps.matches = append(ps.matches[:0], s.matches...)
		ps.sentLo = ps.sentLo[:0]
		for si, mi := 0, 0; si <= len(ps.sents); si++ {
			for mi < len(ps.matches) && int(ps.matches[mi].sent) < si {
				mi++
			}
			ps.sentLo = append(ps.sentLo, int32(mi))
		}
		ps.span = maxSpan(ps.matches)
		m.negate(s, p.Tokens, ps.matches)
		for si := range ps.sents {
			m.exclude(ps.matches[ps.sentLo[si]:ps.sentLo[si+1]])
		}
		ps.hits = resize(ps.hits, nf)
		ps.score = resizeF(ps.score, nf)
		ns := len(ps.sents)
		ps.gmask = ps.gmask[:0]
		ps.pmask = ps.pmask[:0]
		for fi := range m.frames {
			ps.hits[fi] = ps.hits[fi][:0]
			ps.score[fi] = ps.score[fi][:0]
			for range ns {
				ps.score[fi] = append(ps.score[fi], 0)
				ps.gmask = append(ps.gmask, 0)
				ps.pmask = append(ps.pmask, 0)
			}
		}
		m.terms(p.Tokens, ps, fired)
		for fi := range m.frames {
			m.evalFrame(p.Tokens, ps, fi, fired[fi], passPlain)
		}
	}
	for _, pass := range []int{passUnless, passContext} {
		for pi := range paras {
			for fi := range m.frames {
				m.evalFrame(paras[pi].Tokens, &s.paras[pi], fi, fired[fi], pass)
			}
		}
	}
	out := make([]Result, len(paras))
	decisions := make([]Decision, nf*len(paras))
	nh := 0
	for pi := range paras {
		for fi := range m.frames {
			nh += len(s.paras[pi].hits[fi])
		}
	}
	var hitBuf []Hit
	if nh > 0 {
		hitBuf = make([]Hit, 0, nh)
	}
	// One backing array for all paragraphs' mentions too.
	nm := 0
	for pi := range paras {
		nm += s.paras[pi].nMentions
	}
	var menBuf []Mention
	if nm > 0 {
		menBuf = make([]Mention, 0, nm)
	}
	for pi := range paras {
		p := &paras[pi]
		ps := &s.paras[pi]
		r := Result{Frames: decisions[pi*nf : (pi+1)*nf : (pi+1)*nf]}
		for fi, f := range m.frames {
			d := Decision{}
			for _, sc := range ps.score[fi] {
				if sc > d.Score {
					d.Score = sc
				}
			}
			d.On = p.Decide && d.Score >= f.threshold
			if len(ps.hits[fi]) > 0 {
				lo := len(hitBuf)
				hitBuf = append(hitBuf, ps.hits[fi]...)
				d.Hits = hitBuf[lo:len(hitBuf):len(hitBuf)]
				slices.SortStableFunc(d.Hits, func(a, b Hit) int { return cmp.Compare(a.Start, b.Start) })
			}
			r.Frames[fi] = d
		}
		r.Mentions, menBuf = m.mentions(p.Tokens, ps, menBuf)
		out[pi] = r
		ps.sents = nil // do not keep the caller's memory in the pool
	}
	return out
}

func resize(h [][]Hit, n int) [][]Hit {
	if cap(h) < n {
		return make([][]Hit, n)
	}
	return h[:n]
}

func resizeF(h [][]float64, n int) [][]float64 {
	if cap(h) < n {
		return make([][]float64, n)
	}
	return h[:n]
}

// scan finds every pattern in toks, in one pass: at each token it follows the
// trie from the root along the tokens that come next.
func (m *Matcher) scan(s *scratch, toks []token.Token, sents []token.Span) {
	s.matches = s.matches[:0]
	if cap(s.sentOf) < len(toks) {
		s.sentOf = make([]int32, len(toks), 2*len(toks))
	}
	s.sentOf = s.sentOf[:len(toks)]
	if cap(s.hash) < len(toks) {
		s.hash = make([]uint32, len(toks), 2*len(toks))
	}
	s.hash = s.hash[:len(toks)]
	clear(s.hash)
	si := 0
	for i := range toks {
		for si+1 < len(sents) && toks[i].Start >= sents[si].End {
			si++
		}
		s.sentOf[i] = int32(si)
	}
	root := m.root
	for i := range toks {
		// The root step, inlined: most tokens start no pattern.
		norm := toks[i].Norm
		if norm != "" && m.mayBeRoot(norm) {
			if c := root.exact.get(norm, s.hashOf(toks, i)); c != nil {
				s.path[0] = int32(i)
				m.walk(s, toks, c, i+1, 1)
			}
		}
		if wi := root.exact.wi; wi != 0 && norm != "" && m.mayBeWild(norm) && m.mayBeWild3(norm) {
			for b := 0; b < len(norm); b++ {
				if wi = m.wchild(wi, norm[b]); wi == 0 {
					break
				}
				if next := m.wn[wi].next; next != nil {
					s.path[0] = int32(i)
					m.walk(s, toks, next, i+1, 1)
				}
			}
		}
	}
}

// hashOf returns formHash(toks[i].Norm), computed once per token.
func (s *scratch) hashOf(toks []token.Token, i int) uint32 {
	h := s.hash[i]
	if h == 0 {
		h = formHash(toks[i].Norm)
		s.hash[i] = h
	}
	return h
}

func (m *Matcher) walk(s *scratch, toks []token.Token, n *node, j, depth int) {
	for _, id := range n.ends {
		if m.shapeOK(s, toks, id, depth) {
			s.matches = append(s.matches, match{pat: id, first: s.path[0], last: s.path[depth-1], sent: s.sentOf[s.path[0]]})
		}
	}
	if depth == maxPatternTokens || (n.exact.slots == nil && n.exact.wi == 0) {
		return
	}
	k := j
	if depth > 0 {
		for k < len(toks) && toks[k].Kind == token.Punct && toks[k].Norm == "-" {
			k++
		}
		if k >= len(toks) || s.sentOf[k] != s.sentOf[s.path[0]] {
			return
		}
	}
	if k >= len(toks) {
		return
	}
	t := &toks[k]
	if n.exact.slots != nil {
		if c := n.exact.get(t.Norm, s.hashOf(toks, k)); c != nil {
			s.path[depth] = int32(k)
			m.walk(s, toks, c, k+1, depth+1)
		}
	}
	if wi := n.exact.wi; wi != 0 {
		norm := t.Norm
		for b := 0; b < len(norm); b++ {
			if wi = m.wchild(wi, norm[b]); wi == 0 {
				break
			}
			if next := m.wn[wi].next; next != nil {
				s.path[depth] = int32(k)
				m.walk(s, toks, next, k+1, depth+1)
			}
		}
	}
}

func (m *Matcher) shapeOK(s *scratch, toks []token.Token, id int32, depth int) bool {
	p := &m.pats[id]
	if !p.cased {
		return true
	}
	for i := 0; i < depth; i++ {
		t := &toks[s.path[i]]
		switch p.toks[i].shape {
		case shapeCaps:
			if !t.Caps {
				return false
			}
		case shapeTitle:
			if !t.Title {
				return false
			}
		case shapeLower:
			if t.Title {
				return false
			}
		}
	}
	return true
}

// negate marks the matches that follow a negation cue within the window, in
// the same sentence, with no breaker (a breaker word, or punctuation other than
// a hyphen or apostrophe) in between.
func (m *Matcher) negate(s *scratch, toks []token.Token, ms []match) {
	if cap(s.flags) < len(toks) {
		s.flags = make([]uint8, len(toks), 2*len(toks))
	}
	fl := s.flags[:len(toks)]
	clear(fl)
	for i := range toks {
		t := &toks[i]
		if t.Kind == token.Punct && t.Norm != "-" && t.Norm != "'" {
			fl[i] |= flagBreak
		} else if t.Kind == token.Word && strings.HasSuffix(t.Norm, "n't") {
			fl[i] |= flagNeg
		}
	}
	anyNeg := false
	for _, mt := range ms {
		switch m.pats[mt.pat].kind {
		case kNeg:
			for k := mt.first; k <= mt.last; k++ {
				fl[k] |= flagNeg
			}
		case kBreak:
			for k := mt.first; k <= mt.last; k++ {
				fl[k] |= flagBreak
			}
		}
	}
	for i := range fl {
		if fl[i]&flagNeg != 0 {
			anyNeg = true
			break
		}
	}
	if !anyNeg || m.window == 0 {
		return
	}
	for i := range ms {
		mt := &ms[i]
		switch p := &m.pats[mt.pat]; p.kind {
		case kTerm, kGroup:
			if !m.frames[p.owner].negate {
				continue
			}
		default:
			continue
		}
		for k, n := int(mt.first)-1, 0; k >= 0 && n < m.window && s.sentOf[k] == mt.sent; k, n = k-1, n+1 {
			if fl[k]&flagNeg != 0 {
				mt.neg = true
				break
			}
			if fl[k]&flagBreak != 0 {
				break
			}
		}
	}
}

// exclude drops the matches of a frame (or actor) that overlap one of its
// exclusions, and of overlapping matches of one frame's own terms keeps the
// longest.
func (m *Matcher) exclude(ms []match) {
	span := maxSpan(ms)
	for i := range ms {
		e := &ms[i]
		ek := m.pats[e.pat].kind
		if ek != kExclude && ek != kActorExcl {
			continue
		}
		want := kTerm
		if ek == kActorExcl {
			want = kActor
		}
		owner := m.pats[e.pat].owner
		lo, hi := between(ms, e.first-span, e.last)
		for j := lo; j < hi; j++ {
			o := &ms[j]
			p := &m.pats[o.pat]
			if p.owner != owner || o.last < e.first || o.first > e.last {
				continue
			}
			if p.kind == want || (ek == kExclude && p.kind == kGroup) {
				o.drop = true
			}
		}
	}
	// Longest match among a frame's terms, and among an actor's terms.
	for i := range ms {
		a := &ms[i]
		pa := &m.pats[a.pat]
		if a.drop || (pa.kind != kTerm && pa.kind != kActor) {
			continue
		}
		lo, hi := between(ms, a.first-span, a.last)
		for j := lo; j < hi; j++ {
			if i == j {
				continue
			}
			b := &ms[j]
			pb := &m.pats[b.pat]
			if b.drop || pb.kind != pa.kind || pb.owner != pa.owner || b.last < a.first || b.first > a.last {
				continue
			}
			la, lb := a.last-a.first, b.last-b.first
			if lb > la || lb == la && (b.first < a.first || b.first == a.first && j < i) {
				a.drop = true
				break
			}
		}
	}
}

// maxSpan is the largest last-first of the matches.
func maxSpan(ms []match) int32 {
	var n int32
	for i := range ms {
		n = max(n, ms[i].last-ms[i].first)
	}
	return n
}

// between returns the index range of the matches (sorted by first token) whose
// first token lies in [lo, hi].
func between(ms []match, lo, hi int32) (int, int) {
	a := sort.Search(len(ms), func(i int) bool { return ms[i].first >= lo })
	b := a + sort.Search(len(ms)-a, func(i int) bool { return ms[a+i].first > hi })
	return a, b
}

// terms counts every frame's own terms in a paragraph, and records which
// groups matched in each sentence (ps.gmask) and anywhere in the article (fired).
func (m *Matcher) terms(toks []token.Token, ps *paraState, fired [][]bool) {
	ns := len(ps.sents)
	ps.nMentions = 0
	for _, mt := range ps.matches {
		if mt.drop {
			continue
		}
		p := &m.pats[mt.pat]
		switch p.kind {
		case kTerm:
			fi := p.owner
			h := m.hit(toks, ps, m.frames[fi].id, "term", p.text, mt.first, mt.last, mt.sent, p.weight, mt.neg)
			ps.hits[fi] = append(ps.hits[fi], h)
			if !mt.neg {
				ps.score[fi][mt.sent] += p.weight
			}
		case kActor:
			ps.nMentions++
		case kGroup:
			fi := p.owner
			if p.sub < 64 {
				ps.gmask[int(fi)*ns+int(mt.sent)] |= 1 << uint(p.sub)
				if !mt.neg {
					ps.pmask[int(fi)*ns+int(mt.sent)] |= 1 << uint(p.sub)
				}
			}
			if !mt.neg {
				fired[fi][len(m.frames[fi].rules)+int(p.sub)] = true
			}
		}
	}
}

// The passes over an article's paragraphs: rules without a context or an
// unless as each paragraph is read, then (given what fired in the whole
// article) rules with an unless only, then rules with a context.
const (
	passPlain = iota
	passUnless
	passContext
)

// evalFrame scores frame fi's rules of one pass in every sentence of a
// paragraph. fired is the article's record of the frame's rules then groups:
// the plain pass and the unless pass add to it what fired, the later passes
// read it.
func (m *Matcher) evalFrame(toks []token.Token, ps *paraState, fi int, fired []bool, pass int) {
	fc := &m.frames[fi]
	var list []int32
	switch pass {
	case passPlain:
		list = fc.plain
	case passUnless:
		list = fc.withUnless
	default:
		list = fc.withCtx
	}
	if len(list) == 0 {
		return
	}
	gmask := ps.gmask[fi*len(ps.sents) : (fi+1)*len(ps.sents)]
	pmask := ps.pmask[fi*len(ps.sents) : (fi+1)*len(ps.sents)]
	// A rule can fire in a sentence only if all its groups matched there, so
	// only if they all matched somewhere in the paragraph.
	var union uint64
	for _, g := range gmask {
		union |= g
	}
	if union == 0 && !fc.zeroMask {
		return
	}
	for _, ri := range list {
		if fc.masks[ri]&^union != 0 {
			continue
		}
		r := &fc.rules[ri]
		if pass == passContext {
			var ok bool
			if r.context >= 0 {
				ok = fired[r.context]
			} else {
				ok = fired[len(fc.rules)+int(-r.context-2)]
			}
			if !ok {
				continue
			}
		}
		if vetoed(r, fired) {
			continue
		}
		for si := range ps.sents {
			if gmask[si]&r.mask != r.mask || pmask[si]&r.noneMask != 0 {
				continue
			}
			h, ok := m.evalRule(toks, ps, fi, r, int32(si))
			if !ok {
				continue
			}
			ps.hits[fi] = append(ps.hits[fi], h)
			if !h.Negated {
				ps.score[fi][si] += r.weight
				if pass != passContext {
					fired[ri] = true
				}
			}
		}
	}
}

// vetoed reports whether a rule or group named in r's unless fired in the
// article.
func vetoed(r *rule, fired []bool) bool {
	for _, u := range r.unless {
		if fired[u] {
			return true
		}
	}
	return false
}

// evalRule looks for the rule in one sentence: first with un-negated matches
// only, then, for the record, with negated ones.
func (m *Matcher) evalRule(toks []token.Token, ps *paraState, fi int, r *rule, si int32) (Hit, bool) {
	ms := ps.matches[ps.sentLo[si]:ps.sentLo[si+1]]
	if len(ms) < len(r.all) {
		return Hit{}, false
	}
	if len(r.noneRest) > 0 {
		for _, mt := range ms {
			p := &m.pats[mt.pat]
			if mt.sent == si && !mt.drop && !mt.neg && p.kind == kGroup && int(p.owner) == fi {
				for _, g := range r.noneRest {
					if p.sub == g {
						return Hit{}, false
					}
				}
			}
		}
	}
	for pass := 0; pass < 2; pass++ {
		allowNeg := pass == 1
		for ai := range ms {
			a := &ms[ai]
			if !m.usable(a, fi, r.all[0], si, allowNeg) {
				continue
			}
			first, last := a.first, a.last
			terms := m.pats[a.pat].text
			neg := a.neg
			ok := true
			lo, hi := 0, len(ms)
			if r.within > 0 {
				lo, hi = between(ms, a.first-int32(r.within)-ps.span, a.last+int32(r.within))
			}
			for _, g := range r.all[1:] {
				found := false
				for bi := lo; bi < hi; bi++ {
					b := &ms[bi]
					if bi == ai || !m.usable(b, fi, g, si, allowNeg) || (b.last >= a.first && b.first <= a.last) {
						continue
					}
					if r.within > 0 && (abs32(b.first-a.last) > int32(r.within) && abs32(a.first-b.last) > int32(r.within)) {
						continue
					}
					found = true
					first, last = min(first, b.first), max(last, b.last)
					terms += " + " + m.pats[b.pat].text
					neg = neg || b.neg
					break
				}
				if !found {
					ok = false
					break
				}
			}
			if ok {
				return m.hit(toks, ps, m.frames[fi].id, r.id, terms, first, last, si, r.weight, neg), true
			}
		}
	}
	return Hit{}, false
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

func (m *Matcher) usable(mt *match, fi int, g int32, si int32, allowNeg bool) bool {
	if mt.sent != si || mt.drop || (mt.neg && !allowNeg) {
		return false
	}
	p := &m.pats[mt.pat]
	return p.kind == kGroup && int(p.owner) == fi && p.sub == g
}

func (m *Matcher) hit(toks []token.Token, ps *paraState, frame, rule, term string, first, last, si int32, w float64, neg bool) Hit {
	return Hit{Frame: frame, Rule: rule, Term: term, Start: toks[first].Start, End: toks[last].End,
		Sentence: ps.sents[si], Weight: w, Negated: neg}
}

// mentions appends the paragraph's actor mentions to buf and returns them
// (capped, so that appending to them cannot reach the next paragraph's) and
// the extended buf.
func (m *Matcher) mentions(toks []token.Token, ps *paraState, buf []Mention) ([]Mention, []Mention) {
	if ps.nMentions == 0 {
		return nil, buf
	}
	lo := len(buf)
	for _, mt := range ps.matches {
		p := &m.pats[mt.pat]
		if p.kind != kActor || mt.drop {
			continue
		}
		buf = append(buf, Mention{Actor: m.cb.Actors[p.owner].ID, Start: toks[mt.first].Start, End: toks[mt.last].End, Sentence: ps.sents[mt.sent]})
	}
	out := buf[lo:len(buf):len(buf)]
	slices.SortStableFunc(out, func(a, b Mention) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.Actor, b.Actor)
	})
	return out, buf
}
