package tone

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
)

// wordInfo is everything the scorers know about one word form, gathered into
// one table so that scoring costs one lookup per word.
type wordInfo struct {
	val     float64    // VADER valence (when flags&inLex)
	booster float64    // VADER booster increment (when flags&isBooster)
	nb      float64    // cdipaolo log-ratio, 0 when unknown
	news    float64    // news-domain tone (data/newsmtsc-logratio.tsv)
	stem    float64    // VADER valence of the word's stem when the form itself is not listed ("deaths" → "death")
	target  [2]float64 // tone before / after a mention (data/newsmtsc-target.tsv)
	vec     float32    // VADER valence carried by word vectors (data/vader-vec.tsv.gz), when flags&hasVec
	flags   uint8
}

const (
	inLex uint8 = 1 << iota
	isBooster
	isNegate
	isShift
	hasVec
)

// lexicon maps a token's Norm to its wordInfo.
//
// It is an open-addressing table whose slots hold the words themselves, so
// that a lookup reads one slot and then the entry, where a Go map reads a
// control word, a slot, the key's bytes elsewhere and the entry: with some
// 143,000 words these are cache misses, and the pipeline looks up every word
// of the corpus (BenchmarkScoreParagraphs under cachegrind with a 512 KB
// last-level cache: 7 times fewer last-level read misses than with a map).
// A slot is 16 bytes, four to a cache line, and holds words of up to 12
// bytes (90% of the distinct words, more of the running text); longer words
// are in a map.
//
// The entries are stored once per distinct value: most words of the cdipaolo
// vocabulary differ only by a log-ratio of small counts, and the 143,000
// words share some 30,000 entries (1.9 MB instead of 9 MB, so that the
// entries of a paragraph's words mostly sit in cache).
//
// Running text is mostly a few thousand frequent words, and in a table of 4
// MB each of them is a cache line of its own that other work evicts. So
// hotWords frequent words are also in a small table that find probes first,
// 128 KB, and their entries come first in infos, next to each other: the
// words of one or two bytes ("of", "a", "to", "in": cdipaolo's model counts
// no word that short), then the most frequent of the cdipaolo model's words
// by its counts over its training reviews (general English, no news corpus).
type lexicon struct {
	hot   []lexSlot // the frequent words, len a power of two at most half full; nil for none
	slots []lexSlot // every word of up to 12 bytes; len is a power of two, at most 4/7 full
	long  map[string]int32
	infos []wordInfo // distinct entries, the frequent words' first
}

// hotWords is how many of the most frequent words the lexicon's small table
// holds: the first 4,096 words of English make up some three quarters of
// running text.
const hotWords = 4096

// maxKey is the longest word a slot holds.
const maxKey = 12

// lexSlot is one slot of the lexicon's table: a word of 1 to maxKey bytes,
// packed by packKey into k0 and k1 (with n, its length, they determine it),
// and the index of its entry, hi<<16 | lo; n == 0 marks an empty slot.
// Comparing a word with a slot is then two integer comparisons, and hashing
// it a few multiplications, with no loop over its bytes.
type lexSlot struct {
	k0 uint64
	k1 uint32
	n  uint8
	hi uint8
	lo uint16
}

// maxEntries is the number of distinct entries a slot can index.
const maxEntries = 1 << 24

func (s *lexSlot) entry() int32 { return int32(s.hi)<<16 | int32(s.lo) }

// word returns the word the slot holds ("" for an empty slot): packKey
// inverted.
func (s *lexSlot) word() string {
	n := int(s.n)
	var b [maxKey]byte
	switch {
	case n == 0:
		return ""
	case n >= 8:
		for k := range 8 {
			b[k] = byte(s.k0 >> (8 * k))
		}
		for k := range 4 {
			b[n-4+k] = byte(s.k1 >> (8 * k))
		}
	case n >= 4:
		for k := range 4 {
			b[k] = byte(s.k0 >> (8 * k))
			b[n-4+k] = byte(s.k0 >> (32 + 8*k))
		}
	default:
		b[0], b[n>>1], b[n-1] = byte(s.k0), byte(s.k0>>8), byte(s.k0>>16)
	}
	return string(b[:n])
}

