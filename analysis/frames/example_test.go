package frames_test

import (
	"fmt"

	"github.com/framescope/framescope/analysis/frames"
	"github.com/framescope/framescope/analysis/token"
)

func ExampleMatcher_Article() {
	text := "The US and the Zionist regime are plotting against the region. Iran and Pakistan agreed to boost border security."
	span := token.Span{Start: 0, End: len(text)}
	para := frames.Para{
		Span:      span,
		Sentences: []token.Span{{Start: 0, End: 62}, {Start: 63, End: len(text)}},
		Tokens:    token.Tokenize(text, span, nil),
		Decide:    true,
	}
	m := frames.NewMatcher(frames.Default())
	res := m.Article(text, []frames.Para{para})
	for i, d := range res[0].Frames {
		fmt.Println(frames.Default().Frames[i].ID, d.On)
		for _, h := range d.Hits {
			fmt.Printf("  %s: %s\n", h.Rule, frames.KWIC(text, h, 10))
		}
	}
	// Output:
	// us_israel_threat true
	//   actor_hostility: The [US and the Zionist regime are plotting] against …
	// muslim_unity false
	// border_security true
	//   border_term_unless_other: … to boost [border security].
	//   border_security: … to boost [border security].
}

func ExampleParse() {
	src := []byte(`
threat:
  - conspir*
  - great satan
`)
	cb, err := frames.Parse("mine.yml", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cb.Format, cb.FrameIDs())
	_, err = frames.Parse("bad.yml", []byte("threat:\n  - \"*x\"\n"))
	fmt.Println(err)
	// Output:
	// quanteda [threat]
	// bad.yml:2: category "threat": pattern "*x": * must end a word (as in destabili*)
}

func ExampleKWIC() {
	text := "Officials said the hegemonic system seeks to destabilize the region."
	h := frames.Hit{Start: 19, End: 35}
	fmt.Println(frames.KWIC(text, h, 20))
	// Output:
	// Officials said the [hegemonic system] seeks to …
}

func ExampleDefault() {
	cb := frames.Default()
	for _, f := range cb.Frames {
		fmt.Printf("%s: %s\n", f.ID, f.Label)
	}
	// Output:
	// us_israel_threat: US/Israel as threat
	// muslim_unity: Muslim unity
	// border_security: Border security
}

func ExampleLoad() {
	cb, err := frames.Load("testdata/example.dic")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cb.Format, cb.FrameIDs(), len(cb.Frames[0].Terms), "terms in", cb.Frames[0].ID)
	// Output:
	// liwc [threat unity] 2 terms in threat
}
