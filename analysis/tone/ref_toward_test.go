package tone

// Toward's features as computed before they were read from a sentence's
// words with a valence and the words near the mention, kept as the reference
// that TestTowardSameAsReference compares with.

import (
	"fmt"
	"math"
	"testing"

	"github.com/framescope/framescope/analysis/token"
)

// mentionWords returns the word indices [first, last] of the mention among
// the sentence's words; a mention between words gets last = first-1.
func refMentionWords(st []token.Token, start, end int) (first, last int) {
	first, last = -1, -1
	w := 0
	for k := range st {
		if st[k].Kind != token.Word {
			continue
		}
		if st[k].End > start && st[k].Start < end {
			if first < 0 {
				first = w
			}
			last = w
		}
		w++
	}
	if first >= 0 {
		return first, last
	}
	w = 0
	for k := range st {
		if st[k].Kind == token.Word {
			if st[k].Start >= end {
				break
			}
			w++
		}
	}
	return w, w - 1
}

// towardFromValences computes Toward's features into f (zeroed) from the
// sentence's tokens st and their rule valences r.
func refTowardFromValences(st []token.Token, sv sentenceValence, val []float64, infos []*wordInfo, start, end int, f *[nTFeat]float64) {
	mFirst, mLast := refMentionWords(st, start, end)
	// the mention's clause, in token indices [c0, c1)
	m0 := 0
	for m0 < len(st) && st[m0].End <= start {
		m0++
	}
	c0, c1 := m0, m0
	for c0 > 0 && !clauseBreak(st[c0-1]) {
		c0--
	}
	for c1 < len(st) && (st[c1].Start < end || !clauseBreak(st[c1])) {
		c1++
	}
	quotes := 0
	for k := 0; k < m0; k++ {
		if st[k].Kind == token.Punct && st[k].Norm == `"` {
			quotes++
		}
	}
	if quotes%2 == 1 {
		f[tQuoted] = 1
	}
	if mFirst == 0 {
		f[tFirst] = 1
	}
	var newsSum float64
	w := 0
	for k := range st {
		if k >= c0 && k < c1 && (st[k].End <= start || st[k].Start >= end) {
			f[tClause] += val[k]
		}
		if st[k].Kind != token.Word {
			continue
		}
		inf := infos[w]
		newsSum += inf.news
		if w < mFirst || w > mLast {
			d, side := mFirst-w, 0
			if w > mLast {
				d, side = w-mLast, 1
			}
			wt := 1 / (1 + float64(d)/towardDecay)
			f[tVal] += val[k] * wt
			if val[k] > 0 {
				f[tValPos] += val[k] * wt
			} else {
				f[tValNeg] += val[k] * wt
			}
			if d <= towardWindow {
				v := inf.target[side]
				f[tLeft+side] += v * wt
				if v > 0 {
					f[tLexPos] += v * wt
				} else {
					f[tLexNeg] += v * wt
				}
				if d <= 2 {
					f[tNearL+side] += v
				}
			}
		}
		w++
	}
	f[tComp] = compound(f[tVal])
	if sv.words > 0 {
		f[tNews] = newsSum / math.Sqrt(float64(sv.words))
	}
	f[tSent] = compound(sv.raw())
}

// refTowardFeatures is towardFeatures through the reference.
func refTowardFeatures(toks []token.Token, sentence token.Span, start, end int) ([nTFeat]float64, bool) {
	var f [nTFeat]float64
	i0, i1 := tokenRange(toks, sentence)
	if i0 >= i1 {
		return f, false
	}
	st := toks[i0:i1]
	val := make([]float64, len(st))
	sv, _, infos := valences(theLexicon(), st, val, nil, nil)
	refTowardFromValences(st, sv, val, infos, start, end, &f)
	return f, true
}

// towardSame reports the first difference between towardFeatures (and
// Para.Toward) and the reference for the mention [start, end) of sentence.
func towardSame(p *Para, text string, toks []token.Token, sentence token.Span, start, end int) string {
	want, wok := refTowardFeatures(toks, sentence, start, end)
	var got [nTFeat]float64
	gok := towardFeatures(theLexicon(), toks, sentence, start, end, &got)
	if gok != wok {
		return fmt.Sprintf("ok %v, want %v", gok, wok)
	}
	for i := range got {
		if !same(got[i], want[i]) {
			return fmt.Sprintf("feature %s = %v, want %v", towardFeatNames[i], got[i], want[i])
		}
	}
	score := 0.0
	if wok {
		score = towardCalib.apply(towardScore(&towardWeights, want[:]))
	}
	if x := p.Toward(sentence, start, end); !same(x, score) {
		return fmt.Sprintf("Para.Toward = %v, want %v", x, score)
	}
	return ""
}

// TestTowardSameAsReference compares Toward's features with the reference's,
// bit for bit, in the sentences of paraCases (the pipeline's and the tone
// scorers' sentences) for mentions of every token, of every two tokens, and
// empty ones before every token.
func TestTowardSameAsReference(t *testing.T) {
	var p Para
	n := 0
	for ci, c := range paraCases(t) {
		toks := token.Tokenize(c.text, c.span, nil)
		p.Reset(c.text, c.span, toks)
		for _, sent := range append(c.sents, Sentences(toks)...) {
			for k, tk := range toks {
				if tk.Start < sent.Start || tk.End > sent.End {
					continue
				}
				ms := [][2]int{{tk.Start, tk.End}, {tk.Start, tk.Start}}
				if k+1 < len(toks) && toks[k+1].End <= sent.End {
					ms = append(ms, [2]int{tk.Start, toks[k+1].End})
				}
				for _, m := range ms {
					n++
					if d := towardSame(&p, c.text, toks, sent, m[0], m[1]); d != "" {
						t.Fatalf("case %d, mention %q at %d in %q: %s", ci, c.text[m[0]:m[1]], m[0], c.text[sent.Start:sent.End], d)
					}
				}
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d mentions compared", n)
	}
}

func FuzzTowardSameAsReference(f *testing.F) {
	f.Add(`Critics attacked Smith's disastrous plan, while Jones won "wide praise" for her brilliant leadership.`, 16, 21)
	f.Add("no, not the United Nations: it was not good at all!", 11, 25)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		if start < 0 || end > len(text) || start > end {
			start, end = 0, len(text)/2
		}
		toks := token.All(text)
		var p Para
		span := token.Span{Start: 0, End: len(text)}
		p.Reset(text, span, toks)
		for _, sent := range append(Sentences(toks), span) {
			if d := towardSame(&p, text, toks, sent, start, end); d != "" {
				t.Fatalf("mention [%d, %d) in %q: %s", start, end, text[sent.Start:sent.End], d)
			}
		}
	})
}
