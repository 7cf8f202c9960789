// Package segment cuts an article's text into paragraphs and sentences that
// keep their byte offsets into the text (token.Span), so every score can point
// back to the exact bytes that produced it.
//
// Both splitters are total: every non-space byte of the input lies in exactly
// one unit, units are trimmed of surrounding white space (Unicode spaces,
// including no-break spaces), never empty, and in text order.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framescope/framescope/analysis/token"
)

// Sentences splits text[s.Start:s.End] into sentences: spans trimmed of
// surrounding space, none empty, in order, together covering every non-space
// byte of s.
//
// A sentence ends at '.', '?', '!', '…' or "..." (with any closing quotes or
// brackets after the stop: ." .” .’ .) ?” !”) when the next word, after white
// space, does not continue the sentence: it starts with an upper-case letter,
// a digit, an opening quote or bracket, a bullet or a dash. A stop directly
// followed by a letter ("democracies…a", "?!Recommend", "tribune.com.pk") is
// no boundary, except a full stop between a lower-case word and a capitalised
// one, where scraped text lost the space ("the region.The minister"). Titles before names (Gen., Maj., Brig., Lt., Col., Mr., Mrs.,
// Dr., St., No. …), initials ("A. Ali"), dotted acronyms (U.S., U.N., a.m.,
// p.m.) and month abbreviations before a day ("Nov. 6") do not end a sentence;
// after "etc.", "Inc.", "Jr." or a dotted acronym a sentence ends only when
// the next word is one that usually starts a sentence ("the U.S. The next
// day"). A line break ends a sentence after a short line (a title, a name, a
// timestamp) or before a bullet; hard-wrapped prose is not cut at its line
// ends. Text with no final stop ends with the span.
func Sentences(text string, s token.Span) []token.Span {
	var out []token.Span
	start := skipSpace(text, s.Start, s.End)
	i := start
	for i < s.End {
		c := text[i]
		switch {
		case c == '.' || c == '?' || c == '!' || c == '\xe2' && strings.HasPrefix(text[i:s.End], "…"):
			stopEnd := scanStops(text, i, s.End)
			end := scanClosers(text, stopEnd, s.End)
			if end < s.End && !isSpaceAt(text, end) {
				if gluedBoundary(text, start, i, stopEnd, end, s.End) {
					out = appendSpan(out, text, start, end)
					start, i = end, end
					continue
				}
				i = stopEnd
				continue
			}
			next := skipSpace(text, end, s.End)
			if next >= s.End || isBoundary(text, start, i, stopEnd, next, s.End) {
				out = appendSpan(out, text, start, end)
				start, i = next, next
				continue
			}
			i = end
		case c == '\n' || c == '\r':
			if lineBreakEnds(text, s.Start, start, i, s.End) {
				out = appendSpan(out, text, start, i)
				start = skipSpace(text, i, s.End)
				i = start
				continue
			}
			i++
		default:
			i = skipPlain(text[:s.End], i+1)
		}
	}
	if start < s.End {
		out = appendSpan(out, text, start, s.End)
	}
	return out
}

// mayStop marks the bytes at which Sentences has something to decide: a
// stop, the first byte of "…", a line break.
var mayStop = [256]bool{'.': true, '?': true, '!': true, '\xe2': true, '\n': true, '\r': true}

// skipPlain returns the first offset at or after i of a byte in mayStop, or
// len(t).
func skipPlain(t string, i int) int {
	for i < len(t) && !mayStop[t[i]] {
		i++
	}
	return i
}