// packKey packs the word w of 1 to maxKey bytes into two integers that,
// with len(w), determine it: loads that may overlap but together cover
// every byte (for 8 to 12 bytes the first 8 and the last 4; for 4 to 7 the
// first 4 and the last 4; for 1 to 3 the first, middle and last).
func packKey(w string) (k0 uint64, k1 uint32) {
	switch n := len(w); {
	case n >= 8:
		return load64(w), load32(w[n-4:])
	case n >= 4:
		return uint64(load32(w)) | uint64(load32(w[n-4:]))<<32, 0
	default:
		return uint64(w[0]) | uint64(w[n>>1])<<8 | uint64(w[n-1])<<16, 0
	}
}

// load64 is the first 8 bytes of s, little-endian (one load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 is the first 4 bytes of s, little-endian (one load).
func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// keyHash hashes a packed word of n bytes: its table slot is the hash's low
// bits. The hash is fixed, so the table's layout is the same in every
// process (what a lookup finds never depended on it).
func keyHash(k0 uint64, k1 uint32, n int) uint64 {
	h := k0*0x9e3779b97f4a7c15 ^ (uint64(k1)<<8|uint64(n))*0xc2b2ae3d27d4eb4f
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

// add enters the word w with the entry index i (< maxEntries) into slots,
// where it is not yet; words longer than a slot's key go into lx.long.
func (lx *lexicon) add(slots []lexSlot, w string, i int32) {
	if w == "" || len(w) > maxKey {
		lx.long[w] = i
		return
	}
	k0, k1 := packKey(w)
	mask := uint64(len(slots) - 1)
	for h := keyHash(k0, k1, len(w)) & mask; ; h = (h + 1) & mask {
		if s := &slots[h]; s.n == 0 {
			*s = lexSlot{k0: k0, k1: k1, n: uint8(len(w)), hi: uint8(i >> 16), lo: uint16(i)}
			return
		}
	}
}

// find returns the entry of the word w, or nil.
func (lx *lexicon) find(w string) *wordInfo {
	if w == "" || len(w) > maxKey {
		if i, ok := lx.long[w]; ok {
			return &lx.infos[i]
		}
		return nil
	}
	k0, k1 := packKey(w)
	h := keyHash(k0, k1, len(w))
	if inf := lx.findHot(k0, k1, len(w), h); inf != nil {
		return inf
	}
	return lx.findMain(k0, k1, len(w), h&uint64(len(lx.slots)-1))
}

// findHot returns the entry of the word packed as k0, k1 (n bytes, hash h)
// when it is one of the frequent words, or nil.
func (lx *lexicon) findHot(k0 uint64, k1 uint32, n int, h uint64) *wordInfo {
	if len(lx.hot) == 0 {
		return nil
	}
	mask := uint64(len(lx.hot) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &lx.hot[i]
		if s.n == 0 {
			return nil
		}
		if s.k0 == k0 && s.k1 == k1 && int(s.n) == n {
			return &lx.infos[s.entry()]
		}
	}
}

// findMain returns the entry of the word packed as k0, k1 (n bytes) from the
// table of all words, or nil; i is the slot of its hash,
// h&(len(lx.slots)-1).
func (lx *lexicon) findMain(k0 uint64, k1 uint32, n int, i uint64) *wordInfo {
	mask := uint64(len(lx.slots) - 1)
	for ; ; i = (i + 1) & mask {
		s := &lx.slots[i]
		if s.n == 0 {
			return nil
		}
		if s.k0 == k0 && s.k1 == k1 && int(s.n) == n {
			return &lx.infos[s.entry()]
		}
	}
}

// unknown is the entry of words no resource lists.
var unknown = &wordInfo{}

// buildLexicon merges the rule words and lexicons into one table, without a
// table of frequent words.
func buildLexicon(r *vaderRules, nb, news map[string]float64, target map[string][2]float64, vec map[string]float32) *lexicon {
	return newLexicon(mergeEntries(r, nb, news, target, vec), nil)
}

// hotList returns the lexicon's frequent words: the words of m of one or two
// bytes, sorted, then the most frequent of freq's (ties broken by the word),
// hotWords in all.
func hotList(m *merged, freq []wordCount) []string {
	var hot []string
	for _, w := range m.words {
		if len(w) <= 2 {
			hot = append(hot, w)
		}
	}
	slices.Sort(hot)
	// only the words as frequent as the hotWords-th need sorting
	counts := make([]uint64, len(freq))
	for i, c := range freq {
		counts[i] = c.n
	}
	var least uint64
	if k := hotWords - len(hot); k > 0 && k <= len(counts) {
		slices.Sort(counts)
		least = counts[len(counts)-k]
	}
	byCount := slices.DeleteFunc(slices.Clone(freq), func(c wordCount) bool { return c.n < least })
	slices.SortFunc(byCount, func(a, b wordCount) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return strings.Compare(a.w, b.w)
	})
	for _, c := range byCount {
		if len(hot) >= hotWords {
			break
		}
		if len(c.w) > 2 {
			hot = append(hot, c.w)
		}
	}
	return hot
}

