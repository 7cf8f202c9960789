package clean

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A prefilter is a cheap test that a regexp cannot match a string, read from
// the regexp's own syntax tree: a pattern anchored at the start ("^(sign
// up|subscribe|…)") can only match a string that starts with one of the
// words its alternatives start with, and any pattern can only match a string
// that holds one of the literal words its matches must contain ("your
// inbox"). The test is a necessary condition, never a sufficient one: when
// it passes, the regexp itself decides, so the rules behave exactly as their
// patterns say; when it fails the regexp is not run.
//
// Strings are compared in a folded form (see foldRune): case folding as
// (?i) does it, applied to the pattern's literals whether or not they are
// case-insensitive, which only weakens the test.
type prefilter struct {
	always       bool       // no test: run the regexp
	onlyAnchored bool       // every alternative is anchored: the start of the string decides
	maxPrefix    int        // bytes of the longest prefix
	alts         []altTest  // the regexp can match only if one of these passes
	anyOf        *needleSet // the needles of all the alternatives that are not anchored
	anchors      []*altTest // the anchored alternatives
	firsts       byteSet    // the first bytes of the anchored alternatives' prefixes
}

// altTest is the test for one top-level alternative of a pattern.
type altTest struct {
	// anchored: the alternative starts at the start of the string and its
	// match must start with one of byFirst[first byte] (folded).
	anchored bool
	byFirst  [256][]string
	// needles (when not anchored): the folded string must contain one.
	needles []string
}

// A byteSet is a set of byte values.
type byteSet [4]uint64

func bytesOf(s string) byteSet {
	// Four sets filled in turn, so that no update waits for the one before.
	var b, b1, b2, b3 byteSet
	i := 0
	for ; i+4 <= len(s); i += 4 {
		c0, c1, c2, c3 := s[i], s[i+1], s[i+2], s[i+3]
		b[c0>>6] |= 1 << (c0 & 63)
		b1[c1>>6] |= 1 << (c1 & 63)
		b2[c2>>6] |= 1 << (c2 & 63)
		b3[c3>>6] |= 1 << (c3 & 63)
	}
	for ; i < len(s); i++ {
		b[s[i]>>6] |= 1 << (s[i] & 63)
	}
	for j := range b {
		b[j] |= b1[j] | b2[j] | b3[j]
	}
	return b
}

// A needleSet finds whether a string contains any of a set of strings in
// one pass: a string of one byte is looked up in the string's byte set, a
// longer one only where its first two bytes occur.
type needleSet struct {
	id       int // its bit in a setMask of ruleNeedles, or -1
	longID   int // its bit in a setMask of longNeedles, or -1
	empty    bool
	singles  byteSet
	bigrams  [1 << 10]uint64 // the first two bytes of the longer strings, as a bit set
	byBigram map[uint16][]string
}

func newNeedleSet(subs []string) *needleSet {
	n := &needleSet{id: -1, longID: -1, byBigram: map[uint16][]string{}}
	for _, s := range subs {
		switch len(s) {
		case 0:
			n.empty = true // "" is in every string
		case 1:
			n.singles[s[0]>>6] |= 1 << (s[0] & 63)
		default:
			k := uint16(s[0])<<8 | uint16(s[1])
			n.bigrams[k>>6] |= 1 << (k & 63)
			n.byBigram[k] = append(n.byBigram[k], s)
		}
	}
	return n
}

// A setMask is a set of needleSet ids.
type setMask [2]uint64

func (m *setMask) has(id int) bool { return m[id>>6]&(1<<(id&63)) != 0 }

// A needleIndex finds, in one pass over a string, which of many needle sets
// it holds a string of more than one byte of. The rules' needle sets are in
// ruleNeedles, built once at init and only read after.
type needleIndex struct {
	bits  [1 << 10]uint64 // the first two bytes of the needles, as a bit set (small enough to stay in cache)
	slot  [1 << 16]uint16 // by first two bytes: 1 + index into cands, or 0
	cands [][]indexedNeedle
	// thirds[slot-1] has bit b&63 set for the third byte b of each needle
	// in cands[slot-1] (all bits for a needle of two bytes).
	thirds []uint64
	n      int // sets so far
}

