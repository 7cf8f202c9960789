package clean

import (
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"testing"

	"github.com/framescope/framescope/pipeline/segment"
)

// filtered is a regexp with its prefilter.
type filtered struct {
	re  *regexp.Regexp
	pre prefilter
}

// allFiltered lists every regexp that runs behind a prefilter, by name.
func allFiltered() map[string]filtered {
	m := map[string]filtered{}
	for _, rs := range [][]filteredRule{boilerplateRules, commentMetaRules} {
		for i, r := range rs {
			m[r.rule+"#"+string(rune('A'+i))] = filtered{re: r.re, pre: r.pre}
		}
	}
	for name, q := range map[string]*quickRe{"pronounStart": pronounStart, "postTimestamp": postTimestamp,
		"inlineLink": inlineLink, "gluedFurniture": gluedFurniture, "liveStamp": liveStamp, "listNumber": listNumber,
		"speakerTurn": speakerTurn} {
		m[name] = filtered{re: q.re, pre: q.pre}
	}
	return m
}

// prefilterCases are strings that test the folding: the Kelvin sign and the
// long s fold with k and s under (?i), invalid bytes read as U+FFFD.
var prefilterCases = []string{
	"", " ", "\xff", "Share:", "SHARE:", "ſhare:", "Ubſcribe", "Liked this? \u212aeep reading",
	"Read more: x", "READ MORE", "Sign up to our newsletter", "Follow @dawn_com", "Get the latest in your inbox",
	"Posted by x on Jan 5, 2018", "Jan 5, 2018 - 5:13PM", "5 hours ago", "Reader Comments (2)",
	"© 2018 Dawn", "(c) Dawn", "Copyright 2018", "All Content by X is licensed under a Creative Commons License.",
	"\u00a0Share", "Photo: AFP", "REUTERS/Caren Firouz", "Home | News | World", "TEHRAN -", "ISLAMABAD:",
	"1.", "12)", "ABC/DEF", "Tags: Iran", "By John Smith", "John Smith | Staff Reporter",
	"Quote:", "Re: Iran", "Originally Posted by x", "Falcon said:", "#12", "Posts: 1,234",
	"Elite Member", "Like", "Reply", "5 likes", "Advertisement", "Story continues below",
	"He said:", "10:42 GMT", "10.42am: x", "Also read: x", "(Read more", "Advertisement The minister", "2. Title",
	"\u212a", "ſ", "\xe2\x80", "Published: \xffJanuary 5, 2018",
}

// prefilterStrings gathers test strings: the cases above and every paragraph
// and line of the coded pages and the seeds.
func prefilterStrings(t *testing.T) []string {
	t.Helper()
	out := append([]string(nil), prefilterCases...)
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*.txt"))
	seeds, _ := filepath.Glob(filepath.Join(seedsDir(), "*.txt"))
	for _, p := range append(files, seeds...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, para := range segment.Paragraphs(text) {
			out = append(out, text[para.Start:para.End])
			if ls := segment.Lines(text, para); len(ls) > 1 {
				for _, l := range ls {
					out = append(out, text[l.Start:l.End])
				}
			}
		}
	}
	if len(out) < 500 {
		t.Fatalf("only %d test strings", len(out))
	}
	return out
}

// TestPrefilterSound checks that no prefilter ever rules out a string its
// regexp matches, and that the prefilters do rule out most strings.
func TestPrefilterSound(t *testing.T) {
	t.Parallel() // one of the package's two slowest tests (every test string through every pattern)
	strs := prefilterStrings(t)
	tried, skipped := 0, 0
	for name, f := range allFiltered() {
		for _, s := range strs {
			may := f.pre.may(fold(s))
			if f.re.MatchString(s) && !may {
				t.Errorf("%s: prefilter rules out %q, which the pattern matches", name, s)
			}
			if f.pre.mayString(s) != may {
				t.Errorf("%s: mayString(%q) = %v, may(fold(s)) = %v", name, s, !may, may)
			}
			tried++
			if !may {
				skipped++
			}
		}
	}
	if skipped*2 < tried {
		t.Errorf("prefilters rule out only %d of %d tries", skipped, tried)
	}
}