// merged is every word the rule words and lexicons list, each once, with
// what they say of it: infos[i] is the entry of words[i], and index[w] the
// i of the word w.
type merged struct {
	words []string
	infos []wordInfo
	index map[string]int32
}

// add adds the word w, which m does not have, with the entry inf, and
// returns its entry; the pointer is valid until the next word is added.
func (m *merged) add(w string, inf wordInfo) *wordInfo {
	m.index[w] = int32(len(m.words))
	m.words = append(m.words, w)
	m.infos = append(m.infos, inf)
	return &m.infos[len(m.infos)-1]
}

// entry returns the entry of the word w and whether m has it.
func (m *merged) entry(w string) (wordInfo, bool) {
	if i, ok := m.index[w]; ok {
		return m.infos[i], true
	}
	return wordInfo{}, false
}

// mergeEntries gathers what the rule words and lexicons say of each word.
// (Each word's entry depends on that word alone, so the order in which the
// words are visited changes nothing; they are kept in a slice beside an
// index, where updating a map of entries would look each word up twice.)
func mergeEntries(r *vaderRules, nb, news map[string]float64, target map[string][2]float64, vec map[string]float32) *merged {
	n := len(nb) + len(r.lex) + len(vec)/2
	m := &merged{words: make([]string, 0, n), infos: make([]wordInfo, 0, n), index: make(map[string]int32, n)}
	// get returns the entry of w, a new word taking cdipaolo's log-ratio of
	// its form without apostrophes
	get := func(w string) *wordInfo {
		if i, ok := m.index[w]; ok {
			return &m.infos[i]
		}
		return m.add(w, wordInfo{nb: nb[nbKey(w)]})
	}
	for w, v := range nb { // m is empty, and nb's words are distinct
		m.add(w, wordInfo{nb: v})
	}
	for w, v := range r.lex {
		inf := get(w)
		inf.val, inf.flags = v, inf.flags|inLex
	}
	for w, v := range r.booster {
		inf := get(w)
		inf.booster, inf.flags = v, inf.flags|isBooster
	}
	for w := range r.negate {
		get(w).flags |= isNegate
	}
	for w := range r.shift {
		get(w).flags |= isShift
	}
	for w, v := range news {
		get(w).news = v
	}
	for w, v := range target {
		get(w).target = v
	}
	// inflected forms VADER does not list take their stem's valence
	for i, w := range m.words {
		inf := &m.infos[i]
		if inf.flags&(inLex|isBooster|isNegate) != 0 {
			continue
		}
		if v, ok := stemValence(r, w); ok {
			inf.stem = v
		}
	}
	// the vectors' words last, so that words only they list take no stem
	// valence (the older scorers read the same entries as before)
	for w, v := range vec {
		inf := get(w)
		inf.vec, inf.flags = v, inf.flags|hasVec
	}
	// a form with an apostrophe the vectors do not list ("iran's", "don't")
	// takes the vector value of its part before the apostrophe
	for i, w := range m.words {
		if inf := &m.infos[i]; inf.flags&hasVec == 0 {
			if v, ok := vecBefore(vec, w); ok {
				inf.vec, inf.flags = v, inf.flags|hasVec
			}
		}
	}
	for i, w := range m.words {
		if strings.Contains(w, "n't") {
			m.infos[i].flags |= isNegate
		}
	}
	return m
}

