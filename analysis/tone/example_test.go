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
	// Output: [nb news news1 rules vader]
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
