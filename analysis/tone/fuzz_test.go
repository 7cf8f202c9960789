package tone

import (
	"bytes"
	"math"
	"testing"

	"github.com/framescope/framescope/analysis/token"
)

// FuzzSentenceEnd: walking sentenceEnd covers every token exactly once, in
// order, with no empty sentence.
func FuzzSentenceEnd(f *testing.F) {
	for _, s := range []string{"", "One. Two!", "Why?! \"Yes.\" (No.) ...", "U.S. officials met. Then."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := token.All(s)
		n := 0
		for i := 0; i < len(toks); {
			j := sentenceEnd(toks, i)
			if j <= i || j > len(toks) {
				t.Fatalf("sentenceEnd(%d) = %d of %d tokens", i, j, len(toks))
			}
			n += j - i
			i = j
		}
		if n != len(toks) {
			t.Fatalf("sentences cover %d of %d tokens", n, len(toks))
		}
	})
}

// FuzzScore: every scorer and Toward return one value in [-1, 1] for any text
// and any mention.
func FuzzScore(f *testing.F) {
	f.Add("The talks were not a success, but hopes are HIGH!!!", 4, 9)
	f.Add("", 0, 0)
	f.Add("don't won't can't ’s “quoted” — no", 2, 40)
	scorers := allScorers(f)
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		toks := token.All(s)
		for _, sc := range scorers {
			x := sc.Score(s, toks)
			if math.IsNaN(x) || x < -1 || x > 1 || x != sc.Score(s, toks) {
				t.Fatalf("%s(%q) = %v", sc.Name(), s, x)
			}
		}
		x := Toward(s, toks, token.Span{Start: 0, End: len(s)}, start, end)
		if math.IsNaN(x) || x < -1 || x > 1 {
			t.Fatalf("Toward(%q, %d, %d) = %v", s, start, end, x)
		}
	})
}

// FuzzParseData: the data-file parsers return an error or a value, never panic.
func FuzzParseData(f *testing.F) {
	f.Add([]byte("negate not\nbooster very 0.293\nshift reduce\n"))
	f.Add([]byte("word\t0.5\n# comment\n"))
	f.Add([]byte("bias 0.1\ncomp 1\ncalib_tau 0.04\n"))
	f.Add([]byte("pos.bias 1\nneg.news 2\nword\t1\t2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		parseRules(data, "fuzz")
		parseLogRatios(data, "fuzz")
		parseWeights(data, "fuzz")
		parseTargetLex(data, "fuzz")
		parseTowardWeights(data, "fuzz")
		parseVec(data, "fuzz")
		parseVecLines(bytes.NewReader(data), "fuzz")
	})
}
