package tone

import (
	"math"

	"github.com/framescope/framescope/analysis/token"
)

// Toward's parameters, tuned on NewsMTSC train.jsonl (see fit_test.go).
var towardParams = struct {
	decay float64 // a word d words away from the mention weighs 1/(1+d/decay)
	gain  float64 // scale before squashing
}{decay: 4, gain: 1}

// Toward scores the tone of what a sentence says about the mention at
// [start, end) (byte offsets into text, inside sentence): VADER's valences of
// the sentence's words, after its rules, each weighted by its distance in words
// from the mention, so that what is said next to the target counts more than
// what is said elsewhere in the sentence. toks are the tokens of text (any
// superset of the sentence's); the result is in [-1, 1].
func Toward(text string, toks []token.Token, sentence token.Span, start, end int) float64 {
	i0, i1 := tokenRange(toks, sentence)
	if i0 >= i1 {
		return 0
	}
	st := toks[i0:i1]
	var buf [256]float64
	var val []float64
	if len(st) > len(buf) {
		val = make([]float64, len(st))
	} else {
		val = buf[:len(st)]
	}
	theRules().valences(st, val)
	// word index of each token, and the mention's word range
	var sum float64
	mFirst, mLast := -1, -1
	w := 0
	for k := range st {
		if st[k].Kind != token.Word {
			continue
		}
		if st[k].End > start && st[k].Start < end {
			if mFirst < 0 {
				mFirst = w
			}
			mLast = w
		}
		w++
	}
	if mFirst < 0 { // mention between tokens: place it by offset
		w = 0
		for k := range st {
			if st[k].Kind == token.Word {
				if st[k].Start >= end {
					break
				}
				w++
			}
		}
		mFirst, mLast = w, w-1
	}
	w = 0
	for k := range st {
		if st[k].Kind != token.Word {
			continue
		}
		if w < mFirst || w > mLast {
			d := mFirst - w
			if w > mLast {
				d = w - mLast
			}
			sum += val[k] / (1 + float64(d)/towardParams.decay)
		}
		w++
	}
	return clamp1(compound(towardParams.gain * sum))
}

// tokenRange returns the indices [i, j) of the tokens inside span.
func tokenRange(toks []token.Token, span token.Span) (int, int) {
	i := 0
	for i < len(toks) && toks[i].Start < span.Start {
		i++
	}
	j := i
	for j < len(toks) && toks[j].End <= span.End {
		j++
	}
	return i, j
}

var _ = math.Abs
