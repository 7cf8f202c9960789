package voice

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/token"
	"github.com/framescope/framescope/pipeline/segment"
)

// attributeCase is one paragraph: its text, span and sentences.
type attributeCase struct {
	text  string
	para  token.Span
	sents []token.Span
}

// attributeCases returns the paragraphs of the seed articles and of the dev
// and held-out files, with the pipeline's sentences (segment.Sentences) and,
// to reach AttributeTokens' fallback, with sentences cut at arbitrary bytes.
func attributeCases(t testing.TB) []attributeCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	more, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"He said it. U.S. officials said so.Next came “quotes,” she added.\tTabs\u00a0and no-break spaces said A.B.",
		"“We consider it our own. We will act,” Salami said. According to Press TV, talks went on.",
	}
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.ReplaceAll(string(data), "|", " "))
	}
	var out []attributeCase
	for _, text := range texts {
		for _, p := range segment.Paragraphs(text) {
			sents := segment.Sentences(text, p)
			out = append(out, attributeCase{text, p, sents}, attributeCase{text, p, cutEvery(p, 37)})
		}
	}
	return out
}

// cutEvery cuts span into pieces of n bytes (the last one shorter).
func cutEvery(span token.Span, n int) []token.Span {
	var out []token.Span
	for i := span.Start; i < span.End; i += n {
		out = append(out, token.Span{Start: i, End: min(i+n, span.End)})
	}
	return out
}

func TestAttributeTokensSameAsAttribute(t *testing.T) {
	cases := attributeCases(t)
	quotes := 0
	head := Attribution{Voice: Mixed, Speaker: "kept", Cue: "kept"}
	var buf []Attribution // reused from case to case, as a caller would
	for _, c := range cases {
		toks := token.Tokenize(c.text, c.para, nil)
		want := Attribute(c.text, c.sents)
		got := AttributeTokens(c.text, c.para, c.sents, toks)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: AttributeTokens = %+v, Attribute = %+v", c.text[c.para.Start:c.para.End], got, want)
		}
		buf = AppendAttributeTokens(append(buf[:0], head), c.text, c.para, c.sents, toks)
		if buf[0] != head || !reflect.DeepEqual(buf[1:], want) && len(want) > 0 {
			t.Errorf("%q: AppendAttributeTokens = %+v after %+v, want %+v", c.text[c.para.Start:c.para.End], buf[1:], buf[0], want)
		}
		for _, a := range want {
			if a.Voice == Quote {
				quotes++
			}
		}
	}
	if quotes < 50 {
		t.Errorf("only %d quoted sentences in %d paragraphs: the comparison says little", quotes, len(cases))
	}
}

func FuzzAttributeTokens(f *testing.F) {
	f.Add("He said it. U.S. officials said so.Next came “quotes,” she added.", 3, 17)
	f.Add("“We consider it our own. We will act,” Salami said.", 0, 9)
	f.Fuzz(func(t *testing.T, text string, start, cut int) {
		if start < 0 || start > len(text) {
			start = 0
		}
		para := token.Span{Start: start, End: len(text)}
		toks := token.Tokenize(text, para, nil)
		for _, sents := range [][]token.Span{segment.Sentences(text, para), cutEvery(para, max(cut%64, 1))} {
			want := Attribute(text, sents)
			if got := AttributeTokens(text, para, sents, toks); !reflect.DeepEqual(got, want) {
				t.Fatalf("sentences %v: AttributeTokens = %+v, Attribute = %+v", sents, got, want)
			}
		}
	})
}

func TestOneSpaced(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "a\u00a0b", "Iran’s chief", "a b c d", "x\r\ny", "a\u2003b", "Iran’s \u00a0chief", "\u00a0a", "a\u0085", "\xffa b", "a \xe2\x80"} {
		if got, want := oneSpaced(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("oneSpaced(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzOneSpaced(f *testing.F) {
	f.Add("Iran’s defense  chief")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := oneSpaced(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("oneSpaced(%q) = %q, want %q", s, got, want)
		}
	})
}