type indexedNeedle struct {
	s    string
	sets setMask
	head uint64 // the first min(8, len(s)) bytes of s, little-endian
	mask uint64 // the bits of head that hold bytes of s
}

// newIndexedNeedle returns s with its head read.
func newIndexedNeedle(s string) indexedNeedle {
	n := indexedNeedle{s: s}
	for j := 0; j < len(s) && j < 8; j++ {
		n.head |= uint64(s[j]) << (8 * j)
		n.mask |= 0xff << (8 * j)
	}
	return n
}

// ruleNeedles indexes the needle sets of all rules; longNeedles only those
// of the rules that may match a unit longer than longUnit bytes, which is
// all a long unit is tried against.
var ruleNeedles, longNeedles = &needleIndex{}, &needleIndex{}

const longUnit = 160

// A foundSet is what needleIndex.find gave for a string, and which index.
type foundSet struct {
	mask setMask
	long bool // from longNeedles
}

// add gives n an id in *id and indexes its longer needles.
func (x *needleIndex) add(n *needleSet, id *int) {
	if x.n >= 128 {
		return // no room: n is searched on its own
	}
	*id = x.n
	x.n++
	for _, ws := range n.byBigram {
		for _, w := range ws {
			k := uint16(w[0])<<8 | uint16(w[1])
			x.bits[k>>6] |= 1 << (k & 63)
			if x.slot[k] == 0 {
				x.cands = append(x.cands, nil)
				x.thirds = append(x.thirds, 0)
				x.slot[k] = uint16(len(x.cands))
			}
			if len(w) > 2 {
				x.thirds[x.slot[k]-1] |= 1 << (w[2] & 63)
			} else {
				x.thirds[x.slot[k]-1] = ^uint64(0)
			}
			c := x.cands[x.slot[k]-1]
			i := 0
			for i < len(c) && c[i].s != w {
				i++
			}
			if i == len(c) {
				c = append(c, newIndexedNeedle(w))
			}
			c[i].sets[*id>>6] |= 1 << (*id & 63)
			x.cands[x.slot[k]-1] = c
		}
	}
}

// find returns the ids of the sets one of whose longer needles s holds.
// Where the first two bytes of needles occur and the third may be one of
// theirs, it compares the next eight bytes of s with each needle's head at
// once, and only the needles that pass with the rest of s.
func (x *needleIndex) find(s string) setMask {
	var found setMask
	for i := 0; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if x.bits[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		sl := x.slot[k] - 1
		if i+2 < len(s) && x.thirds[sl]&(1<<(s[i+2]&63)) == 0 {
			continue
		}
		w := load8(s, i)
		for _, c := range x.cands[sl] {
			if w&c.mask != c.head || c.sets[0]&^found[0] == 0 && c.sets[1]&^found[1] == 0 {
				continue
			}
			if len(c.s) <= 8 && len(s)-i >= len(c.s) || len(c.s) > 8 && strings.HasPrefix(s[i:], c.s) {
				found[0] |= c.sets[0]
				found[1] |= c.sets[1]
			}
		}
	}
	return found
}

// load8 returns the eight bytes of s from i, little-endian, with zeros past
// the end of s.
func load8(s string, i int) uint64 {
	if i+8 <= len(s) {
		s = s[i : i+8]
		return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	}
	var w uint64
	for j := 0; i+j < len(s); j++ {
		w |= uint64(s[i+j]) << (8 * j)
	}
	return w
}

// newIndexedNeedleSet is newNeedleSet, with the set in ruleNeedles, and in
// longNeedles when its rule may match a long unit (maxLen 0 or over
// longUnit).
func newIndexedNeedleSet(subs []string, maxLen int) *needleSet {
	n := newNeedleSet(subs)
	ruleNeedles.add(n, &n.id)
	if maxLen == 0 || maxLen > longUnit {
		longNeedles.add(n, &n.longID)
	}
	return n
}

// findFor returns what the index for strings of s's length finds in s.
func findFor(s string) foundSet {
	if len(s) > longUnit {
		return foundSet{mask: longNeedles.find(s), long: true}
	}
	return foundSet{mask: ruleNeedles.find(s)}
}

