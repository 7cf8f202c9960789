// Package clean gives every paragraph of an article a role — body, headline,
// boilerplate or comment — and reads the metadata the text itself states
// (outlet, date, title).
//
// The roles follow the coding instructions of the gold sets
// (eval/frames-codebook.md, "Other labels"): body is article text; headline a
// title, including a repeated one; boilerplate the site's furniture (site name,
// menus, bylines, publication lines, datelines standing alone, photo captions,
// newsletter and share prompts, licence lines, links to other stories and
// headlines of other articles inserted in the text); comment a reader comment
// with its name, timestamp and buttons, or a forum user's posts around the
// article.
//
// Every rule is a general pattern of web news pages; each paragraph records
// the rule that decided its role (Paragraph.Rule) so a result can be traced:
//
//   - body: "text", "datelined text" (the first paragraph, starting "TEHRAN
//     (Tasnim) –"), "standfirst" (a long summary line under the headline),
//     "truncated text" (a last line cut off before its end),
//     "article quoted in a post", "datelined text in a post", "article
//     quoted in a comment", "interview
//     turn" (a short turn among "Name: …" turns), "table row" (a row of a
//     table flattened to cells between tabs);
//   - headline: how the headline was found — "title from manifest", "repeated
//     line", "first title line", "longest title line" — then "repeated
//     headline", "subtitle", "title line above the headline", "subheading",
//     "numbered subheading", "live-blog post title", "forum thread title",
//     "headline in a post", "headline in a comment", "shared link title"
//     (a social post's link card, social.go);
//   - boilerplate: the pattern that matched — "site name", "section label",
//     "label below the headline", "label above the text", "menu", "site
//     furniture", "byline", "publication line", "dateline alone", "photo
//     caption", "newsletter prompt", "share or follow prompt", "read more
//     link", "inserted headline", "link after the text", "licence line",
//     "desk code", "agency credit", "source line", "tags line", "tag", "url",
//     "advertisement", "cookie notice", "editorial note", "author bio",
//     "embedded post credit", "database field", "live-blog timestamp",
//     "comments header", "forum member line", "comment form", "site notice",
//     "contact line", "thread stats", "site tagline", "link bar" (short
//     capitalised items set apart: sections, tags), "thread byline" (a
//     forum thread's "Thread starter …", "Start date …"), "forum footer"
//     ("Similar threads", "Posting Permissions", and all under them),
//     "separator", "thread header", "page number" (threads.go has the
//     thread and blog layouts), "footnote" (a report's), "account line"
//     (a social post's handle or badge, social.go);
//   - comment: "after comments header", "commenter name", "commenter line",
//     "comment timestamp", "comment buttons", "forum post header", "forum
//     post", "post timestamp".
//
// Paragraph boundaries separate units of different roles: a paragraph from
// segment.Paragraphs is cut further where a line or a sentence inside it has
// another role (a licence line glued to the last paragraph, an "Also read:"
// link between two sentences, a "Read more" glued after a cut-off text).
package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framescope/framescope/analysis/token"
	"github.com/framescope/framescope/pipeline/segment"
)

// Role is what a paragraph is on the page.
type Role string

// The roles.
const (
	Body        Role = "body"
	Headline    Role = "headline"
	Boilerplate Role = "boilerplate"
	Comment     Role = "comment"
)

// Paragraph is one unit of the article with its role.
type Paragraph struct {
	Span      token.Span
	Role      Role
	Rule      string // the rule that decided the role: "licence line", "repeated headline", …
	Sentences []token.Span
}

// Hints is metadata already known (from a manifest); fields may be "".
type Hints struct{ Title, Source string }

// Found is metadata the text itself states; a field is "" when it does not.
type Found struct {
	// Source is the outlet (or the agency of a dateline): "Mehr News
	// Agency"; SourceHow is "licence line", "copyright line", "dateline",
	// "published line" ("Published in Dawn, …"), "database field" or "first
	// line" (a site name alone above the headline).
	Source, SourceHow string
	// Date is "2018-01-05", "2018-01" or "2018"; DateHow is "published line",
	// "dateline" or "database field". Never guessed: a date without a year
	// ("November 7") gives none.
	Date, DateHow string
	// Title is the headline when the text has one; TitleHow says how it was
	// found ("title from manifest", "repeated line", "first title line",
	// "longest title line", "forum thread title", "headline in a post").
	Title, TitleHow string
}

// Article cuts text into paragraphs, gives each a role and the rule that
// decided it, splits each into sentences, and reports the metadata the text
// states. Every non-space byte of text lies in exactly one paragraph, and the
// paragraphs are in text order.
func Article(text string, h Hints) ([]Paragraph, Found) {
	us := units(text)
	c := classifier{text: text, hints: h, units: us}
	c.run()
	out := make([]Paragraph, len(us))
	for i, u := range us {
		sents := u.sents
		if sents == nil {
			sents = segment.Sentences(text, u.span)
		}
		out[i] = Paragraph{Span: u.span, Role: u.role, Rule: u.rule, Sentences: sents}
	}
	return out, c.found()
}

// unit is a paragraph being classified, with what its wording says on its own.
type unit struct {
	span token.Span
	s    string
	role Role
	rule string

	// norm is normLine(s) for a title-like unit; for another, the same
	// when it equals a title-like unit's, else "" (see classifier.run).
	norm  string
	bp    string // the boilerplate rule it matches, or ""
	meta  string // the comment or forum rule it matches, or ""
	stamp bool   // a date or time alone
	prose bool   // running text
	title bool   // reads as a title

	sents []token.Span // segment.Sentences(text, span) when already made, else nil
}

// lineFacts is what lineKind found out about a line, kept so that the unit
// the line becomes is not matched against the same rules again.
type lineFacts struct {
	span                token.Span
	bp, meta            string // as lineText.match gives them
	haveMeta, haveStamp bool   // meta and stamp were worked out
	stamp               bool
}

func newUnit(text string, sp token.Span, known *lineFacts) *unit {
	s := text[sp.Start:sp.End]
	u := &unit{span: sp, s: s}
	t := newLineText(s)
	if known != nil {
		u.bp = known.bp
	} else {
		u.bp = boilerplateOf(&t)
		if u.bp == "" && (sectionMenu(s) || categoryList(s)) {
			u.bp = "menu"
		}
		if u.bp == "" {
			u.bp = itemBar(s)
		}
		if u.bp == "" && dateOnly(s) {
			u.bp = "publication line"
		}
		if u.bp == "" && commaTagList(s) {
			u.bp = "tags line"
		}
	}
	if known != nil && known.haveMeta {
		u.meta = known.meta
	} else {
		u.meta = t.match(commentMetaRules)
	}
	if u.meta == "forum post header" && pronounStart.MatchString(s) {
		u.meta = "" // "He said:" before a quotation is text
	}
	if known != nil && known.haveStamp {
		u.stamp = known.stamp
	} else {
		u.stamp = len(s) <= 60 && postTimestamp.MatchString(s)
	}
	u.bp, u.meta, u.stamp = threadLine(s, u.bp, u.meta, u.stamp)
	u.prose = u.bp == "" && u.meta == "" && !u.stamp && proseLike(s)
	u.title = titleLike(s)
	if u.title {
		u.norm = normLine(s)
	}
	return u
}

// commaTagList reports whether s is a list of tags one per line, each
// ending with a comma (the last may not): three lines or more of one to
// four words ("Pakistan,", "Saudi Arabia,", "diplomacy,").
func commaTagList(s string) bool {
	if len(s) > 400 || strings.IndexByte(s, '\n') < 0 {
		return false
	}
	rest := strings.TrimSpace(s)
	n := 0
	for rest != "" {
		l := rest
		if k := strings.IndexByte(rest, '\n'); k >= 0 {
			l, rest = rest[:k], rest[k+1:]
		} else {
			rest = ""
		}
		l = strings.TrimSpace(l)
		if w := words(l); w < 1 || w > 4 || strings.ContainsAny(strings.TrimSuffix(l, ","), ".,;:!?") {
			return false
		}
		if rest != "" && !strings.HasSuffix(l, ",") {
			return false
		}
		n++
	}
	return n >= 3
}

// question reports whether the unit is one short question, as a headline
// may be ("Can Iran and Pakistan overcome their differences?").
func (u *unit) question() bool {
	return u.title && strings.HasSuffix(strings.TrimRight(u.s, "\"'”’)"), "?") && words(u.s) <= 14
}

// pronounStart is a line that starts with a pronoun, so that "He said:" is
// not read as a forum user's "Falcon said:".
var pronounStart = quick(rx(`(?i)^(he|she|they|it|we|i|you|who|this|that|one)\s`))

// kind is the rule that makes the unit a line of its own kind, or "".
func (u *unit) kind() string {
	switch {
	case u.bp != "":
		return u.bp
	case u.meta != "":
		return u.meta
	case u.stamp:
		return "timestamp"
	}
	return ""
}

// units cuts the text into paragraphs (segment.Paragraphs), then cuts each
// further where a line or a sentence inside it is of its own kind.
func units(text string) []*unit {
	var out []*unit
	var facts []lineFacts
	for _, p := range segment.Paragraphs(text) {
		var parts []token.Span
		parts, facts = splitLines(text, p, facts[:0])
		for _, part := range parts {
			sps, whole, sents := splitSentences(text, part)
			for _, sp := range sps {
				sp = segment.Trim(text, sp)
				if sp.Len() == 0 {
					continue
				}
				var known *lineFacts
				for i := range facts {
					if facts[i].span == sp {
						known = &facts[i]
						break
					}
				}
				u := newUnit(text, sp, known)
				if sp == whole {
					u.sents = sents // the same call would give the same spans
				}
				out = append(out, u)
			}
		}
	}
	return out
}

// splitLines cuts a multi-line paragraph before and after each line that is a
// unit of its own kind (a boilerplate line, a comment header, a timestamp).
// It appends what it found out about those lines to facts.
// titleLines reports whether the lines of a paragraph are a list of titles
// (related headlines under "Related Articles"): two to eight lines, each
// of three to sixteen words from a capital, none ending a sentence or a
// clause.
func titleLines(text string, ls []token.Span) bool {
	if len(ls) > 8 {
		return false
	}
	for _, l := range ls {
		s := text[l.Start:l.End]
		r, _ := utf8.DecodeRuneInString(s)
		if len(s) > 120 || !unicode.IsUpper(r) || words(s) < 3 || words(s) > 16 || segment.EndsSentence(s) ||
			strings.ContainsAny(s[len(s)-1:], ",;:") {
			return false
		}
	}
	return true
}

func splitLines(text string, p token.Span, facts []lineFacts) ([]token.Span, []lineFacts) {
	ls := segment.Lines(text, p)
	if len(ls) < 2 {
		return []token.Span{p}, facts
	}
	var out []token.Span
	run := 0 // lines in the current run of lines of no kind, which end at ls[k-1]
	for k, l := range ls {
		s := text[l.Start:l.End]
		if f := lineKind(s); f.kind() != "" {
			f.span = l
			facts = append(facts, f)
			out = appendRun(out, text, ls[k-run:k])
			run = 0
			out = append(out, l)
			continue
		}
		if handleAlone(s) {
			// A forum poster's handle alone is not a wrapped line of the
			// title or text above it.
			out = appendRun(out, text, ls[k-run:k])
			run = 0
			out = append(out, l)
			continue
		}
		run++
	}
	return appendRun(out, text, ls[len(ls)-run:]), facts
}

