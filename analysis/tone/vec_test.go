package tone

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/token"
)

// mustVec returns the map of data/vader-vec.tsv.gz (the lexicon does not
// keep it).
func mustVec() map[string]float32 {
	m, err := loadVec()
	if err != nil {
		panic(err)
	}
	return m
}

func TestVecLexicon(t *testing.T) {
	lx := theLexicon()
	vecLex := mustVec()
	for _, c := range []struct {
		name, word, from string // from: the vectors' word whose value it takes, "" for none
	}{
		{"listed word", "excellent", "excellent"},
		{"news word", "ceasefire", "ceasefire"},
		{"possessive", "iran's", "iran"},
		{"contraction", "shouldn't", "should"},
		{"not a word of the vectors", "qqzxvbb", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			inf := lx.lookup(c.word)
			want, ok := vecLex[c.from]
			if c.from == "" {
				if inf.flags&hasVec != 0 {
					t.Fatalf("%q has vector valence %v, want none", c.word, inf.vec)
				}
				return
			}
			if !ok {
				t.Fatalf("%q is not in data/vader-vec.tsv.gz", c.from)
			}
			if inf.flags&hasVec == 0 || inf.vec != want {
				t.Fatalf("%q: vector valence %v (flag %v), want %v", c.word, inf.vec, inf.flags&hasVec != 0, want)
			}
		})
	}
}

// TestVecFeatures: the vector features read through the lexicon are the
// mean, largest and smallest value of data/vader-vec.tsv.gz over each
// sentence's words, summed over the sentences and divided by √k.
func TestVecFeatures(t *testing.T) {
	lx := theLexicon()
	vecLex := mustVec()
	texts := []string{
		"",
		"Nothing here.",
		"The earthquake flattened villages. Rescuers praised the volunteers' courage!",
		"Iran's minister didn't say; Pakistan's army chief welcomed the deal.",
	}
	for _, r := range readDev(t, "devset-tone.tsv", 2) {
		texts = append(texts, r.text)
	}
	sw := make(map[string]float64, len(vecLex))
	for w, v := range vecLex {
		sw[w] = float64(v)
	}
	for _, text := range texts {
		toks := token.All(text)
		var f [nFeat]float64
		features(lx, toks, &f)
		want := scalarFeats(sw, toks)
		got := [3]float64{f[fVecMean], f[fVecMax], f[fVecMin]}
		for k := range got {
			if d := got[k] - want[k]; d > 1e-9 || d < -1e-9 {
				t.Errorf("%.40q: vector features %v, want %v", text, got, want)
				break
			}
		}
	}
}

func TestParseVec(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	for _, c := range []struct {
		name string
		data []byte
		want map[string]float32
		err  string // part of the error, "" for none
	}{
		{"words", gz("# comment\ngood\t0.25\nbad\t-0.5\n\n"), map[string]float32{"good": 0.25, "bad": -0.5}, ""},
		{"not gzip", []byte("good\t0.25\n"), nil, "v.gz: gzip"},
		{"no tab", gz("good 0.25\n"), nil, "v.gz:1: want word<TAB>value"},
		{"bad value", gz("# c\ngood\tx\n"), nil, "v.gz:2:"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := parseVec(c.data, "v.gz")
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one with %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(m) != len(c.want) {
				t.Fatalf("got %v, want %v", m, c.want)
			}
			for w, v := range c.want {
				if m[w] != v {
					t.Fatalf("got %v, want %v", m, c.want)
				}
			}
		})
	}
}
