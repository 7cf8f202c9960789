package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framescope/framescope/analysis/token"
)

// Paragraph sizes, in bytes, for cutting a long unbroken block into runs of
// whole sentences.
const (
	// LongBlock is the size above which a block is cut into sentence runs.
	LongBlock = 900
	// MinRun and MaxRun bound a run: a run closes once it holds MinRun bytes
	// and the next sentence would take it past MaxRun.
	MinRun = 300
	MaxRun = 700
)

// Paragraphs cuts text into paragraph spans:
//   - blocks separated by blank lines;
//   - inside a block, lines broken by single newlines: hard-wrapped lines are
//     joined into one paragraph, but a line that is clearly its own unit — a
//     short title-like line, a bullet, a comment header, a line that ends a
//     sentence well short of the wrap width — stays alone;
//   - a paragraph longer than LongBlock bytes (a whole article on one line) is
//     cut into runs of whole sentences of about MinRun–MaxRun bytes, never
//     mid-sentence.
//
// "\r\n" and a lone "\r" count as line ends. Spans are trimmed, never empty, in
// order, and cover every non-space byte of text.
func Paragraphs(text string) []token.Span {
	var out []token.Span
	for _, block := range blocks(text) {
		for _, p := range joinLines(text, block) {
			if p.Len() > LongBlock {
				out = append(out, Runs(Sentences(text, p))...)
				continue
			}
			out = append(out, p)
		}
	}
	return out
}

// Runs groups consecutive sentences into paragraph-sized runs: a run closes
// when it holds at least MinRun bytes and the next sentence would take it past
// MaxRun. Each run spans from its first sentence's start to its last one's end.
func Runs(sents []token.Span) []token.Span {
	var out []token.Span
	cur := token.Span{Start: -1}
	for _, s := range sents {
		if cur.Start >= 0 && cur.Len() >= MinRun && s.End-cur.Start > MaxRun {
			out = append(out, cur)
			cur = token.Span{Start: -1}
		}
		if cur.Start < 0 {
			cur.Start = s.Start
		}
		cur.End = s.End
	}
	if cur.Start >= 0 {
		out = append(out, cur)
	}
	return out
}

// line is one physical line of a block: its trimmed span.
type line = token.Span

// Lines returns the trimmed, non-blank lines of text[s.Start:s.End] ("\n",
// "\r\n" and "\r" end a line).
func Lines(text string, s token.Span) []token.Span {
	var out []token.Span
	i := s.Start
	for i < s.End {
		j := lineEnd(text, i, s.End)
		if l := Trim(text, token.Span{Start: i, End: j}); l.Len() > 0 {
			out = append(out, l)
		}
		if j < s.End && text[j] == '\r' && j+1 < s.End && text[j+1] == '\n' {
			j++
		}
		i = j + 1
	}
	return out
}

// blocks returns the blank-line-separated blocks of text as lists of lines.
// lineEnd returns the offset of the first '\n' or '\r' in text[i:end], or
// end.
func lineEnd(text string, i, end int) int {
	j := end
	if k := strings.IndexByte(text[i:end], '\n'); k >= 0 {
		j = i + k
	}
	if k := strings.IndexByte(text[i:j], '\r'); k >= 0 {
		j = i + k
	}
	return j
}

func blocks(text string) [][]line {
	var out [][]line
	var cur []line
	i := 0
	for i < len(text) {
		j := lineEnd(text, i, len(text))
		l := Trim(text, token.Span{Start: i, End: j})
		if l.Len() == 0 {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
		} else {
			cur = append(cur, l)
		}
		if j < len(text) && text[j] == '\r' && j+1 < len(text) && text[j+1] == '\n' {
			j++
		}
		i = j + 1
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// joinLines merges the hard-wrapped lines of a block into paragraphs and keeps
// lines that are units of their own apart.
func joinLines(text string, ls []line) []token.Span {
	if len(ls) == 1 {
		return ls
	}
	width := wrapWidth(ls)
	var out []token.Span
	cur := ls[0]
	for k := 1; k < len(ls); k++ {
		if joins(text, ls[k-1], ls[k], width) {
			cur.End = ls[k].End
			continue
		}
		out = append(out, cur)
		cur = ls[k]
	}
	return append(out, cur)
}

// wrapWidth returns the width at which the block looks hard-wrapped, or 0 when
// it does not: at least three lines, most but the last of similar length, 50–110 bytes.
func wrapWidth(ls []line) int {
	if len(ls) < 3 {
		return 0
	}
	w := 0
	for _, l := range ls[:len(ls)-1] {
		w = max(w, l.Len())
	}
	if w < 50 || w > 110 {
		return 0
	}
	near := 0
	for _, l := range ls[:len(ls)-1] {
		if l.Len()*10 >= w*8 {
			near++
		}
	}
	if near*3 < (len(ls)-1)*2 {
		return 0
	}
	return w
}

// joins decides whether line b continues the paragraph of line a: when a
// stops mid-sentence and b starts in lower case or a ends on a word that needs
// more (a comma, "the", "and", "on" …), or when the block is hard-wrapped and
// b's first word would not have fitted at the end of a (the break is a wrap,
// not an end of line the writer chose). A bullet, or a short line that reads
// as a title, a name or a timestamp, stays alone.
func joins(text string, a, b line, width int) bool {
	as, bs := text[a.Start:a.End], text[b.Start:b.End]
	wrapped := width > 0 && a.Len()+1+firstWordLen(bs) > width
	if isBullet(as) {
		return false
	}
	if isBullet(bs) {
		// A dash that a wrap moved to the start of a line continues the
		// sentence ("… technology\n- until he …"); other bullets start items.
		dash := strings.HasPrefix(bs, "- ") || strings.HasPrefix(bs, "– ") || strings.HasPrefix(bs, "— ")
		return dash && wrapped && !EndsSentence(as)
	}
	if EndsSentence(as) {
		// A wrap can fall at a sentence end; a short line after it is the
		// paragraph's last unless it starts like a unit of its own.
		return wrapped && (len(bs) >= shortLine || !startsUpper(bs))
	}
	if a.Len() < shortLine && !endsContinuation(as) {
		return false // a title, a name, a timestamp
	}
	return startsLower(bs) || endsContinuation(as) || wrapped
}

// firstWordLen is the length in bytes of the first space-separated word of s.
func firstWordLen(s string) int {
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return i
	}
	return len(s)
}

// continuation words end a line that the next line must complete.
var continuation = set("the", "a", "an", "of", "to", "and", "or", "but", "with", "for", "in", "on", "at", "by",
	"from", "that", "which", "who", "his", "her", "their", "its", "is", "was", "were", "are", "be", "as", "than",
	"this", "these", "into", "over", "under", "about", "after", "before", "between", "said", "has", "have", "had",
	"will", "would", "not", "also")

// FunctionWord reports whether the lower-case word w is a function word
// (article, preposition, conjunction, auxiliary) that cannot end a sentence.
func FunctionWord(w string) bool { return continuation[w] }

// endsContinuation reports whether s ends with a comma, a hyphen or a word
// that cannot end a sentence or a title.
func endsContinuation(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == ',' || r == '-' || r == ';' || r == '(' {
		return true
	}
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return continuation[strings.ToLower(s[i+1:])]
}

// EndsSentence reports whether s ends with '.', '!', '?' or '…', optionally
// followed by closing quotes or brackets.
func EndsSentence(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', ')', ']', '”', '’', '»':
			s = s[:len(s)-n]
			continue
		case '.', '?', '!', '…':
			return true
		}
		return false
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
