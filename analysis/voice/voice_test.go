package voice

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/evaldata"
	"github.com/framescope/framescope/analysis/token"
	"github.com/framescope/framescope/pipeline/segment"
)

func sentencesOf(text string) []token.Span {
	return segment.Sentences(text, token.Span{Start: 0, End: len(text)})
}

func TestAttribute(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		want    []Voice
		speaker string // speaker of the first sentence
		cue     string // cue of the first sentence
	}{
		{"said with subject", "Iran’s defense chief also said a plot is underway.", []Voice{Quote}, "Iran’s defense chief", "said"},
		{"tail attribution", "Iran uses all its capabilities to help, he added.", []Voice{Quote}, "he", "added"},
		{"speaker before a prepositional phrase", "Meanwhile, President Rouhani in his meeting with the Pakistani official said that Tehran welcomes it.", []Voice{Quote}, "President Rouhani", "said"},
		{"inverted speaker", "The talks were useful, said the minister.", []Voice{Quote}, "the minister", "said"},
		{"according to", "According to the Iranian general, the two sides are expected to draw up plans.", []Voice{Quote}, "the Iranian general", "according to"},
		{"according to plan is no source", "The work went according to plan.", []Voice{Outlet}, "", ""},
		{"quoted as saying", "The two countries must act, Hatami was quoted as saying.", []Voice{Quote}, "Hatami", "quoted"},
		{"direct quote", "“We will establish sustainable security at the border,” Salami stated.", []Voice{Quote}, "Salami", "stated"},
		{"quote over sentences", "“We consider it our own. We will act. We will win,” Salami said.",
			[]Voice{Quote, Quote, Quote}, "Salami", "quote"},
		{"participial opening", "Stressing the need for a joint strategy, the Iranian commander said the IRGC is ready.", []Voice{Quote}, "the Iranian commander", "stressing"},
		{"called for", "The two sides also called for development of defense cooperation.", []Voice{Quote}, "The two sides", "called for"},
		{"headline present tense", "Top General Calls for Diversifying Military Cooperation", []Voice{Quote}, "Top General", "calls for"},
		{"hailed", "Zaheer Ahmad hailed Iran’s advances in the aviation industry.", []Voice{Quote}, "Zaheer Ahmad", "hailed"},
		{"described as with scare quotes", "Hatami described the U.S. and Israel as the “most dangerous” supporters of terrorism.", []Voice{Quote}, "Hatami", "described"},
		{"scare quotes alone are narration", "The “important and effective” role of both countries is growing.", []Voice{Outlet}, "", ""},
		{"narration", "On Monday, Bajwa held separate talks with President Hassan Rouhani.", []Voice{Outlet}, "", ""},
		{"discussed is narration", "Pakistan’s Army chief discussed plans for military cooperation.", []Voice{Outlet}, "", ""},
		{"relative clause", "Trump posted a series of tweets in recent days, in which he voiced support for the riots.", []Voice{Outlet}, "", ""},
		{"adjectival participle", "The proposed pipeline would carry gas across the border.", []Voice{Outlet}, "", ""},
		{"that said", "That said, the road is open.", []Voice{Outlet}, "", ""},
		{"added as a verb of adding", "The army added 3,000 troops to the border force.", []Voice{Outlet}, "", ""},
		{"reported", "The ministers held talks, Press TV reported on Friday.", []Voice{Quote}, "Press TV", "reported"},
		{"mixed paragraph", "The visit was the first in years. The president said it was historic.", []Voice{Outlet, Quote}, "", ""},
		{"single curly quotes", "He said people respect Iran and ‘we are determined to broaden all-out relations’ with it.", []Voice{Quote}, "He", "said"},
		{"straight quotes", `"We are ready to help our brothers in need," the envoy said.`, []Voice{Quote}, "the envoy", "said"},
		{"unpaired straight quote is ignored", `The 21" screens were sold out. Prices rose again in May. Stocks fell.`, []Voice{Outlet, Outlet, Outlet}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Attribute(tt.text, sentencesOf(tt.text))
			if len(got) != len(tt.want) {
				t.Fatalf("got %d attributions %+v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if got[i].Voice != tt.want[i] {
					t.Errorf("sentence %d: voice %q (%+v), want %q", i, got[i].Voice, got[i], tt.want[i])
				}
			}
			if got[0].Speaker != tt.speaker {
				t.Errorf("speaker = %q, want %q", got[0].Speaker, tt.speaker)
			}
			if got[0].Cue != tt.cue {
				t.Errorf("cue = %q, want %q", got[0].Cue, tt.cue)
			}
		})
	}
}