// newLexicon returns the table of the words of m with their entries, each
// distinct entry stored once; the words of hot that m has and that fit a
// slot also go into the table of frequent words, and their entries first.
func newLexicon(m *merged, hot []string) *lexicon {
	// a table at most 4/7 full; the entries in one array, the frequent
	// words' in their order, then the others' in m's order (where an entry
	// lies changes nothing that a lookup finds)
	size := 1
	for size < len(m.words)*7/4 {
		size *= 2
	}
	lx := &lexicon{slots: make([]lexSlot, size), long: map[string]int32{}}
	index := make(map[infoBits]int32)
	entry := func(inf wordInfo) int32 {
		b := inf.bits()
		i, ok := index[b]
		if !ok {
			if len(lx.infos) >= maxEntries {
				panic("tone: more distinct lexicon entries than a slot can index") // embedded data: a broken build
			}
			i = int32(len(lx.infos))
			index[b] = i
			lx.infos = append(lx.infos, inf)
		}
		return i
	}
	hot = slices.DeleteFunc(slices.Clone(hot), func(w string) bool {
		_, ok := m.index[w]
		return !ok || w == "" || len(w) > maxKey
	})
	if len(hot) > 0 {
		n := 1
		for n < 2*len(hot) {
			n *= 2
		}
		lx.hot = make([]lexSlot, n)
		seen := make(map[string]bool, len(hot))
		for _, w := range hot {
			if !seen[w] {
				seen[w] = true
				inf, _ := m.entry(w)
				lx.add(lx.hot, w, entry(inf))
			}
		}
	}
	for i, w := range m.words {
		lx.add(lx.slots, w, entry(m.infos[i]))
	}
	lx.infos = slices.Clip(lx.infos)
	return lx
}

// infoBits is a wordInfo's exact bits: entries are shared only when every
// bit agrees (0 and -0 are not merged).
type infoBits struct {
	f     [7]uint64
	vec   uint32
	flags uint8
}

func (inf *wordInfo) bits() infoBits {
	return infoBits{
		f: [7]uint64{math.Float64bits(inf.val), math.Float64bits(inf.booster), math.Float64bits(inf.nb),
			math.Float64bits(inf.news), math.Float64bits(inf.stem), math.Float64bits(inf.target[0]), math.Float64bits(inf.target[1])},
		vec:   math.Float32bits(inf.vec),
		flags: inf.flags,
	}
}

// lookup returns what is known about the token form norm (read-only).
func (lx *lexicon) lookup(norm string) *wordInfo {
	if inf := lx.find(norm); inf != nil {
		return inf
	}
	return lx.unlisted(norm)
}

// unlisted is lookup of a word the table does not have.
func (lx *lexicon) unlisted(norm string) *wordInfo {
	if strings.IndexByte(norm, '\'') < 0 {
		return unknown
	}
	// a contraction nobody listed: cdipaolo's form has no apostrophe, and
	// VADER reads any "n't" as a negation
	inf := &wordInfo{}
	if nb := lx.find(nbKey(norm)); nb != nil {
		inf.nb = nb.nb
	}
	if strings.Contains(norm, "n't") {
		inf.flags |= isNegate
	}
	if v := lx.find(vecStem(norm)); v != nil && v.flags&hasVec != 0 {
		inf.vec, inf.flags = v.vec, inf.flags|hasVec
	}
	return inf
}

// vecStem returns the form under which the word vectors list a word with an
// apostrophe, as GloVe's tokenizer splits it: the part before "n't"
// ("shouldn't" → "should", "can't" → "ca") or before the apostrophe
// ("iran's" → "iran"); "" when w has no apostrophe after its first byte.
func vecStem(w string) string {
	if i := strings.Index(w, "n't"); i > 0 {
		return w[:i]
	}
	if i := strings.IndexByte(w, '\''); i > 0 {
		return w[:i]
	}
	return ""
}

// vecBefore returns the vector value of vecStem(w), when it has one.
func vecBefore(vec map[string]float32, w string) (float32, bool) {
	if st := vecStem(w); st != "" {
		v, ok := vec[st]
		return v, ok
	}
	return 0, false
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
		// cdipaolo's log-ratios go into the lexicon (the nb scorer reads
		// them there), so their own map is not kept: about 9 MB.
		nb, freq, err := loadNBFreq(true)
		if err != nil {
			panic(err) // the asset is compiled in: a broken build
		}
		// the vectors' valences go into the lexicon too, and their map is
		// not kept either
		vec, err := loadVec()
		if err != nil {
			panic(err) // embedded data: a broken build
		}
		m := mergeEntries(theRules(), nb, newsLex, targetLex, vec)
		lexVal = newLexicon(m, hotList(m, freq))
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
