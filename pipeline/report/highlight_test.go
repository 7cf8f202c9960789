package report

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitHighlights(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		hl   [][2]int
		want []piece
	}{
		{"none", "abc", nil, []piece{{"abc", false}}},
		{"empty text", "", [][2]int{{0, 3}}, []piece{}},
		{"middle", "a big cat", [][2]int{{2, 5}}, []piece{{"a ", false}, {"big", true}, {" cat", false}}},
		{"whole", "cat", [][2]int{{0, 3}}, []piece{{"cat", true}}},
		{"unsorted", "a b c", [][2]int{{4, 5}, {0, 1}}, []piece{{"a", true}, {" b ", false}, {"c", true}}},
		{"overlapping merge", "abcdef", [][2]int{{1, 4}, {2, 5}}, []piece{{"a", false}, {"bcde", true}, {"f", false}}},
		{"touching merge", "abcdef", [][2]int{{1, 3}, {3, 5}}, []piece{{"a", false}, {"bcde", true}, {"f", false}}},
		{"contained", "abcdef", [][2]int{{1, 5}, {2, 3}}, []piece{{"a", false}, {"bcde", true}, {"f", false}}},
		{"clipped", "abc", [][2]int{{-4, 1}, {2, 99}}, []piece{{"a", true}, {"b", false}, {"c", true}}},
		{"empty and reversed dropped", "abc", [][2]int{{1, 1}, {2, 1}}, []piece{{"abc", false}}},
		{"widened to runes", "Iran’s army", [][2]int{{5, 6}}, []piece{{"Iran", false}, {"’", true}, {"s army", false}}},
		{"invalid UTF-8 replaced after cutting", "a\xffb", [][2]int{{2, 3}}, []piece{{"a\uFFFD", false}, {"b", true}}},
		{"markup stays text", "<b>x</b>", [][2]int{{1, 2}}, []piece{{"<", false}, {"b", true}, {">x</b>", false}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := splitHighlights(tc.text, tc.hl)
			if got == nil {
				got = []piece{}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("splitHighlights(%q, %v) = %+v, want %+v", tc.text, tc.hl, got, tc.want)
			}
		})
	}
}

// FuzzSplitHighlights checks that no text is lost or added (for valid UTF-8),
// that no piece is empty, and that marked and unmarked pieces alternate.
func FuzzSplitHighlights(f *testing.F) {
	f.Add("Both nations share Islamic brotherhood.", 19, 38, 0, 4)
	f.Add("Iran’s army", 5, 6, -1, 100)
	f.Add("a\xffb\xe2\x80", 1, 3, 2, 2)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		pieces := splitHighlights(text, [][2]int{{s1, e1}, {s2, e2}})
		var b strings.Builder
		for i, p := range pieces {
			if p.Text == "" {
				t.Fatalf("piece %d is empty: %+v", i, pieces)
			}
			if i > 0 && p.Mark == pieces[i-1].Mark {
				t.Fatalf("pieces %d and %d are both mark=%v", i-1, i, p.Mark)
			}
			if !utf8.ValidString(p.Text) {
				t.Fatalf("piece %d is not valid UTF-8", i)
			}
			b.WriteString(p.Text)
		}
		if want := strings.ToValidUTF8(text, "\uFFFD"); utf8.ValidString(text) && b.String() != want {
			t.Fatalf("joined pieces %q, want %q", b.String(), want)
		}
	})
}

// FuzzWriteHTMLText puts arbitrary text through a whole report, as an outlet
// name, a paragraph with a highlight and a file name, and checks that it
// cannot add markup: the page has as many tags, besides <mark>, as a page
// without it.
func FuzzWriteHTMLText(f *testing.F) {
	for _, p := range payloads {
		f.Add(p, 0, 5)
	}
	var clean bytes.Buffer
	if err := WriteHTML(&clean, sampleData()); err != nil {
		f.Fatal(err)
	}
	tags := func(html string) int { return strings.Count(html, "<") - 2*strings.Count(html, "<mark>") }
	want := tags(clean.String())
	f.Fuzz(func(t *testing.T, text string, s, e int) {
		d := sampleData()
		d.Cells[0].Source = "src " + text // Dawn's two cells; never Tehran Times
		d.Cells[1].Source = d.Cells[0].Source
		d.Cells[0].Paragraphs[0].Text = text
		d.Cells[0].Paragraphs[0].Highlights = [][2]int{{s, e}}
		d.Record.Inputs[0].Path = text
		var buf bytes.Buffer
		if err := WriteHTML(&buf, d); err != nil {
			t.Fatal(err)
		}
		if got := tags(buf.String()); got != want {
			t.Fatalf("%d tags in the page, %d in the clean page: the text added markup", got, want)
		}
	})
}
