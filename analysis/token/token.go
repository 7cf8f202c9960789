// Package token splits text into word, number and punctuation tokens that
// keep their byte offsets into the text they came from.
//
// It is framescope's one tokenizer: the tone scorers and the frame matcher read
// the same tokens, so a paragraph is tokenized once (see the pipeline's score
// stage) and every piece of evidence points back to exact bytes of the article.
//
// The rules, in order of precedence:
//   - a word is a run of letters, digits and combining marks; an apostrophe (' or
//     U+2019) between two letters stays inside it ("don't", "isn't"), except a
//     final possessive "'s", which becomes a token of its own ("Iran’s" → "iran",
//     "'s") so that "Iran" is found in "Iran’s";
//   - single letters joined by dots are one acronym token without the dots
//     ("U.S." → "us", "U.N." → "un"), marked Caps;
//   - a token that starts with a digit is a Number ("2,500", "3.5");
//   - hyphens and every other non-space character are Punct tokens of one rune
//     each, so "Sistan-Baluchestan" is "sistan", "-", "baluchestan";
//   - Norm is the lower-case form, with curly quotes folded to straight ones.
package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) into an article's text.
type Span struct{ Start, End int }

// Len is the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies wholly inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Kind says what a token is.
type Kind uint8

// The kinds of token.
const (
	Word Kind = iota
	Number
	Punct
)

// Token is one token of a text.
type Token struct {
	Start, End int    // byte offsets into the text
	Norm       string // lower-case form ("U.S." → "us", "’" → "'")
	Kind       Kind
	Caps       bool // every letter upper-case and at least two letters, or a dotted acronym ("IRGC", "U.S.")
	Title      bool // first letter upper-case ("Iran", "IRGC")
}