func FuzzPrefilter(f *testing.F) {
	for _, s := range prefilterCases {
		f.Add(s)
	}
	fs := allFiltered()
	f.Fuzz(func(t *testing.T, s string) {
		for name, p := range fs {
			may := p.pre.may(fold(s))
			if p.re.MatchString(s) && !may {
				t.Errorf("%s: prefilter rules out %q, which the pattern matches", name, s)
			}
			if p.pre.mayString(s) != may {
				t.Errorf("%s: mayString(%q) = %v, may(fold(s)) = %v", name, s, !may, may)
			}
		}
	})
}

// TestFoldRune checks that two runes fold alike exactly when (?i) matches one
// with the other.
func TestFoldRune(t *testing.T) {
	runes := []rune{'k', 'K', 'ſ', 's', 'S', '\u212a', '\u212b', 'å', 'Å', 'ß', 'ẞ', 'Σ', 'σ', 'ς', 'İ', 'ı', 'i', 'I', 'é', 'É', '©', '’', '\ufffd', '0', '_', '»'}
	for r := rune(0); r < 0x250; r++ {
		runes = append(runes, r)
	}
	for _, a := range runes {
		re := regexp.MustCompile(`(?i)^` + regexp.QuoteMeta(string(a)) + `$`)
		for _, b := range runes {
			if same := foldRune(a) == foldRune(b); same != re.MatchString(string(b)) {
				t.Fatalf("foldRune(%U)=%U, foldRune(%U)=%U, but (?i) match is %v", a, foldRune(a), b, foldRune(b), !same)
			}
		}
	}
	if got := fold("A\xffK\u212a"); got != "a\ufffdkk" {
		t.Errorf("fold = %q", got)
	}
}

// TestExprString checks that exprString prints a pattern that matches the
// same strings, and that smallPieces cuts it into pieces whose union does,
// for each kind of node.
func TestExprString(t *testing.T) {
	patterns := []string{
		`(?i)^(published|updated) on\s+.{0,20}(\d{4}|jan\w*|\bago\b)[^.!?]{0,5}\W*$`,
		`a+?b*?c??d{2,3}?e{2,}f{3}`, `(?s:a.b)`, `(?m)^x$`, `\Ax\z`, `\bx\B`, `[^\x00-\x{10FFFF}]`, `(?:)`,
		`(?i)[k-m]`, `(?i)ſ`, `[\p{Lu}][\p{L}.'’-]+`, `(ab|cd)(ef|gh)(?:xy|z+)`, `x(?:)y`, `(?U)a+`, `[\]\-^]+`,
	}
	strs := append(prefilterStrings(t), "published on 5 jan 2018", "PUBLISHED ON X 2018!", "abbcdde", "aabcdde", "a\nb",
		"x", "x\ny", "ſ", "S", "K", "\u212a", "abefxy", "cdghzz", "abghxy", "abef", "xy", "aaa", "]-^", "Ab-c", "ÉtÉ's")
	for _, p := range patterns {
		re := regexp.MustCompile(p)
		tree, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		printed, err := regexp.Compile(exprString(tree))
		if err != nil {
			t.Fatalf("%s: exprString gives %q, which does not compile: %v", p, exprString(tree), err)
		}
		var pieces []*regexp.Regexp
		for _, piece := range piecesUnder(tree, insts(stripCaptures(tree))-1) { // so that it must be cut
			pieces = append(pieces, regexp.MustCompile(exprString(piece)))
		}
		if (p == patterns[0] || p == `(ab|cd)(ef|gh)(?:xy|z+)`) && len(pieces) < 2 {
			t.Errorf("%s: not cut", p)
		}
		for _, s := range strs {
			want := re.MatchString(s)
			if got := printed.MatchString(s); got != want {
				t.Errorf("%s printed as %s: match(%q) = %v, want %v", p, printed, s, got, want)
			}
			got := false
			for _, piece := range pieces {
				got = got || piece.MatchString(s)
			}
			if got != want {
				t.Errorf("%s cut into %d pieces: match(%q) = %v, want %v", p, len(pieces), s, got, want)
			}
		}
	}
}
