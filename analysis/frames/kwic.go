package frames

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// KWIC returns a keyword-in-context line for a hit: up to width bytes of text
// on each side (cut at rune boundaries, line breaks shown as spaces), and the
// hit's own text in brackets. Any hit and any text are accepted: offsets are
// clamped to the text, and a hit that does not fall on rune boundaries (or
// text that is not UTF-8) is shown byte for byte.
func KWIC(text string, h Hit, width int) string { return string(AppendKWIC(nil, text, h, width)) }

// AppendKWIC appends KWIC(text, h, width) to dst without building the line
// as a string first: the pipeline writes one for every hit of a corpus.
func AppendKWIC(dst []byte, text string, h Hit, width int) []byte {
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
	j := fieldsJoiner{buf: dst, start: len(dst)}
	if ls > 0 {
		j.add("… ")
	}
	j.add(left)
	j.add("[")
	j.add(text[start:end])
	j.add("]")
	j.add(right)
	if re < len(text) {
		j.add(" …")
	}
	return j.buf
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// fieldsJoiner appends pieces of text as strings.Join(strings.Fields(all
// pieces concatenated), " ") would: white space (unicode.IsSpace) dropped at
// the ends and each run of it one space.
type fieldsJoiner struct {
	buf   []byte
	start int  // where the joined text begins in buf
	space bool // white space since the last word byte
}

func (j *fieldsJoiner) add(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				j.space = true
				i++
				continue
			}
			// a run of ASCII bytes that are not white space, at once
			k := i + 1
			for k < len(s) && s[k] < utf8.RuneSelf && !asciiSpace[s[k]] {
				k++
			}
			j.word(s[i:k])
			i = k
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			j.space = true
		} else {
			j.word(s[i : i+n])
		}
		i += n
	}
}

func (j *fieldsJoiner) word(b string) {
	if j.space && len(j.buf) > j.start {
		j.buf = append(j.buf, ' ')
	}
	j.space = false
	j.buf = append(j.buf, b...)
}

// asciiSpace is strings.Fields's set of ASCII white space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
