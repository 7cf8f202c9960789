package tone_test

import (
	"fmt"
	"strings"

	"github.com/framescope/framescope/analysis/token"
	"github.com/framescope/framescope/analysis/tone"
)

func Example() {
	s, err := tone.New("rules")
	if err != nil {
		panic(err)
	}
	for _, text := range []string{
		"The talks were a success.",
		"The talks were not a success.",
		"The ministers met on Tuesday.",
	} {
		fmt.Printf("%+.2f %s\n", s.Score(text, token.All(text)), text)
	}
	// Output:
	// +0.57 The talks were a success.
	// -0.46 The talks were not a success.
	// +0.00 The ministers met on Tuesday.
}

func ExampleNames() {
	fmt.Println(tone.Names())
	// Output: [nb news news1 newsvec rules vader]
}

func ExampleToward() {
	text := "Critics attacked Smith's disastrous plan, while Jones won wide praise for her brilliant leadership."
	toks := token.All(text)
	all := token.Span{Start: 0, End: len(text)}
	for _, name := range []string{"Critics", "Smith", "Jones"} {
		i := strings.Index(text, name)
		fmt.Printf("%s %+.2f\n", name, tone.Toward(text, toks, all, i, i+len(name)))
	}
	// Output:
	// Critics -0.71
	// Smith -0.83
	// Jones +0.46
}

func ExampleSentences() {
	text := `Officials met on Tuesday. "It went well," one said. Critics disagreed!`
	for _, s := range tone.Sentences(token.All(text)) {
		fmt.Printf("%q\n", text[s.Start:s.End])
	}
	// Output:
	// "Officials met on Tuesday."
	// "\"It went well,\" one said."
	// "Critics disagreed!"
}

func ExamplePara() {
	s, err := tone.New(tone.Default)
	if err != nil {
		panic(err)
	}
	text := `Critics called the deal a disaster. "It is a great success," the minister said.`
	span := token.Span{Start: 0, End: len(text)}
	toks := token.Tokenize(text, span, nil)
	sents := tone.Sentences(toks)
	var p tone.Para
	p.Reset(text, span, toks)
	fmt.Printf("paragraph %+.2f\n", p.Score(s))
	fmt.Printf("first sentence %+.2f, second %+.2f\n", p.ScoreSentences(s, sents[:1]), p.ScoreSentences(s, sents[1:]))
	i := strings.Index(text, "minister")
	fmt.Printf("toward the minister %+.2f\n", p.Toward(sents[1], i, i+len("minister")))
	// the same as scoring each on its own
	fmt.Println(p.Score(s) == s.Score(text, toks))
	// Output:
	// paragraph +0.05
	// first sentence -0.35, second +0.41
	// toward the minister +0.68
	// true
}
