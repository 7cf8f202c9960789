package token

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func norms(toks []Token) string {
	var s []string
	for _, t := range toks {
		s = append(s, t.Norm)
	}
	return strings.Join(s, " ")
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Iran and Pakistan", "iran and pakistan"},
		{"possessive", "Iran’s defense chief", "iran 's defense chief"},
		{"straight possessive", "Pakistan's army", "pakistan 's army"},
		{"contraction kept", "it isn't a threat, don't", "it isn't a threat , don't"},
		{"acronym", "the U.S. and the U.N. said", "the us and the un said"},
		{"acronym at end", "trapped in the U.S.", "trapped in the us"},
		{"single initial is not acronym", "Mohammad A. Ali", "mohammad a . ali"},
		{"hyphen splits", "Sistan-Baluchestan civil-military", "sistan - baluchestan civil - military"},
		{"numbers", "40 years, 2,500 characters and 3.5 in.", "40 years , 2,500 characters and 3.5 in ."},
		{"glued dash", "officials—and", "officials - and"},
		{"curly quotes", "“most dangerous”", `" most dangerous "`},
		{"non latin", "خبرگزاری مهر", "خبرگزاری مهر"},
		{"caps", "IRGC NOPE", "irgc nope"},
		{"spaces after words", "one two  three\t four \nfive ", "one two three four five"},
		{"space then punctuation", "said , Iran . ", "said , iran ."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := norms(All(tt.in)); got != tt.want {
				t.Errorf("All(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFlags(t *testing.T) {
	toks := All("IRGC Iran us U.S. A")
	want := []struct{ caps, title bool }{{true, true}, {false, true}, {false, false}, {true, true}, {false, true}}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(toks), len(want))
	}
	for i, w := range want {
		if toks[i].Caps != w.caps || toks[i].Title != w.title {
			t.Errorf("token %q: caps=%v title=%v, want %v %v", toks[i].Norm, toks[i].Caps, toks[i].Title, w.caps, w.title)
		}
	}
}

func TestSpanOffsets(t *testing.T) {
	text := "xx Hatami said, “No.” yy"
	toks := Tokenize(text, Span{3, 22}, nil)
	if toks[0].Start != 3 || text[toks[0].Start:toks[0].End] != "Hatami" {
		t.Fatalf("first token %+v", toks[0])
	}
	for _, tk := range toks {
		if tk.Start < 3 || tk.End > 22 {
			t.Errorf("token %+v outside span", tk)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "U.S.", "Iran’s", "a'b's", "2,5.", "\xff\xfe", "officials—and", "A.B.C"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := All(s)
		prev := 0
		for _, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("bad offsets %+v after %d in %q", tk, prev, s)
			}
			if tk.Norm == "" {
				t.Fatalf("empty norm %+v in %q", tk, s)
			}
			prev = tk.End
		}
		// Nothing but spaces is dropped.
		var kept int
		for _, tk := range toks {
			kept += tk.End - tk.Start
		}
		var spaces int
		for i, r := range s {
			_ = i
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0xA0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200a) || r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000 {
				spaces += utf8.RuneLen(r)
			}
		}
		if utf8.ValidString(s) && kept+spaces != len(s) {
			t.Fatalf("lost text: kept %d + spaces %d != %d in %q", kept, spaces, len(s), s)
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat("Iran’s defense chief also said a plot is underway by the hegemonic system to destabilize the region. ", 20)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	var dst []Token
	for b.Loop() {
		dst = Tokenize(text, Span{0, len(text)}, dst[:0])
	}
}

// The lower-case forms of a call's capitalised words and acronyms are the
// same whichever way fill writes them: on the stack (at most lowStack bytes
// and lowMax tokens), through a strings.Builder (more bytes), or by a scan of
// the tokens (more than lowMax tokens). Each case sits on or beside a limit.
func TestLowerForms(t *testing.T) {
	word := func(n int) string { return "W" + strings.Repeat("x", n-1) } // n bytes, one capital
	tests := []struct {
		name  string
		words []string
	}{
		{"one word", []string{"Iran"}},
		{"acronyms and words", []string{"U.S.", "IRGC", "Tehran", "U.N.", "Don't"}},
		{"lowStack-1 bytes", []string{word(100), word(100), word(lowStack - 201)}},
		{"lowStack bytes", []string{word(100), word(100), word(lowStack - 200)}},
		{"lowStack+1 bytes", []string{word(100), word(100), word(lowStack - 199)}},
		{"lowStack bytes of acronyms", slices.Repeat([]string{"A.B.C.D."}, lowStack/4)},
		{"lowMax tokens", slices.Repeat([]string{"Ab"}, lowMax)},
		{"lowMax+1 tokens", slices.Repeat([]string{"Ab"}, lowMax+1)},
		{"lowMax+1 long tokens", slices.Repeat([]string{word(9)}, lowMax+1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "the " + strings.Join(tt.words, " and ") + " end"
			var want []string
			for _, w := range strings.Fields(text) {
				if len(w) > 1 && w[1] == '.' {
					w = strings.ReplaceAll(w, ".", "")
				}
				want = append(want, strings.ToLower(w))
			}
			if got := norms(All(text)); got != strings.Join(want, " ") {
				t.Errorf("norms = %q\nwant    %q", got, strings.Join(want, " "))
			}
			if d := sameAsReference(text, Span{0, len(text)}); d != "" {
				t.Error(d)
			}
		})
	}
}