func TestQuoteRunSharesSpeaker(t *testing.T) {
	text := "“We consider it our own. We will act,” Salami said."
	got := Attribute(text, sentencesOf(text))
	for i, a := range got {
		if a.Speaker != "Salami" {
			t.Errorf("sentence %d: speaker %q, want Salami", i, a.Speaker)
		}
	}
}

func TestOf(t *testing.T) {
	q, o := Attribution{Voice: Quote}, Attribution{Voice: Outlet}
	tests := []struct {
		name  string
		attrs []Attribution
		want  Voice
	}{
		{"none", nil, ""},
		{"all quote", []Attribution{q, q}, Quote},
		{"all outlet", []Attribution{o}, Outlet},
		{"mixed", []Attribution{o, q}, Mixed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Of(tt.attrs); got != tt.want {
				t.Errorf("Of = %q, want %q", got, tt.want)
			}
		})
	}
}

// devParagraph is a paragraph of the dev set with the coded voice of each sentence.
type devParagraph struct {
	text  string
	spans []token.Span
	want  []Voice
}

func readDev(t *testing.T, path string) []devParagraph {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []devParagraph
	var cur devParagraph
	flush := func() {
		if len(cur.want) > 0 {
			out = append(out, cur)
		}
		cur = devParagraph{}
	}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "#"):
		case strings.TrimSpace(l) == "":
			flush()
		case strings.HasPrefix(l, "q|") || strings.HasPrefix(l, "o|"):
			if cur.text != "" {
				cur.text += " "
			}
			start := len(cur.text)
			cur.text += l[2:]
			cur.spans = append(cur.spans, token.Span{Start: start, End: len(cur.text)})
			v := Outlet
			if l[0] == 'q' {
				v = Quote
			}
			cur.want = append(cur.want, v)
		default:
			t.Fatalf("%s:%d: a line must start with q| or o|", path, line)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDevAccuracy measures voice accuracy on sentences written for this
// package, coded with the gold sets' definition: testdata/dev.txt (written
// with the rules) and testdata/heldout.txt (written after them).
func TestDevAccuracy(t *testing.T) {
	for _, set := range []string{"dev.txt", "heldout.txt", "heldout2.txt", "heldout3.txt"} {
		t.Run(set, func(t *testing.T) { devAccuracy(t, set) })
	}
}

func devAccuracy(t *testing.T, set string) {
	paras := readDev(t, filepath.Join("testdata", set))
	n, ok := 0, 0
	for _, p := range paras {
		got := Attribute(p.text, p.spans)
		for i := range got {
			n++
			if got[i].Voice == p.want[i] {
				ok++
			} else {
				t.Logf("miss: got %s, want %s: %q", got[i].Voice, p.want[i], p.text[p.spans[i].Start:p.spans[i].End])
			}
		}
	}
	acc := float64(ok) / float64(n)
	t.Logf("voice accuracy on testdata/%s: %d/%d = %.3f", set, ok, n, acc)
	// The sets are tuned data now (see their headers): the bar guards against
	// regressions.
	if acc < 0.97 {
		t.Errorf("voice accuracy on testdata/%s %.3f < 0.97", set, acc)
	}
}

// TestSeedGoldAccuracy measures voice per gold unit of the seeds: each gold
// unit takes the voice of the sentence (of its paragraph, as segment cuts it)
// that overlaps it most.
func TestSeedGoldAccuracy(t *testing.T) {
	col, recs := evaldata.ReadCSV(t, "eval/frames-seeds-gold.csv")
	type sent struct {
		span token.Span
		v    Voice
	}
	docs := map[string][]sent{}
	texts := map[string]string{}
	n, ok, nBody, okBody := 0, 0, 0, 0
	for _, r := range recs {
		file := r[col["file"]]
		if _, seen := docs[file]; !seen {
			b, err := os.ReadFile(filepath.Join("..", "..", "seeds", file))
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			texts[file] = text
			var ss []sent
			for _, p := range segment.Paragraphs(text) {
				spans := segment.Sentences(text, p)
				for i, a := range Attribute(text, spans) {
					ss = append(ss, sent{spans[i], a.Voice})
				}
			}
			docs[file] = ss
		}
		s, _ := strconv.Atoi(r[col["start"]])
		e, _ := strconv.Atoi(r[col["end"]])
		best, bo := Voice(""), 0
		for _, x := range docs[file] {
			if o := min(e, x.span.End) - max(s, x.span.Start); o > bo {
				best, bo = x.v, o
			}
		}
		want := Voice(r[col["voice"]])
		n++
		hit := best == want
		if hit {
			ok++
		}
		if r[col["role"]] == "body" {
			nBody++
			if hit {
				okBody++
			}
		}
		if !hit {
			t.Logf("miss %s: got %s, want %s: %.90q", r[col["unit"]], best, want, texts[file][s:e])
		}
	}
	t.Logf("voice accuracy on the seeds' gold: all units %d/%d = %.3f; body units %d/%d = %.3f",
		ok, n, float64(ok)/float64(n), okBody, nBody, float64(okBody)/float64(nBody))
	if float64(ok)/float64(n) < 0.95 {
		t.Errorf("voice accuracy %.3f < 0.95", float64(ok)/float64(n))
	}
}