// handleAlone reports whether s is a user's handle alone on its line: one
// word of 3–30 bytes, of ASCII letters, digits, '_', '.' and '-', with a
// letter, and an underscore, a digit or a stop inside it ("tariq_rwp",
// "baloch99", "shahzad.khi"), not ending in punctuation.
func handleAlone(s string) bool {
	if len(s) < 3 || len(s) > 30 {
		return false
	}
	letter, mark := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			letter = true
		case c >= '0' && c <= '9' || c == '_':
			mark = true
		case c == '.' && i > 0 && i < len(s)-1:
			mark = true
		case c == '-' && i > 0 && i < len(s)-1:
		default:
			return false
		}
	}
	return letter && mark
}

// appendRun appends a run of lines of no kind to out: as one part, or one
// part a line when they are a list of titles.
func appendRun(out []token.Span, text string, run []token.Span) []token.Span {
	switch {
	case len(run) == 0:
		return out
	case len(run) >= 2 && titleLines(text, run):
		return append(out, run...)
	}
	return append(out, token.Span{Start: run[0].Start, End: run[len(run)-1].End})
}

// lineKind finds the rule that makes a line a unit of its own (see kind),
// with the lines of thread and blog layouts (threadLine).
func lineKind(s string) lineFacts {
	f := generalLineKind(s)
	f.bp, f.meta, f.stamp = threadLine(s, f.bp, f.meta, f.stamp)
	return f
}

func generalLineKind(s string) lineFacts {
	t := newLineText(s)
	if r := boilerplateOf(&t); r != "" {
		return lineFacts{bp: r}
	}
	if sectionMenu(s) || categoryList(s) {
		return lineFacts{bp: "menu"}
	}
	if r := itemBar(s); r != "" {
		return lineFacts{bp: r}
	}
	if dateOnly(s) {
		return lineFacts{bp: "publication line"}
	}
	if r := t.match(commentMetaRules); r != "" {
		return lineFacts{meta: r, haveMeta: true}
	}
	return lineFacts{haveMeta: true, haveStamp: true, stamp: len(s) <= 60 && postTimestamp.MatchString(s)}
}

// boilerplateOf is the boilerplate rule the text matches, or "". A
// paragraph of reported speech that ends with an agency's credit ("…,”
// Raisi said. — Reuters") is text that names its source, not a caption.
func boilerplateOf(t *lineText) string {
	r := t.match(boilerplateRules)
	if r == "" {
		r = guardedRule(t)
	}
	if r == "photo caption" && reportedSpeech.MatchString(t.s) && dashCredit.MatchString(t.s) {
		return ""
	}
	if r == "photo caption" && strings.Contains(t.s, "(") && retiredRank.MatchString(t.s) {
		// "Brig (R) Ijaz Shah": a retired officer's rank, not a
		// photo's "(R)" for right; decide on the text without it.
		t2 := newLineText(retiredRank.ReplaceAllString(t.s, "$1 retd"))
		r = t2.match(boilerplateRules)
	}
	if r == "" && creditTailCaption(t.s) {
		return "photo caption"
	}
	if r == "" && len(t.s) <= 300 && positionNamed(t.s) && !reportedSpeech.MatchString(t.s) && !strings.ContainsAny(t.s, "\"“”") {
		// "Iran's Foreign Minister X, left, and his Pakistani
		// counterpart Y at a news conference in Islamabad."
		return "photo caption"
	}
	if r == "" && len(t.s) <= 300 && creditedStop(t.s) && creditName.MatchString(t.s) &&
		(captionVerb.MatchString(t.s) || passiveNow.MatchString(t.s)) && !reportedSpeech.MatchString(t.s) {
		// "Prime Minister Imran Khan is welcomed … in Mashhad. — PID": a
		// caption in the present tense with its credit after a dash.
		return "photo caption"
	}
	return r
}

// retiredRank is a military rank with "(R)" or "(Retd)" after it: "Brig
// (R)", "Lt Gen (Retd)".
var retiredRank = rx(`\b((?:Gen|General|Lt|Lieutenant|Maj|Major|Col|Colonel|Brig|Brigadier|Capt|Captain|Cdr|Commander|Commodore|Marshal|Adm|Admiral)\.?)\s*\((?:R|r|Retd|retd|Retired|retired)\)`)

// creditTailCaption reports whether s is a caption of one sentence (10 to
// 220 bytes up to its stop) with its credit after it in another form than
// a dash: "… on Monday. Credit: AFP", "… Source: X/@Name", "… | Reuters",
// "… — Dawn/File", "… Photo/Tasnim".
func creditTailCaption(s string) bool {
	if len(s) > 300 {
		return false
	}
	i := strings.IndexAny(s, ".!?")
	if i < 10 || i > 220 {
		return false
	}
	rest := s[i+1:]
	for _, q := range []string{"”", `"`, "’"} {
		rest = strings.TrimPrefix(rest, q)
	}
	rest = strings.TrimSpace(rest)
	if rest == "" || len(rest) > 80 {
		return false
	}
	switch rest[0] | 0x20 { // the first letter in lower case, or '|', '-', and 0xe2 | 0x20 for "–" and "—"
	case 'c', 's', 'p', 'i', '|', '-', 0xe2:
	default:
		return false
	}
	return creditAfterStop.MatchString(rest)
}

// creditAfterStop is a photo's credit after its caption's stop (see
// creditTailCaption).
var creditAfterStop = rx(`(?i)^((credit|courtesy|source)s?\s*:\s*[^.!?]{2,60}|\|\s*(reuters|afp|ap|epa|getty images|xinhua|anadolu|irna|tasnim|fars|mehr|isna|app|pid|ispr)|[–—-]\s*[\p{L}.]{2,20}\s*/\s*(file|files|handout)|(photo|image|picture)s?\s*/\s*\p{Lu}[\p{L}]{1,20})\W*$`)