// inFound is in, given the bytes of s and findFor(s).
func (n *needleSet) inFound(s string, have *byteSet, found *foundSet) bool {
	id := n.id
	if found.long {
		id = n.longID
	}
	if id < 0 {
		return n.in(s, have)
	}
	return n.empty || n.singles[0]&have[0] != 0 || n.singles[1]&have[1] != 0 || n.singles[2]&have[2] != 0 || n.singles[3]&have[3] != 0 ||
		found.mask.has(id)
}

// in reports whether s, whose bytes are have, contains one of the strings.
func (n *needleSet) in(s string, have *byteSet) bool {
	if n.empty || n.singles[0]&have[0] != 0 || n.singles[1]&have[1] != 0 || n.singles[2]&have[2] != 0 || n.singles[3]&have[3] != 0 {
		return true
	}
	if len(n.byBigram) == 0 {
		return false
	}
	for i := 0; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if n.bigrams[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		for _, w := range n.byBigram[k] {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// Limits on what the analysis keeps: beyond them a node gives no test.
const (
	maxClassRunes = 32  // runes of a character class turned into one-rune strings
	maxSetSize    = 256 // strings in a prefix or needle set
)

// prefilterOf builds the prefilter of the parsed pattern t.
func prefilterOf(t *syntax.Regexp, needles func([]string) *needleSet) prefilter {
	var f prefilter
	for _, alt := range topAlternatives(t) {
		a, ok := altTestOf(alt)
		if !ok {
			return prefilter{always: true}
		}
		f.alts = append(f.alts, a)
	}
	if len(f.alts) == 0 {
		return prefilter{always: true}
	}
	var all []string
	for i := range f.alts {
		if f.alts[i].anchored {
			f.anchors = append(f.anchors, &f.alts[i])
		} else {
			all = append(all, f.alts[i].needles...)
		}
	}
	if all != nil {
		f.anyOf = needles(all)
	}
	f.onlyAnchored = all == nil
	for _, a := range f.anchors {
		for c, ps := range a.byFirst {
			for _, p := range ps {
				f.maxPrefix = max(f.maxPrefix, len(p))
				f.firsts[c>>6] |= 1 << (c & 63)
			}
		}
	}
	return f
}

// mayString reports whether the regexp may match s, folding only as much of
// s as the test needs (without allocating, when every alternative is
// anchored and the prefixes are short).
func (f *prefilter) mayString(s string) bool {
	if f.always {
		return true
	}
	if !f.onlyAnchored || f.maxPrefix > 64 {
		return f.may(fold(s))
	}
	if s != "" && s[0] < utf8.RuneSelf {
		// An ASCII byte folds to its lower case: most strings fail here.
		c := s[0]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if f.firsts[c>>6]&(1<<(c&63)) == 0 {
			return false
		}
	}
	var buf [64 + utf8.UTFMax]byte
	b := buf[:0]
	for i := 0; i < len(s) && len(b) < f.maxPrefix; {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, foldRune(r))
		i += size
	}
	if len(b) == 0 {
		return false // every alternative must consume a prefix
	}
	for _, a := range f.anchors {
		for _, p := range a.byFirst[b[0]] {
			if len(b) >= len(p) && string(b[:len(p)]) == p {
				return true
			}
		}
	}
	return false
}

// A quickRe is a regexp behind its prefilter.
type quickRe struct {
	re  *regexp.Regexp
	pre prefilter
}

func quick(re *regexp.Regexp) *quickRe {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return &quickRe{re: re, pre: prefilter{always: true}} // cannot happen: re compiled from the same text
	}
	return &quickRe{re: re, pre: prefilterOf(t, newNeedleSet)}
}

// MatchString is re.MatchString.
func (q *quickRe) MatchString(s string) bool { return q.pre.mayString(s) && q.re.MatchString(s) }

// FindStringIndex is re.FindStringIndex.
func (q *quickRe) FindStringIndex(s string) []int {
	if !q.pre.mayString(s) {
		return nil
	}
	return q.re.FindStringIndex(s)
}

// FindString is re.FindString, except that it gives "" as soon as the
// prefilter rules a match out (re.FindString gives "" also for an empty
// match).
func (q *quickRe) FindString(s string) string {
	if !q.pre.mayString(s) {
		return ""
	}
	return q.re.FindString(s)
}

// splitParsed compiles each top-level alternative of the parsed pattern t
// on its own, with its own prefilter: t matches a string exactly when one of
// them does, and most strings pass the prefilters of few of them. An
// alternative too large for the regexp package's backtracker is cut further
// (see smallPieces). It returns nil when t is one small alternative, or
// when an alternative does not compile back.
func splitParsed(t *syntax.Regexp) []quickRe {
	var alts []*syntax.Regexp
	for _, a := range topAlternatives(t) {
		alts = append(alts, smallPieces(a)...)
	}
	if len(alts) < 2 {
		return nil
	}
	out := make([]quickRe, len(alts))
	for i, a := range alts {
		r, err := regexp.Compile(exprString(a))
		if err != nil {
			return nil
		}
		out[i] = quickRe{re: r, pre: prefilterOf(a, newNeedleSet)}
	}
	return out
}

// The regexp package runs a pattern of at most maxBacktrackInsts
// instructions with its backtracker, several times faster than the
// automaton it runs larger ones with (on strings of up to 256K bits / the
// number of instructions: 500 bytes or more, longer than any unit a rule is
// tried on).
const (
	maxBacktrackInsts = 500
	maxPieces         = 24
)

// smallPieces cuts t, for matching only, into patterns small enough for the
// backtracker, whose union is t: an alternation inside a concatenation is
// distributed over it (x(a|b)y is xay|xby), the largest first, and
// captures, which a match without submatches does not need, are dropped. It
// returns t alone when t is small, or when no cut into at most maxPieces
// small pieces is found.
func smallPieces(t *syntax.Regexp) []*syntax.Regexp { return piecesUnder(t, maxBacktrackInsts) }

// piecesUnder is smallPieces with pieces of at most limit instructions.
func piecesUnder(t *syntax.Regexp, limit int) []*syntax.Regexp {
	if insts(t) <= limit {
		return []*syntax.Regexp{t}
	}
	var out []*syntax.Regexp
	if !cutSmall(stripCaptures(t), limit, &out) {
		return []*syntax.Regexp{t}
	}
	return out
}

// cutSmall appends to out the pieces of t of at most limit instructions; it
// reports false when there would be more than maxPieces or one cannot be
// made small enough.
func cutSmall(t *syntax.Regexp, limit int, out *[]*syntax.Regexp) bool {
	if insts(t) <= limit {
		*out = append(*out, t)
		return len(*out) <= maxPieces
	}
	subs := flatConcat(t)
	k, size := -1, 0
	for i, sub := range subs {
		if sub.Op == syntax.OpAlternate {
			if n := insts(sub); n > size {
				k, size = i, n
			}
		}
	}
	if k < 0 || len(*out)+len(subs[k].Sub) > maxPieces {
		return false
	}
	for _, a := range subs[k].Sub {
		piece := &syntax.Regexp{Op: syntax.OpConcat, Sub: append(append(append([]*syntax.Regexp{}, subs[:k]...), a), subs[k+1:]...)}
		if !cutSmall(piece, limit, out) {
			return false
		}
	}
	return true
}

// flatConcat returns the items of t as a concatenation, with nested
// concatenations opened.
func flatConcat(t *syntax.Regexp) []*syntax.Regexp {
	if t.Op != syntax.OpConcat {
		return []*syntax.Regexp{t}
	}
	var out []*syntax.Regexp
	for _, sub := range t.Sub {
		out = append(out, flatConcat(sub)...)
	}
	return out
}

// stripCaptures returns a copy of t without capture groups.
func stripCaptures(t *syntax.Regexp) *syntax.Regexp {
	for t.Op == syntax.OpCapture {
		t = t.Sub[0]
	}
	c := *t
	if len(t.Sub) > 0 {
		c.Sub = make([]*syntax.Regexp, len(t.Sub))
		for i, sub := range t.Sub {
			c.Sub[i] = stripCaptures(sub)
		}
	}
	return &c
}

// exprString prints t as a pattern that matches the same strings (captures
// become plain groups). It does what t.String() does for matching, without
// the cost String() has for large character classes (milliseconds for
// \W or [^.!?], which it checks rune by rune for case folding): a class is
// printed from its ranges, which parsing has already closed under case
// folding, so it is printed case-sensitively.
func exprString(t *syntax.Regexp) string {
	var b strings.Builder
	writeExpr(&b, t)
	return b.String()
}

func writeExpr(b *strings.Builder, t *syntax.Regexp) {
	group := func(sub *syntax.Regexp) {
		b.WriteString("(?:")
		writeExpr(b, sub)
		b.WriteString(")")
	}
	switch t.Op {
	case syntax.OpNoMatch:
		b.WriteString(`[^\x00-\x{10FFFF}]`)
	case syntax.OpEmptyMatch:
		b.WriteString(`(?:)`)
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase != 0 {
			b.WriteString("(?i:")
		} else {
			b.WriteString("(?-i:")
		}
		b.WriteString(regexp.QuoteMeta(string(t.Rune)))
		b.WriteString(")")
	case syntax.OpCharClass:
		b.WriteString("(?-i:[")
		if len(t.Rune) == 0 {
			b.WriteString(`^\x00-\x{10FFFF}`)
		}
		for i := 0; i+1 < len(t.Rune); i += 2 {
			fmt.Fprintf(b, `\x{%x}-\x{%x}`, t.Rune[i], t.Rune[i+1])
		}
		b.WriteString("])")
	case syntax.OpAnyCharNotNL:
		b.WriteString(`(?-s:.)`)
	case syntax.OpAnyChar:
		b.WriteString(`(?s:.)`)
	case syntax.OpBeginLine:
		b.WriteString(`(?m:^)`)
	case syntax.OpEndLine:
		b.WriteString(`(?m:$)`)
	case syntax.OpBeginText:
		b.WriteString(`\A`)
	case syntax.OpEndText:
		b.WriteString(`\z`)
	case syntax.OpWordBoundary:
		b.WriteString(`\b`)
	case syntax.OpNoWordBoundary:
		b.WriteString(`\B`)
	case syntax.OpCapture:
		group(t.Sub[0])
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		group(t.Sub[0])
		switch t.Op {
		case syntax.OpStar:
			b.WriteString("*")
		case syntax.OpPlus:
			b.WriteString("+")
		case syntax.OpQuest:
			b.WriteString("?")
		default:
			if t.Max == -1 {
				fmt.Fprintf(b, "{%d,}", t.Min)
			} else if t.Min == t.Max {
				fmt.Fprintf(b, "{%d}", t.Min)
			} else {
				fmt.Fprintf(b, "{%d,%d}", t.Min, t.Max)
			}
		}
		if t.Flags&syntax.NonGreedy != 0 {
			b.WriteString("?")
		}
	case syntax.OpConcat:
		for _, sub := range t.Sub {
			group(sub)
		}
	case syntax.OpAlternate:
		for i, sub := range t.Sub {
			if i > 0 {
				b.WriteString("|")
			}
			group(sub)
		}
	default:
		b.WriteString(t.String()) // no other op: keep String's answer
	}
}

// insts returns the number of instructions of t's program, as the regexp
// package compiles it.
func insts(t *syntax.Regexp) int {
	p, err := syntax.Compile(t.Simplify())
	if err != nil {
		return 1 << 30
	}
	return len(p.Inst)
}

// topAlternatives returns the alternatives of t, looking through captures.
func topAlternatives(t *syntax.Regexp) []*syntax.Regexp {
	for t.Op == syntax.OpCapture {
		t = t.Sub[0]
	}
	if t.Op != syntax.OpAlternate {
		return []*syntax.Regexp{t}
	}
	var out []*syntax.Regexp
	for _, s := range t.Sub {
		out = append(out, topAlternatives(s)...)
	}
	return out
}

// altTestOf builds the test of one alternative; ok is false when there is none.
func altTestOf(t *syntax.Regexp) (altTest, bool) {
	var a altTest
	if t.Op == syntax.OpConcat && len(t.Sub) > 0 && t.Sub[0].Op == syntax.OpBeginText {
		rest := &syntax.Regexp{Op: syntax.OpConcat, Sub: t.Sub[1:]}
		if set, nullable, ok := prefixes(rest); ok && !nullable {
			a.anchored = true
			for _, p := range set {
				a.byFirst[p[0]] = append(a.byFirst[p[0]], p)
			}
			return a, true
		}
	}
	if set, ok := needles(t); ok {
		a.needles = set
		return a, true
	}
	return a, false
}

// prefixes returns the folded strings one of which starts every non-empty
// match of t; nullable reports that t can also match without consuming
// anything (then the set says nothing on its own); ok is false when t can
// start with too many things to list.
func prefixes(t *syntax.Regexp) (set []string, nullable, ok bool) {
	if e, ok := exact(t); ok {
		return nonEmpty(e), slices.Contains(e, ""), true
	}
	switch t.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return prefixes(t.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		s, _, ok := prefixes(t.Sub[0])
		return s, true, ok
	case syntax.OpRepeat:
		s, n, ok := prefixes(t.Sub[0])
		return s, n || t.Min == 0, ok
	case syntax.OpConcat:
		// acc holds what the parts so far consumed when each matched
		// exactly one of a few strings; out the prefixes of matches
		// that went on into a part that is not such.
		acc := []string{""}
		var out []string
		for _, sub := range t.Sub {
			if e, ok := exact(sub); ok && len(acc)*len(e) <= maxSetSize {
				acc = product(acc, e)
				continue
			}
			p, n, ok := prefixes(sub)
			if !ok {
				if slices.Contains(acc, "") {
					return nil, false, false
				}
				return dedupe(append(out, acc...)), false, true
			}
			out = limit(append(out, product(acc, p)...))
			if !n {
				return out, false, true
			}
		}
		return limit(append(out, nonEmpty(acc)...)), slices.Contains(acc, ""), true
	case syntax.OpAlternate:
		var acc []string
		nullable := false
		for _, sub := range t.Sub {
			s, n, ok := prefixes(sub)
			if !ok {
				return nil, false, false
			}
			acc = limit(append(acc, s...))
			nullable = nullable || n
		}
		return acc, nullable, true
	}
	return nil, false, false // any character
}

// exact returns the folded strings that t matches, when they are few; an
// empty-width assertion counts as matching "", which can only widen the set.
func exact(t *syntax.Regexp) ([]string, bool) {
	switch t.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpLiteral:
		return []string{foldRunes(t.Rune)}, true
	case syntax.OpCharClass:
		return classStrings(t.Rune)
	case syntax.OpCapture:
		return exact(t.Sub[0])
	case syntax.OpQuest:
		e, ok := exact(t.Sub[0])
		if !ok {
			return nil, false
		}
		return dedupe(append([]string{""}, e...)), true
	case syntax.OpConcat:
		acc := []string{""}
		for _, sub := range t.Sub {
			e, ok := exact(sub)
			if !ok || len(acc)*len(e) > maxSetSize {
				return nil, false
			}
			acc = product(acc, e)
		}
		return acc, true
	case syntax.OpAlternate:
		var acc []string
		for _, sub := range t.Sub {
			e, ok := exact(sub)
			if !ok {
				return nil, false
			}
			acc = append(acc, e...)
			if len(acc) > maxSetSize {
				return nil, false
			}
		}
		return dedupe(acc), true
	}
	return nil, false
}

