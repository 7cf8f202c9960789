package tone

import (
	"bytes"
	"compress/gzip"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/token"
)

// tinySentVecs is a two-dimensional table for the tests.
func tinySentVecs() (*sentVecs, []string) {
	words := []string{"good", "bad", "plan", "iran"}
	v := &sentVecs{dim: 2, scale: []float64{0.01, 0.02}, row: map[string]int32{}, q: []int8{
		100, 50, // good
		-100, -50, // bad
		0, 10, // plan
		-3, 127, // iran
	}}
	for i, w := range words {
		v.row[w] = int32(i)
	}
	return v, words
}

func gz(t testing.TB, s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSentVecsRoundTrip(t *testing.T) {
	v, words := tinySentVecs()
	var b bytes.Buffer
	if err := writeSentVecs(&b, v, words); err != nil {
		t.Fatal(err)
	}
	got, err := parseSentVecs(b.Bytes(), "x.gz")
	if err != nil {
		t.Fatal(err)
	}
	if got.dim != v.dim || !equalF(got.scale, v.scale) || !bytes.Equal(int8Bytes(got.q), int8Bytes(v.q)) || len(got.row) != len(v.row) {
		t.Fatalf("read back %+v, want %+v", got, v)
	}
	for w, r := range v.row {
		if got.row[w] != r {
			t.Errorf("row of %q = %d, want %d", w, got.row[w], r)
		}
	}
	if r, ok := got.lookup("iran's"); !ok || r != 3 {
		t.Errorf("lookup(iran's) = %d, %v: want iran's row 3", r, ok)
	}
}

func TestParseSentVecsErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data, want string
	}{
		{"bad header", "vectors 1 2\n1 1\na\n\x01\x02", "x.gz:1:"},
		{"too many dimensions", "sentvec 1 65\n", "x.gz:1:"},
		{"scales missing", "sentvec 1 2\n1\na\n\x01\x02", "x.gz:2: want 2 scales"},
		{"bad scale", "sentvec 1 2\n1 x\na\n\x01\x02", "x.gz:2:"},
		{"empty word", "sentvec 1 2\n1 1\n\n\x01\x02", "x.gz:3: empty word"},
		{"word twice", "sentvec 2 2\n1 1\na\na\n\x01\x02\x03\x04", "x.gz:4: word \"a\" twice"},
		{"vectors cut short", "sentvec 1 2\n1 1\na\n\x01", "x.gz: vectors:"},
		{"data after", "sentvec 1 2\n1 1\na\n\x01\x02\x03", "x.gz: data after the vectors"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseSentVecs(gz(t, tc.data), "x.gz")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
	if _, err := parseSentVecs([]byte("not gzip"), "x.gz"); err == nil {
		t.Error("not gzip: no error")
	}
}

func FuzzParseSentVecs(f *testing.F) {
	v, words := tinySentVecs()
	var b bytes.Buffer
	if err := writeSentVecs(&b, v, words); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add(gz(f, "sentvec 1 2\n1 1\na\n\x01\x02"))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := parseSentVecs(data, "f.gz")
		if err != nil {
			return
		}
		words := make([]string, len(v.row))
		for w, r := range v.row {
			words[r] = w
		}
		var out bytes.Buffer
		if err := writeSentVecs(&out, v, words); err != nil {
			t.Fatal(err)
		}
		again, err := parseSentVecs(out.Bytes(), "again.gz")
		if err != nil {
			t.Fatalf("written file does not read back: %v", err)
		}
		if !bytes.Equal(int8Bytes(again.q), int8Bytes(v.q)) || again.dim != v.dim {
			t.Fatal("written file reads back different")
		}
	})
}

func TestLexPool(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		check func(f []float64) bool
		want  string
	}{
		{"nothing", "The ministers met on Tuesday.", func(f []float64) bool {
			return f[lMax] == 0 && f[lMin] == 0 && f[lTurned] == 0 && f[lMinPos] == 0
		}, "all zero"},
		{"negation turns a word", "The talks were not a success.", func(f []float64) bool {
			return f[lTurned] > 0 && f[lMin] < 0 && f[lMaxLex] > 0
		}, "a turned word, negative after the rules, positive in the lexicon"},
		{"contrast", "The plan was good, but the results were terrible.", func(f []float64) bool {
			return f[lAfter] < 0 && f[lBefore] > 0
		}, "negative after 'but', positive before"},
		{"no contrast: all after", "The results were terrible.", func(f []float64) bool {
			return f[lAfter] < 0 && f[lBefore] == 0
		}, "the whole sentence in lafter"},
		{"positions", "Terrible results, great hopes.", func(f []float64) bool {
			return f[lMinPos] == 0 && f[lMaxPos] == 2.0/3
		}, "most negative first (0), most positive third of four (2/3)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := make([]float64, sentWidth(nil))
			sentFeatures(theLexicon(), nil, token.All(tc.text), x)
			if f := x[nFeat:]; !tc.check(f) {
				t.Errorf("%q: lexicon pooling %v, want %s", tc.text, f, tc.want)
			}
		})
	}
}

