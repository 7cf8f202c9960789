// Package voice decides whose voice each sentence of a paragraph is: a quote
// (direct quotation or reported speech attributed to someone) or the outlet's
// own narration.
//
// The definition is the gold sets' (eval/frames-codebook.md, "voice"): quote
// when what the unit says is attributed to someone — direct quotation, or
// reported speech such as "X said that…", "according to X"; outlet otherwise.
// The rules are general attribution structures of English news writing:
//   - direct quotation: a sentence inside quotation marks, including a
//     quotation opened in one sentence and closed in a later one, or a
//     sentence that carries at least five quoted words (fewer are a scare
//     quote: the “most dangerous”);
//   - a speech or stance verb with its speaker ("X said (that)…", "…, he
//     added", "X stressed / noted / warned / urged / called for / hailed /
//     proposed / described … as", "X was quoted as saying", "Press TV
//     reported"), in the past or, as in headlines, the present tense;
//   - "according to X";
//   - a participial opening with a speaker ("Stressing the need …, the
//     commander said"; "Speaking to reporters, the minister …").
//
// A verb does not count when it is used as an adjective after a determiner
// ("the proposed pipeline", "its stated aim"), sits in a relative or
// conditional clause about something else ("tweets in which he voiced
// support", "if you asked"), or is denied ("No group has claimed
// responsibility"). The word lists are data: cues.txt, embedded.
package voice

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/framescope/framescope/analysis/token"
)

// Voice is whose voice a sentence or paragraph is.
type Voice string

// The voices.
const (
	Quote  Voice = "quote"
	Outlet Voice = "outlet"
	Mixed  Voice = "mixed"
)

// Attribution is the voice of one sentence, with the speaker and the cue that
// decided it.
type Attribution struct {
	Voice   Voice
	Speaker string // name or noun phrase when the text gives it ("Hatami", "the Iranian commander"); "" otherwise
	Cue     string // "said", "according to", "quote", …
}

// Of folds the voices of a paragraph's sentences: quote if all are quote,
// outlet if all are outlet, mixed otherwise, and "" for none.
func Of(attrs []Attribution) Voice {
	if len(attrs) == 0 {
		return ""
	}
	v := attrs[0].Voice
	for _, a := range attrs[1:] {
		if a.Voice != v {
			return Mixed
		}
	}
	return v
}

// Attribute gives the voice of each sentence of a paragraph (the sentences in
// text order, as segment.Sentences gives them). A quotation that is still
// open at the end of one sentence carries its voice, and its speaker, into
// the next ones.
func Attribute(text string, sentences []token.Span) []Attribution {
	return attributeAll(nil, text, sentences, nil)
}

// AttributeTokens is Attribute for the sentences of the paragraph
// text[para.Start:para.End] whose tokens, toks, the caller has already
// (token.Tokenize(text, para, nil)): it gives the same result, and reads a
// sentence's tokens from toks instead of tokenizing it again where that gives
// the same tokens (see paraTokens).
func AttributeTokens(text string, para token.Span, sentences []token.Span, toks []token.Token) []Attribution {
	return AppendAttributeTokens(nil, text, para, sentences, toks)
}

// AppendAttributeTokens appends AttributeTokens's attributions to dst and
// returns the extended slice, so that a caller can reuse one buffer from
// paragraph to paragraph.
func AppendAttributeTokens(dst []Attribution, text string, para token.Span, sentences []token.Span, toks []token.Token) []Attribution {
	return attributeAll(dst, text, sentences, &paraTokens{text: text, span: para, toks: toks})
}

// paraTokens gives a sentence's tokens from its paragraph's.
type paraTokens struct {
	text string
	span token.Span
	toks []token.Token
	k    int // the first token not before the last sentence asked for
}