// positionNamed reports whether s names where a person stands in a
// picture between commas: ", left,", ", right,", ", second from left,".
func positionNamed(s string) bool {
	for i := strings.IndexByte(s, ','); i >= 0; {
		rest := strings.TrimLeft(s[i+1:], " ")
		for _, p := range positionWords {
			if strings.HasPrefix(rest, p) {
				return true
			}
		}
		j := strings.IndexByte(s[i+1:], ',')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

var positionWords = []string{"left,", "right,", "centre,", "center,", "second from left,", "second from right,", "from left,", "from right,"}

// creditName is a credit after a dash at the end: an acronym or up to
// three capitalised words, joined by slashes or spaces ("— PID", "— Photo
// courtesy ISPR", "— AFP/File").
var creditName = rx(`[.”"’]\s*[–—-]+\s*(\p{Lu}[\p{L}.]*)([ /]+\p{Lu}[\p{L}.]*){0,2}\s*$`)

// passiveNow is a verb in the present passive, as captions use it ("is
// welcomed", "are seen").
var passiveNow = rx(`\b(is|are)\s+(being\s+)?\p{L}+ed\b`)

// dashCredit is an agency's or photographer's credit after a dash at the
// end: "… on Monday. — AFP".
var dashCredit = rx(`[.”"’]\s*[–—-]+\s*[\p{L}/ .]{2,40}$`)

// creditedStop is dashCredit.MatchString(s), tried only when the pattern
// may match: reading back from the end over what a credit holds (letters,
// '/', '.', spaces), a dash with a stop or a closing quotation mark before
// it, spaces and dashes aside.
func creditedStop(s string) bool {
	n := 0 // runes read that are not spaces: the credit has at most 40
	for rest := s; rest != "" && n <= 40; {
		r, size := utf8.DecodeLastRuneInString(rest)
		rest = rest[:len(rest)-size]
		if !(r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f') {
			n++
		}
		switch {
		case r == '-' || r == '–' || r == '—':
			before := strings.TrimRight(rest, " \t\n\r\f-–—")
			if strings.HasSuffix(before, ".") || strings.HasSuffix(before, "”") || strings.HasSuffix(before, `"`) || strings.HasSuffix(before, "’") {
				return dashCredit.MatchString(s)
			}
		case unicode.IsLetter(r) || r == '/' || r == '.' || r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f':
		default:
			return false
		}
	}
	return false
}

// reportedSpeech is a verb of reported speech, which captions lack.
var reportedSpeech = rx(`\b(said|says|told|added|stated|according to|announced|noted|stressed)\b`)

// kind names the rule that makes the line a unit of its own, or "".
func (f *lineFacts) kind() string {
	switch {
	case f.bp != "":
		return f.bp
	case f.meta != "":
		return f.meta
	case f.stamp:
		return "timestamp"
	}
	return ""
}

// splitSentences cuts a licence notice glued to the end of a paragraph, and
// links to other stories between its sentences, into units of their own. It
// also returns the span it split into sentences and those sentences, for a
// unit that is that span.
func splitSentences(text string, p token.Span) (parts []token.Span, whole token.Span, wholeSents []token.Span) {
	s := text[p.Start:p.End]
	var tail token.Span
	if loc := findLicence(s); loc != nil && loc[0] > 0 && !licenceLead(s[:loc[0]]) {
		tail = token.Span{Start: p.Start + loc[0], End: p.End}
		p.End = p.Start + loc[0]
	} else if at := readMoreTail(s); at > 0 {
		// "… adding that the… Read more": the link is a unit of its own.
		tail = token.Span{Start: p.Start + at, End: p.End}
		p.End = p.Start + at
	}
	var out []token.Span
	whole = p
	wholeSents = segment.Sentences(text, p)
	sents := splitGluedFurniture(text, wholeSents)
	if len(sents) < 2 {
		out = append(out, p)
	} else {
		cur := token.Span{Start: -1}
		for _, st := range sents {
			if inlineLink.MatchString(text[st.Start:st.End]) || gluedFurniture.MatchString(text[st.Start:st.End]) && st.Len() <= 40 {
				if cur.Start >= 0 {
					out = append(out, cur)
					cur.Start = -1
				}
				link, rest := splitLinkFromText(text, st)
				out = append(out, link)
				if rest.Len() > 0 {
					cur = rest
				}
				continue
			}
			if cur.Start < 0 {
				cur.Start = st.Start
			}
			cur.End = st.End
		}
		if cur.Start >= 0 {
			out = append(out, cur)
		}
	}
	if tail.Len() > 0 {
		out = append(out, tail)
	}
	return out, whole, wholeSents
}

// readMoreAfterCut is a link to the rest of a story glued after the text
// where a copy cuts it off: an ellipsis or a stop, then "Read more",
// "Continue reading", "(more…)", "Read More »" at the very end. Its runs of
// spaces are bounded so that a match spans at most readMoreSpan bytes.
var readMoreAfterCut = rx(`(?i)(?:…|\.{3}|[.!?”"’]|\[(?:…|\.{3})\])\s{0,4}((?:\(\s{0,4})?(?:read\s{1,4}more|continue\s{1,4}reading|keep\s{1,4}reading|read\s{1,4}on|read\s{1,4}the\s{1,4}(?:full|rest\s{1,4}of\s{1,4}the|whole)\s{1,4}(?:story|article|report|piece)|full\s{1,4}story)(?:\s{1,4}(?:at|on)\s{1,4}[\w.-]{2,30}(?:\s{1,2}[\w.-]{1,20}){0,3})?\s{0,4}(?:…|\.{3}|»|›|>|→)?\s{0,4}\)?|\(\s{0,4}more\s{0,4}(?:…|\.{3})?\s{0,4}\)|more\s{0,4}(?:…|\.{3}|»|›|→))\s{0,4}$`)

// readMoreSpan bounds the bytes a match of readMoreAfterCut spans.
const readMoreSpan = 240

// readMoreTail returns where a read-more link glued to the end of s starts
// (readMoreAfterCut), or -1. The pattern is run on the last readMoreSpan
// bytes only, and only when the last 144 bytes hold the word every match
// has within 136 bytes of its end ("more", "read", "story", "article",
// "report", "piece"; ASCII case aside) and s ends as a match must
// (mayEndReadMore).
func readMoreTail(s string) int {
	off := max(0, len(s)-readMoreSpan)
	end := s[off:]
	last := s[max(0, len(s)-144):]
	// (?i) matches "ſtory" with "story": with a long s, the pattern decides.
	if !strings.Contains(last, "\u017f") && (!mayEndReadMore(s) || !containsFoldASCII(last, "more") && !containsFoldASCII(last, "read") &&
		!containsFoldASCII(last, "story") && !containsFoldASCII(last, "article") && !containsFoldASCII(last, "report") && !containsFoldASCII(last, "piece")) {
		return -1
	}
	m := readMoreAfterCut.FindStringSubmatchIndex(end)
	if m == nil {
		return -1
	}
	return off + m[2]
}

// mayEndReadMore reports whether s ends as a match of readMoreAfterCut
// must: past trailing spaces, with ")", ">", "…", "»", "›" or "→"; with
// "..."; or with a word (a stop after it aside) that holds a dot ("dawn.com"),
// that is "more", "reading", "on", "story", "article", "report" or "piece",
// or that ends a site's name of up to four words after "at" or "on" that
// follow such a word ("Continue reading on The Express Tribune."). Most
// paragraphs end with a word and a single stop, and fail.
func mayEndReadMore(s string) bool {
	t := strings.TrimRight(s, " \t\n\f\r")
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case ')', '>', '…', '»', '›', '→':
		return true
	case '.':
		if strings.HasSuffix(t, "...") {
			return true
		}
	default:
		if !(r == '_' || r == '-' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return false
		}
	}
	// The last six words, from the end, split at the pattern's \s.
	var ws [6]string
	n := 0
	for end := len(t); n < len(ws) && end > 0; n++ {
		start := end
		for start > 0 && !perlSpace(t[start-1]) {
			start--
		}
		ws[n] = t[start:end]
		for end = start; end > 0 && perlSpace(t[end-1]); end-- {
		}
	}
	if r == '.' {
		if strings.Count(ws[0], ".") >= 2 {
			return true
		}
	} else if strings.IndexByte(ws[0], '.') >= 0 || isReadMoreWord(ws[0]) {
		return true
	}
	// A site's name of up to four words after "at" or "on", which follow
	// the link's last word: "Continue reading on The Express Tribune".
	for k := 1; k+1 < n && k <= 4; k++ {
		if w := ws[k]; len(w) == 2 && (hasPrefixLowerASCII(w, "at") || hasPrefixLowerASCII(w, "on")) && isReadMoreWord(ws[k+1]) {
			return true
		}
	}
	return false
}

// isReadMoreWord reports whether w is a word a read-more link ends with
// ("more", "reading", "on", "story", "article", "report", "piece"), ASCII
// case aside.
func isReadMoreWord(w string) bool {
	for _, kw := range [...]string{"more", "reading", "on", "story", "article", "report", "piece"} {
		if len(w) == len(kw) && hasPrefixLowerASCII(w, kw) {
			return true
		}
	}
	return false
}

// splitLinkFromText cuts an "Also read: <headline>" link from the sentence of
// text that scraping glued to it ("Also Read: Coast guards arrest 12
// smugglers in Gwadar The seized drugs included …"): the text starts at the
// first word, from the fourth on, that usually opens a sentence ("The",
// "He", …) and is followed by at least five more words up to a full stop.
func splitLinkFromText(text string, st token.Span) (link, rest token.Span) {
	s := text[st.Start:st.End]
	if !segment.EndsSentence(s) {
		return st, token.Span{}
	}
	fields := strings.Fields(s)
	if len(fields) < 10 {
		return st, token.Span{}
	}
	for k := 3; k <= len(fields)-6; k++ {
		if !sentenceOpeners[fields[k]] {
			continue
		}
		off := 0
		for j := 0; j < k; j++ {
			off = strings.Index(s[off:], fields[j]) + off + len(fields[j])
		}
		off = strings.Index(s[off:], fields[k]) + off
		return segment.Trim(text, token.Span{Start: st.Start, End: st.Start + off}),
			segment.Trim(text, token.Span{Start: st.Start + off, End: st.End})
	}
	return st, token.Span{}
}

func firstWord(s string) string {
	if i := strings.IndexAny(s, " \t\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// sentenceOpeners are words that open a sentence of news text far more often
// than they stand inside a headline.
var sentenceOpeners = map[string]bool{"The": true, "He": true, "She": true, "They": true, "It": true, "This": true,
	"In": true, "A": true, "An": true, "According": true, "Officials": true, "Earlier": true, "Meanwhile": true}

// gluedFurniture is page furniture that scraping glued to the start of a
// sentence: "Advertisement The minister added …".
var gluedFurniture = quick(rx(`^(?i:advertisement|story continues below(?: advertisement)?|article continues below|scroll to continue(?: with content)?|continue reading below)\b`))

// splitGluedFurniture cuts glued furniture off the sentences that start with
// it, when a capitalised word follows, so that it becomes a unit of its own.
func splitGluedFurniture(text string, sents []token.Span) []token.Span {
	var out []token.Span
	for i, st := range sents {
		loc := gluedFurniture.FindStringIndex(text[st.Start:st.End])
		if loc == nil {
			if out != nil {
				out = append(out, st)
			}
			continue
		}
		rest := segment.Trim(text, token.Span{Start: st.Start + loc[1], End: st.End})
		r, _ := utf8.DecodeRuneInString(text[rest.Start:rest.End])
		if rest.Len() == 0 || !unicode.IsUpper(r) {
			if out != nil {
				out = append(out, st)
			}
			continue
		}
		if out == nil {
			out = append(out, sents[:i]...)
		}
		out = append(out, token.Span{Start: st.Start, End: st.Start + loc[1]}, rest)
	}
	if out == nil {
		return sents
	}
	return out
}

// state is where the classifier is on the page.
type state int

const (
	top       state = iota // before the first body paragraph
	inBody                 // article text
	inComment              // after a comments header or the first comment
	inPost                 // a forum user's post
	inQuoted               // an article quoted inside a forum post
	inFooter               // the forum's footer under a thread ("Similar threads", "Posting Permissions")
)

type classifier struct {
	text  string
	hints Hints
	units []*unit
	st    state

	title, titleHow string
	titleNorm       string // normLine(title), once the title is chosen
	sourceNorm      string // normLine(hints.Source)
	siteName        string
	counts          map[string]int
	proseFrom       []int // proseFrom[i]: prose units from i on, up to the next comments header
	bodySeen        int   // units given the body role so far
	titleAt         int   // the first unit that is the headline, or -1
	forumMarks      bool  // the page has forum markup besides "X said:" lines
	dumped          bool  // dumpThread found a thread copied with its link post
	threadAt        int   // the unit that started the comments, once st is inComment
	mail            bool  // the page is an e-mail message (see mail.go)
	mailMarker      int   // the forward marker's unit, or -1
	mailFwd         bool  // in the forwarded message's header
	lastMark        int   // the last unit that may belong to a comment: a comment's line or a time stamp, or -1
	toolbarEnd      int   // the last unit of a web archive's toolbar above the page (see archive.go), or -1

	// Worked out by commentFurniture once the comments start: the first
	// comment's head, the last comment line (threadLast), the page's footer (-1:
	// none).
	firstHead, threadLast, footer int
	dateHeads                     int    // units at which dateHead holds, or -1 before they are counted
	siteNormed, siteNormS         string // siteName when siteNormS was made, and its normLine
}

func (c *classifier) set(i int, r Role, rule string) {
	if c.units[i].role == Body {
		c.bodySeen--
	}
	if r == Body {
		c.bodySeen++
	}
	c.units[i].role, c.units[i].rule = r, rule
}

func (c *classifier) run() {
	// Lines are compared only with title-like lines (the headline, the
	// candidates for it, the site's name), so only those are normalised;
	// another unit takes the norm of the one it equals, if any.
	c.twoSentenceTitle()
	c.dateHeads = -1 // counted when first needed (countDateHeads)
	c.counts = make(map[string]int)
	c.firstHead = -1
	var norms []string
	for _, u := range c.units {
		if u.title {
			if c.counts[u.norm] == 0 {
				norms = append(norms, u.norm)
			}
			c.counts[u.norm]++
		}
	}
	for _, u := range c.units {
		if u.title {
			continue
		}
		for _, n := range norms {
			if normEqual(u.s, n) {
				u.norm = n
				c.counts[n]++
				break
			}
		}
	}
	c.proseFrom = make([]int, len(c.units)+1)
	for i := len(c.units) - 1; i >= 0; i-- {
		switch u := c.units[i]; {
		case u.bp == "comments header":
			c.proseFrom[i] = 0
		case u.prose:
			c.proseFrom[i] = c.proseFrom[i+1] + 1
		default:
			c.proseFrom[i] = c.proseFrom[i+1]
		}
	}
	mail := 0
	for _, u := range c.units {
		if u.meta == "forum member line" && !hasPrefixLowerASCII(u.s, "location") || u.meta == "forum post header" && !weakHeader.MatchString(u.s) ||
			u.meta == "comment buttons" && clickToExpand.MatchString(u.s) {
			c.forumMarks = true
			break
		}
		if u.meta == "forum post header" && mailHeader.MatchString(u.s) {
			if mail++; mail == 2 {
				c.forumMarks = true // a message's From: and Sent: lines
				break
			}
		}
	}
	c.mail, c.mailMarker = mailPage(c.units)
	c.lastMark = -1
	for i, u := range c.units {
		if u.meta != "" || u.stamp || len(u.s) <= 60 && commentMark(u.s) {
			c.lastMark = i
		}
	}
	c.chooseTitle()
	if c.toolbarEnd = archiveToolbarEnd(c.units); c.toolbarEnd >= 0 {
		c.chooseTitleFrom(c.toolbarEnd + 1)
	}
	if h := c.sharedArticle(); h >= 0 {
		// A user's remarks around an article they pasted: read it as a post.
		c.st = inPost
		c.title, c.titleHow, c.titleAt = c.units[h].s, "headline in a post", h
	}
	from := 0
	if c.st == top {
		if first := c.dumpThread(); first >= 0 {
			c.classifyDump(first) // a thread copied with its link post
			from, c.dumped = first, true
		}
	}
	c.titleNorm, c.sourceNorm = normLine(c.title), normLine(c.hints.Source)
	for i := from; i < len(c.units); i++ {
		c.classify(i)
	}
	c.postThread()
	c.appealBoxes()
	c.promoBoxes()
	c.authorBlocks()
	c.reportPages()
	c.relatedBoxes()
	c.pullQuotes()
	c.socialPosts()
}

// sharedArticle finds a news article pasted between a user's remarks with no
// forum markup left: the first title-like line, not at the top, followed
// (past bylines and publication lines) by a datelined paragraph, with only
// short remarks and furniture before it. It returns the title's index, or -1.
func (c *classifier) sharedArticle() int {
	remarks := 0
	for h, u := range c.units {
		switch {
		case u.kind() != "":
			continue
		case u.prose:
			if len(u.s) > 300 {
				return -1 // text, not a remark
			}
			remarks++
			continue
		case !u.title:
			continue
		}
		if remarks == 0 {
			return -1 // a title at the top: an ordinary page
		}
		j := h + 1
		for j < len(c.units) && (c.units[j].bp == "byline" || c.units[j].bp == "publication line" || c.units[j].bp == "dateline alone") {
			j++
		}
		if j < len(c.units) && c.units[j].prose && isDatelined(c.units[j].s) {
			return h
		}
		return -1
	}
	return -1
}

// chooseTitle picks the headline among the title-like lines before the first
// prose paragraph: the manifest's title, else a line that the page repeats,
// else the first of 5–16 words, else the longest of at least three words.
func (c *classifier) chooseTitle() { c.chooseTitleFrom(0) }

// chooseTitleFrom is chooseTitle over the units from the one at from on (a
// forwarded message's article starts a page of its own).
func (c *classifier) chooseTitleFrom(from int) {
	var cands []int
	threadTitle := false
	for i, u := range c.units[from:] {
		if u.meta == "forum post header" {
			threadTitle = true
		}
		if c.forumMarks && c.postHeadAhead(from+i) {
			threadTitle = true // a poster's name over the post's header
			break
		}
		if u.prose && !u.question() || startsPost(u) {
			break // the text, or a post or comment, has begun
		}
	}
	for i := from; i < len(c.units); i++ {
		u := c.units[i]
		if c.kickerAt(i) {
			continue // a section label's explanation above the headline
		}
		if u.prose && !u.question() || startsPost(u) && u.meta != "commenter line" || c.forumMarks && c.postHeadAhead(i) {
			break // the text, or a post or comment, has begun (a name and an age at the top are a publication line)
		}
		if len(cands) > 0 && (isLiveStamp(u.s) || u.stamp && agoStamp.MatchString(u.s)) {
			break // a live blog's first post has begun
		}
		if u.kind() != "" || !u.title {
			continue
		}
		if i+1 < len(c.units) && channelLine.MatchString(strings.TrimSpace(c.units[i+1].s)) {
			continue // a channel's or an account's name over its handle or its subscribers
		}
		if i+1 < len(c.units) && letterhead.MatchString(c.units[i+1].s) {
			continue // an organisation's name over its address lines: a letterhead
		}
		cands = append(cands, i)
	}
	if m := c.mastheadEnd(cands); m >= 0 {
		// The site's name and motto above its menu are not the headline.
		for len(cands) > 0 && cands[0] < m {
			cands = cands[1:]
		}
	}
	best, how := -1, ""
	if ht := normLine(c.hints.Title); ht != "" {
		for _, i := range cands {
			if sameTitle(c.units[i].norm, ht) {
				best, how = i, "title from manifest"
				break
			}
		}
	}
	if best < 0 {
		for k, i := range cands {
			// A site's name repeated as the byline is not the headline,
			// nor a writer's name repeated in the author box.
			if c.counts[c.units[i].norm] > 1 && !isOutletName(c.units[i].s) && !nameLine(c.units[i].s) && !c.shortRepeat(cands, k) {
				best, how = i, "repeated line"
				break
			}
		}
	}
	// A line that names an outlet is the site's name, not the headline.
	var titles []int
	for _, i := range cands {
		if !isOutletName(c.units[i].s) {
			titles = append(titles, i)
		}
	}
	if best < 0 {
		cands = titles
	}
	if best < 0 {
		for _, i := range cands {
			if p := i - 1; p >= from && c.wrappedTitle(p, i) {
				best, how = i, "first title line" // a title broken over two lines
				break
			}
		}
	}
	if best < 0 && threadTitle && len(cands) > 0 {
		// Above the first post of a forum thread: the thread's title.
		best, how = cands[len(cands)-1], "forum thread title"
	}
	if best < 0 {
		// The first line of headline length (a site or section name above it
		// is shorter, a standfirst below it longer); else the longest.
		for _, i := range cands {
			// Four words make a headline when one of them is in lower
			// case ("Pakistan retaliates against Iran"), not a label.
			if n := words(c.units[i].s); n >= 5 && n <= 16 || n == 4 && lowerWords(c.units[i].s) > 0 {
				best, how = i, "first title line"
				break
			}
		}
	}
	if best < 0 {
		for _, i := range cands {
			if words(c.units[i].s) >= 3 && (best < 0 || len(c.units[i].s) > len(c.units[best].s)) {
				best, how = i, "longest title line"
			}
		}
	}
	c.titleAt = -1
	if best >= 0 {
		c.title, c.titleHow = c.units[best].s, how
		for i := from; i < len(c.units); i++ {
			if c.units[i].norm == c.units[best].norm {
				c.titleAt = i
				break
			}
		}
	}
}

// wrappedTitle reports whether units p and i are one title broken over two
// lines, as a report copied from a PDF gives it: the first line ends with a
// word that cannot end a title ("… MANAGEMENT: FROM"), both are in
// capitals, and together they have five to twenty-two words.
func (c *classifier) wrappedTitle(p, i int) bool {
	a, b := c.units[p], c.units[i]
	n := words(a.s) + words(b.s)
	return !a.prose && a.kind() == "" && b.title && n >= 5 && n <= 22 && endsDangling(a.s) && allCaps(a.s) && allCaps(b.s) &&
		!strings.ContainsAny(a.s, "\n\r")
}

// allCaps reports whether s has letters and none of them in lower case.
func allCaps(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// kickerAt reports whether unit i is a section label's explanation above
// the headline, not the start of the text: one short sentence (at most
// twelve words) that follows a label line of one or two words or opens
// with a label and a colon ("Argument" / "An expert's point of view on a
// current event.", "Analysis: Our correspondents explain the news."),
// with nothing but furniture before it, and a title line with text under
// it just below. A text does not open with a short sentence over a title.
func (c *classifier) kickerAt(i int) bool {
	u := c.units[i]
	if !u.prose || u.kind() != "" || len(u.s) > 90 || words(u.s) > 12 || !segment.EndsSentence(u.s) || i+2 >= len(c.units) {
		return false
	}
	if !labelColon.MatchString(u.s) && (i == 0 || words(c.units[i-1].s) > 2 || !c.units[i-1].title || c.units[i-1].prose) {
		return false
	}
	t, next := c.units[i+1], c.units[i+2]
	if t.kind() != "" || !t.title || t.prose || words(t.s) < 4 || !next.prose {
		return false
	}
	for _, p := range c.units[:i] {
		if p.prose && p.kind() == "" {
			return false
		}
	}
	return true
}

// labelColon is a line that opens with a label of one or two capitalised
// words and a colon: "Argument: …", "Big Think: …".
var labelColon = rx(`^\p{Lu}\p{L}+( \p{Lu}\p{L}+)?: \p{Lu}`)

// letterhead is an organisation's address line under its name at the top
// of a report or a press release: "Web: www.example.org", "Phone: +92 …".
var letterhead = rx(`(?i)^(web|website|phone|tel|telephone|fax|e-?mail)\s*[:.]\s*\S`)

// channelLine is a channel's or an account's handle or audience under its
// name: "@IranIntl_En", "12.4K subscribers", "3,201 followers".
var channelLine = rx(`(?i)^(@[\w.]{2,30}|[\d.,]+\s*[km]?\s+(subscribers|followers|members))$`)

// nameLine reports whether s reads as a person's name alone: two or three
// capitalised words, none of them a function word ("Ayesha Siddiqa"), as a
// byline without "By" or an author box gives it.
func nameLine(s string) bool {
	n := words(s)
	if n < 2 || n > 3 || strings.ContainsAny(s, ":|,") {
		return false
	}
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || segment.FunctionWord(strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// startsPost reports whether u may start a forum post or a comment: a post
// header, or a comment's line that no boilerplate rule claims (classify
// decides in that order, so "AGREE" on a consent banner is not a comment's
// button).
func startsPost(u *unit) bool {
	return u.meta == "forum post header" || u.meta != "" && u.bp == ""
}

// sameTitle reports whether two folded lines are the same title, allowing one
// to carry a suffix or prefix the other lacks ("… - The Express Tribune") as
// long as the shared part is most of the longer one.
func sameTitle(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a)*10 >= len(b)*6 && (strings.HasPrefix(b, a) || strings.HasSuffix(b, a))
}

// proseLike reports whether s reads as running text: a sentence that ends
// with a stop, or a long line.
func proseLike(s string) bool {
	if len(s) > 160 {
		return true // long, whatever its words
	}
	n := words(s)
	if (segment.EndsSentence(s) || creditedStop(s)) && n >= 6 {
		return true // "… said on Monday." or "… on Monday. — APP"
	}
	return n > 22 || len(s) > 160
}

func (c *classifier) classify(i int) {
	u := c.units[i]
	s, n, bp, meta, stamp := u.s, u.norm, u.bp, u.meta, u.stamp
	if c.mail && c.classifyMail(i) {
		return
	}
	if i <= c.toolbarEnd {
		c.set(i, Boilerplate, "archive toolbar")
		return
	}

	if meta == "forum post header" && (c.st == inBody || c.st == top) && !c.forumMarks && weakHeader.MatchString(s) {
		// "Raisi said:" before a quotation, "Re: your editorial" in a
		// letter, "From: …" over a letter, on a page with no other forum
		// or mail markup: text or furniture, not a post's header.
		meta, u.meta = "", ""
	}
	if meta == "commenter line" && c.speakerIntro(i) {
		meta, u.meta = "", "" // "Ishaq Dar says:" before a quotation
	}
	if c.st == inFooter {
		// Under the thread only the site's furniture follows: similar
		// threads with their counts, permissions, the software's credit.
		switch {
		case bp != "":
			c.set(i, Boilerplate, bp)
		default:
			c.set(i, Boilerplate, "forum footer")
		}
		return
	}
	if bp == "forum footer" && (c.st == inPost || c.st == inQuoted || c.st == inComment) {
		c.set(i, Boilerplate, bp)
		c.st = inFooter
		return
	}
	if (c.st == top || c.st == inBody) && c.forumMarks && c.seenTitle(i) && c.postHeadAhead(i) {
		// A poster's name over the rest of the post's header (see
		// postHeadAhead): the first post starts here.
		c.set(i, Comment, "forum post")
		c.st = inPost
		return
	}
	if meta == "forum post header" {
		switch {
		case strings.HasPrefix(strings.ToLower(s), "thread:"):
			c.set(i, Headline, "forum thread title")
		case threadByline(s):
			c.set(i, Boilerplate, "thread byline")
		default:
			c.set(i, Comment, meta)
		}
		c.st = inPost
		return
	}
	if c.title != "" && n == c.titleNorm {
		if i == c.titleAt {
			c.set(i, Headline, c.titleHow)
		} else {
			c.set(i, Headline, "repeated headline")
		}
		if c.st == inPost {
			c.st = inQuoted
		}
		return
	}
	switch c.st {
	case inComment:
		if c.commentFurniture(i) || c.quotedInComment(i) {
			return
		}
		switch {
		case c.threadOver(i) && bp != "":
			c.set(i, Boilerplate, bp)
		case c.threadOver(i):
			c.set(i, Boilerplate, "after the thread")
		case bp == "comments header" && repliesCount(s):
			c.set(i, Comment, "comment buttons") // "Replies (2)" under a comment
		case bp == "comments header":
			c.set(i, Boilerplate, bp)
			if zeroComments(s) && c.noCommentSince(c.threadAt) {
				// "What do you think?" then "0 Responses": no thread
				// follows, only the widget's buttons.
				c.st = inBody
			}
		case bp != "" && commentsClosed(s) && c.noCommentSince(c.threadAt):
			// "Comments are closed." under the header, before any
			// comment: no thread follows, only the page's links.
			c.set(i, Boilerplate, bp)
			c.st = inBody
		case meta != "":
			c.set(i, Comment, meta)
		case navRules[bp]:
			c.set(i, Boilerplate, bp)
		case u.title && !u.prose && i > 0 && c.units[i-1].role == Boilerplate &&
			(c.units[i-1].rule == "read more link" || c.units[i-1].rule == "link after the text"):
			// Headlines listed under "More in Pakistan" after the thread.
			c.set(i, Boilerplate, "link after the text")
		case stamp:
			c.set(i, Comment, "comment timestamp")
		default:
			c.set(i, Comment, "after comments header")
		}
		return
	case inPost, inQuoted:
		c.classifyForum(i, bp, meta, stamp)
		return
	}
	if c.dateHeadStarts(i) {
		// A reply's name over its date, in a thread with no comments
		// header: the thread starts here.
		c.set(i, Comment, "commenter name")
		c.st, c.threadAt = inComment, i
		return
	}
	switch {
	case bp == "comments header":
		// A comment count under the headline ("12 Comments") is a link; the
		// thread starts only after the text.
		c.set(i, Boilerplate, bp)
		if c.st == inBody && !zeroComments(s) && !c.textGoesOn(i) {
			c.st, c.threadAt = inComment, i
		}
		return
	case bp != "":
		c.set(i, Boilerplate, bp)
		if bp == "publication line" && c.st == inBody && stamp && c.nameBefore(i) {
			c.startComments(i)
		}
		return
	case stamp:
		if c.st == inBody && c.nameBefore(i) {
			c.startComments(i)
			return
		}
		if isLiveStamp(s) {
			c.set(i, Boilerplate, "live-blog timestamp")
			return
		}
		c.set(i, Boilerplate, "publication line")
		return
	case meta == "commenter line" && c.st == inBody && c.bodySeen >= 2 && !c.textGoesOn(i) && i+1 < len(c.units):
		// "Raj | Jan 5, 2018 5:13PM" after the text starts the comments
		// (unless news prose goes on after it: then it stamps a post; or
		// nothing does: a comment has text).
		c.set(i, Comment, meta)
		c.st, c.threadAt = inComment, i
		return
	case meta == "commenter line" && c.st == top:
		// A name and an age above the text ("Business Recorder   2
		// hours ago"): an aggregator's source and publication line.
		c.set(i, Boilerplate, "publication line")
		return
	case meta != "":
		// Buttons such as "Like" or "Share" before any comment are the
		// page's share bar.
		c.set(i, Boilerplate, meta)
		return
	case isLiveStamp(s):
		c.set(i, Boilerplate, "live-blog timestamp")
		return
	}
	if keyEvent.MatchString(s) && (i+1 == len(c.units) || !c.units[i+1].prose) {
		// "2h ago   Iran summons …" in a live blog's list of key events (a
		// link to the entry; an entry's own stamped title has its text
		// under it).
		c.set(i, Boilerplate, "key event link")
		return
	}
	if c.tagItem(i) {
		c.set(i, Boilerplate, "tag")
		return
	}
	if c.st == top && c.seenTitle(i) && u.title && !u.prose && c.units[i-1].rule == "live-blog timestamp" && i+1 < len(c.units) && c.units[i+1].prose {
		// A live blog's first entry under its time stamp and over its
		// text, whatever its title ("Summary"): not a label under the
		// headline.
		c.set(i, Headline, "live-blog post title")
		return
	}
	if c.st == top && c.seenTitle(i) && c.verblessCaption(i) {
		c.set(i, Boilerplate, "photo caption") // under the headline's furniture, over the text
		return
	}
	if c.st == top {
		if c.classifyTop(i) {
			return
		}
	}
	if c.st == inBody && tableRow(s) && c.units[i-1].role == Body && c.tableHasNumbers(i) {
		// A row of a table in the text, flattened to cells between
		// tabs: the table is text.
		c.set(i, Body, "table row")
		return
	}
	if !u.prose && u.title && c.st == inBody {
		if c.bylineAbovePublished(i) {
			c.set(i, Boilerplate, "byline") // "Nayanima Basu" over the date
			return
		}
		if i > 0 && isPostStamp(c.units[i-1]) || liveStamp.MatchString(s) {
			c.set(i, Headline, "live-blog post title")
			return
		}
		if (listNumber.MatchString(s) || romanNumbered(s)) && words(s) <= 12 && i+1 < len(c.units) && c.units[i+1].prose {
			// A numbered section title, followed by its text (items of a
			// numbered list follow each other instead).
			c.set(i, Headline, "numbered subheading")
			return
		}
		if speakerTurn.MatchString(s) && (c.units[i-1].role == Body && speakerTurn.MatchString(c.units[i-1].s) ||
			i+1 < len(c.units) && speakerTurn.MatchString(c.units[i+1].s)) {
			// A short turn of an interview or a transcript ("Tehran
			// Times: And trade?") among turns of the same form.
			c.set(i, Body, "interview turn")
			return
		}
		if whollyQuoted(s) {
			c.set(i, Body, "text") // “We are brothers”: a quotation, not a title
			c.st = inBody
			return
		}
		if words(s) <= 4 && c.units[i-1].role == Body && (c.proseAfter(i) >= 2 || c.textNext(i)) && !c.titleNext(i) {
			// A short title between paragraphs of text, with text under it.
			c.set(i, Headline, "subheading")
			return
		}
		if c.lastText(i) && (c.units[i-1].role == Body && sentenceOpeners[firstWord(s)] || c.bodySeen > 0 && cutSentence(s)) {
			// "The two sides also discussed", or a long sentence that
			// lost its stop: text, not a headline (headlines are shorter).
			c.set(i, Body, "truncated text")
			return
		}
		if i+2 < len(c.units) && c.units[i+1].stamp && timeIn.MatchString(c.units[i+1].s) && c.units[i+2].prose && lowerWords(s) > 0 {
			// A title over its time stamp and text: a live blog's post.
			c.set(i, Headline, "live-blog post title")
			return
		}
		if c.bylineThenText(i) {
			// A title over its own byline and text: a live blog's
			// post, or a section signed by its writer.
			c.set(i, Headline, "live-blog post title")
			return
		}
		if c.summaryPoint(i) {
			c.set(i, Body, "summary point")
			return
		}
		if c.hasBodyAfter(i) {
			c.set(i, Boilerplate, "inserted headline")
		} else {
			c.set(i, Boilerplate, "link after the text")
		}
		return
	}
	if len(s) < 300 && c.creditNext(i) && captionVerb.MatchString(s) || agencyCaption(s) || creditedCaption(s) || len(s) < 300 && c.copyrightCredit(i) || c.verblessCaption(i) {
		// "X and Y review an honour guard." over "Photo by Tasnim".
		c.set(i, Boilerplate, "photo caption")
		return
	}
	if c.st == inBody && i > 0 && len(s) < 300 && mayBeAuthorBio(s) {
		if m := authorBio.FindStringSubmatch(s); m != nil &&
			(c.units[i-1].role == Boilerplate || strings.HasPrefix(s, "*") || hasAuthorContact(s) || c.bylineNames(m[1])) {
			c.set(i, Boilerplate, "author bio")
			return
		}
	}
	if c.st == inBody && !u.prose && words(s) <= 16 && !segment.EndsSentence(s) && c.units[i-1].role == Boilerplate &&
		(c.units[i-1].rule == "read more link" || c.units[i-1].rule == "link after the text") {
		// A title under "Related Articles" that does not read as one
		// ("Zahedan's Bloody Friday: One Year On"): a link all the same.
		c.set(i, Boilerplate, "link after the text")
		return
	}
	c.set(i, Body, "text")
	if i == 0 || c.st == top {
		if isDatelined(s) {
			u.rule = "datelined text"
		}
	}
	c.st = inBody
}

// classifyTop decides a unit above the first paragraph of text; it reports
// false when the unit is the start of the body.
func (c *classifier) classifyTop(i int) bool {
	u := c.units[i]
	s := u.s
	if i == 0 && handleAtTop(s) {
		c.set(i, Boilerplate, "site name") // "hindustantimes": a logo's text
		return true
	}
	if c.titleAt == i+1 && c.wrappedTitle(i, i+1) {
		// A title broken over two lines ("PAKISTAN-IRAN BORDER
		// MANAGEMENT: FROM" / "FENCING TO COOPERATION"): its first line.
		c.set(i, Headline, "title line above the headline")
		return true
	}
	if c.titleAt == i+1 && c.kickerAt(i) {
		c.set(i, Boilerplate, "section label") // "Argument: An expert's point of view …"
		return true
	}
	if u.prose && !u.question() || !u.title {
		return false
	}
	if src := c.sourceNorm; src != "" && u.norm == src || c.title == "" && i == 0 && isOutletName(s) {
		c.set(i, Boilerplate, "site name")
		if i == 0 {
			c.siteName = s
		}
		return true
	}
	// A title-like line above the headline is the site's name or a section
	// label; below it, a long one is a subtitle.
	if c.title != "" && !c.seenTitle(i) {
		switch {
		case i == 0 && words(s) <= 6:
			c.set(i, Boilerplate, "site name")
			c.siteName = s
		case c.aboveMasthead(i):
			c.set(i, Boilerplate, "site tagline") // the site's motto above its menu
		case words(s) >= 4 && i > 0 && lowerWords(s) > 0:
			// A line of capitalised words is a section label ("WORLD,
			// ASIA - PACIFIC", "South & Central Asia"), not a kicker.
			c.set(i, Headline, "title line above the headline")
		default:
			c.set(i, Boilerplate, "section label")
		}
		return true
	}
	if c.title != "" && words(s) >= 5 && lowerWords(s) >= 2 {
		// Below the headline: a line of five words or more, two of them
		// in lower case, is the standfirst, which is text; the title of
		// a live blog's first post under its time stamp is a headline.
		if i == 0 || !isPostStamp(c.units[i-1]) {
			c.set(i, Body, "standfirst")
			return true
		}
		c.set(i, Headline, "subtitle")
		return true
	}
	if c.title != "" && words(s) >= 3 && lowerWords(s) >= 1 && !strings.ContainsAny(s, ":|") && c.textNext(i) && !isOutletName(s) {
		// A short title of three words or more, one in lower case, over
		// the first paragraph: the text's first subheading ("Here's what
		// we know"), not a label such as "Live updates".
		c.set(i, Headline, "subheading")
		return true
	}
	if c.title != "" {
		c.set(i, Boilerplate, "label below the headline")
		return true
	}
	if words(s) <= 3 {
		c.set(i, Boilerplate, "label above the text")
		return true
	}
	return false
}

// bylineNames reports whether a byline of the page ("By Sameer Ahmed*")
// holds name: a line about that person is the author's note.
func (c *classifier) bylineNames(name string) bool {
	for _, u := range c.units {
		if u.bp == "byline" && strings.Contains(u.s, name) {
			return true
		}
		if u.role == Boilerplate && strings.TrimSpace(u.s) == name {
			return true // a byline without "By" ("Laura Zhou" over the text)
		}
	}
	return false
}

// creditNext reports whether the unit after i is a photo credit alone
// ("Photo by Tasnim", "Photo: AFP"), which credits the caption above it.
func (c *classifier) creditNext(i int) bool {
	if i+1 >= len(c.units) {
		return false
	}
	n := c.units[i+1]
	return (n.bp == "photo caption" || n.bp == "byline") && words(n.s) <= 6 && creditAlone.MatchString(n.s)
}

// copyrightCredit reports whether unit i is followed, on the same line, by
// a bare copyright credit ("… reduce smuggling. © Reuters"): a photo's
// credit, not the page's licence, which names rights or a year.
func (c *classifier) copyrightCredit(i int) bool {
	if i+1 >= len(c.units) || c.units[i+1].bp != "licence line" {
		return false
	}
	n := c.units[i+1]
	between := c.text[c.units[i].span.End:n.span.Start]
	return !strings.ContainsAny(between, "\n\r") && words(n.s) <= 4 && copyrightName.MatchString(strings.TrimSpace(n.s))
}

// copyrightName is "©" and a name of up to three words, no year: "©
// Reuters", "© AFP/Getty".
var copyrightName = rx(`^(©|\(c\))\s*\p{Lu}[\p{L}.&/ -]{1,30}$`)

// verblessCaption reports whether unit i is a caption without a credit:
// one short sentence with no verb form in lower case (no auxiliary, no word
// ending in -s or -ed: "The Mirjaveh-Taftan border crossing in
// Sistan-Baluchestan Province."), or a line with no auxiliary that ends
// with a full date and no stop ("Funeral of police officers killed in
// Rask, Sistan-Baluchestan province, December 16, 2023"), set between the page's furniture above it and the text below it
// (past labels).
func (c *classifier) verblessCaption(i int) bool {
	u := c.units[i]
	if i == 0 || i+1 >= len(c.units) || c.units[i-1].role != Boilerplate || len(u.s) > 160 || words(u.s) < 3 || strings.ContainsAny(u.s, "\"“”:;") {
		return false
	}
	dated := !segment.EndsSentence(u.s) && words(u.s) <= 20 && datedEnd.MatchString(u.s)
	if !dated && (words(u.s) > 12 || !strings.HasSuffix(u.s, ".")) {
		return false
	}
	next := i + 1
	for dated && next+1 < len(c.units) && !c.units[next].prose && words(c.units[next].s) <= 3 {
		next++ // a label between the caption and the text
	}
	if !c.units[next].prose || c.units[next].kind() != "" || len(segment.Sentences(u.s, spanOf(u.s))) != 1 {
		return false
	}
	for k, w := range strings.Fields(u.s) {
		w = strings.TrimRight(w, ".,")
		r, _ := utf8.DecodeRuneInString(w)
		if k == 0 {
			// A sentence may open with its verb ("Takes more than …").
			if l := strings.ToLower(w); verbWords[l] || !dated && (strings.HasSuffix(l, "es") || strings.HasSuffix(l, "ed")) {
				return false
			}
			continue
		}
		if !unicode.IsLower(r) {
			continue
		}
		if verbWords[w] || !dated && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed")) {
			return false
		}
	}
	return true
}

// datedEnd is a line that ends with a full date after a comma: ", December
// 16, 2023", ", 16 December 2023".
var datedEnd = rx(`(?i),\s*(` + monthRx + `\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+` + monthRx + `,?\s+\d{4})$`)

// verbWords are auxiliaries and the irregular verbs of news text in the
// past tense (and a few in the present), which a verbless caption lacks.
var verbWords = wordSet(`is are was were be been being has have had will would shall can could should may might must do does did say said tell told get got make made ` +
	`took take met meet went go came come saw see gave give held hold left leave began begin fell fall rose rise spoke speak ` +
	`put set kept keep found find brought bring thought think sent send led lead won win lost lose paid pay hit struck strike ` +
	`shot shoot fled flee flew fly drove drive broke break chose choose grew grow knew know ran run sat sit stood stand ` +
	`wrote write became become remain stay seem seek sought fought fight bought buy sold sell built build meant mean heard hear`)

// creditAlone is a photo credit with nothing else: "Photo by Tasnim",
// "Photo: Mehdi Marizad/AFP", "(Photo: IRNA)".
var creditAlone = rx(`(?i)^\(?\s*(photo|photos|image|picture|pic|photograph|file photo|credit)s?\s*(by\b|:|credit|courtesy)`)

// captionVerb is a present-tense verb of a photo caption.
var captionVerb = rx(`(?i)\b(` + captionVerbs + `|review|stand guard)\b`)

// lastText reports whether nothing but furniture (units of their own
// kind: boilerplate, comment lines, stamps) follows unit i.
func (c *classifier) lastText(i int) bool {
	for _, u := range c.units[i+1:] {
		if u.kind() == "" {
			return false
		}
	}
	return true
}

// textNext reports whether the unit after i is text: prose, or a last line
// cut off mid-sentence.
func (c *classifier) textNext(i int) bool {
	if i+1 >= len(c.units) {
		return false
	}
	n := c.units[i+1]
	return n.prose || i+2 == len(c.units) && n.kind() == "" && cutSentence(n.s)
}

// cutSentence reports whether s reads as a sentence that lost its stop: at
// least 13 words, four of them in lower case (headlines are shorter).
func cutSentence(s string) bool { return words(s) >= 13 && lowerWords(s) >= 4 }

// whollyQuoted reports whether s is a quotation and nothing else: “We are
// brothers”.
func whollyQuoted(s string) bool {
	open, size := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if size == len(s) {
		return false
	}
	switch open {
	case '“':
		return last == '”' && !strings.ContainsRune(s[size:len(s)-len("”")], '”')
	case '"':
		return last == '"' && strings.Count(s, `"`) == 2
	}
	return false
}

// tagItem reports whether unit i is an item of a tags list below its bare
// "Tags" line.
func (c *classifier) tagItem(i int) bool {
	u := c.units[i]
	return i > 0 && !u.prose && words(u.s) <= 5 && !strings.ContainsAny(u.s, ".!?") &&
		(c.units[i-1].rule == "tag" || c.units[i-1].rule == "tags line" && tagsHeader.MatchString(c.units[i-1].s))
}

// speakerTurn is a turn of an interview or a transcript: the speaker's name
// or role, a colon, then what was said ("Q: …", "Spokesperson: …", "Tehran
// Times: …").
var speakerTurn = quick(rx(`^(?:[\p{Lu}][\p{L}.'’-]*\s+){0,2}[\p{Lu}][\p{L}.'’-]*:\s+\S`))

// tagsHeader is the title of a list of tags with the tags on lines of their
// own below it.
var tagsHeader = rx(`(?i)^(tags?|topics?|keywords?|filed under)\W*$`)

// tableRow reports whether s is a row of a table flattened to text: three or
// more cells between tabs, on one line.
func tableRow(s string) bool {
	return len(s) <= 300 && strings.Count(s, "\t") >= 2 && !strings.ContainsAny(s, "\n\r")
}

// tableHasNumbers reports whether the run of table rows from unit i holds a
// digit: a table of figures in the text, not a row of page furniture.
func (c *classifier) tableHasNumbers(i int) bool {
	for _, u := range c.units[i:] {
		if !tableRow(u.s) {
			break
		}
		if strings.ContainsAny(u.s, "0123456789") {
			return true
		}
	}
	return false
}

// seenTitle reports whether the headline occurs before unit i.
func (c *classifier) seenTitle(i int) bool { return c.titleAt >= 0 && c.titleAt < i }

// nameBefore reports whether the unit before i is a short line that names a
// commenter ("• cuban"), so that a timestamp at i starts a comment. A line
// that matched a boilerplate rule ("By John Smith") names no commenter, and a
// bare time ("09:15 GMT") stamps a live-blog post, not a comment.
func (c *classifier) nameBefore(i int) bool {
	if i == 0 || isLiveStamp(c.units[i].s) {
		return false
	}
	p := c.units[i-1]
	if p.bp != "" || p.role == Headline || !commenterName.MatchString(p.s) || words(p.s) > 5 || segment.EndsSentence(p.s) {
		return false
	}
	// A commenter's name has at most one word in lower case ("Meraj
	// shahab"), unlike a post's title ("China calls for restraint"); and
	// a comment's stamp has a time or an age, unlike a press release's
	// place and date at its foot.
	if lowerWords(p.s) > 1 || !timeIn.MatchString(c.units[i].s) && !containsFoldASCII(c.units[i].s, "ago") {
		return false
	}
	// Comments follow the text: at least two paragraphs of it. A title
	// with text under it after the stamp makes a live blog's post.
	return c.bodySeen >= 2 && !c.postTitleNext(i)
}

// navRules are the boilerplate rules that hold in a comment thread or a forum
// too: the page's own furniture around the comments.
var navRules = map[string]bool{
	"comments header": true, "read more link": true, "licence line": true, "newsletter prompt": true,
	"site furniture": true, "menu": true, "advertisement": true, "share or follow prompt": true,
	"editorial note": true, "comment form": true, "cookie notice": true, "site notice": true, "thread stats": true,
	"tags line": true, "footer links": true,
}

// startComments marks the name line before i and the timestamp at i as the
// first comment.
func (c *classifier) startComments(i int) {
	c.set(i-1, Comment, "commenter name")
	c.set(i, Comment, "comment timestamp")
	c.st, c.threadAt = inComment, i-1
}

// textGoesOn reports whether the article's text goes on after the comments
// header at i: past the page's furniture, two paragraphs of news prose
// (60 bytes or more, without the first person or chat in its first 300
// bytes) before anything a comment has
// (a name, a time stamp, buttons). A comment count in a share bar between
// paragraphs ("5 Comments", "Share") then opens no thread.
func (c *classifier) textGoesOn(i int) bool {
	n := 0
	for _, u := range c.units[i+1:] {
		switch {
		case u.bp != "":
			// ("Share" is both a share bar's and a comment's button.)
			if !navRules[u.bp] || u.bp == "comments header" || u.bp == "comment form" {
				return false
			}
		case u.meta != "" || u.stamp:
			return false
		case u.prose && len(u.s) >= 60 && !chatty(head(u.s)):
			if n++; n == 2 {
				return true
			}
		default:
			return false
		}
	}
	return false
}

// head is the first 300 bytes of s (or all of it), where a comment's voice
// shows: the voice tests read no further.
func head(s string) string { return s[:min(len(s), 300)] }

// noCommentSince reports whether no unit from j on has the comment role.
// threadOver reports whether the comments have ended before unit i (in a
// thread): no comment's line or time stamp follows, and either the comments
// had buttons (the last comment ended at its "Reply   Share") or the thread
// holds only a comment form up to its button ("Post Comment", "Send"):
// nobody has commented, and what follows the form is the site's furniture
// ("Most read", the footer).
func (c *classifier) threadOver(i int) bool {
	if i <= c.lastMark || containsFoldASCII(c.units[i].s, "repl") || containsFoldASCII(c.units[i].s, "comment") {
		return false // "View 2 more replies" is still the thread's
	}
	buttons, sent := false, false
	for _, u := range c.units[c.threadAt:i] {
		switch {
		case u.role == Comment && u.rule == "comment buttons":
			buttons = true
		case u.bp == "comment form" && submitButton.MatchString(u.s):
			sent = true
		}
	}
	return buttons || sent && c.noCommentSince(c.threadAt)
}

// commentMark reports whether a short line is a comment's age or buttons
// that no comment rule claims: "• 9 years ago", "6 △ ▽ • Reply • Share ›".
func commentMark(s string) bool {
	t := strings.TrimLeft(s, " \t•·-–—|")
	return t != s && agoStamp.MatchString(t) || containsFoldASCII(s, "reply")
}

// submitButton is the button that ends a comment form.
var submitButton = rx(`(?i)^\s*(post|submit|send|publish)( your)?( comment| reply| response)?\s*$`)

func (c *classifier) noCommentSince(j int) bool {
	for _, u := range c.units[j:] {
		if u.role == Comment {
			return false
		}
	}
	return true
}

// repliesCount reports whether a comments header counts the replies to
// one comment ("Replies (2)", "3 replies") rather than the thread's comments.
func repliesCount(s string) bool {
	return containsFoldASCII(s, "repl") && !containsFoldASCII(s, "comment") && !containsFoldASCII(s, "leave")
}

// zeroComments reports whether a comments header says there are none ("0
// Comments", "No responses yet"): no thread follows it.
func zeroComments(s string) bool {
	s = strings.TrimLeft(s, " \t")
	return strings.HasPrefix(s, "0 ") || hasPrefixLowerASCII(s, "no ")
}

// romanNumbered reports whether s starts with a section's number in capital
// Roman numerals and a stop, as a report numbers its chapters ("II. The
// Border Economy").
func romanNumbered(s string) bool {
	i := 0
	for i < len(s) && i < 5 && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X') {
		i++
	}
	return i > 0 && i+2 < len(s) && s[i] == '.' && s[i+1] == ' ' && s[i+2] >= 'A' && s[i+2] <= 'Z'
}

// quotesPost reports whether u opens a quotation of another post ("X
// wrote:", "Quote:", "Originally Posted by X"): what follows is a post's
// text, not an article the user shared.
func quotesPost(u *unit) bool {
	return u.meta == "forum post header" && (containsFoldASCII(u.s, "wrote") || containsFoldASCII(u.s, "said") ||
		containsFoldASCII(u.s, "says") || containsFoldASCII(u.s, "writes") || containsFoldASCII(u.s, "quote") ||
		containsFoldASCII(u.s, "originally"))
}

// commentsClosed reports whether s says the thread takes no comments
// ("Comments are closed.", "Commenting has been disabled").
func commentsClosed(s string) bool {
	return len(s) <= 80 && containsFoldASCII(s, "comment") &&
		(containsFoldASCII(s, "closed") || containsFoldASCII(s, "disabled") || containsFoldASCII(s, "turned off"))
}

// lowerWords counts the words of s that start in lower case and are not
// function words: a name line ("Shah Meer Baloch in Islamabad") has none.
func lowerWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !segment.FunctionWord(strings.ToLower(w)) {
			n++
		}
	}
	return n
}

// bylineThenText reports whether unit i is followed by a byline and then,
// past share buttons, by prose.
func (c *classifier) bylineThenText(i int) bool {
	if i+2 >= len(c.units) || c.units[i+1].bp != "byline" {
		return false
	}
	for _, u := range c.units[i+2:] {
		if u.bp == "share or follow prompt" || u.bp == "byline" {
			continue
		}
		return u.prose
	}
	return false
}

// proseAfter counts the prose paragraphs after unit i, up to a comments header.
// titleNext reports whether the two units after i are title-like lines of
// no other kind: a short title over them heads a list of titles ("Summary"
// over the summary's points), not a section of text.
func (c *classifier) titleNext(i int) bool {
	if i+2 >= len(c.units) {
		return false
	}
	for _, n := range c.units[i+1 : i+3] {
		if !n.title || n.prose || n.kind() != "" || words(n.s) <= 4 {
			return false
		}
	}
	return true
}

func (c *classifier) proseAfter(i int) int { return c.proseFrom[i+1] }

// hasBodyAfter reports whether a prose paragraph follows unit i before any
// comments header.
func (c *classifier) hasBodyAfter(i int) bool { return c.proseFrom[i+1] > 0 }

// classifyForum decides a unit inside a forum thread: the posts are comments;
// an article quoted in a post (from its headline or dateline to its source
// line) is headline and body.
func (c *classifier) classifyForum(i int, bp, meta string, stamp bool) {
	u := c.units[i]
	s := u.s
	switch {
	case subjectLine.MatchString(s):
		c.set(i, Headline, "forum thread title") // "Subject: Fwd: …" of a forwarded message
	case strings.TrimSpace(s) == "--":
		// The delimiter of the sender's signature, which follows.
		c.set(i, Comment, "forum post")
		c.st = inPost
	case meta != "" && threadByline(s):
		c.set(i, Boilerplate, "thread byline")
		c.st = inPost
	case i > 0 && c.units[i-1].rule == "thread byline" && bareLabel(c.units[i-1].s) && !u.prose:
		// The value under a bare "Thread starter" or "Start date" label.
		c.set(i, Boilerplate, "thread byline")
	case meta == "forum post header":
		c.set(i, Comment, meta)
		c.st = inPost
	case meta != "":
		c.set(i, Comment, meta)
		if c.st == inQuoted {
			c.st = inPost // a post's own furniture ends the article it quoted
		}
	case stamp:
		c.set(i, Comment, "post timestamp")
	case bp == "source line" || bp == "url" || bp == "read more link":
		c.set(i, Boilerplate, bp)
		c.st = inPost
	case bp == "comments header":
		c.set(i, Boilerplate, bp)
		c.st, c.threadAt = inComment, i // the replies under a shared article
	case navRules[bp]:
		c.set(i, Boilerplate, bp)
	case meta == "" && c.tagItem(i) && c.units[i-1].rule == "tags line":
		// Only the line under "Tags": the next short line is a poster's name.
		c.set(i, Boilerplate, "tag")
	case bp != "" && bp != "byline" && bp != "publication line" && c.st == inPost:
		c.set(i, Comment, "forum post")
	case bp == "publication line" && c.st == inPost && postedDate(u, c.units[i-1]):
		c.set(i, Comment, "post timestamp")
	case bp != "":
		c.set(i, Boilerplate, bp)
	case c.st == inPost && u.prose && isDatelined(s):
		c.set(i, Body, "datelined text in a post")
		c.st = inQuoted
	case c.st == inPost && u.prose && i > 0 && c.units[i-1].role == Comment && announcesShare(c.units[i-1].s) && !quotesPost(c.units[i-1]) &&
		len(s) >= 100 && segment.EndsSentence(s) && !chatty(s):
		// "Sharing this article:" then a paragraph of news prose with no
		// dateline: the article the user pasted.
		c.set(i, Body, "article quoted in a post")
		c.st = inQuoted
	case c.st == inPost && u.question() && i > 0 && postByline(c.units[i-1]):
		// A question under a post's byline ("Posted by u/X 8 years ago")
		// is the post's title ("… what came out of it?"); the user's own
		// text follows, not an article.
		c.set(i, Headline, "forum thread title")
	case c.st == inPost && u.title && !u.prose && c.proseNext(i):
		c.set(i, Headline, "headline in a post")
		c.st = inQuoted
	case c.st == inQuoted && informal.MatchString(s):
		// The user talks again after the article they shared.
		c.set(i, Comment, "forum post")
		c.st = inPost
	case c.st == inQuoted:
		c.set(i, Body, "article quoted in a post")
	default:
		c.set(i, Comment, "forum post")
	}
}

// threadByline reports whether s is the thread's own byline or date
// above its first post ("Thread starter X  Start date Y", "Discussion in
// 'Z' started by X, date", "Started by X"): the thread's header, like an
// article's byline, not a user's post.
func threadByline(s string) bool {
	s = strings.TrimLeft(s, " \t")
	return hasPrefixLowerASCII(s, "thread starter") || hasPrefixLowerASCII(s, "start date") ||
		hasPrefixLowerASCII(s, "started by") || hasPrefixLowerASCII(s, "discussion in ")
}

// postByline reports whether u is a post's header that names its poster
// and dates the post ("Posted by u/X   8 years ago", "Submitted 3 hours ago
// by X"), not a quotation's ("Originally Posted by X") or a bare number.
func postByline(u *unit) bool {
	return u.meta == "forum post header" && containsFoldASCII(u.s, "by ") && !containsFoldASCII(u.s, "originally") &&
		strings.ContainsAny(u.s, "0123456789")
}

// bareLabel reports whether s is a thread byline's label with no value
// on its line ("Thread starter", "Start date:").
func bareLabel(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), ":")
	return len(s) == len("thread starter") && hasPrefixLowerASCII(s, "thread starter") ||
		len(s) == len("start date") && hasPrefixLowerASCII(s, "start date")
}