// product returns every a+b.
func product(as, bs []string) []string {
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, a+b)
		}
	}
	return dedupe(out)
}

func nonEmpty(set []string) []string {
	var out []string
	for _, s := range set {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// needles returns folded strings one of which every match of t contains; ok
// is false when there is no such set.
func needles(t *syntax.Regexp) ([]string, bool) {
	if e, ok := exact(t); ok {
		if slices.Contains(e, "") {
			return nil, false
		}
		return e, true
	}
	switch t.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return needles(t.Sub[0])
	case syntax.OpRepeat:
		if t.Min == 0 {
			return nil, false
		}
		return needles(t.Sub[0])
	case syntax.OpConcat:
		// Every part must match: keep the most telling part, or run of
		// parts that each match one of a few strings.
		var best []string
		var run []string
		for _, sub := range t.Sub {
			if e, ok := exact(sub); ok && len(run)*len(e) <= maxSetSize {
				if run == nil {
					run = []string{""}
				}
				run = product(run, e)
				if !slices.Contains(run, "") && better(run, best) {
					best = run
				}
				continue
			}
			run = nil
			if s, ok := needles(sub); ok && better(s, best) {
				best = s
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		var acc []string
		for _, sub := range t.Sub {
			s, ok := needles(sub)
			if !ok {
				return nil, false
			}
			acc = limit(append(acc, s...))
		}
		return acc, true
	}
	return nil, false
}

// better reports whether needle set a is more telling than b: its shortest
// string is longer, or as long and the set smaller.
func better(a, b []string) bool {
	if b == nil {
		return true
	}
	ma, mb := minLen(a), minLen(b)
	return ma > mb || ma == mb && len(a) < len(b)
}

func minLen(set []string) int {
	m := -1
	for _, s := range set {
		if m < 0 || len(s) < m {
			m = len(s)
		}
	}
	return m
}

// classStrings lists the folded runes of a small character class.
func classStrings(ranges []rune) ([]string, bool) {
	n := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		n += int(ranges[i+1]-ranges[i]) + 1
		if n > maxClassRunes {
			return nil, false
		}
	}
	var out []string
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			out = append(out, string(foldRune(r)))
		}
	}
	return dedupe(out), true
}

