package tone

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/token"
)

func score(t testing.TB, name, text string) float64 {
	t.Helper()
	s, err := New(name)
	if err != nil {
		t.Fatal(err)
	}
	return s.Score(text, token.All(text))
}

func TestRules(t *testing.T) {
	// Each case compares two texts under the "rules" scorer.
	tests := []struct {
		name string
		a, b string
		aVsB string // "<", ">", "-" (opposite signs), "=" (equal)
	}{
		{"negation flips", "The plan is good.", "The plan is not good.", "-"},
		{"negation within three words", "The plan is a success.", "The plan is never really a success.", "-"},
		{"intensifier raises", "The plan is good.", "The plan is very good.", "<"},
		{"dampener lowers", "The plan is good.", "The plan is somewhat good.", ">"},
		{"caps among lower case raise", "The plan is good.", "The plan is GOOD.", "<"},
		{"exclamation raises", "The plan is good.", "The plan is good!", "<"},
		{"but weighs the second clause", "The food was bad but the service was great.", "The food was great but the service was bad.", "-"},
		{"at least is not negation", "It is at least good.", "It is good.", "="},
		{"no negates", "There was hope.", "There was no hope.", "-"},
		{"a reducer turns what it reduces", "The plan will increase the risk of cancer.", "The plan will reduce the risk of cancer.", "-"},
		{"a reducer's own valence is dropped", "They will fight.", "They will fight poverty.", "-"},
		{"caps in an all-caps text do not raise", "THE PLAN IS GOOD.", "The plan is good.", "="},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := score(t, "rules", tt.a), score(t, "rules", tt.b)
			ok := false
			switch tt.aVsB {
			case "<":
				ok = 0 < a && a < b
			case ">":
				ok = a > b && b > 0
			case "-":
				ok = a*b < 0
			case "=":
				ok = a == b
			}
			if !ok {
				t.Errorf("rules(%q) = %.3f, rules(%q) = %.3f: want %s", tt.a, a, tt.b, b, tt.aVsB)
			}
		})
	}
}

func TestRulesMatchesVADERSentence(t *testing.T) {
	// On single plain sentences the token-based rules reproduce govader.
	for _, s := range []string{
		"The plan is good.",
		"The plan is not very good.",
		"The talks were a disaster, but the treaty is a triumph.",
		"Officials said the attack killed 12 people.",
	} {
		r, v := score(t, "rules", s), score(t, "vader", s)
		if math.Abs(r-v) > 1e-9 {
			t.Errorf("%q: rules %.4f, vader %.4f", s, r, v)
		}
	}
}

func TestLengthScaling(t *testing.T) {
	angry := "This is a disgraceful, cruel and shameful attack. "
	neutral := strings.Repeat("The committee met on Tuesday in the capital. ", 10)
	for _, name := range []string{"rules", "news"} {
		one := score(t, name, angry)
		mixed := score(t, name, neutral+angry)
		if !(mixed < 0 && math.Abs(mixed) < 0.6*math.Abs(one)) {
			t.Errorf("%s: one angry sentence %.3f, with 10 neutral ones %.3f: want weaker but still negative", name, one, mixed)
		}
	}
}

func TestRangeAndDeterminism(t *testing.T) {
	huge := strings.Repeat("A terrible, horrible, awful day! ", 300)
	inputs := []string{"", " ", ".", "!!!???", "12 3,4", huge, strings.Repeat("good ", 2000), "\u2019s \u201c\u201d"}
	for _, name := range Names() {
		for _, in := range inputs {
			a := score(t, name, in)
			b := score(t, name, in)
			if math.IsNaN(a) || a < -1 || a > 1 || a != b {
				t.Errorf("%s(%.20q…) = %v then %v: want one value in [-1, 1]", name, in, a, b)
			}
		}
		if got := score(t, name, ""); got != 0 {
			t.Errorf("%s(\"\") = %v, want 0", name, got)
		}
	}
}

func TestNew(t *testing.T) {
	for _, n := range Names() {
		s, err := New(n)
		if err != nil || s.Name() != n {
			t.Errorf("New(%q) = %v, %v", n, s, err)
		}
	}
	if _, err := New("nope"); err == nil {
		t.Error("New(\"nope\") succeeded")
	}
	if _, err := New(Default); err != nil {
		t.Errorf("Default %q: %v", Default, err)
	}
}

func TestToward(t *testing.T) {
	text := "Critics attacked Smith for a disastrous plan, while Jones won praise for a brilliant idea."
	toks := token.All(text)
	span := token.Span{Start: 0, End: len(text)}
	smith := strings.Index(text, "Smith")
	jones := strings.Index(text, "Jones")
	s := Toward(text, toks, span, smith, smith+5)
	j := Toward(text, toks, span, jones, jones+5)
	if !(s < j) {
		t.Errorf("Toward Smith %.3f, Jones %.3f: want Smith < Jones", s, j)
	}
	if got := Toward("", nil, token.Span{}, 0, 0); got != 0 {
		t.Errorf("Toward on empty = %v", got)
	}
}

func TestConcurrentUse(t *testing.T) {
	texts := []string{"The talks were a success.", "Critics attacked the plan. It failed!", "The minister met officials."}
	want := map[string][]float64{}
	for _, n := range Names() {
		for _, x := range texts {
			want[n] = append(want[n], score(t, n, x))
		}
	}
	done := make(chan error)
	for g := range 4 {
		go func() {
			var err error
			for _, n := range Names() {
				s, _ := New(n)
				for i, x := range texts {
					if got := s.Score(x, token.All(x)); got != want[n][i] {
						err = fmt.Errorf("goroutine %d: %s(%q) = %v, want %v", g, n, x, got, want[n][i])
					}
				}
			}
			x := texts[1]
			Toward(x, token.All(x), token.Span{Start: 0, End: len(x)}, 0, 7)
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