// weakHeader is a post header that only other forum or mail markup on the
// page makes one: "Zarvan said:" (in an article, "Raisi said:" introduces
// a quotation), "Re: …", "Quote:", a mail header line ("From: …").
var weakHeader = rx(`(?i)^(@?[\w.-]{1,30} (wrote|said|says|writes):\s*↑?\s*$|on\s+[^,]{1,40},\s*@?[\w.-]{1,30}\s+said:\s*$|(re|fw|fwd):\s|quote( from)?:|(from|sent|to|cc):\s)`)

// mailHeader is a header line of an e-mail message.
var mailHeader = rx(`(?i)^(from|sent|to|cc):\s`)

// clickToExpand is the button under a quoted post in forum software.
var clickToExpand = rx(`(?i)click to expand|reply with quote|multi-?quote|quote`)

// subjectLine is the subject of a forwarded or replied message: the
// title of the thread it starts.
var subjectLine = rx(`(?i)^subject:\s*(re|fwd?):`)

// shareNote is a forum user's line that introduces an article they paste:
// "Sharing this article for …", "Interesting report from Dawn:", "Here is
// the news:".
var shareNote = rx(`(?i)\b(shar(e|ing)|post(ing)?|pasting|here('s| is| are)|read this|check (this|out)|interesting|good|nice|great|worth (reading|a read)|found this)\b.{0,40}\b(article|report|story|news|piece|op-?ed|editorial|column|write-?up|analysis)s?\b|\b(article|report|story|news|piece|op-?ed|editorial|column)\s+(from|in|by|on)\b.{0,40}$`)

