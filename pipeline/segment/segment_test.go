package segment

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framescope/framescope/analysis/evaldata"
	"github.com/framescope/framescope/analysis/token"
)

func texts(text string, spans []token.Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "Iran and Pakistan met. They talked.", []string{"Iran and Pakistan met.", "They talked."}},
		{"titles", "Brig. Gen. Amir Hatami met Maj. Gen. Bajwa and Lt. Col. Khan. Talks went well.",
			[]string{"Brig. Gen. Amir Hatami met Maj. Gen. Bajwa and Lt. Col. Khan.", "Talks went well."}},
		{"honorifics", "Mr. Khan and Mrs. Ali met Dr. Rahimi on St. Mary Street.", []string{"Mr. Khan and Mrs. Ali met Dr. Rahimi on St. Mary Street."}},
		{"acronym inside", "Trapped in the U.S. and the U.N. plots, they act.", []string{"Trapped in the U.S. and the U.N. plots, they act."}},
		{"acronym at the end", "He blamed the U.S. The next day he left.", []string{"He blamed the U.S.", "The next day he left."}},
		{"acronym before a name", "The U.S. Congress voted.", []string{"The U.S. Congress voted."}},
		{"month before a day", "He arrived on Monday (Nov. 6) at noon. Talks began.", []string{"He arrived on Monday (Nov. 6) at noon.", "Talks began."}},
		{"number", "Resolution No. 2231 was cited. It matters.", []string{"Resolution No. 2231 was cited.", "It matters."}},
		{"times", "They met at 10 a.m. and left at 5 p.m. on Friday.", []string{"They met at 10 a.m. and left at 5 p.m. on Friday."}},
		{"initials", "The author, A. Ali, wrote it. J. R. Smith agreed.", []string{"The author, A. Ali, wrote it.", "J. R. Smith agreed."}},
		{"etc before a starter", "Oil, gas, etc. The list goes on.", []string{"Oil, gas, etc.", "The list goes on."}},
		{"etc inside", "Oil, gas, etc. were traded.", []string{"Oil, gas, etc. were traded."}},
		{"closing curly quote", "“We are ready.” He said it twice.", []string{"“We are ready.”", "He said it twice."}},
		{"closing straight quote", `"We are ready." He said it.`, []string{`"We are ready."`, "He said it."}},
		{"question in quotes then lower case", "“Why now?” he asked. Nobody knew.", []string{"“Why now?” he asked.", "Nobody knew."}},
		{"exclamation in quotes", "“Never!” She left.", []string{"“Never!”", "She left."}},
		{"bracket", "It was cited (see above.) Then it ended.", []string{"It was cited (see above.)", "Then it ended."}},
		{"single quote closes", "He said ‘we are determined.’ Then he left.", []string{"He said ‘we are determined.’", "Then he left."}},
		{"ellipsis then capital", "He paused… Then he spoke.", []string{"He paused…", "Then he spoke."}},
		{"three dots", "He paused... Then he spoke.", []string{"He paused...", "Then he spoke."}},
		{"ellipsis glued", "democracies…a proto EU type institution.", []string{"democracies…a proto EU type institution."}},
		{"glued word after stop", "But Iran of all nations?!Recommend", []string{"But Iran of all nations?!Recommend"}},
		{"domain", "Read tribune.com.pk today. Yes.", []string{"Read tribune.com.pk today.", "Yes."}},
		{"lost space after a stop", "He left the region.The minister stayed.", []string{"He left the region.", "The minister stayed."}},
		{"glued acronym is no boundary", "The U.S.Army and Dawn.Com left.", []string{"The U.S.Army and Dawn.Com left."}},
		{"decimal", "Growth was 3.5 percent. Fine.", []string{"Growth was 3.5 percent.", "Fine."}},
		{"no final stop", "The talks ended. Both sides agreed to meet", []string{"The talks ended.", "Both sides agreed to meet"}},
		{"lower case after stop is not a boundary", "See p. 5 of the report. ok. Done.", []string{"See p. 5 of the report. ok.", "Done."}},
		{"short lines are units", "• cuban\n    Jan 5, 2018 - 6:31PM\n\n    What now? Recommend",
			[]string{"• cuban", "Jan 5, 2018 - 6:31PM", "What now?", "Recommend"}},
		{"wrapped prose is not cut", "The ministers of the two countries held talks in the\ncapital on Friday. They agreed.",
			[]string{"The ministers of the two countries held talks in the\ncapital on Friday.", "They agreed."}},
		{"no break space trimmed", "\u00a0 In a meeting. Done.\u00a0", []string{"In a meeting.", "Done."}},
		{"empty", "", nil},
		{"only space", " \n\t ", nil},
		{"dash headline", "Iran ready to help, IRGC says", []string{"Iran ready to help, IRGC says"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.in, Sentences(tt.in, token.Span{Start: 0, End: len(tt.in)}))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentencesInSpan(t *testing.T) {
	text := "Head. One two. Three four. Tail."
	got := Sentences(text, token.Span{Start: 6, End: 26})
	want := []token.Span{{Start: 6, End: 14}, {Start: 15, End: 26}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestParagraphs(t *testing.T) {
	long := strings.Repeat("The ministers met in the capital and agreed on a plan for the border. ", 30)
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"blank lines", "One para.\n\nTwo para.", []string{"One para.", "Two para."}},
		{"crlf", "One para.\r\n\r\nTwo para.\r\n", []string{"One para.", "Two para."}},
		{"lone cr", "One para.\r\rTwo para.", []string{"One para.", "Two para."}},
		{"title line alone", "Site Name\nIRGC Ready to Work with Pakistan\n\nBody text here is a sentence.",
			[]string{"Site Name", "IRGC Ready to Work with Pakistan", "Body text here is a sentence."}},
		{"hard wrapped", "The ministers of the two countries held talks in the capital on\nFriday and agreed to expand cooperation on border security and\ntrade, officials said.\n\nNext paragraph.",
			[]string{"The ministers of the two countries held talks in the capital on\nFriday and agreed to expand cooperation on border security and\ntrade, officials said.", "Next paragraph."}},
		{"single newline paragraphs", "TEHRAN – The defence minister said on Tuesday that Iran considers the security of Pakistan as its own.\nThe two sides also discussed trade and energy, and agreed to meet again next year in Islamabad.",
			[]string{"TEHRAN – The defence minister said on Tuesday that Iran considers the security of Pakistan as its own.", "The two sides also discussed trade and energy, and agreed to meet again next year in Islamabad."}},
		{"bullets", "Key points of the deal between the two countries are these:\n• joint patrols\n• a hotline",
			[]string{"Key points of the deal between the two countries are these:", "• joint patrols", "• a hotline"}},
		{"comment header", "  • Raj\n    Jan 5, 2018 - 6:52PM\n\n    Quite natural.", []string{"• Raj", "Jan 5, 2018 - 6:52PM", "Quite natural."}},
		{"empty", "", nil},
		{"spaces", "   \n \r\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.in, Paragraphs(tt.in))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Paragraphs(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
	t.Run("long block cut into sentence runs", func(t *testing.T) {
		ps := Paragraphs(long)
		if len(ps) < 3 {
			t.Fatalf("got %d paragraphs from a %d-byte block", len(ps), len(long))
		}
		for i, p := range ps {
			s := long[p.Start:p.End]
			if !strings.HasSuffix(s, ".") || !strings.HasPrefix(s, "The") {
				t.Errorf("paragraph %d is not whole sentences: %q", i, s)
			}
			if i < len(ps)-1 && (p.Len() < MinRun || p.Len() > MaxRun) {
				t.Errorf("paragraph %d has %d bytes, want %d–%d", i, p.Len(), MinRun, MaxRun)
			}
		}
	})
}

// TestSeedParagraphs checks the seeds: the one-line article (000) is cut into
// sentence runs, the others keep their blank-line paragraphs.
func TestSeedParagraphs(t *testing.T) {
	tests := []struct {
		file      string
		wantParas int
	}{
		{"000_fbbd8ecf1807267f.txt", 6},
		{"001_c87feb8f27330214.txt", 15},
		{"002_f3ce2b8d52957ba6.txt", 19},
		{"003_e87d485de412f9c2.txt", 12},
		{"004_79891b97d5ba1d21.txt", 32},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("..", "..", "seeds", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			ps := Paragraphs(text)
			checkCover(t, text, token.Span{Start: 0, End: len(text)}, ps)
			if len(ps) != tt.wantParas {
				t.Errorf("%d paragraphs, want %d", len(ps), tt.wantParas)
			}
			for _, p := range ps {
				checkCover(t, text, p, Sentences(text, p))
			}
		})
	}
}

// checkCover fails unless units are trimmed, non-empty, in order, without
// overlap, inside s, and cover every non-space byte of s.
func checkCover(t *testing.T, text string, s token.Span, units []token.Span) {
	t.Helper()
	pos := s.Start
	for i, u := range units {
		if u.Len() <= 0 {
			t.Fatalf("unit %d is empty: %v", i, u)
		}
		if u.Start < pos || u.End > s.End {
			t.Fatalf("unit %d %v out of order or outside %v (previous end %d)", i, u, s, pos)
		}
		if Trim(text, u) != u {
			t.Fatalf("unit %d %v is not trimmed: %q", i, u, text[u.Start:u.End])
		}
		if gap := text[pos:u.Start]; !onlySpace(gap) {
			t.Fatalf("bytes lost before unit %d: %q", i, gap)
		}
		pos = u.End
	}
	if gap := text[pos:s.End]; !onlySpace(gap) {
		t.Fatalf("bytes lost at the end: %q", gap)
	}
}

func onlySpace(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if !isSpaceRune(r, n) {
			return false
		}
		s = s[n:]
	}
	return true
}

var fuzzSeeds = []string{
	"TEHRAN – Gen. Hatami said. “We are ready.” He left… Then? Yes!",
	"  • cuban\n    Jan 5, 2018 - 6:31PM\n\n    What? Recommend",
	"a\r\rb\r\n\r\nc", "...", "…", "“.”", ". . .", "\u00a0.\u00a0", "U.S. U.N. a.m. p.m. Nov. 6",
	"x.\xff Y", "\xe2\x80", "A. B. C. D.", "No. 5. St. Ali.", "Line one\nLine two\nLine three",
	strings.Repeat("Sentence number one is here. ", 60),
	strings.Repeat("word ", 400),
	"?!Recommend", "(a.) (B.) [c.]", "\u2028x\u2029y", "\ufeffHead\u200b",
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		if a < 0 || b > len(text) || a > b {
			a, b = 0, len(text)
		}
		s := token.Span{Start: a, End: b}
		checkCover(t, text, s, Sentences(text, s))
	})
}