func FuzzAttribute(f *testing.F) {
	for _, s := range []string{
		"“We consider it our own. We will act,” Salami said.",
		"According to", "said", "“", "‘’", `"a" "b`, "Stressing, ", "x, which said",
		"The proposed, said.", "\xff“\xe2\x80", "called for", "according to ,",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := sentencesOf(text)
		got := Attribute(text, spans)
		if len(got) != len(spans) {
			t.Fatalf("%d attributions for %d sentences", len(got), len(spans))
		}
		for _, a := range got {
			if a.Voice != Quote && a.Voice != Outlet {
				t.Fatalf("voice %q", a.Voice)
			}
			if a.Voice == Outlet && (a.Speaker != "" || a.Cue != "") {
				t.Fatalf("outlet with speaker or cue: %+v", a)
			}
		}
		if v := Of(got); len(got) > 0 && v == "" {
			t.Fatal("Of gave no voice")
		}
	})
}

func BenchmarkAttribute(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "..", "seeds", "002_f3ce2b8d52957ba6.txt"))
	if err != nil {
		b.Fatal(err)
	}
	s := string(text)
	var paras [][]token.Span
	for _, p := range segment.Paragraphs(s) {
		paras = append(paras, segment.Sentences(s, p))
	}
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			Attribute(s, p)
		}
	}
}

func ExampleAttribute() {
	text := "The two leaders met on Monday. “We will act together,” Hatami said. According to the ministry, talks will resume."
	spans := segment.Sentences(text, token.Span{Start: 0, End: len(text)})
	attrs := Attribute(text, spans)
	for _, a := range attrs {
		fmt.Printf("%s %q %q\n", a.Voice, a.Speaker, a.Cue)
	}
	fmt.Println(Of(attrs))
	// Output:
	// outlet "" ""
	// quote "Hatami" "said"
	// quote "the ministry" "according to"
	// mixed
}

func ExampleOf() {
	fmt.Println(Of([]Attribution{{Voice: Quote}, {Voice: Quote}}))
	fmt.Println(Of([]Attribution{{Voice: Quote}, {Voice: Outlet}}))
	fmt.Printf("%q\n", Of(nil))
	// Output:
	// quote
	// mixed
	// ""
}

func TestParseCues(t *testing.T) {
	full := "[speech]\nsaid\n[plain]\n[needs-that]\n[participles]\n[not-sources]\n[determiners]\n[skip]\n"
	tests := []struct {
		name, in, err string
	}{
		{"valid", full, ""},
		{"comment and blank lines", "# top\n\n" + full + "# end\n", ""},
		{"unknown list", full + "[other]\n", "cues.txt:9: unknown list [other]"},
		{"twice", full + "[skip]\n", "cues.txt:9: list [skip] given twice"},
		{"words first", "said\n" + full, "cues.txt:1: words before any [list]"},
		{"upper case", "[speech]\nSaid\n", `cues.txt:2: "Said" is not lower case`},
		{"unclosed", "[speech\n", `cues.txt:1: unclosed list name "[speech"`},
		{"missing", "[speech]\n", "cues.txt: missing [determiners], [needs-that], [not-sources], [participles], [plain], [skip]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lists, err := parseCues(strings.NewReader(tt.in), "cues.txt")
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tt.err != "" && (err == nil || err.Error() != tt.err):
				t.Fatalf("error %v, want %q", err, tt.err)
			case tt.err == "" && !lists["speech"]["said"]:
				t.Fatalf("lists %v lack [speech] said", lists)
			}
		})
	}
}