// announcesShare reports whether s is a short line that introduces a pasted
// article: shareNote, or any short line ending with a colon.
func announcesShare(s string) bool {
	if len(s) > 160 {
		return false
	}
	return strings.HasSuffix(strings.TrimSpace(s), ":") || shareNote.MatchString(s)
}

// firstPerson is the voice of the user rather than of a news report.
var firstPerson = rx(`(?i)\b(i|i'm|i've|i'd|my|me|mine|you|your|u|imo)\b`)

// chatty reports whether s is in a user's voice: firstPerson or informal
// matches it.
func chatty(s string) bool {
	if hasFirstPerson(s) {
		return true
	}
	// Without those words, informal can match only "lol", "imho" or
	// "anyone know".
	return (containsFoldASCII(s, "lol") || containsFoldASCII(s, "imho") || containsFoldASCII(s, "anyone know")) && informal.MatchString(s)
}

// hasFirstPerson is firstPerson.MatchString(s), read by hand: the pattern's
// words are runs of ASCII word characters between \b's (the apostrophe
// forms are caught by their "i"), so it matches where a whole run of them,
// in lower case, is one of firstPersonWords (none holds k or s, which (?i)
// would also match with K or ſ).
func hasFirstPerson(s string) bool { return hasASCIIWordIn(s, firstPersonWords) }

