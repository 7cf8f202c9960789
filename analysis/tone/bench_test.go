package tone

import (
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/token"
)

const benchParagraph = `Pakistan's army chief met Iran's defence minister in Tehran on Tuesday, and both sides ` +
	`praised what they called a strong and growing partnership. Critics in Washington warned that the ` +
	`deal could undermine sanctions and threaten regional stability, but officials insisted it was not ` +
	`aimed at any third country. "We will never accept attacks on our border," the minister said.`

func BenchmarkScore(b *testing.B) {
	toks := token.All(benchParagraph)
	for _, name := range Names() {
		s, err := New(name)
		if err != nil {
			b.Fatal(err)
		}
		s.Score(benchParagraph, toks) // load models outside the timing
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(benchParagraph)))
			b.ReportAllocs()
			for b.Loop() {
				s.Score(benchParagraph, toks)
			}
		})
	}
}

func BenchmarkToward(b *testing.B) {
	toks := token.All(benchParagraph)
	span := token.Span{Start: 0, End: len(benchParagraph)}
	i := strings.Index(benchParagraph, "Critics")
	Toward(benchParagraph, toks, span, i, i+7)
	b.SetBytes(int64(len(benchParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		Toward(benchParagraph, toks, span, i, i+7)
	}
}