func FuzzParagraphs(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ps := Paragraphs(text)
		checkCover(t, text, token.Span{Start: 0, End: len(text)}, ps)
	})
}

func seedText(b *testing.B, name string) string {
	data, err := os.ReadFile(filepath.Join("..", "..", "seeds", name))
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func BenchmarkParagraphs(b *testing.B) {
	text := seedText(b, "004_79891b97d5ba1d21.txt") + "\n\n" + seedText(b, "000_fbbd8ecf1807267f.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Paragraphs(text)
	}
}

func BenchmarkSentences(b *testing.B) {
	text := seedText(b, "000_fbbd8ecf1807267f.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(text, token.Span{Start: 0, End: len(text)})
	}
}

func ExampleSentences() {
	text := "Brig. Gen. Hatami met officials in the U.S. on Nov. 6. “We are ready.” Talks went on"
	for _, s := range Sentences(text, token.Span{Start: 0, End: len(text)}) {
		fmt.Printf("%q\n", text[s.Start:s.End])
	}
	// Output:
	// "Brig. Gen. Hatami met officials in the U.S. on Nov. 6."
	// "“We are ready.”"
	// "Talks went on"
}

func ExampleParagraphs() {
	text := "Site Name\nA Headline About Talks\n\nThe ministers of the two countries held talks in the capital on\nFriday, officials said.\n\nSign up for our newsletter"
	for _, p := range Paragraphs(text) {
		fmt.Printf("%q\n", text[p.Start:p.End])
	}
	// Output:
	// "Site Name"
	// "A Headline About Talks"
	// "The ministers of the two countries held talks in the capital on\nFriday, officials said."
	// "Sign up for our newsletter"
}

func TestLines(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"mixed line ends", "a\r\nb\rc\nd", []string{"a", "b", "c", "d"}},
		{"blank and indented", "  a  \n\n \t\n  b", []string{"a", "b"}},
		{"none", " \n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.in, Lines(tt.in, token.Span{Start: 0, End: len(tt.in)}))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Lines(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRuns(t *testing.T) {
	sp := func(s, e int) token.Span { return token.Span{Start: s, End: e} }
	tests := []struct {
		name  string
		sents []token.Span
		want  []token.Span
	}{
		{"none", nil, nil},
		{"one", []token.Span{sp(0, 50)}, []token.Span{sp(0, 50)}},
		{"closes past MaxRun once MinRun is held", []token.Span{sp(0, 350), sp(351, 650), sp(651, 900)},
			[]token.Span{sp(0, 650), sp(651, 900)}},
		{"a long sentence stays whole", []token.Span{sp(0, 100), sp(101, 1500)}, []token.Span{sp(0, 1500)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Runs(tt.sents); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Runs = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestEditorialSentenceBoundaries joins the sentences of each NYT editorial
// of ../shared/eval with one space and measures how many of the boundaries
// between them Sentences finds (recall) and how many it adds (precision).
// The sentences were split by the data set's makers, not for framescope.
func TestEditorialSentenceBoundaries(t *testing.T) {
	path := evaldata.Path(t, "eval/nyt-editorial-snippets-dev.tsv")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	type sent struct{ article, text string }
	var sents []sent
	for n, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		fields := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(fields) != 3 {
			t.Fatalf("%s:%d: want 3 tab-separated fields", path, n+1)
		}
		id, _, _ := strings.Cut(fields[0], "_")
		sents = append(sents, sent{id, strings.TrimSpace(fields[2])})
	}
	tp, fp, fn := 0, 0, 0
	for i := 0; i < len(sents); {
		j := i
		var b strings.Builder
		want := map[int]bool{}
		for ; j < len(sents) && sents[j].article == sents[i].article; j++ {
			if j > i {
				b.WriteByte(' ')
				want[b.Len()] = true
			}
			b.WriteString(sents[j].text)
		}
		text := b.String()
		got := map[int]bool{}
		for _, s := range Sentences(text, token.Span{Start: 0, End: len(text)})[1:] {
			got[s.Start] = true
		}
		for k := range want {
			if got[k] {
				tp++
			} else {
				fn++
				if fn <= 10 {
					t.Logf("missed boundary: %q", text[max(0, k-40):min(len(text), k+30)])
				}
			}
		}
		for k := range got {
			if !want[k] {
				fp++
				if fp <= 10 {
					t.Logf("added boundary: %q", text[max(0, k-40):min(len(text), k+30)])
				}
			}
		}
		i = j
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	t.Logf("sentence boundaries on NYT editorials: precision %d/%d = %.3f, recall %d/%d = %.3f", tp, tp+fp, p, tp, tp+fn, r)
	if p < 0.95 || r < 0.9 {
		t.Errorf("precision %.3f, recall %.3f; want at least 0.95 and 0.90", p, r)
	}
}

// wrap hard-wraps s at width columns, greedily, as a mail or text export does.
func wrap(s string, width int) string {
	var b strings.Builder
	line := 0
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if line+1+len(w) > width {
				b.WriteByte('\n')
				line = 0
			} else {
				b.WriteByte(' ')
				line++
			}
		}
		b.WriteString(w)
		line += len(w)
	}
	return b.String()
}

// TestWrappedEditorials hard-wraps the NYT editorials of ../shared/eval at 72
// columns, three sentences to a paragraph, paragraphs apart by blank lines or
// (as some exports do) by a single line break, and checks how many paragraphs
// Paragraphs gives back whole.
func TestWrappedEditorials(t *testing.T) {
	path := evaldata.Path(t, "eval/nyt-editorial-snippets-dev.tsv")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	byArticle := map[string][]string{}
	var order []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		fields := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(fields) != 3 {
			continue
		}
		id, _, _ := strings.Cut(fields[0], "_")
		if _, ok := byArticle[id]; !ok {
			order = append(order, id)
		}
		byArticle[id] = append(byArticle[id], strings.TrimSpace(fields[2]))
	}
	for _, sep := range []string{"\n\n", "\n"} {
		whole, total := 0, 0
		for _, id := range order {
			sents := byArticle[id]
			var paras []string
			for k := 0; k < len(sents); k += 3 {
				paras = append(paras, wrap(strings.Join(sents[k:min(k+3, len(sents))], " "), 72))
			}
			text := strings.Join(paras, sep)
			got := map[string]bool{}
			for _, p := range Paragraphs(text) {
				got[text[p.Start:p.End]] = true
			}
			for _, p := range paras {
				total++
				if got[p] {
					whole++
				}
			}
		}
		t.Logf("wrapped paragraphs given back whole, separated by %q: %d/%d = %.3f", sep, whole, total, float64(whole)/float64(total))
		if sep == "\n\n" && whole*100 < total*95 {
			t.Errorf("only %d/%d blank-line paragraphs given back whole", whole, total)
		}
	}
}