// hasASCIIWordIn reports whether a whole run of ASCII word characters in s,
// lower-cased, is in set (whose words are at most 16 bytes long).
func hasASCIIWordIn(s string, set map[string]bool) bool {
	var buf [16]byte
	for i := 0; i < len(s); {
		if !isASCIIWord(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIIWord(s[j]) {
			j++
		}
		if j-i <= len(buf) {
			for k := i; k < j; k++ {
				c := s[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[k-i] = c
			}
			if set[string(buf[:j-i])] {
				return true
			}
		}
		i = j
	}
	return false
}

var firstPersonWords = wordSet(`i my me mine you your u imo`)

// proseNext reports whether the next unit after i is formal prose of at least
// two sentences or a datelined paragraph.
func (c *classifier) proseNext(i int) bool {
	for j := i + 1; j < len(c.units); j++ {
		u := c.units[j]
		if u.bp == "byline" || u.bp == "publication line" || u.bp == "dateline alone" {
			continue
		}
		if !u.prose {
			return false
		}
		if hasDateline(u.s) || len(segment.Sentences(u.s, token.Span{Start: 0, End: len(u.s)})) >= 2 || len(u.s) > 200 {
			return true
		}
		// Two paragraphs of news prose, each one long sentence in the
		// third person: an article's lead and its second paragraph.
		return j+1 < len(c.units) && reportsNews(u.s) && c.units[j+1].prose && reportsNews(c.units[j+1].s)
	}
	return false
}

// reportsNews reports whether s reads as a paragraph of a news report: a
// long sentence with its stop, not chatty, with no first person.
func reportsNews(s string) bool {
	return len(s) >= 120 && segment.EndsSentence(s) && !chatty(s) && !hasFirstPerson(s)
}

// isPostStamp reports whether u stamps a live-blog post: a bare time
// ("10:42 GMT") or a publication line with a time ("Posted at 8:15").
func isPostStamp(u *unit) bool {
	return u.rule == "live-blog timestamp" || u.rule == "publication line" && (timeIn.MatchString(u.s) || agoStamp.MatchString(u.s))
}

var timeIn = rx(`\b\d{1,2}[:.]\d{2}(\b|[ap]m)`)

// agoStamp is a time stamp relative to now ("2h ago", "5 minutes ago").
// keyEvent is a live blog's key-events item: the entry's age or time, a
// run of spaces or a tab, its title.
var keyEvent = rx(`(?i)^(\d+\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago|\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\s*(gmt|utc|bst|cet|est|edt|pst|ist|pkt|irst)?)(\s{2,}|\t)\S.{0,150}$`)

var agoStamp = rx(`(?i)^\d+\s*[a-z]{1,7}\.?\s+ago\W*$`)

// isLiveStamp reports whether s is only a live-blog time stamp ("10:42 GMT").
func isLiveStamp(s string) bool {
	return len(s) <= 30 && liveStamp.FindString(s) == s
}

// sectionMenu reports whether s is a navigation bar without separators: four
// or more capitalised words, most of them the names of a news site's sections
// ("Home Latest Pakistan World Business Sport Opinion").
// categoryList reports whether s is a post's list of categories, as a
// WordPress theme prints it above the headline: three or more items between
// commas, each of one to three capitalised words ("&" aside), one of them a
// section's name ("Asia & Americas, Iran, News, Pakistan"). A headline that
// lists places has a verb in lower case, or no section's name.
func categoryList(s string) bool {
	if len(s) > 150 || strings.Count(s, ",") < 2 {
		return false
	}
	known := false
	for rest := s; ; {
		item, more, _ := strings.Cut(rest, ",")
		if !categoryItem(item) {
			return false
		}
		if !known {
			w := strings.TrimSpace(item)
			known = len(w) <= 12 && sectionWords[strings.ToLower(w)]
		}
		if more == "" && !strings.HasSuffix(rest, ",") {
			break
		}
		rest = more
	}
	return known
}

// categoryItem reports whether item is one to four capitalised words (an
// "&" aside), as a category's name is.
func categoryItem(item string) bool {
	n := 0
	for rest := item; ; {
		var w string
		if w, rest = nextWord(rest); w == "" {
			break
		}
		n++
		if w == "&" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '-' {
				return false
			}
		}
	}
	return n >= 1 && n <= 4
}

func sectionMenu(s string) bool {
	if len(s) > 200 {
		return false
	}
	// Word by word, so that most lines fail at their first small letter
	// without being split.
	n, known := 0, 0
	for rest := s; ; {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		w := rest[:end]
		rest = rest[end:]
		n++
		if w == "&" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '-' && c != '&' {
				return false
			}
		}
		if sectionWords[strings.ToLower(w)] {
			known++
		}
	}
	return n >= 4 && known >= 3 && known*2 >= n
}

