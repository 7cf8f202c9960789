package report

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// piece is a run of a paragraph's text, marked or not.
type piece struct {
	Text string
	Mark bool
}

// splitHighlights cuts text into alternating unmarked and marked pieces at the
// byte ranges in hl. Ranges may be unsorted, overlapping or out of range: they
// are clipped to the text, widened to whole runes, and merged when they
// overlap or touch. The pieces, joined, are text; none is empty. Invalid UTF-8
// is replaced piece by piece (after cutting, so offsets still count bytes of
// the original text).
func splitHighlights(text string, hl [][2]int) []piece {
	spans := normalizeSpans(text, hl)
	out := make([]piece, 0, 2*len(spans)+1)
	at := 0
	for _, s := range spans {
		if s[0] > at {
			out = append(out, piece{Text: text[at:s[0]]})
		}
		out = append(out, piece{Text: text[s[0]:s[1]], Mark: true})
		at = s[1]
	}
	if at < len(text) {
		out = append(out, piece{Text: text[at:]})
	}
	for i := range out {
		out[i].Text = strings.ToValidUTF8(out[i].Text, "\uFFFD")
	}
	return out
}

// normalizeSpans clips, rune-aligns, sorts and merges hl over text, dropping
// empty ranges.
func normalizeSpans(text string, hl [][2]int) [][2]int {
	spans := make([][2]int, 0, len(hl))
	for _, h := range hl {
		start, end := max(h[0], 0), min(h[1], len(text))
		if start >= end {
			continue
		}
		// A rune is at most utf8.UTFMax bytes; in invalid UTF-8 stop there.
		for k := 1; k < utf8.UTFMax && start > 0 && !utf8.RuneStart(text[start]); k++ {
			start--
		}
		for k := 1; k < utf8.UTFMax && end < len(text) && !utf8.RuneStart(text[end]); k++ {
			end++
		}
		spans = append(spans, [2]int{start, end})
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	merged := spans[:0]
	for _, s := range spans {
		if n := len(merged); n > 0 && s[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], s[1])
			continue
		}
		merged = append(merged, s)
	}
	return merged
}
