package tone

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/token"
	"github.com/framescope/framescope/pipeline/segment"
)

// paraCase is one paragraph of a test text with its sentences (the pipeline's
// units: segment.Sentences).
type paraCase struct {
	text  string
	span  token.Span
	sents []token.Span
}

// paraCases returns the paragraphs of the seed articles and of some texts
// written for this test (headline case, quotations across sentences, no
// terminators, a sentence split inside a quotation).
func paraCases(t testing.TB) []paraCase {
	t.Helper()
	texts := []string{
		`Officials met on Tuesday. "It went well," one said. Critics disagreed! Was it a GOOD deal?`,
		`"We will never accept attacks on our border. They are a threat," the minister said, adding that talks would go on.`,
		"Iran Hails Pakistan Ties As Historic Breakthrough\n\nno terminator here but but but\n\nU.S. officials, who were not happy, said: \"it’s kind of bad.\" Others didn't.",
		`He said "it was not a success." And "it was the worst."`,
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	var out []paraCase
	for _, text := range texts {
		for _, p := range segment.Paragraphs(text) {
			out = append(out, paraCase{text, p, segment.Sentences(text, p)})
		}
	}
	return out
}

// same reports whether a and b are the same float64, bit for bit.
func same(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

// TestParaMatchesScore checks that Para gives exactly, bit for bit, what the
// scorers' Score and the package's Toward give on the same text and tokens:
// the whole paragraph, every subset of up to two sentences, the sentences at
// even and at odd positions, the first halves of the sentences (so that a
// sentence of the subset joins pieces that are apart in the paragraph), and
// Toward at every word of every sentence.
func TestParaMatchesScore(t *testing.T) {
	var scorers []Scorer
	for _, n := range Names() {
		s, err := New(n)
		if err != nil {
			t.Fatal(err)
		}
		scorers = append(scorers, s)
	}
	var p Para
	for ci, c := range paraCases(t) {
		toks := token.Tokenize(c.text, c.span, nil)
		p.Reset(c.text, c.span, toks)
		for _, s := range scorers {
			if got, want := p.Score(s), s.Score(c.text[c.span.Start:c.span.End], toks); !same(got, want) {
				t.Errorf("case %d, %s: Para.Score = %v, Score = %v", ci, s.Name(), got, want)
			}
			for _, sel := range append(subsets(c.sents), firstHalves(toks, c.sents)) {
				got := p.ScoreSentences(s, sel)
				text, stoks := joinSentences(c.text, toks, sel)
				if want := s.Score(text, stoks); !same(got, want) {
					t.Errorf("case %d, %s, sentences %v: ScoreSentences = %v, Score = %v", ci, s.Name(), sel, got, want)
				}
			}
		}
		for _, sent := range c.sents {
			for _, tk := range toks {
				if tk.Start < sent.Start || tk.End > sent.End || tk.Kind != token.Word {
					continue
				}
				got := p.Toward(sent, tk.Start, tk.End)
				if want := Toward(c.text, toks, sent, tk.Start, tk.End); !same(got, want) {
					t.Errorf("case %d, Toward %q in %q = %v, want %v", ci, c.text[tk.Start:tk.End], c.text[sent.Start:sent.End], got, want)
				}
			}
		}
	}
}

// subsets returns every set of one or two of sents, and the sentences at
// even and at odd positions.
func subsets(sents []token.Span) [][]token.Span {
	var out [][]token.Span
	var even, odd []token.Span
	for i := range sents {
		out = append(out, sents[i:i+1])
		for j := i + 1; j < len(sents); j++ {
			out = append(out, []token.Span{sents[i], sents[j]})
		}
		if i%2 == 0 {
			even = append(even, sents[i])
		} else {
			odd = append(odd, sents[i])
		}
	}
	if len(odd) > 0 {
		out = append(out, even, odd)
	}
	return out
}

// joinSentences is what ScoreSentences is documented to score: the sentences'
// text, each followed by a space, and the tokens that start inside them.
func joinSentences(text string, toks []token.Token, sents []token.Span) (string, []token.Token) {
	var b strings.Builder
	var out []token.Token
	for _, sp := range sents {
		b.WriteString(text[sp.Start:sp.End])
		b.WriteByte(' ')
		for _, tk := range toks {
			if tk.Start >= sp.Start && tk.Start < sp.End {
				out = append(out, tk)
			}
		}
	}
	return b.String(), out
}

// firstHalves returns the first half of the tokens of each sentence, as spans.
func firstHalves(toks []token.Token, sents []token.Span) []token.Span {
	var out []token.Span
	for _, sp := range sents {
		var in []token.Token
		for _, tk := range toks {
			if tk.Start >= sp.Start && tk.End <= sp.End {
				in = append(in, tk)
			}
		}
		if len(in) >= 2 {
			out = append(out, token.Span{Start: in[0].Start, End: in[len(in)/2-1].End})
		}
	}
	return out
}