// sectionWords name the sections of a news site.
var sectionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`home latest news world business sport sports opinion politics
		editorial editorials entertainment culture lifestyle technology tech science health education
		region regions national international local videos video photos gallery multimedia podcasts
		blogs columns economy markets weather magazine epaper e-paper trending features analysis
		middle east asia africa europe americas more live tv archive about contact`) {
		m[w] = true
	}
	return m
}()

// itemBar reports what bar of links s is when it is one: its items set
// apart by runs of spaces, tabs or bars, each one of a site's navigation
// links ("Forums   New posts   Search forums   What's new   Members") or a
// share button with or without its counter ("Share   Facebook 0   Twitter
// 0", "Facebook Count", "0 Shares"). It returns "menu" when most of three or
// more items are navigation links, "share or follow prompt" when every item
// is a share button and one carries a count (a bare "Facebook" is left to
// the rules), "link bar" when three or more items of up to four words,
// each capitalised, are set apart by more than tabs (sections or tags),
// else "". A link bar inside a forum post or a comment thread is read as
// part of it (it is not in navRules): a member's details are laid out the
// same way.
// punctOutsideInitialisms reports whether s holds a stop, comma, colon,
// semicolon, question or exclamation mark or a quotation mark other than
// the stops of an initialism ("U.S.").
func punctOutsideInitialisms(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '!', '?', ':', ';', ',', '"':
			return true
		case '.':
			initial := i > 0 && 'A' <= s[i-1] && s[i-1] <= 'Z' && (i == 1 || s[i-2] == ' ' || s[i-2] == '.') &&
				(i+1 == len(s) || s[i+1] == ' ' || 'A' <= s[i+1] && s[i+1] <= 'Z')
			if !initial {
				return true
			}
		}
	}
	return strings.ContainsAny(s, "“”")
}