// limit bounds a set of prefixes or needles to maxSetSize strings by cutting
// them shorter: a match that starts with (or holds) a string also starts
// with (or holds) any beginning of it.
func limit(set []string) []string {
	set = dedupe(set)
	for n := 64; len(set) > maxSetSize && n > 0; n /= 2 {
		cut := make([]string, len(set))
		for i, s := range set {
			cut[i] = s[:min(n, len(s))]
		}
		set = dedupe(cut)
	}
	return set
}

func dedupe(set []string) []string {
	seen := make(map[string]bool, len(set))
	out := set[:0:0]
	for _, s := range set {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// foldRune maps r to one representative of its case-folding orbit (the runes
// that (?i) treats as equal, unicode.SimpleFold): the smallest, in lower case
// when that is an ASCII letter. Runes fold to the same representative exactly
// when (?i) matches one with the other.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	if 'A' <= m && m <= 'Z' {
		m += 'a' - 'A'
	}
	return m
}

func foldRunes(rs []rune) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// fold returns s with every rune folded as foldRune does, and an invalid byte
// as U+FFFD (the rune a regexp reads it as).
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return asciiLower(s)
	}
	b := make([]byte, 0, len(s)+8)
	for _, r := range s {
		b = utf8.AppendRune(b, foldRune(r))
	}
	return string(b)
}

// asciiLower lower-cases the ASCII letters of s; it allocates only when one
// is upper case.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// may reports whether the regexp may match the string whose folded form is
// folded; false means it cannot.
func (f *prefilter) may(folded string) bool {
	have := bytesOf(folded)
	return f.mayIn(folded, &have)
}

// mayIn is may, given the bytes of folded.
func (f *prefilter) mayIn(folded string, have *byteSet) bool {
	return f.mayFound(folded, have, nil)
}

// mayFound is may, given the bytes of folded and, unless nil,
// findFor(folded).
func (f *prefilter) mayFound(folded string, have *byteSet, found *foundSet) bool {
	if f.always {
		return true
	}
	if c := folded[0:min(1, len(folded))]; c != "" && f.firsts[c[0]>>6]&(1<<(c[0]&63)) != 0 {
		// (A prefix starts with one of firsts: most strings fail there.)
		for _, a := range f.anchors {
			for _, p := range a.byFirst[c[0]] {
				if strings.HasPrefix(folded, p) {
					return true
				}
			}
		}
	}
	if f.anyOf == nil {
		return false
	}
	if found == nil {
		return f.anyOf.in(folded, have)
	}
	return f.anyOf.inFound(folded, have, found)
}
