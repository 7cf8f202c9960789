package charts

import (
	"strings"
	"testing"
	"unicode/utf8"

	"gonum.org/v1/plot/vg"
)

// FuzzWrap checks the label splitter: no empty line, at most maxLines
// lines, nothing lost unless it reports a cut, lines within the width
// unless a line is down to its last characters.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{
		"The News International (Pakistan), Karachi edition",
		"us_israel_threat", "a", "Supercalifragilisticexpialidocious Daily",
		"x-y/z_w v", "Outlet 3 [fa]", "  spaced   out  ",
	} {
		f.Add(s, 60.0, 2)
	}
	sty := style(fontSmall)
	f.Fuzz(func(t *testing.T, s string, w float64, maxLines int) {
		s = strings.Join(strings.Fields(s), " ")
		if s == "" || !utf8.ValidString(s) || w < 20 || w > 500 || maxLines < 1 || maxLines > 4 {
			t.Skip()
		}
		got, cut := wrap(sty, s, vg.Length(w), maxLines)
		ls := strings.Split(got, "\n")
		if len(ls) > maxLines {
			t.Fatalf("wrap(%q, %g, %d) = %q: %d lines", s, w, maxLines, got, len(ls))
		}
		for _, l := range ls {
			if strings.TrimSpace(l) == "" {
				t.Fatalf("wrap(%q, %g, %d) = %q: empty line", s, w, maxLines, got)
			}
			if sty.Width(l) > vg.Length(w) && utf8.RuneCountInString(l) > 2 {
				t.Fatalf("wrap(%q, %g, %d) = %q: line %q wider than %g", s, w, maxLines, got, l, w)
			}
		}
		if !cut {
			joined := strings.ReplaceAll(strings.Join(ls, ""), " ", "")
			if joined != strings.ReplaceAll(s, " ", "") {
				t.Fatalf("wrap(%q, %g, %d) = %q: text lost without a cut", s, w, maxLines, got)
			}
		}
	})
}

// FuzzLabel checks that every name gets a non-empty label the fonts can
// draw, and the same label each time.
func FuzzLabel(f *testing.F) {
	for _, s := range []string{"Dawn", "خبرگزاری مهر", "روزنامہ جنگ", "Łódź", "東京新聞", "\u200f", " ", "A\x00B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		l := newLabeler(map[string][]string{"Outlet": {name, "Dawn"}})
		got := l.label(name)
		if strings.TrimSpace(got) == "" {
			t.Fatalf("label(%q) is empty", name)
		}
		for _, r := range got {
			if !drawable(r) {
				t.Fatalf("label(%q) = %q holds undrawable %U", name, got, r)
			}
		}
		if again := l.label(name); again != got {
			t.Fatalf("label(%q) = %q, then %q", name, got, again)
		}
	})
}