// gluedBoundary reports whether a full stop with no space after it still ends
// a sentence, as in scraped text that lost the space: "the region.The
// minister". It needs a lower-case word of two letters or more before the
// stop and a capitalised word after it ("tribune.com.pk", "U.S.Army",
// "3.5" and "?!Recommend" are no boundaries).
func gluedBoundary(text string, start, stop, stopEnd, next, end int) bool {
	if text[stop] != '.' || stopEnd-stop != 1 || next != stopEnd {
		return false
	}
	w := wordBefore(text, start, stop)
	if utf8.RuneCountInString(w) < 2 || strings.Contains(w, ".") {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	r1, n1 := utf8.DecodeRuneInString(text[next:end])
	if !unicode.IsUpper(r1) || next+n1 >= end {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(text[next+n1 : end])
	return unicode.IsLower(r2)
}

// appendSpan appends text[start:end] trimmed of space, when anything is left.
func appendSpan(out []token.Span, text string, start, end int) []token.Span {
	sp := Trim(text, token.Span{Start: start, End: end})
	if sp.Len() > 0 {
		out = append(out, sp)
	}
	return out
}

// Trim shrinks s so that it neither starts nor ends with white space.
func Trim(text string, s token.Span) token.Span {
	start, end := s.Start, s.End
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !isSpaceRune(r, n) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpaceRune(r, n) {
			break
		}
		end -= n
	}
	return token.Span{Start: start, End: end}
}

// isSpaceRune reports whether a decoded rune is white space; an invalid byte
// (RuneError of size 1) is not.
func isSpaceRune(r rune, n int) bool {
	if r == utf8.RuneError && n <= 1 {
		return false
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func isSpaceAt(text string, i int) bool {
	r, n := utf8.DecodeRuneInString(text[i:])
	return isSpaceRune(r, n)
}

// skipSpace returns the offset of the first non-space byte at or after i.
func skipSpace(text string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !isSpaceRune(r, n) {
			return i
		}
		i += n
	}
	return end
}

// scanStops returns the offset after a run of '.', '?', '!' and '…'.
func scanStops(text string, i, end int) int {
	for i < end {
		switch {
		case text[i] == '.' || text[i] == '?' || text[i] == '!':
			i++
		case strings.HasPrefix(text[i:end], "…"):
			i += len("…")
		default:
			return i
		}
	}
	return i
}

// closers are the quotes and brackets that may follow a stop inside the sentence.
var closers = []string{`"`, "'", ")", "]", "”", "’", "»", "›"}

func scanClosers(text string, i, end int) int {
	for i < end {
		found := false
		for _, c := range closers {
			if strings.HasPrefix(text[i:end], c) {
				i += len(c)
				found = true
				break
			}
		}
		if !found {
			return i
		}
	}
	return i
}

// isBoundary decides whether the stop text[stop:stopEnd] ends the sentence
// that began at start, given that the next non-space byte is at next.
func isBoundary(text string, start, stop, stopEnd, next, end int) bool {
	r, _ := utf8.DecodeRuneInString(text[next:end])
	if unicode.IsLower(r) {
		return false
	}
	if text[stop] != '.' || stopEnd-stop > 1 {
		return true // ?, !, … or "..." before a non-lower-case word
	}
	w := wordBefore(text, start, stop)
	if w == "" {
		return true
	}
	lw := strings.ToLower(w)
	nextWord := wordAt(text, next, end)
	switch {
	case titles[lw]:
		return false
	case utf8.RuneCountInString(w) == 1 && unicode.IsUpper(firstRune(w)):
		return false // an initial: "A. Ali"
	case strings.Contains(w, "."):
		// a dotted acronym (U.S., a.m.) or "e.g": a boundary only before a
		// word that usually starts a sentence.
		if lw == "e.g" || lw == "i.e" {
			return false
		}
		return starters[nextWord]
	case months[lw]:
		return !isDigit(r)
	case lw == "no" || lw == "nos" || lw == "art" || lw == "vol" || lw == "p" || lw == "pp":
		return !isDigit(r)
	case others[lw]:
		return starters[nextWord]
	}
	return true
}

// wordBefore returns the run of letters and inner dots that ends at stop.
func wordBefore(text string, start, stop int) string {
	i := stop
	for i > start {
		r, n := utf8.DecodeLastRuneInString(text[start:i])
		if !(unicode.IsLetter(r) || r == '.' && i < stop) {
			break
		}
		i -= n
	}
	return strings.TrimLeft(text[i:stop], ".")
}

// wordAt returns the word (letters only) that starts at i, skipping opening
// quotes and brackets.
func wordAt(text string, i, end int) string {
	for i < end && strings.ContainsRune(`"'(“‘[`, firstRune(text[i:end])) {
		_, n := utf8.DecodeRuneInString(text[i:end])
		i += n
	}
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(text[j:end])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return text[i:j]
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// lineBreakEnds reports whether the line break at i ends the sentence that
// began at start: after a short line, or before a bullet or a line that is
// indented as a new unit.
func lineBreakEnds(text string, spanStart, start, i, end int) bool {
	if start >= i {
		return false
	}
	ls := strings.LastIndexAny(text[spanStart:i], "\r\n")
	lineStart := spanStart
	if ls >= 0 {
		lineStart = spanStart + ls + 1
	}
	line := Trim(text, token.Span{Start: lineStart, End: i})
	next := skipSpace(text, i, end)
	if next >= end {
		return true
	}
	if line.Len() > 0 && line.Len() < shortLine {
		return true
	}
	if blankLineBetween(text, i, next) || isBullet(text[next:end]) {
		return true
	}
	return false
}

// shortLine is the length in bytes under which a line is taken to be a unit
// of its own (a title, a name, a timestamp) rather than a wrapped line.
const shortLine = 40

func blankLineBetween(text string, i, next int) bool {
	return strings.Count(text[i:next], "\n")+strings.Count(strings.ReplaceAll(text[i:next], "\r\n", "\n"), "\r") >= 2
}

// IsBullet reports whether s starts with a list or comment bullet ("• ",
// "- ", "* ", "– " …).
func IsBullet(s string) bool { return isBullet(s) }

func isBullet(s string) bool {
	for _, b := range []string{"• ", "· ", "- ", "* ", "– ", "— ", "» ", "▪ ", "►", "•"} {
		if strings.HasPrefix(s, b) {
			return true
		}
	}
	return false
}

// titles come before a name and never end a sentence.
var titles = set("gen", "maj", "brig", "lt", "col", "capt", "cmdr", "cdr", "adm", "sgt", "cpl", "pvt",
	"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "pres", "rev", "hon", "st", "mt", "ft", "messrs",
	"gen.", "lieut", "supt", "insp", "amb")

// months abbreviated before a day ("Nov. 6").
var months = set("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// others end a sentence only before a word that usually starts one.
var others = set("etc", "inc", "ltd", "co", "corp", "jr", "sr", "vs", "approx", "est", "dept", "govt", "intl", "bros",
	"fig", "ave", "rd", "univ", "assn",
	// US states as news agencies abbreviate them ("Plymouth, Mass., …").
	"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md",
	"mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va",
	"vt", "wash", "wis", "wyo")

// starters are words that usually begin a sentence, used after an ambiguous
// abbreviation ("in the U.S. The talks …").
var starters = set("The", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I", "You",
	"But", "And", "In", "On", "At", "However", "Meanwhile", "A", "An", "His", "Her", "Their", "Its", "Our",
	"There", "Earlier", "Later", "Also", "After", "Before", "When", "While", "If", "As", "Since", "For",
	"Perhaps", "Yet", "So", "Still", "Now", "Then", "Officials", "Police")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
