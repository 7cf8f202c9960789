package frames

import (
	"os"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/token"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{"unknown key", "a.yaml", "frames:\n  - id: x\n    terms: [a]\n    colour: red\n", "a.yaml:4: unknown key \"colour\""},
		{"frame without id", "a.yaml", "frames:\n  - label: x\n    terms: [a]\n", "a.yaml:2: frame without an id"},
		{"duplicate frame", "a.yaml", "frames:\n  - id: x\n    terms: [a]\n  - id: x\n    terms: [b]\n", "a.yaml:4: duplicate frame id \"x\""},
		{"bad wildcard", "a.yaml", "frames:\n  - id: x\n    terms:\n      - ok\n      - de*stab\n", "a.yaml:5: term \"de*stab\": * must end a word"},
		{"lone star", "a.yaml", "frames:\n  - id: x\n    terms: [\"*\"]\n", "a.yaml:3: term \"*\": * must end a word"},
		{"empty pattern", "a.yaml", "frames:\n  - id: x\n    terms: [\"\"]\n", "a.yaml:3: term \"\": empty pattern"},
		{"empty alternative", "a.yaml", "frames:\n  - id: x\n    terms:\n      - us| soldiers\n", "a.yaml:4: term \"us| soldiers\": empty alternative in \"us|\""},
		{"bad alternative", "a.yaml", "frames:\n  - id: x\n    terms:\n      - us|a*b soldiers\n", "a.yaml:4: term \"us|a*b soldiers\": \"a*b soldiers\": * must end a word"},
		{"too many alternatives", "a.yaml", "frames:\n  - id: x\n    terms:\n      - " + strings.Repeat("a|b|c|d ", 6) + "\n", "alternatives make more than 1024 phrases"},
		{"bad weight", "a.yaml", "frames:\n  - id: x\n    terms:\n      - {pattern: a, weight: heavy}\n", "a.yaml:4: expected a number"},
		{"bad threshold", "a.yaml", "frames:\n  - id: x\n    threshold: 0\n    terms: [a]\n", "a.yaml:3: frame \"x\": threshold must be > 0"},
		{"unknown group", "a.yaml", "frames:\n  - id: x\n    groups:\n      - id: g\n        terms: [a]\n    rules:\n      - id: r\n        all: [g, h]\n", "a.yaml:7: rule \"r\": unknown group \"h\""},
		{"unknown actor", "a.yaml", "actors:\n  - id: us\n    terms: [us]\nframes:\n  - id: x\n    groups:\n      - id: g\n        actors: [uk]\n    rules:\n      - id: r\n        all: [g]\n", "a.yaml:8: group \"g\": unknown actor \"uk\""},
		{"bad context", "a.yaml", "frames:\n  - id: x\n    groups:\n      - id: g\n        terms: [a]\n    rules:\n      - id: r\n        all: [g]\n        context: nope\n", "a.yaml:7: rule \"r\": context \"nope\" is not a rule or group"},
		{"context chain", "a.yaml", "frames:\n  - id: x\n    groups:\n      - id: g\n        terms: [a]\n    rules:\n      - id: r\n        all: [g]\n        context: g\n      - id: s\n        all: [g]\n        context: r\n", "a.yaml:10: rule \"s\": context rule \"r\" has a context itself"},
		{"bad unless", "a.yaml", "frames:\n  - id: x\n    groups:\n      - id: g\n        terms: [a]\n    rules:\n      - id: r\n        all: [g]\n        unless: [g, nope]\n", "a.yaml:7: rule \"r\": unless \"nope\" is not a rule or group"},
		{"unless chain", "a.yaml", "frames:\n  - id: x\n    groups:\n      - id: g\n        terms: [a]\n    rules:\n      - id: r\n        all: [g]\n        unless: g\n      - id: s\n        all: [g]\n        unless: r\n", "a.yaml:10: rule \"s\": unless rule \"r\" has a context or an unless itself"},
		{"empty frame", "a.yaml", "frames:\n  - id: x\n    label: X\n", "a.yaml:2: frame \"x\" has no terms and no rules"},
		{"bad negation flag", "a.yaml", "frames:\n  - id: x\n    negation: maybe\n    terms: [a]\n", "a.yaml:3: negation: expected true or false"},
		{"yaml syntax", "a.yaml", "frames:\n  - id: [\n", "a.yaml:2: did not find expected node content"},
		{"not a mapping", "a.yaml", "- a\n- b\n", "a.yaml:1: a codebook is a mapping"},
		{"negative within", "a.yaml", "frames:\n  - id: x\n    groups:\n      - id: g\n        terms: [a]\n    rules:\n      - id: r\n        all: [g]\n        within: -2\n", "a.yaml:9: expected a whole number"},
		{"dic no header", "b.dic", "abandon\t1\n", "b.dic:1: a .dic file starts with a % line"},
		{"dic bad category", "b.dic", "%\nthreat\n%\n", "b.dic:2: a category line is a number and a name"},
		{"dic unknown category", "b.dic", "%\n1\tthreat\n%\nplot*\t1\nunity\t2\n", "b.dic:5: entry \"unity\": unknown category 2"},
		{"dic entry without category", "b.dic", "%\n1\tthreat\n%\nplot*\n", "b.dic:4: an entry is a word or phrase followed by category numbers"},
		{"dic unterminated header", "b.dic", "%\n1\tthreat\n", "b.dic:2: missing the % line"},
		{"dic bad pattern", "b.dic", "%\n1\tthreat\n%\npl*ot\t1\n", "b.dic:4: entry \"pl*ot\""},
		{"dic empty category", "b.dic", "%\n1\tthreat\n2\tunity\n%\nplot\t1\n", "b.dic:2: categories without entries: unity"},
		{"quanteda bad pattern", "q.yml", "threat:\n  - plot\n  - \"*x\"\n", "q.yml:3: category \"threat\": pattern \"*x\""},
		{"quanteda nested bad value", "q.yml", "a:\n  b:\n    - {x: 1}\n", "q.yml:3: category \"a.b\": a pattern must be a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.file, []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse succeeded, want error %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) && !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to start with %q", err, tt.want)
			}
		})
	}
}