func itemBar(s string) string {
	if len(s) > 200 || len(s) < 5 {
		return ""
	}
	if itemEnd(s) == len(s) {
		// One item: only a share button with its counter ("Facebook
		// Count", "0 Shares") is a bar.
		if len(s) > 40 || words(s) > 3 || !strings.ContainsAny(s, "0123456789") && !containsFoldASCII(s, "count") {
			return ""
		}
	}
	if strings.ContainsAny(s, ".!?:;,\"“”") && punctOutsideInitialisms(s) {
		return "" // punctuation other than an initialism's stops ("U.S.")
	}
	items, nav, share, capital, counted, apart := 0, 0, 0, 0, false, false
	for rest := s; rest != ""; {
		end := itemEnd(rest)
		if end < len(rest) && rest[end] != '\t' {
			apart = true // a run of spaces, a bar or a bullet, not only tabs (a table's cells)
		}
		item := strings.TrimSpace(rest[:end])
		rest = strings.TrimLeft(rest[end:], " \t|•·")
		if item == "" {
			continue
		}
		items++
		if words(item) > 4 {
			return ""
		}
		if r, _ := utf8.DecodeRuneInString(item); unicode.IsUpper(r) || unicode.IsDigit(r) && len(item) <= 4 && capital > 0 {
			capital++ // a short number among sections ("Elections   538") counts with them
		}
		low := strings.ToLower(item)
		if navItems[low] || sectionWords[low] {
			nav++
		}
		name, count := shareItem(low)
		if shareNames[name] {
			share++
			counted = counted || count
		}
	}
	switch {
	case items > 0 && share == items && counted:
		return "share or follow prompt"
	case items >= 3 && nav*3 >= items*2 && nav >= 3:
		return "menu"
	case items >= 3 && capital == items && apart:
		// Short capitalised items set apart: a bar of sections or tags
		// ("Politics   Iran   Top stories"), which no headline or
		// sentence is.
		return "link bar"
	}
	return ""
}

// itemEnd is where the first item of s ends: at a tab, a bar or a bullet,
// or at a run of two spaces or more.
func itemEnd(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '|':
			return i
		case ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return i
			}
		case 0xe2: // • and · (U+2022, U+00B7 is 0xc2 0xb7)
			if strings.HasPrefix(s[i:], "•") {
				return i
			}
		case 0xc2:
			if strings.HasPrefix(s[i:], "·") {
				return i
			}
		}
	}
	return len(s)
}

// shareItem splits a lower-cased share button from its counter: "facebook
// 0" and "facebook count" give "facebook", true; "0 shares" gives "shares",
// true; "total shares 12" gives "total shares", true.
func shareItem(low string) (name string, counted bool) {
	fs := strings.Fields(low)
	var keep []string
	for _, f := range fs {
		if f == "count" || f == "counts" || isCount(f) {
			counted = true
			continue
		}
		keep = append(keep, f)
	}
	return strings.Join(keep, " "), counted
}

// isCount reports whether f is a counter: digits with an optional "k" or
// "m" ("12", "1.2k").
func isCount(f string) bool {
	f = strings.TrimRight(f, "km+")
	if f == "" {
		return false
	}
	for i := 0; i < len(f); i++ {
		if (f[i] < '0' || f[i] > '9') && f[i] != '.' && f[i] != ',' {
			return false
		}
	}
	return true
}

// shareNames are the buttons of a share bar, lower-cased.
var shareNames = wordLines(`share
shares
total shares
tweet
tweets
retweet
email
e-mail
mail
print
facebook
twitter
x
whatsapp
linkedin
reddit
pinterest
pin
pin it
tumblr
telegram
messenger
vk
link
copy link
share link
save
like
likes`)

// navItems are the navigation links of news sites and of forum software
// (XenForo, vBulletin, phpBB), lower-cased.
var navItems = wordLines(`home
forums
forum
new posts
search forums
search
what's new
whats new
latest activity
members
member list
members list
current visitors
new profile posts
register
log in
login
sign in
sign up
faq
help
calendar
community
today's posts
mark forums read
quick links
user cp
groups
albums
rules
forum rules
contact us
contact
terms and rules
terms of service
terms of use
privacy policy
privacy
about
about us
rss
top
quick navigation
advertise
careers
archive
archives
subscribe
newsletters
podcasts
e-paper
epaper
live tv
watch live
most read
trending`)

// wordLines makes a set of the lines of s, each trimmed.
func wordLines(s string) map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			m[l] = true
		}
	}
	return m
}

// nextWord returns the first word of s, split at spaces and tabs, and what
// follows it; w is "" when s holds no word.
func nextWord(s string) (w, rest string) {
	s = strings.TrimLeft(s, " \t")
	end := strings.IndexAny(s, " \t")
	if end < 0 {
		end = len(s)
	}
	return s[:end], s[end:]
}