// of returns token.Tokenize(text, s, nil) from the paragraph's tokens when
// they are the same: when s lies in the paragraph and begins and ends at its
// edges or next to white space. The tokenizer then stands at s.Start when it
// tokenizes the paragraph (no token holds white space), and nothing it reads
// beyond s.End changes a token (white space ends every token and lookahead).
// ok is false otherwise. Sentences are asked for in text order.
func (p *paraTokens) of(s token.Span) (toks []token.Token, ok bool) {
	if p == nil || s.Start < p.span.Start || s.End > p.span.End || s.Start > s.End {
		return nil, false
	}
	if s.Start > p.span.Start {
		if r, _ := utf8.DecodeLastRuneInString(p.text[:s.Start]); !unicode.IsSpace(r) {
			return nil, false
		}
	}
	if s.End < p.span.End {
		if r, _ := utf8.DecodeRuneInString(p.text[s.End:]); !unicode.IsSpace(r) {
			return nil, false
		}
	}
	if p.k > 0 && p.k <= len(p.toks) && p.toks[p.k-1].Start >= s.Start {
		p.k = 0 // not in text order after all
	}
	for p.k < len(p.toks) && p.toks[p.k].Start < s.Start {
		p.k++
	}
	j := p.k
	for j < len(p.toks) && p.toks[j].End <= s.End {
		j++
	}
	return p.toks[p.k:j], true
}

// attributeAll appends Attribute's attributions to dst, with the sentences'
// tokens from pt when it is not nil.
func attributeAll(dst []Attribution, text string, sentences []token.Span, pt *paraTokens) []Attribution {
	if dst == nil {
		dst = make([]Attribution, 0, len(sentences))
	}
	dst = slices.Grow(dst, len(sentences))
	first := len(dst)
	dst = dst[:first+len(sentences)]
	out := dst[first:]
	open := false
	run := -1 // first sentence of the current quotation run
	// An odd number of straight double quotes (an inch mark, a typo) would
	// leave a quotation open to the end: then straight quotes are ignored.
	straight := 0
	for _, s := range sentences {
		straight += strings.Count(text[s.Start:s.End], `"`)
	}
	tp := tokenPool.Get().(*[]token.Token)
	defer tokenPool.Put(tp)
	toks := (*tp)[:0]
	for i, s := range sentences {
		q := scanQuotes(text, s, open, straight%2 == 0)
		var a Attribution
		if st, ok := pt.of(s); ok {
			if k := firstCue(st); k >= 0 {
				a = attributeFrom(text, st, k)
			}
		} else if mayHaveCue(text[s.Start:s.End]) {
			toks = token.Tokenize(text, s, toks[:0])
			*tp = toks
			a = attribute(text, toks)
		}
		switch {
		case a.Voice == Quote:
		case q.inside || q.quotedWords >= minQuoteWords:
			a = Attribution{Voice: Quote, Cue: "quote"}
		default:
			a = Attribution{Voice: Outlet}
		}
		out[i] = a
		// A quotation run: sentences joined by an open quotation share the
		// speaker named in any of them.
		if q.startsOpen && run >= 0 {
			shareSpeaker(out[run : i+1])
		} else if q.opened {
			run = i
		}
		if !q.endsOpen {
			run = -1
		}
		open = q.endsOpen
	}
	return dst
}

// tokenPool keeps token buffers between calls: a paragraph's tokens are
// needed only while its sentences are read.
var tokenPool = sync.Pool{New: func() any { return new([]token.Token) }}

// minQuoteWords is the number of quoted words from which a quotation is a
// direct quote rather than a scare-quoted phrase ("the “most dangerous”").
const minQuoteWords = 5

func shareSpeaker(run []Attribution) {
	sp := ""
	for _, a := range run {
		if a.Speaker != "" {
			sp = a.Speaker
		}
	}
	if sp == "" {
		return
	}
	for i := range run {
		if run[i].Voice == Quote && run[i].Speaker == "" {
			run[i].Speaker = sp
		}
	}
}

// quoteScan is what a sentence's quotation marks say.
type quoteScan struct {
	startsOpen, endsOpen bool // a quotation is open at the start / end of the sentence
	opened               bool // a quotation opens in this sentence
	inside               bool // most of the sentence lies inside quotation marks
	quotedWords          int  // words inside quotation marks
}