// TestSentFeatures checks that sentFeatures' news features are features's,
// and the pooled vectors of a two-sentence text.
func TestSentFeatures(t *testing.T) {
	v, _ := tinySentVecs()
	lx := theLexicon()
	for _, text := range []string{"", "The talks were a success.", "Iran's good plan. It was bad!", "Not a good plan, but no disaster either?"} {
		toks := token.All(text)
		var f [nFeat]float64
		features(lx, toks, &f)
		x := make([]float64, sentWidth(v))
		sentFeatures(lx, v, toks, x)
		if !equalF(x[:nFeat], f[:]) {
			t.Errorf("%q: news features %v, features gives %v", text, x[:nFeat], f)
		}
	}
	// "good plan." then "bad iran.": per sentence mean, max, min; /√2
	x := make([]float64, sentWidth(v))
	sentFeatures(lx, v, token.All("Good plan. Bad Iran."), x)
	vec := x[nFeat+nLexPool:]
	r2 := math.Sqrt(2)
	want := []float64{
		((1.0+0)/2 + (-1-0.03)/2) / r2, ((1.0+0.2)/2 + (-1.0+2.54)/2) / r2,
		(1 + -0.03) / r2, (1.0 + 2.54) / r2,
		(0 + -1) / r2, (0.2 + -1.0) / r2,
	}
	for i := range want {
		if math.Abs(vec[i]-want[i]) > 1e-12 {
			t.Errorf("pooled vectors %v, want %v", vec, want)
			break
		}
	}
}

func TestPoolNetApply(t *testing.T) {
	v, _ := tinySentVecs()
	lx := theLexicon()
	// one channel reading dimension 0, q picks its max and min; no head
	n := &poolNet{
		head: mlp{cols: []int{fComp}, mean: []float64{0}, sd: []float64{1}, u: []float64{0}},
		a:    [][]float64{{1, 0}}, bias: []float64{0}, neg: []float64{-0.5},
		q: []float64{0, 1, 1},
	}
	for _, tc := range []struct {
		name, text string
		want       float64
	}{
		{"good", "A good plan.", math.Tanh(1 + 0)},
		{"negated", "Not a good plan.", math.Tanh(0 + -0.5)},
		{"two sentences", "Good. Bad.", math.Tanh((1 + 1 + -1 + -1) / math.Sqrt(2))},
		{"no vectors", "Zzz qqq.", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			toks := token.All(tc.text)
			x := make([]float64, sentWidth(v))
			sentFeatures(lx, v, toks, x)
			got := n.apply(v, x, sentBags(lx, v, toks))
			if math.Abs(got-tc.want) > 1e-12 {
				t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

func TestMLPApply(t *testing.T) {
	m := &mlp{cols: []int{0, 1}, mean: []float64{1, 0}, sd: []float64{2, 0},
		w: [][]float64{{1, 5}}, c: []float64{0.5}, v: []float64{2}, u: []float64{0.3, 7}, b: -0.1}
	// the second input has sd 0: read as 0
	got := m.apply([]float64{3, 9})
	want := math.Tanh(-0.1 + 0.3*1 + 2*math.Tanh(0.5+1))
	if math.Abs(got-want) > 1e-15 {
		t.Errorf("apply = %v, want %v", got, want)
	}
}

func equalF(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func int8Bytes(q []int8) []byte {
	b := make([]byte, len(q))
	for i, x := range q {
		b[i] = byte(x)
	}
	return b
}

// TestTrainingDeterministic trains the experiments' networks twice on the
// package's own dev set (tiny vectors, a few epochs) and wants the same
// scores bit for bit, and scores that follow the labels on the rows they
// were trained on.
func TestTrainingDeterministic(t *testing.T) {
	sv, _ := tinySentVecs()
	bt := newBagTable(sv)
	rows := readDev(t, "devset-tone.tsv", 2)
	var X [][]float64
	var gold []float64
	var groups []string
	for i, r := range rows {
		X = append(X, bt.feat(token.All(r.text)))
		gold = append(gold, 0.3*float64(r.label))
		groups = append(groups, strconv.Itoa(i/3))
	}
	cols := newsvecFeatures
	pen := penalties(cols)
	for _, tc := range []struct {
		name string
		fit  fitFn
	}{
		{"mlp", fitMLP(cols, pen, mlpCfg{hidden: 4, l2: 1e-3, lr: 1e-2, batch: 8, epochs: 5, patience: 5, nets: 2, seed: 3}, nil)},
		{"pool", fitPoolNet(bt, cols, pen, poolCfg{channels: 2, l2: 1e-3, lr: 1e-2, batch: 8, epochs: 5, patience: 5, nets: 2, seed: 3}, nil)},
		{"ridge", ridgeFit(cols, pen)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			all := seq(len(X))
			a := tc.fit(X, gold, groups, all)
			b := tc.fit(X, gold, groups, all)
			sa := make([]float64, len(X))
			for i, x := range X {
				sa[i] = a(x)
				if sb := b(x); math.Float64bits(sa[i]) != math.Float64bits(sb) {
					t.Fatalf("row %d: %v then %v", i, sa[i], sb)
				}
			}
			if r := pearson(sa, gold); r < 0.5 {
				t.Errorf("r %.3f with the labels it was trained on, want ≥ 0.5", r)
			}
		})
	}
}