func ExampleAttributeTokens() {
	text := "The two leaders met on Monday. “We will act together,” Hatami said."
	para := token.Span{Start: 0, End: len(text)}
	toks := token.Tokenize(text, para, nil) // the paragraph's tokens, already at hand
	for _, a := range AttributeTokens(text, para, segment.Sentences(text, para), toks) {
		fmt.Printf("%s %q %q\n", a.Voice, a.Speaker, a.Cue)
	}
	// Output:
	// outlet "" ""
	// quote "Hatami" "said"
}

// scanQuotesByRune is scanQuotes as first written, one rune at a time: the
// reference FuzzScanQuotes checks scanQuotes against. It follows the quotation marks of the sentence s. Curly double
// quotes open and close; a straight double quote toggles (when straight is
// set); curly single quotes
// count when ‘ opens and ’ closes before a non-letter (so that apostrophes
// don't).
func scanQuotesByRune(text string, s token.Span, open, straight bool) quoteScan {
	if !open && noQuoteMarks(text[s.Start:s.End]) {
		return quoteScan{} // nothing opens, so nothing is inside
	}
	q := quoteScan{startsOpen: open}
	inBytes, total := 0, 0
	single := false
	wordIn := false
	for i, r := range text[s.Start:s.End] {
		switch r {
		case '“', '«':
			if !open {
				q.opened = true
			}
			open = true
			continue
		case '”', '»':
			open = false
			continue
		case '"':
			if !straight {
				continue
			}
			open = !open
			if open {
				q.opened = true
			}
			continue
		case '‘':
			if !open {
				single = true
				q.opened = true
			}
			continue
		case '’':
			j := s.Start + i + len("’")
			if single && (j >= s.End || !isLetterByte(text[j])) {
				single = false
			}
			continue
		}
		inside := open || single
		if r != ' ' {
			total++
			if inside {
				inBytes++
			}
		}
		isWord := r != ' ' && r != '\n' && r != '\t'
		if inside && isWord && !wordIn {
			q.quotedWords++
		}
		wordIn = inside && isWord
	}
	q.endsOpen = open
	q.inside = total > 0 && inBytes*2 > total && (q.startsOpen || q.quotedWords >= 3)
	if q.startsOpen {
		q.inside = true
	}
	return q
}

func TestScanQuotesSameAsByRune(t *testing.T) {
	for _, tc := range []struct {
		name, text     string
		open, straight bool
	}{
		{"no marks", "Iran and Pakistan agreed.", false, true},
		{"curly quote", "“We consider it our own. We will act,” Salami said.", false, true},
		{"open at start", "We will act together, he said.”", true, true},
		{"straight quotes", `He called it "a very dangerous step for the region" on Monday.`, false, true},
		{"straight ignored", `An 8" gun and "words"`, false, false},
		{"single quotes", "The ‘axis of resistance’ isn’t new, ‘said’ nobody.", false, true},
		{"guillemets", "«Nous agirons» dit-il\tici\nlà", false, true},
		{"white space runs", "“ a  b\t\tc\n\nd ”", false, true},
		{"invalid UTF-8", "“\xffab\xe2\x80 cd”", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := token.Span{Start: 0, End: len(tc.text)}
			if got, want := scanQuotes(tc.text, s, tc.open, tc.straight), scanQuotesByRune(tc.text, s, tc.open, tc.straight); got != want {
				t.Errorf("scanQuotes = %+v, by rune %+v", got, want)
			}
		})
	}
}

func FuzzScanQuotes(f *testing.F) {
	f.Add("“We consider it our own. We will act,” Salami said.", 0, false, true)
	f.Add("‘a’ b’s \"c d\" «e»\t\n", 2, true, true)
	f.Fuzz(func(t *testing.T, text string, start int, open, straight bool) {
		if start < 0 || start > len(text) {
			start = 0
		}
		s := token.Span{Start: start, End: len(text)}
		if got, want := scanQuotes(text, s, open, straight), scanQuotesByRune(text, s, open, straight); got != want {
			t.Fatalf("scanQuotes(%q, %v, %v, %v) = %+v, by rune %+v", text, s, open, straight, got, want)
		}
	})
}
