package tone

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/cdipaolo/sentiment"
	"github.com/framescope/framescope/analysis/token"
)

func TestStemValence(t *testing.T) {
	r := &vaderRules{
		lex:     map[string]float64{"death": -2.9, "save": 2.2, "fun": 2.3, "ban": -2.6, "use": 0.5, "cry": -2.1, "kind": 2.4, "up": 1},
		booster: map[string]float64{},
	}
	tests := []struct {
		name, word string
		want       float64
		ok         bool
	}{
		{"plural", "deaths", -2.9, true},
		{"third person", "saves", 2.2, true},
		{"-ing with e restored", "saving", 2.2, true},
		{"-ed with e restored", "used", 0.5, true},
		{"-ies", "cries", -2.1, true},
		{"-ied", "cried", -2.1, true},
		{"-ly", "kindly", 2.4, true},
		{"bare -d is not a suffix", "fund", 0, false},
		{"bare -d is not a suffix 2", "band", 0, false},
		{"stem too short", "ups", 0, false},
		{"unknown stem", "tables", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := stemValence(r, tc.word)
			if got != tc.want || ok != tc.ok {
				t.Errorf("stemValence(%q) = %v, %v; want %v, %v", tc.word, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestStemNotOverListed checks that a form VADER lists keeps its own valence:
// the stem is only a fallback.
func TestStemNotOverListed(t *testing.T) {
	lx := theLexicon()
	for _, w := range []string{"killed", "fails", "wasted"} {
		if inf := lx.lookup(w); inf.flags&inLex == 0 || inf.stem != 0 {
			t.Errorf("%q: listed %v, stem %v; want listed with no stem fallback", w, inf.flags&inLex != 0, inf.stem)
		}
	}
	if inf := lx.lookup("deaths"); inf.stem >= 0 {
		t.Errorf(`"deaths": stem valence %v, want negative (from "death")`, inf.stem)
	}
}

func TestShifterStopsAtClause(t *testing.T) {
	tests := []struct {
		name, text string
		wantPos    bool // the sentence's rule valence is positive
	}{
		{"reducer in the clause", "The plan will reduce violence.", true},
		{"hyphen keeps the clause", "An anti-war march.", true},
		{"comma ends the reach", "At the counter, a furious man shouted.", false},
		{"semicolon ends the reach", "They will fight; the losses are terrible.", false},
	}
	lx := theLexicon()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := token.All(tc.text)
			var sc scratch
			sv, _, _ := valences(lx, toks, sc.vals(len(toks)), nil, nil)
			if got := sv.raw() > 0; got != tc.wantPos {
				t.Errorf("%q: raw valence %.3f, want positive %v", tc.text, sv.raw(), tc.wantPos)
			}
		})
	}
}

func TestNamesCarryNoTone(t *testing.T) {
	tests := []struct {
		name, text string
		want       float64 // the sentence's raw rule valence
	}{
		{"organisation", "The envoy spoke at the United Nations on Monday.", 0},
		{"place", "Crowds gathered outside Grand Central Station yesterday.", 0},
		{"party", "Leaders of the Pakistan Peoples Party met in the capital.", 0},
		{"first word of a name", "Grand Central Station was closed for the day.", 0},
		{"capitalised first word alone keeps its tone", "Great efforts were made by the team.", 3.1},
		{"word after the first word keeps its tone", "Officials Praised the team.", 2.2},
		{"lower-case word keeps its tone", "The united opposition met in the capital.", 1.8},
		{"ALL-CAPS emphasis is not a name", "The plan is GREAT news for the city.", 3.1 + capIncr},
		{"headline in Title Case keeps tones", "Leaders Praise Great Progress In Talks", 7.5},
	}
	lx := theLexicon()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := token.All(tc.text)
			var sc scratch
			sv, _, _ := valences(lx, toks, sc.vals(len(toks)), nil, nil)
			if math.Abs(sv.raw()-tc.want) > 1e-9 {
				t.Errorf("%q: raw valence %.3f, want %.3f", tc.text, sv.raw(), tc.want)
			}
		})
	}
}