// Tokenize appends the tokens of text[span.Start:span.End] to dst and returns
// the extended slice. Offsets are into text, not into the span.
//
// A word's Norm is a substring of text when the word is already lower case;
// the lower-case forms of the others share one string per call.
func Tokenize(text string, span Span, dst []Token) []Token {
	first := len(dst)
	var low lowered
	i, end := span.Start, span.End
	for i < end {
		if c := text[i]; c < utf8.RuneSelf {
			switch f := class[c]; {
			case f&fLetter != 0 && (i+1 >= end || text[i+1] != '.'):
				// the common case, scanWord's first without a call: ASCII
				// letters and digits up to an ASCII byte that is not an
				// apostrophe
				j, seen := i+1, f
				for j < end {
					g := class[text[j]]
					if g&fWord == 0 {
						break
					}
					seen |= g
					j++
				}
				if j < end && (text[j] >= utf8.RuneSelf || text[j] == '\'') {
					i, dst = scanWord(text, i, end, dst, &low)
					continue
				}
				t := Token{Start: i, End: j, Kind: Word, Title: f&fUpper != 0}
				t.Caps = seen&fUpper != 0 && seen&fLower == 0 && asciiLetters(text[i:j]) >= 2
				if seen&fUpper == 0 {
					t.Norm = text[i:j]
				} else {
					low.add(j-i, len(dst))
				}
				dst = append(dst, t)
				i = j
				if i < end && text[i] == ' ' {
					i++ // the space after a word, without a turn of the loop
				}
			case f&fWord != 0:
				i, dst = scanWord(text, i, end, dst, &low)
			case f&fSpace != 0:
				i++
			default:
				dst = append(dst, Token{Start: i, End: i + 1, Norm: text[i : i+1], Kind: Punct})
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			i, dst = scanWord(text, i, end, dst, &low)
		case unicode.IsSpace(r):
			i += size
		default:
			dst = append(dst, Token{Start: i, End: i + size, Norm: foldPunct(text[i:i+size], r), Kind: Punct})
			i += size
		}
	}
	low.fill(text, dst, first)
	return dst
}

// All tokenizes the whole of text.
func All(text string) []Token { return Tokenize(text, Span{0, len(text)}, nil) }

// The classes of ASCII bytes, as bits of class[b]; bytes from 0x80 have
// none.
const (
	fWord   uint8 = 1 << iota // letter or digit
	fUpper                    // upper-case letter
	fLetter                   // letter
	fSpace                    // white space (unicode.IsSpace)
	fLower                    // lower-case letter
)

var class = func() (c [256]uint8) {
	for b := range utf8.RuneSelf {
		switch {
		case 'a' <= b && b <= 'z':
			c[b] = fWord | fLetter | fLower
		case 'A' <= b && b <= 'Z':
			c[b] = fWord | fLetter | fUpper
		case '0' <= b && b <= '9':
			c[b] = fWord
		case b == ' ' || '\t' <= b && b <= '\r':
			c[b] = fSpace
		}
	}
	return c
}()

// lowered counts the bytes of the lower-case forms of a call's ASCII words
// and acronyms whose Norm is not a substring of the text: such a token gets
// Norm "" (no token has an empty Norm) during the scan; fill then writes
// their forms into one string of exactly that size and cuts it into the
// Norms (one allocation per call, none to grow it). It keeps the indices of
// the first lowMax such tokens, so that fill need not look for them.
type lowered struct {
	n  int // bytes of the pending forms
	k  int // number of pending tokens
	at [lowMax]int
}

// lowMax is how many pending tokens lowered keeps the indices of.
const lowMax = 64

// add notes a pending form of n bytes, of the token that will be dst[i].
func (l *lowered) add(n, i int) {
	if l.k < lowMax {
		l.at[l.k] = i
	}
	l.n += n
	l.k++
}

// fill sets the Norm of the pending tokens of dst[first:], tokens of text:
// an acronym's letters ("U.S." → "us"), or the word with its ASCII capitals
// lower-cased.
func (l *lowered) fill(text string, dst []Token, first int) {
	if l.k == 0 {
		return
	}
	var b strings.Builder
	if l.k <= lowMax {
		var s string
		if l.n <= lowStack {
			// the forms are written into a buffer on the stack, then copied
			// into the one string: no call per byte
			var buf [lowStack]byte
			f := buf[:0]
			for _, k := range l.at[:l.k] {
				f = appendLower(f, text[dst[k].Start:dst[k].End])
			}
			s = string(f)
		} else {
			b.Grow(l.n)
			for _, k := range l.at[:l.k] {
				writeLower(&b, text[dst[k].Start:dst[k].End])
			}
			s = b.String()
		}
		off := 0
		for _, k := range l.at[:l.k] {
			n := formLen(text, dst[k])
			dst[k].Norm = s[off : off+n]
			off += n
		}
		return
	}
	b.Grow(l.n)
	toks := dst[first:]
	for k := range toks {
		if toks[k].Norm == "" {
			writeLower(&b, text[toks[k].Start:toks[k].End])
		}
	}
	s := b.String()
	off := 0
	for k := range toks {
		if toks[k].Norm == "" {
			n := formLen(text, toks[k])
			toks[k].Norm = s[off : off+n]
			off += n
		}
	}
}

// lowStack is the largest total of a call's pending forms that fill writes
// in a buffer on the stack: a paragraph's capitalised words mostly fit.
const lowStack = 256

// appendLower appends the lower-case form of the pending token w to f
// (writeLower's form).
func appendLower(f []byte, w string) []byte {
	if len(w) > 1 && w[1] == '.' { // an acronym: its letters only
		for i := 0; i < len(w); i += 2 {
			f = append(f, w[i]|0x20)
		}
		return f
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if class[c]&fUpper != 0 {
			c |= 0x20
		}
		f = append(f, c)
	}
	return f
}

// writeLower writes the lower-case form of the pending token w to b.
func writeLower(b *strings.Builder, w string) {
	if len(w) > 1 && w[1] == '.' { // an acronym: its letters only
		for i := 0; i < len(w); i += 2 {
			b.WriteByte(w[i] | 0x20)
		}
		return
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if class[c]&fUpper != 0 {
			c |= 0x20
		}
		b.WriteByte(c)
	}
}

// formLen is the length of the lower-case form of the pending token t.
func formLen(text string, t Token) int {
	n := t.End - t.Start
	if n > 1 && text[t.Start+1] == '.' { // an acronym: its letters only
		n /= 2
	}
	return n
}

func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return class[r]&fWord != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return class[r]&fLetter != 0
	}
	return unicode.IsLetter(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// scanWord reads the word, number or acronym that starts at i and returns the
// offset after it, appending its tokens to dst (two when a possessive 's is
// split off).
func scanWord(text string, i, end int, dst []Token, low *lowered) (int, []Token) {
	if i+1 < end && text[i+1] == '.' {
		if j, ok := scanAcronym(text, i, end); ok {
			low.add((j-i)/2, len(dst))
			return j, append(dst, Token{Start: i, End: j, Kind: Word, Caps: true, Title: true})
		}
	}
	if c := text[i]; '0' <= c && c <= '9' || c >= utf8.RuneSelf && unicode.IsDigit(runeAt(text, i, end)) {
		j := i
		for j < end {
			if c := text[j]; c < utf8.RuneSelf {
				if class[c]&fWord != 0 {
					j++
					continue
				}
				if (c == '.' || c == ',') && j+1 < end && text[j+1] >= '0' && text[j+1] <= '9' {
					j++
					continue
				}
				break
			}
			r, size := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		return j, append(dst, Token{Start: i, End: j, Norm: text[i:j], Kind: Number})
	}
	// the common case: ASCII letters and digits up to an ASCII byte that is
	// not an apostrophe
	j, seen := i, uint8(0) // seen: the classes of the word's bytes, or-ed
	for j < end {
		f := class[text[j]]
		if f&fWord == 0 {
			break
		}
		seen |= f
		j++
	}
	if j == end || text[j] < utf8.RuneSelf && text[j] != '\'' {
		t := Token{Start: i, End: j, Kind: Word, Title: class[text[i]]&fUpper != 0}
		// Caps: two letters or more, every one upper-case
		t.Caps = seen&fUpper != 0 && seen&fLower == 0 && asciiLetters(text[i:j]) >= 2
		if seen&fUpper == 0 {
			t.Norm = text[i:j]
		} else {
			low.add(j-i, len(dst))
		}
		return j, append(dst, t)
	}
	poss := -1  // start of a final possessive 's
	wide := end // start of the first rune that is not ASCII
	for j < end {
		c := text[j]
		if class[c]&fWord != 0 {
			j++
			continue
		}
		r, size := decode(text, j)
		if isWordRune(r) {
			wide = min(wide, j)
			j += size
			continue
		}
		if isApostrophe(r) && j+size < end {
			next, nsize := decode(text, j+size)
			if isLetter(next) {
				after := j + size + nsize
				if (next == 's' || next == 'S') && (after >= end || !isWordRune(runeAt(text, after, end))) {
					poss = j
				}
				if r != '\'' {
					wide = min(wide, j)
				}
				j += size
				continue
			}
		}
		break
	}
	if poss > i {
		return j, append(dst, word(text, i, poss, wide >= poss, low, len(dst)), Token{Start: poss, End: j, Norm: "'s", Kind: Word})
	}
	return j, append(dst, word(text, i, j, wide >= j, low, len(dst)))
}

// asciiLetters counts the ASCII letters of s.
func asciiLetters(s string) int {
	n := 0
	for k := 0; k < len(s); k++ {
		if class[s[k]]&fLetter != 0 {
			n++
		}
	}
	return n
}

func runeAt(text string, i, end int) rune {
	if i >= end {
		return utf8.RuneError
	}
	r, _ := decode(text, i)
	return r
}

// scanAcronym matches single ASCII letters joined by dots, with the final dot:
// "U.S.", "U.S.A.", "U.N.". It needs at least two letters.
func scanAcronym(text string, i, end int) (int, bool) {
	j, n := i, 0
	for j+1 < end && isASCIILetter(text[j]) && text[j+1] == '.' {
		j += 2
		n++
	}
	if n < 2 || j < end && isWordRune(runeAt(text, j, end)) {
		return i, false
	}
	return j, true
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// word returns the word token text[i:j], which will be dst[at]; ascii says
// that every rune of it (apostrophes included) is ASCII, known from the
// scan.
func word(text string, i, j int, ascii bool, low *lowered, at int) Token {
	s := text[i:j]
	t := Token{Start: i, End: j, Kind: Word}
	if ascii {
		upper, letters := 0, 0
		for k := 0; k < len(s); k++ {
			f := class[s[k]]
			upper += int(f & fUpper >> 1)
			letters += int(f & fLetter >> 2)
		}
		t.Title = class[s[0]]&fUpper != 0
		t.Caps = letters >= 2 && upper == letters
		if upper == 0 {
			t.Norm = s
			return t
		}
		low.add(len(s), at)
		return t
	}
	upper, letters := 0, 0
	lowerNeeded := false
	for k, r := range s {
		if r == '\u2019' {
			lowerNeeded = true
		}
		if !isLetter(r) {
			continue
		}
		letters++
		if unicode.IsUpper(r) {
			upper++
			lowerNeeded = true
			if k == 0 {
				t.Title = true
			}
		}
	}
	t.Caps = letters >= 2 && upper == letters
	if lowerNeeded {
		t.Norm = strings.ToLower(strings.ReplaceAll(s, "\u2019", "'"))
	} else {
		t.Norm = s
	}
	return t
}

func foldPunct(s string, r rune) string {
	switch r {
	case '\u2018', '\u2019':
		return "'"
	case '\u201c', '\u201d':
		return `"`
	case '\u2013', '\u2014':
		return "-"
	}
	return s
}
