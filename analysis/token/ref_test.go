package token

// The tokenizer as it was before its fast paths, kept as the reference that
// TestSameAsReference and FuzzSameAsReference compare Tokenize with.

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Tokenize appends the tokens of text[span.Start:span.End] to dst and returns
// the extended slice. Offsets are into text, not into the span.
func refTokenize(text string, span Span, dst []Token) []Token {
	i, end := span.Start, span.End
	for i < end {
		r, size := refDecode(text, i)
		switch {
		case refIsWordRune(r):
			i, dst = refScanWord(text, i, end, dst)
		case unicode.IsSpace(r):
			i += size
		default:
			dst = append(dst, Token{Start: i, End: i + size, Norm: refFoldPunct(text[i:i+size], r), Kind: Punct})
			i += size
		}
	}
	return dst
}

func refDecode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func refIsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func refIsLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func refIsApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// scanWord reads the word, number or acronym that starts at i and returns the
// offset after it, appending its tokens to dst (two when a possessive 's is
// split off).
func refScanWord(text string, i, end int, dst []Token) (int, []Token) {
	if j, ok := refScanAcronym(text, i, end); ok {
		var b strings.Builder
		for k := i; k < j; k++ {
			if c := text[k]; c != '.' {
				b.WriteByte(c | 0x20)
			}
		}
		return j, append(dst, Token{Start: i, End: j, Norm: b.String(), Kind: Word, Caps: true, Title: true})
	}
	first, _ := refDecode(text, i)
	if '0' <= first && first <= '9' || unicode.IsDigit(first) {
		j := i
		for j < end {
			r, size := refDecode(text, j)
			if refIsWordRune(r) {
				j += size
				continue
			}
			if (r == '.' || r == ',') && j+1 < end && text[j+1] >= '0' && text[j+1] <= '9' {
				j++
				continue
			}
			break
		}
		return j, append(dst, Token{Start: i, End: j, Norm: text[i:j], Kind: Number})
	}
	j := i
	poss := -1 // start of a final possessive 's
	for j < end {
		r, size := refDecode(text, j)
		if refIsWordRune(r) {
			j += size
			continue
		}
		if refIsApostrophe(r) && j+size < end {
			next, nsize := refDecode(text, j+size)
			if refIsLetter(next) {
				after := j + size + nsize
				if (next == 's' || next == 'S') && (after >= end || !refIsWordRune(refRuneAt(text, after, end))) {
					poss = j
				}
				j += size
				continue
			}
		}
		break
	}
	if poss > i {
		w := refWord(text, i, poss)
		return j, append(dst, w, Token{Start: poss, End: j, Norm: "'s", Kind: Word})
	}
	return j, append(dst, refWord(text, i, j))
}

func refRuneAt(text string, i, end int) rune {
	if i >= end {
		return utf8.RuneError
	}
	r, _ := refDecode(text, i)
	return r
}

// scanAcronym matches single ASCII letters joined by dots, with the final dot:
// "U.S.", "U.S.A.", "U.N.". It needs at least two letters.
func refScanAcronym(text string, i, end int) (int, bool) {
	j, n := i, 0
	for j+1 < end && refIsASCIILetter(text[j]) && text[j+1] == '.' {
		j += 2
		n++
	}
	if n < 2 || j < end && refIsWordRune(refRuneAt(text, j, end)) {
		return i, false
	}
	return j, true
}

func refIsASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func refWord(text string, i, j int) Token {
	s := text[i:j]
	t := Token{Start: i, End: j, Kind: Word}
	upper, letters := 0, 0
	lowerNeeded := false
	for k, r := range s {
		if r == '\u2019' {
			lowerNeeded = true
		}
		if !refIsLetter(r) {
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

func refFoldPunct(s string, r rune) string {
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

// sameAsReference reports the first difference between Tokenize and the
// reference tokenizer on text[span], with a token already in dst.
func sameAsReference(text string, span Span) string {
	pre := []Token{{Start: -1, End: -1, Norm: "x"}}
	got := Tokenize(text, span, pre[:1:1])
	want := refTokenize(text, span, pre[:1:1])
	if len(got) != len(want) {
		return fmt.Sprintf("%d tokens, want %d: %s / %s", len(got), len(want), norms(got), norms(want))
	}
	for k := range got {
		if got[k] != want[k] {
			return fmt.Sprintf("token %d = %+v, want %+v", k, got[k], want[k])
		}
	}
	return ""
}

var referenceCases = []string{
	"Iran’s defense chief also said a plot is underway by the hegemonic system to destabilize the region.",
	"the U.S. and the U.N. said; trapped in the U.S.", "U.S.A.B", "U.S.a", "A.B.", "a.b.c.d.e.", "Mohammad A. Ali",
	"Pakistan's army isn't DON'T Don’t don’t O’Neil's rock ’n’ roll dogs' it’s", "40 years, 2,500 characters and 3.5 in. 1.2.3",
	"٣٤٥ ١٢ 12٣ x²", "Sistan-Baluchestan officials—and “most dangerous” ‘quoted’", "خبرگزاری مهر İstanbul ǅemal KELVIN \u212a Ωmega",
	"IRGC NOPE iPhone McDonald ÉCOLE École", "tab\tnew\nline\r\v\f\u00a0nbsp\u0085nel\u2028ls", "bad \xff\xfe utf8 \xe2\x80 cut",
	// the one space after an ASCII word, skipped without a turn of the loop,
	// beside runs of spaces, other white space and the span's end
	"one two  three   four\t five \n six ", "a b c d e f ", "Iran said. Then  U.S. forces ",
	"e\u0301te combining \u0301start", "S.A.I.D. U.S.’ U.S.'s", "x'", "x's", "X'S", "x’S'", "'s", "a'b'c", "Q&A @user #tag $5 5%",
	// more words to lower-case than lowered keeps the indices of
	strings.Repeat("Iran U.S. the IRGC Don't Pakistan's É ", 20),
}

func TestSameAsReference(t *testing.T) {
	for _, s := range referenceCases {
		for a := 0; a <= len(s); a++ {
			for _, b := range []int{a, a + 1, a + 3, len(s) - 1, len(s)} {
				if b < a || b > len(s) {
					continue
				}
				if d := sameAsReference(s, Span{a, b}); d != "" {
					t.Errorf("%q[%d:%d]: %s", s, a, b, d)
				}
			}
		}
	}
}

func FuzzSameAsReference(f *testing.F) {
	for _, s := range referenceCases {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		if a < 0 || b > len(s) || a > b {
			a, b = 0, len(s)
		}
		if d := sameAsReference(s, Span{a, b}); d != "" {
			t.Errorf("%q[%d:%d]: %s", s, a, b, d)
		}
	})
}

// BenchmarkTokenizeReference is BenchmarkTokenize's text through the
// reference tokenizer, for comparison on the same machine at the same time.
func BenchmarkTokenizeReference(b *testing.B) {
	text := strings.Repeat("Iran’s defense chief also said a plot is underway by the hegemonic system to destabilize the region. ", 20)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	var dst []Token
	for b.Loop() {
		dst = refTokenize(text, Span{0, len(text)}, dst[:0])
	}
}