func TestParseDic(t *testing.T) {
	src := "%\n1\tthreat\n2\tunity (Muslim unity)\n%\n// comment\nconspir*\t1\nmuslim world\t2\nummah\t2 1\n"
	cb, err := Parse("x.dic", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if cb.Format != "liwc" || strings.Join(cb.FrameIDs(), ",") != "threat,unity" || cb.Frames[1].Label != "unity (Muslim unity)" {
		t.Fatalf("got %+v", cb)
	}
	m := NewMatcher(cb)
	text, paras := oneArticle("A conspiracy.", "The Muslim world and its ummah.", "Nothing here.")
	res := m.Article(text, paras)
	got := ""
	for _, r := range res {
		for _, d := range r.Frames {
			got += map[bool]string{true: "1", false: "0"}[d.On]
		}
		got += " "
	}
	if got != "10 11 00 " {
		t.Errorf("decisions %q, want %q", got, "10 11 00 ")
	}
}

func TestParseQuanteda(t *testing.T) {
	src := "threat:\n  - conspir*\n  - great|grand satan\nsecurity:\n  border:\n    - border guard*\n  general: terror*\n"
	cb, err := Parse("q.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if cb.Format != "quanteda" || strings.Join(cb.FrameIDs(), ",") != "threat,security.border,security.general" {
		t.Fatalf("got %v", cb.FrameIDs())
	}
	m := NewMatcher(cb)
	text, paras := oneArticle("Border guards fought terrorists.")
	res := m.Article(text, paras)[0]
	if res.Frames[0].On || !res.Frames[1].On || !res.Frames[2].On {
		t.Errorf("decisions %+v", res.Frames)
	}
}

// Alternatives work in the other dictionary formats too.
func TestParseQuantedaAlternatives(t *testing.T) {
	cb, err := Parse("q.yml", []byte("threat:\n  - great|grand satan\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(cb)
	text, paras := oneArticle("The grand Satan.", "The great Satan.", "The great old Satan.")
	res := m.Article(text, paras)
	if !res[0].Frames[0].On || !res[1].Frames[0].On || res[2].Frames[0].On {
		t.Errorf("decisions %v %v %v", res[0].Frames[0].On, res[1].Frames[0].On, res[2].Frames[0].On)
	}
}

func FuzzParseYAML(f *testing.F) {
	f.Add([]byte(testCodebook))
	f.Add(DefaultSource())
	f.Add([]byte("threat:\n  - conspir*\n"))
	f.Add([]byte("frames: []\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cb, err := Parse("fuzz.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		fuzzMatch(t, cb)
	})
}

func FuzzParseDic(f *testing.F) {
	f.Add([]byte("%\n1\tthreat\n%\nplot*\t1\n"))
	f.Add([]byte("%\n1\ta\n2\tb\n%\nx y\t1 2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cb, err := Parse("fuzz.dic", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.dic:") {
				t.Fatalf("error does not name the file and line: %v", err)
			}
			return
		}
		fuzzMatch(t, cb)
	})
}

func FuzzParseQuanteda(f *testing.F) {
	f.Add([]byte("threat:\n  - conspir*\n  - great satan\nsecurity:\n  border:\n    - border guard*\n"))
	f.Add([]byte("a: b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if strings.Contains(string(data), "frames") {
			return // the native format, covered by FuzzParseYAML
		}
		cb, err := Parse("fuzz.yml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		fuzzMatch(t, cb)
	})
}

// fuzzMatch runs a parsed codebook over a small article: it must not panic,
// and every hit must lie in its sentence.
func fuzzMatch(t *testing.T, cb *Codebook) {
	if len(cb.Frames) == 0 {
		t.Fatal("parsed codebook without frames")
	}
	m := NewMatcher(cb)
	text, paras := oneArticle("The US plots a conspiracy at the border.", "H:Great Satan", "Muslim unity, not a threat.")
	res := m.Article(text, paras)
	if len(res) != len(paras) {
		t.Fatalf("%d results for %d paragraphs", len(res), len(paras))
	}
	for _, r := range res {
		if len(r.Frames) != len(cb.Frames) {
			t.Fatalf("%d decisions for %d frames", len(r.Frames), len(cb.Frames))
		}
		for _, d := range r.Frames {
			for _, h := range d.Hits {
				if h.Start < h.Sentence.Start || h.End > h.Sentence.End || h.Start >= h.End {
					t.Fatalf("hit %+v outside its sentence", h)
				}
			}
		}
	}
}

// FuzzArticle runs the default codebook over arbitrary text: no panic, every
// hit and mention inside its sentence and paragraph, hits sorted.
func FuzzArticle(f *testing.F) {
	f.Add("The US and the Zionist regime plot.\nBorder guards - not a threat - patrol Sistan-Baluchestan.")
	f.Add("U.S.\n\n\u2019s -- * n't no no no enemies")
	f.Add("Islamic Republic Muslim unity ummah; cross-border attack.")
	m := NewMatcher(Default())
	f.Fuzz(func(t *testing.T, text string) {
		paras := splitSimple(text)
		res := m.Article(text, paras)
		if len(res) != len(paras) {
			t.Fatalf("%d results for %d paragraphs", len(res), len(paras))
		}
		for i, r := range res {
			for _, d := range r.Frames {
				for j, h := range d.Hits {
					if !h.Sentence.Contains(token.Span{Start: h.Start, End: h.End}) || !paras[i].Span.Contains(h.Sentence) {
						t.Fatalf("hit %+v outside sentence or paragraph %+v", h, paras[i].Span)
					}
					if j > 0 && d.Hits[j-1].Start > h.Start {
						t.Fatalf("hits not sorted")
					}
				}
			}
			for _, mt := range r.Mentions {
				if mt.Start < paras[i].Span.Start || mt.End > paras[i].Span.End {
					t.Fatalf("mention %+v outside paragraph", mt)
				}
			}
		}
	})
}

func TestLoad(t *testing.T) {
	tests := []struct {
		file, format, frames string
	}{
		{"testdata/example.dic", "liwc", "threat,unity"},
		{"testdata/example_quanteda.yml", "quanteda", "threat,security.border,security.general"},
		{"default.yaml", "framescope", "us_israel_threat,muslim_unity,border_security"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			cb, err := Load(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if cb.Format != tt.format || strings.Join(cb.FrameIDs(), ",") != tt.frames || len(cb.Hash) != 64 {
				t.Errorf("format %q frames %v hash %q", cb.Format, cb.FrameIDs(), cb.Hash)
			}
		})
	}
	if _, err := Load("testdata/missing.yaml"); err == nil || !strings.Contains(err.Error(), "testdata/missing.yaml") {
		t.Errorf("missing file: error %v does not name it", err)
	}
}

// TestCodebookDocExample parses the small codebook shown in CODEBOOK.md, so
// that the documentation cannot drift from the language.
func TestCodebookDocExample(t *testing.T) {
	doc, err := os.ReadFile("CODEBOOK.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```yaml\n")
	src, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("CODEBOOK.md has no ```yaml block")
	}
	cb, err := Parse("CODEBOOK.md example", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(cb)
	text, paras := oneArticle("H:Washington plots", "The enemies gather.", "The Washington Post reported threats.")
	res := m.Article(text, paras)
	if !res[1].Frames[0].On || res[2].Frames[0].On {
		t.Errorf("example codebook: decisions %+v %+v", res[1].Frames[0], res[2].Frames[0])
	}
}