// scanQuotes follows the quotation marks of the sentence s. Curly double
// quotes open and close; a straight double quote toggles (when straight is
// set); curly single quotes
// count when ‘ opens and ’ closes before a non-letter (so that apostrophes
// don't).
func scanQuotes(text string, s token.Span, open, straight bool) quoteScan {
	if !open && noQuoteMarks(text[s.Start:s.End]) {
		return quoteScan{} // nothing opens, so nothing is inside
	}
	q := quoteScan{startsOpen: open}
	inBytes, total := 0, 0
	single := false
	wordIn := false
	sent := text[s.Start:s.End]
	for i := 0; i < len(sent); {
		if c := sent[i]; c < utf8.RuneSelf && !quoteScanStop[c] {
			// a run of ASCII bytes that are neither white space nor a
			// quotation mark: one word, or the rest of one
			k := i + 1
			for k < len(sent) && sent[k] < utf8.RuneSelf && !quoteScanStop[sent[k]] {
				k++
			}
			inside := open || single
			total += k - i
			if inside {
				inBytes += k - i
				if !wordIn {
					q.quotedWords++
				}
			}
			wordIn = inside
			i = k
			continue
		}
		r, size := utf8.DecodeRuneInString(sent[i:])
		i += size
		switch r {
		case '“', '«':
			if !open {
				q.opened = true
			}
			open = true
			continue
		case '”', '»':
			open = false
			continue
		case '"':
			if !straight {
				continue
			}
			open = !open
			if open {
				q.opened = true
			}
			continue
		case '‘':
			if !open {
				single = true
				q.opened = true
			}
			continue
		case '’':
			j := s.Start + i // after the ’
			if single && (j >= s.End || !isLetterByte(text[j])) {
				single = false
			}
			continue
		}
		inside := open || single
		if r != ' ' {
			total++
			if inside {
				inBytes++
			}
		}
		isWord := r != ' ' && r != '\n' && r != '\t'
		if inside && isWord && !wordIn {
			q.quotedWords++
		}
		wordIn = inside && isWord
	}
	q.endsOpen = open
	q.inside = total > 0 && inBytes*2 > total && (q.startsOpen || q.quotedWords >= 3)
	if q.startsOpen {
		q.inside = true
	}
	return q
}

// quoteScanStop are the ASCII bytes scanQuotes looks at one by one: white
// space it tells apart, and the straight quote.
var quoteScanStop = [utf8.RuneSelf]bool{' ': true, '\n': true, '\t': true, '"': true}

// noQuoteMarks reports whether s holds none of the marks scanQuotes reads:
// '"', and “ ” ‘ ’ (which start with the byte 0xE2) and « » (0xC2).
func noQuoteMarks(s string) bool {
	return strings.IndexByte(s, '"') < 0 && strings.IndexByte(s, 0xE2) < 0 && strings.IndexByte(s, 0xC2) < 0
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80 }

// attribute finds a reported-speech cue in a sentence's tokens.
func attribute(text string, toks []token.Token) Attribution {
	return attributeFrom(text, toks, 0)
}

// attributeFrom is attribute that starts its search at toks[from] (no token
// before it is a cue word, see firstCue).
func attributeFrom(text string, toks []token.Token, from int) Attribution {
	for k := from; k < len(toks); k++ {
		t := toks[k]
		if t.Kind != token.Word {
			continue
		}
		w := t.Norm
		if !cueShaped(w) || !isCueWord(w) {
			continue // every case below needs a word of cueWordList
		}
		switch {
		case w == "according" && k+1 < len(toks) && toks[k+1].Norm == "to":
			if k+2 < len(toks) && notSources[toks[k+2].Norm] {
				continue
			}
			return Attribution{Voice: Quote, Cue: "according to", Speaker: phraseAfter(text, toks, k+2)}
		case k == 0 && participles[w] && hasComma(toks):
			// "Stressing the need …, the commander said": the main clause
			// after the comma names the speaker.
			return Attribution{Voice: Quote, Cue: w, Speaker: subjectAfterOpening(text, toks)}
		case w == "reportedly" || w == "allegedly":
			return Attribution{Voice: Quote, Cue: w}
		}
		cue, ok := cueAt(toks, k)
		if !ok {
			continue
		}
		if adjectival(toks, k) || inRelativeClause(toks, k) || negated(toks, k) {
			continue
		}
		return Attribution{Voice: Quote, Cue: cue, Speaker: speaker(text, toks, k)}
	}
	return Attribution{Voice: Outlet}
}