// TestNBLogRatiosFast checks that the fast reader of the cdipaolo model gives
// exactly what encoding/json gives, and that it declines what it cannot read.
func TestNBLogRatiosFast(t *testing.T) {
	raw, err := sentiment.Asset("model.json")
	if err != nil {
		t.Fatal(err)
	}
	fast, ok := nbLogRatiosFast(raw, nil)
	if !ok {
		t.Fatal("the fast reader declined the model")
	}
	slow, err := nbLogRatiosJSON(raw, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(fast) != len(slow) {
		t.Fatalf("%d words, want %d", len(fast), len(slow))
	}
	for w, v := range slow {
		if got, ok := fast[w]; !ok || math.Float64bits(got) != math.Float64bits(v) {
			t.Fatalf("%q: %v (%v), want %v", w, got, ok, v)
		}
	}
	for _, bad := range []string{
		``, `{"en":{"words":{}}}`, `{"en":{"words":{"a\"b":{"Count":[1,2],"Seen":3}}}}`,
		`{"en":{"words":{"a":{"Count":[1,2,3],"Seen":6}}}}`, `{"en":{"words":{"a":{"count":[1,2],"Seen":3}}}}`,
		`{"en":{"words":{"a":{"Count":[1234567890123456789,2],"Seen":3}}}}`, `{"en":{"words":{"a":{"Count":[1,2],"Seen":3}`,
		`{"fr":{"words":{"a":{"Count":[1,2],"Seen":3}}}}`, `{"en":{"words":{"a":{"Count":[,2],"Seen":3}}}}`,
	} {
		if _, ok := nbLogRatiosFast([]byte(bad), nil); ok {
			t.Errorf("nbLogRatiosFast(%q) read it", bad)
		}
	}
	if lr, ok := nbLogRatiosFast([]byte(`{"en":{"words":{"a":{"Count":[1,2],"Seen":3},"b":{"Count":[0,0],"Seen":0}},"count":[1]}}`), nil); !ok || len(lr) != 2 || lr["a"] != math.Log(3.0/2) {
		t.Errorf("nbLogRatiosFast of a two-word model = %v, %v", lr, ok)
	}
}

// TestLexiconFindsEveryWord checks the lexicon's table: every word of the
// cdipaolo model and of VADER's lexicon is found with its value, every word
// of the merged resources is found with exactly its entry, the table holds
// no other word and each entry once, and words of no resource are not found.
func TestLexiconFindsEveryWord(t *testing.T) {
	lx := theLexicon()
	for w, v := range mustNB() {
		inf := lx.find(w)
		if inf == nil || math.Float64bits(inf.nb) != math.Float64bits(v) {
			t.Fatalf("find(%q) = %+v, want nb %v", w, inf, v)
		}
	}
	for w, v := range theRules().lex {
		if inf := lx.find(w); inf == nil || inf.flags&inLex == 0 || inf.val != v {
			t.Fatalf("find(%q) = %+v, want VADER valence %v", w, inf, v)
		}
	}
	vec, err := loadVec()
	if err != nil {
		t.Fatal(err)
	}
	m := mergeEntries(theRules(), mustNB(), newsLex, targetLex, vec)
	for i, w := range m.words {
		if inf, want := lx.find(w), m.infos[i]; inf == nil || inf.bits() != want.bits() {
			t.Fatalf("find(%q) = %+v, want %+v", w, inf, want)
		}
	}
	n := 0
	for _, s := range lx.slots {
		if s.n > 0 {
			n++
			if w := s.word(); lx.find(w) != &lx.infos[s.entry()] {
				t.Fatalf("find(%q) is not its slot's entry", w)
			}
		}
	}
	nhot := 0
	for _, s := range lx.hot {
		if s.n > 0 {
			nhot++
			w := s.word()
			if lx.find(w) != &lx.infos[s.entry()] {
				t.Fatalf("find(%q) is not its frequent-word slot's entry", w)
			}
			if s.entry() >= int32(hotWords) {
				t.Errorf("frequent word %q has entry %d, not among the first", w, s.entry())
			}
		}
	}
	if nhot == 0 || nhot > hotWords {
		t.Errorf("%d frequent words in the small table, want 1 to %d", nhot, hotWords)
	}
	for _, w := range []string{"the", "and", "of", "good", "bad"} {
		if !slices.ContainsFunc(lx.hot, func(s lexSlot) bool { return s.word() == w }) {
			t.Errorf("%q is not among the frequent words", w)
		}
	}
	for w, i := range lx.long {
		n++
		if lx.find(w) != &lx.infos[i] {
			t.Fatalf("find(%q) is not its entry", w)
		}
	}
	if n != len(m.words) || len(m.index) != len(m.words) {
		t.Errorf("%d words in the table, %d merged (%d indexed)", n, len(m.words), len(m.index))
	}
	seen := map[infoBits]bool{}
	for i := range lx.infos {
		if b := lx.infos[i].bits(); seen[b] {
			t.Fatalf("entry %+v stored twice", lx.infos[i])
		} else {
			seen[b] = true
		}
	}
	for _, w := range []string{"", "qqqxqqq", "framescopeword", strings.Repeat("z", 25)} {
		if inf := lx.find(w); inf != nil {
			t.Errorf("find(%q) = %+v, want nil", w, inf)
		}
	}
}

// TestLookupAll checks the batched lookups against lookup, token by token,
// over runs shorter and longer than a batch: frequent and rare words, words
// longer than a slot, contractions nobody lists, unknown words and
// punctuation.
func TestLookupAll(t *testing.T) {
	lx := theLexicon()
	tests := []struct{ name, text string }{
		{"empty", ""},
		{"punctuation only", `"!?" -- ,`},
		{"one frequent word", "the"},
		{"mixed", "The ministers' counterterrorism cooperation wasn't qqqzzx; Iran's shouldn't-be ALLIES, internationalization!"},
		{"longer than a batch", strings.Repeat("Critics warned the deal could undermine sanctions, y'all'd say, and threaten stability. ", 5)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := token.All(tt.text)
			got := lookupAll(lx, toks, nil)
			if len(got) != len(toks) {
				t.Fatalf("%d entries for %d tokens", len(got), len(toks))
			}
			for i, tk := range toks {
				if tk.Kind != token.Word {
					if got[i] != nil {
						t.Errorf("%q: entry for a token that is not a word", tk.Norm)
					}
					continue
				}
				want := lx.lookup(tk.Norm)
				if got[i] == nil || got[i].bits() != want.bits() {
					t.Errorf("%q: lookupAll %+v, lookup %+v", tk.Norm, got[i], want)
				}
			}
		})
	}
}

// TestPackKey checks that a slot gives back the word it was packed from, for
// every length a slot holds, so that two words of one length never pack
// alike.
func TestPackKey(t *testing.T) {
	tests := []struct{ name, w string }{
		{"one byte", "a"},
		{"two bytes", "of"},
		{"three", "the"},
		{"four", "good"},
		{"seven", "attacks"},
		{"eight", "military"},
		{"twelve", "negotiations"},
		{"not ASCII", "año’s"},
	}
	r := rand.New(rand.NewPCG(3, 4))
	for n := 1; n <= maxKey; n++ {
		b := make([]byte, n)
		for k := range b {
			b[k] = byte(r.IntN(256))
		}
		tests = append(tests, struct{ name, w string }{fmt.Sprintf("random %d bytes", n), string(b)})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k0, k1 := packKey(tc.w)
			s := lexSlot{k0: k0, k1: k1, n: uint8(len(tc.w))}
			if got := s.word(); got != tc.w {
				t.Errorf("word() of packKey(%q) = %q", tc.w, got)
			}
		})
	}
}
