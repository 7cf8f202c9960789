package voice

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/token"
	"github.com/framescope/framescope/pipeline/segment"
)

// cueCases test the corners of mayHaveCue: acronyms, apostrophes, runes that
// lower-case to ASCII letters, digits and marks next to a word.
var cueCases = []string{
	"", "S.A.I.D. so", "x.S.A.I.D.", "U.S. officials said.", "U.S.said", "TA\u212aES", "\u0130NTERV\u0130EW", "said’s", "x’said",
	"’said’", "said2", "2said", "sa\u0301id", "SAID", "Said,", "“We will act,” he said.", "no cue here at all.",
	"according to", "Reportedly", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.",
}

// cueIn reports whether a token of the span has a cue word as its Norm.
func cueIn(text string) bool {
	for _, t := range token.Tokenize(text, token.Span{Start: 0, End: len(text)}, nil) {
		if t.Kind == token.Word && cueSet[t.Norm] {
			return true
		}
	}
	return false
}

// TestMayHaveCue checks that mayHaveCue passes every sentence with a cue
// word among its tokens, and every sentence that attribute gives a quote.
func TestMayHaveCue(t *testing.T) {
	strs := append([]string(nil), cueCases...)
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	for _, p := range append(files, seeds...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for _, para := range segment.Paragraphs(s) {
			for _, st := range segment.Sentences(s, para) {
				strs = append(strs, s[st.Start:st.End])
			}
		}
	}
	passed := 0
	for _, s := range strs {
		may := mayHaveCue(s)
		if may {
			passed++
		}
		if !may && cueIn(s) {
			t.Errorf("mayHaveCue(%q) = false, but a token is a cue", s)
		}
		if !may && attribute(s, token.Tokenize(s, token.Span{Start: 0, End: len(s)}, nil)).Voice == Quote {
			t.Errorf("mayHaveCue(%q) = false, but attribute finds a quote", s)
		}
	}
	if passed == len(strs) {
		t.Errorf("mayHaveCue passed all %d sentences", len(strs))
	}
	for _, c := range []struct {
		s    string
		want bool
	}{{"S.A.I.D. so", true}, {"TA\u212aES", true}, {"no cue here at all.", false}, {"Officials said.", true}} {
		if got := mayHaveCue(c.s); got != c.want {
			t.Errorf("mayHaveCue(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestSetCuesUnusualWords checks that a cue word mayHaveCue and
// tokensHaveCue cannot look up (not a-z, or longer than their tables) makes
// every sentence pass.
func TestSetCuesUnusualWords(t *testing.T) {
	defer setCues(cueWordList())
	for _, w := range []string{"n't", "Said", strings.Repeat("a", 40)} {
		setCues([]string{"said", w})
		if !mayHaveCue("no cue here") {
			t.Errorf("with %q among the cues, mayHaveCue skipped a sentence", w)
		}
	}
	for _, w := range []string{"n't", "Said", strings.Repeat("a", 40)} {
		setCues([]string{"said", w})
		if !tokensHaveCue(token.All("no cue here")) {
			t.Errorf("with %q among the cues, tokensHaveCue skipped a sentence", w)
		}
	}
	setCues([]string{"said"})
	if mayHaveCue("no cue here") || !mayHaveCue("he SAID so") {
		t.Error("mayHaveCue with the one cue \"said\" is wrong")
	}
	if tokensHaveCue(token.All("no cue here")) || !tokensHaveCue(token.All("he SAID so")) {
		t.Error("tokensHaveCue with the one cue \"said\" is wrong")
	}
}

func FuzzMayHaveCue(f *testing.F) {
	for _, s := range cueCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !mayHaveCue(s) && cueIn(s) {
			t.Errorf("mayHaveCue(%q) = false, but a token is a cue", s)
		}
		if got, want := tokensHaveCue(token.All(s)), cueIn(s); got != want {
			t.Errorf("tokensHaveCue(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestIsCueWord checks isCueWord against cueSet on every cue word and on
// words of the same shape (length, first and last letter) that are not cues.
func TestIsCueWord(t *testing.T) {
	words := []string{"", "a", "sand", "shed", "stud", "acceding", "Said", "said’", "sa-id"}
	for _, w := range cueWordList() {
		words = append(words, w, w[:1]+strings.Repeat("x", len(w)-2)+w[len(w)-1:], strings.ToUpper(w))
	}
	for _, w := range words {
		if got, want := isCueWord(w), cueSet[w]; got != want {
			t.Errorf("isCueWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestCueShaped checks that cueShaped, the inlined first test of the token
// loops, passes every word isCueWord takes: with the cue words as they are
// (cueMin > 0), and with a cue of a character outside a-z, where every word
// must pass (cueMin < 0).
func TestCueShaped(t *testing.T) {
	words := []string{"", "a", "x", "sand", "shed", "said", "says", "told", "according", "accordinG", "Said", "said’",
		"sa-id", "é", "éclat", strings.Repeat("s", 40), strings.Repeat("d", 32)}
	for _, w := range cueWordList() {
		words = append(words, w, w[:1]+strings.Repeat("x", len(w)-2)+w[len(w)-1:], strings.ToUpper(w), w+"s", w[1:])
	}
	defer setCues(cueWordList())
	for _, tt := range []struct {
		name string
		cues []string
	}{
		{"cue words", cueWordList()},
		{"a cue outside a-z", append(cueWordList(), "déclaré")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			setCues(tt.cues)
			rejected := 0
			for _, w := range words {
				if !cueShaped(w) {
					rejected++
					if isCueWord(w) {
						t.Errorf("cueShaped(%q) = false, but isCueWord(%q) = true", w, w)
					}
				}
			}
			if cueMin <= 0 && rejected > 0 {
				t.Errorf("cueMin = %d: cueShaped rejected %d words, want none", cueMin, rejected)
			}
			if cueMin > 0 && rejected == 0 {
				t.Errorf("cueShaped rejected no word")
			}
		})
	}
}

// TestIsSkipWord checks isSkipWord against the lookup it replaces,
// skipWords[strings.ToLower(p)].
func TestIsSkipWord(t *testing.T) {
	phrases := []string{"", "He", "he", "HE", "She", "Officials", "the minister", "Hatami", "İt", "ÉL",
		strings.Repeat("x", 40), strings.Repeat("A", 33)}
	for w := range skipWords {
		phrases = append(phrases, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+" said")
	}
	for _, p := range phrases {
		if got, want := isSkipWord(p), skipWords[strings.ToLower(p)]; got != want {
			t.Errorf("isSkipWord(%q) = %v, want %v", p, got, want)
		}
	}
}