// cueAt reports whether the word at k is a speech or stance verb in a form
// that attributes, and returns the cue.
func cueAt(toks []token.Token, k int) (string, bool) {
	w := toks[k].Norm
	next := ""
	if k+1 < len(toks) {
		next = toks[k+1].Norm
	}
	prev := ""
	if k > 0 {
		prev = toks[k-1].Norm
	}
	switch {
	case speechVerbs[w]:
		if baseForms[w] && prev == "to" {
			return "", false
		}
		if k == 0 {
			return "", false // no speaker before it: a noun ("Hopes of peace …")
		}
		if w == "expect" || w == "expects" {
			if prev == "is" || prev == "are" || prev == "be" || prev == "as" {
				return "", false
			}
		}
		if w == "said" && k == 1 && prev == "that" {
			return "", false // "That said, …"
		}
		return w, true
	case needsThat[w]:
		if next == "that" || next == "," || next == ":" || next == "." || next == "\"" || k+1 == len(toks) {
			return w, true
		}
	case w == "call" || w == "calls" || w == "called" || w == "calling":
		if next == "for" || next == "on" || next == "upon" {
			if w == "call" && (prev == "a" || prev == "the" || prev == "to") || w == "calls" && (prev == "the" || prev == "of") {
				return "", false
			}
			return w + " " + next, true
		}
	case w == "pointed" || w == "points" || w == "point" || w == "pointing" || w == "lashed":
		if next == "out" {
			return w + " out", true
		}
	case w == "quoted" || w == "quoting":
		return w, true
	case w == "expressed" || w == "expresses" || w == "voiced" || w == "voices" || w == "conveyed":
		return w, true
	case w == "statement" || w == "remarks" || w == "interview" || w == "speech" || w == "press":
		// "in a statement", "in his remarks", "in an interview"
		if k >= 2 && (toks[k-2].Norm == "in" || prev == "in") {
			return "in a " + w, true
		}
	}
	return "", false
}

// adjectival reports whether the participle at k is used as an adjective or
// a noun: after a determiner ("the proposed deal"), a possessive ("Iran's
// demands") or a hyphen ("so-called").
func adjectival(toks []token.Token, k int) bool {
	if k == 0 {
		return false
	}
	p := toks[k-1].Norm
	if p == "'s" {
		return true // "Iran's demands"
	}
	if p == "-" && k >= 2 { // "so-called", "much-vaunted"
		return true
	}
	return determiners[p]
}

// inRelativeClause reports whether the verb at k sits in a relative clause
// opened by "which" (or "in which") after the sentence's last comma — the
// main clause then narrates something else.
func inRelativeClause(toks []token.Token, k int) bool {
	for j := k - 1; j >= 0; j-- {
		switch toks[j].Norm {
		case ",", ";", "(", ")":
			return false
		case "which", "whereby", "if", "whether", "unless":
			return true // a relative clause, or a hypothetical one ("if you asked")
		}
	}
	return false
}

// negated reports whether the verb at k is denied by its clause ("No group
// has claimed responsibility", "did not say"): nothing is then attributed.
func negated(toks []token.Token, k int) bool {
	for j := k - 1; j >= 0 && k-j <= 6; j-- {
		switch toks[j].Norm {
		case ",", ";", ":", "\"", "(", ")":
			return false
		case "no", "not", "never", "nobody", "none", "neither", "nor", "n't", "didn't", "hasn't", "haven't",
			"hadn't", "wasn't", "weren't", "isn't", "doesn't", "don't", "won't", "wouldn't", "cannot":
			return true
		}
	}
	return false
}

func hasComma(toks []token.Token) bool {
	for _, t := range toks {
		if t.Norm == "," {
			return true
		}
	}
	return false
}

// clauseStops end a subject phrase on the left of a verb.
var clauseStops = set(",", ";", ":", "\"", "(", ")", "-", "that", "which", "who", "and", "but", "as", "when", "while", "where",
	"if", "because", "after", "before", ".", "!", "?")

