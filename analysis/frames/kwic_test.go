package frames

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// kwicRef is KWIC built with strings, as it was before AppendKWIC: the
// reference that TestAppendKWIC and FuzzKWIC hold AppendKWIC to.
func kwicRef(text string, h Hit, width int) string {
	width = max(width, 0)
	start, end := max(0, min(h.Start, len(text))), max(0, min(h.End, len(text)))
	if end < start {
		end = start
	}
	// the context is cut forward to a rune start but never past the hit,
	// and back to one but never before it: a hit that starts or ends inside
	// a character, or text that is not UTF-8, leaves it as it is
	ls := max(0, start-width)
	for ls > 0 && ls < start && !utf8.RuneStart(text[ls]) {
		ls++
	}
	re := min(len(text), end+width)
	for re < len(text) && re > end && !utf8.RuneStart(text[re]) {
		re--
	}
	left := text[ls:start]
	if ls > 0 && ls < start && !isSpaceByte(text[ls-1]) {
		// drop the cut word
		if i := strings.IndexAny(left, " \t\n\r"); i >= 0 {
			left = left[i:]
		} else {
			left = ""
		}
	}
	right := text[end:re]
	if re < len(text) && re > end && !isSpaceByte(text[re]) {
		if i := strings.LastIndexAny(right, " \t\n\r"); i >= 0 {
			right = right[:i]
		} else {
			right = ""
		}
	}
	var b strings.Builder
	if ls > 0 {
		b.WriteString("… ")
	}
	b.WriteString(strings.TrimLeft(left, " \t\n\r"))
	b.WriteByte('[')
	b.WriteString(text[start:end])
	b.WriteByte(']')
	b.WriteString(strings.TrimRight(right, " \t\n\r"))
	if re < len(text) {
		b.WriteString(" …")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestAppendKWIC(t *testing.T) {
	text := "Officials said the  border\tsecurity talks ended.\nThen \u00a0 the ministers left Islamabad."
	at := strings.Index(text, "border")
	for _, tc := range []struct {
		name       string
		start, end int
		width      int
		want       string
	}{
		{"inside, whole text", at, at + len("border"), 200, "Officials said the [border] security talks ended. Then the ministers left Islamabad."},
		{"cut both sides", at, at + len("border"), 12, "… said the [border] security …"},
		{"zero width", at, at + len("border"), 0, "… [border] …"},
		{"at the start", 0, len("Officials"), 10, "[Officials] said the …"},
		{"empty hit", at, at, 5, "… the [] …"},
		{"past the end", len(text) + 5, len(text) + 9, 10, "… Islamabad.[]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := Hit{Start: tc.start, End: tc.end}
			got := string(AppendKWIC([]byte("x"), text, h, tc.width))
			if want := "x" + kwicRef(text, h, tc.width); got != want {
				t.Errorf("AppendKWIC = %q, kwicRef %q", got, want)
			}
			if got != "x"+tc.want {
				t.Errorf("AppendKWIC = %q, want %q", got, "x"+tc.want)
			}
		})
	}
}