// speaker returns the noun phrase that the verb at k attributes to: its
// subject on the left ("Iran's defense chief also said"), or after an
// inverted verb (", said the minister", "“…,” he said").
func speaker(text string, toks []token.Token, k int) string {
	// Left: the words back to a clause boundary, dropping adverbs and
	// auxiliaries next to the verb and phrases like "for his part".
	if k > 0 && (toks[k-1].Norm == "," || toks[k-1].Norm == "\"") {
		if p, ok := invertedSubject(text, toks, k+1); ok {
			return p
		}
	}
	end := k
	for end > 0 && (skipWords[toks[end-1].Norm] && !isName(toks[end-1]) || toks[end-1].Norm == ",") {
		end--
	}
	start := end
	for start > 0 && !clauseStops[toks[start-1].Norm] && end-start < 12 {
		start--
	}
	if start < end {
		if p := phrase(text, toks[start:end]); p != "" && !isSkipWord(p) {
			return p
		}
	}
	return phraseAfter(text, toks, k+1)
}

// isSkipWord reports whether the phrase p, lower-cased, is a word of
// skipWords: skipWords[strings.ToLower(p)] without a lower-cased copy when p
// is ASCII (no skip word holds a space, so neither does a phrase that is
// one).
func isSkipWord(p string) bool {
	if strings.IndexByte(p, ' ') >= 0 {
		return false // skip words are fields of cues.txt
	}
	if len(p) > 32 {
		return skipWords[strings.ToLower(p)]
	}
	var buf [32]byte
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c >= utf8.RuneSelf {
			return skipWords[strings.ToLower(p)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return skipWords[string(buf[:len(p)])]
}

// invertedSubject reads the speaker after an inverted verb (", said the
// minister." / ", said Hatami, adding …"): a phrase that starts with a name or
// an article and runs to the end of the clause.
func invertedSubject(text string, toks []token.Token, k int) (string, bool) {
	if k >= len(toks) {
		return "", false
	}
	t := toks[k]
	if !(t.Title || t.Norm == "the" || t.Norm == "a" || t.Norm == "an") {
		return "", false
	}
	e := k
	for e < len(toks) && toks[e].Kind != token.Punct && e-k < 8 {
		e++
	}
	if e < len(toks) && toks[e].Kind != token.Punct {
		return "", false
	}
	return phrase(text, toks[k:e]), true
}

// phraseAfter returns the words from k to the next punctuation, at most eight.
func phraseAfter(text string, toks []token.Token, k int) string {
	e := k
	for e < len(toks) && toks[e].Kind != token.Punct && e-k < 8 {
		if toks[e].Norm == "that" || toks[e].Norm == "as" {
			break
		}
		e++
	}
	if e == k {
		return ""
	}
	return phrase(text, toks[k:e])
}

// subjectAfterOpening returns the subject of the main clause after a
// participial opening: the words after the first comma up to the verb.
func subjectAfterOpening(text string, toks []token.Token) string {
	for j, t := range toks {
		if t.Norm != "," {
			continue
		}
		e := j + 1
		for e < len(toks) && toks[e].Kind == token.Word && !speechVerbs[toks[e].Norm] && !needsThat[toks[e].Norm] && e-j <= 8 {
			e++
		}
		if e > j+1 {
			return phrase(text, toks[j+1:e])
		}
		return ""
	}
	return ""
}

func isName(t token.Token) bool { return t.Title }

// phrase returns the text that the tokens cover, with a possessive's
// apostrophe kept.
// A speaker phrase ends before a prepositional phrase that follows the name
// ("Rouhani in his meeting with …" → "Rouhani").
func phrase(text string, toks []token.Token) string {
	for k := 1; k < len(toks); k++ {
		if phraseEnds(toks[k].Norm) {
			toks = toks[:k]
			break
		}
	}
	if len(toks) == 0 {
		return ""
	}
	return oneSpaced(text[toks[0].Start:toks[len(toks)-1].End])
}

// oneSpaced returns s with its words joined by single spaces:
// strings.Join(strings.Fields(s), " "), without a copy when s is already so.
func oneSpaced(s string) string {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return strings.Join(strings.Fields(s), " ")
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return strings.Join(strings.Fields(s), " ")
			}
			i += size
			continue
		}
		switch {
		case c == '\t', c == '\n', c == '\v', c == '\f', c == '\r', c == ' ' && s[i+1] == ' ':
			return strings.Join(strings.Fields(s), " ")
		}
		i++
	}
	return s
}

// phraseEnds reports whether the word w ends a speaker phrase (phrase).
func phraseEnds(w string) bool {
	switch w {
	case "in", "during", "at", "on", "while", "when", "after", "before", "speaking", "addressing", "talking":
		return true
	}
	return false
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
