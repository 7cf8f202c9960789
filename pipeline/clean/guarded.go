package clean

import (
	"strings"
	"unicode/utf8"
)

// Guarded whole-unit boilerplate rules (first written for the layouts of
// indep13–indep16): boilerplateOf tries them (guardedRule) when no rule of
// boilerplateRules matches. Each runs only on a line that opens with one of
// its first words or holds the word it needs, so that a line of text costs a
// few byte tests, not a dozen patterns.

// widgetStatus is a sign-up widget's status line ("Your subscription
// failed. Please try again.", "protected by reCAPTCHA", "An account was
// already registered with this email. …"), an app's download prompt
// ("Download The X News App to get …"), or the paywall note over a comment
// box ("Commenting on this … is just one benefit of a … subscription").
var widgetStatus = rx(`(?i)^(your (subscription|sign[- ]?up|registration|request)( \w+){0,2} (failed|was unsuccessful|could not be (completed|processed))\b.{0,60}|(this (site|form|page) is )?(protected|secured) by recaptcha\b.{0,120}|an account (was|is|has been) already registered with this e-?mail\b.{0,120}|please check your (inbox|e-?mail) (for|to)\b.{0,80}|thank(s| you) for (subscribing|signing up|registering)\b.{0,80}|download (the|our) ([\w'’&.-]+ ){0,4}app\b.{0,120}|commenting\b.{0,80}\b(benefit|privilege|perk)s? of (a|an|your)\b.{0,60}\b(subscription|membership)\b.{0,20}|only (paid |registered )?(subscribers|members) can (comment|post comments|join the conversation)\b.{0,60})$`)

// sponsorNote is a sponsor's note on commissioned content: "This content
// was commissioned by X's Global Business Bureau."
var sponsorNote = rx(`(?i)^(this (content|article|story|page|feature|supplement|report) (was|is|has been) (commissioned|sponsored|paid for|funded) by\b.{1,100}|(sponsored|paid|partner|promoted) (content|post|feature) (by|from)\b.{1,60})$`)

// mostReadFrom is a syndicating site's box of the source's popular
// stories: "Most Read from Bloomberg", "Most Popular on Example News".
var mostReadFrom = rx(`(?i)^most (read|popular|viewed|shared|watched)( stories| articles)? (from|on|in|at) \p{Lu}[^.!?]{0,40}$`)

// privacyLinks are the privacy links of a portal's footer: "Terms and
// Privacy Policy", "Privacy Dashboard", "Your Privacy Choices".
var privacyLinks = rx(`(?i)^(terms( of (use|service))? (and|&) privacy( policy)?|privacy (dashboard|settings|options|centre|center|preferences)|your privacy choices|do not sell( or share)? my( personal)? info(rmation)?|cookie (preferences|choices))\W*$`)

// agenciesByline is an outlet's byline with the agencies it draws on:
// "TRT World and Agencies", "Example.com & agencies".
var agenciesByline = rx(`(?i)^\p{Lu}[\p{L}\d.'’ -]{1,40}\s+(and|&)\s+(agencies|news agencies|wires|wire services|agency reports)\W*$`)

// gluedByline is a byline glued to its "By" in a copy: "ByJANE DOE
// Associated Press".
var gluedByline = rx(`^By\p{Lu}{2,}[\p{Lu}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){0,5}$`)

// trendingBar is a bar of trending topics under the menu: "Latest   Iran
// president's visit" (a word in lower case tells it from a menu of
// sections).
var trendingBar = rx(`^(?i:latest|trending(?: now| topics)?|hot topics?|in focus|just in|in the news)\s{2,}\S.{0,60}?\s\p{Ll}.{0,80}$`)

// footnoteLine is a report's footnote: its number, then a quoted title (or
// an author and a quoted title), a source and a year: "1 “Iran, Pakistan
// agree …,” Dawn, April 22, 2019.", "12. Ibid."
var footnoteLine = rx(`^\d{1,3}\.?\s+((?i:ibid)\.?.{0,40}|(\p{Lu}[^“".]{1,80},\s*)?[“"][^“”"]{5,200}[,.]?[”"][^“”"]{0,120}\b(1[89]|20)\d\d\b[^“”"]{0,120})$`)

// wireHeader is a wire copy's header line that names the place, the
// reporter, the outlet and the date before the text: "Islamabad Jane Doe
// (Example News / Online - 15th Oct, 2020 ) :".
var wireHeader = rx(`^\p{Lu}[\p{L} .'-]{1,60}\(\s*[^()]{2,80}?\b(\d{1,2}(st|nd|rd|th)?\s+\p{L}{3,9}\.?,?\s+\d{4}|\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4})\s*\)\s*[:–—-]\s*$`)

// solarDate is a date in the Solar Hijri calendar, as Iranian sites print
// it (and machine translation leaves it): "Wednesday, 24 Bahman 1397 -
// 14:32".
var solarDate = rx(`(?i)^(\p{L}+,?\s+)?\d{1,2}\s+(farvardin|ordibehesht|khordad|tir|mordad|amordad|shahrivar|mehr|aban|azar|dey|dei|bahman|esfand)\s+1[34]\d\d\b\W{0,4}(` + timeRx + `)?\W*$`)

// reuseNotice is a Persian site's licence: "The copying of the news is
// allowed only by mentioning the source.", "Reproduction of this content
// is prohibited without permission."
var reuseNotice = rx(`(?i)^(the\s+)?(copying|reproduction|republication|re-?publishing|use|quoting|publication)\s+of\s+(the\s+|this\s+|its\s+)?(news|content|contents|material|materials|articles?|reports?|photos?)\b.{0,40}\b(allowed|permitted|prohibited|forbidden)\b.{0,60}\b(source|reference|citing|mentioning|permission|link)\b.{0,40}$`)

// contributedCredit is a contributor's credit after the text: "X's Jane
// Doe contributed reporting.", "Jane Doe and John Roe contributed
// reporting from Quetta."
var contributedCredit = rx(`^\p{Lu}[\p{L}'’.-]*(?:(?:\s+|,\s*|\s+and\s+)\p{Lu}[\p{L}'’.-]*){0,8}\s+(?:also\s+)?contributed(?:\s+(?:additional\s+)?reporting)?(?:\s+(?:from|in)\s+[^.!?]{1,40})?\.?$`)

// numberedCaption is a numbered caption: "Image 1: …", "Figure 2. …".
var numberedCaption = rx(`(?i)^(image|photo|picture|pic|figure|fig\.|graphic|map|chart|infographic)\s+\d{1,2}\s*[:.–—-]\s+\S`)

// viaCaption is a caption that ends with where the picture comes from:
// "… Photo via X/@Name", "… Via Prime Minister's Office/Flickr."
var viaCaption = rx(`(?i)[.!]\s+(photo|photograph|image|picture)s?\s+via\s+[^.!?\s]{1,40}\.?$|\bvia\s+[^.!?]{1,40}/\s*(flickr|wikimedia( commons)?|unsplash|x|twitter|instagram|facebook)\.?$`)

var (
	widgetStatusFirsts = wordSet(`your this protected secured an please thank thanks download commenting only`)
	sponsorFirsts      = wordSet(`this sponsored paid partner promoted`)
	privacyFirsts      = wordSet(`terms privacy your do cookie`)
	trendingFirsts     = wordSet(`latest trending hot in just`)
	reuseFirsts        = wordSet(`the copying reproduction republication republishing re-publishing use quoting publication`)
	sponsorSeconds     = wordSet(`content article story page feature supplement report`)
	widgetThisSeconds  = wordSet(`site form page`)
	figureFirsts       = wordSet(`image photo picture pic figure fig. graphic map chart infographic`)
)

// guardedRule is the rule of this file that t matches, or "".
func guardedRule(t *lineText) string {
	s := t.s
	n := len(s)
	if n == 0 || n > 400 {
		return "" // (no rule here takes a longer line: its fold is not made)
	}
	// The words are looked for in the folded line when the rules of
	// boilerplateRules have made it, else in the line itself, ignoring
	// ASCII case (a line with the Kelvin sign or the long s, which (?i)
	// matches with k and s, is folded first).
	if !t.haveF && hasFoldingRune(s) {
		t.fold()
	}
	fw := firstWordOf(t)
	switch {
	case n <= 400 && s[0] == '(' && editorialNote.MatchString(strings.TrimLeft(s[1:], " \t")):
		// "(Views expressed in this brief are those of the author …)"
		return "editorial note"
	case n <= 240 && fw.in(widgetStatusFirsts) && mayBeWidgetStatus(t, &fw) && widgetStatus.MatchString(s):
		return "newsletter prompt"
	case n <= 200 && fw.in(sponsorFirsts) && (!fw.is("this") || fw.any || secondWordIn(s, sponsorSeconds)) && sponsorNote.MatchString(s):
		return "advertisement"
	case n <= 80 && fw.is("most") && mostReadFrom.MatchString(s):
		return "read more link"
	case n <= 60 && fw.in(privacyFirsts) && privacyLinks.MatchString(s):
		return "site furniture"
	case n <= 140 && fw.in(trendingFirsts) && strings.Contains(s, "  ") && trendingBar.MatchString(s):
		return "link bar"
	case n <= 400 && fw.in(figureFirsts) && (fw.any || secondWordDigit(s)) && numberedCaption.MatchString(s):
		return "photo caption"
	case n <= 240 && fw.in(reuseFirsts) && (!fw.is("the") || fw.any || secondWordIn(s, reuseFirsts)) &&
		(t.holds("allowed") || t.holds("permitted") || t.holds("prohibited") || t.holds("forbidden")) && reuseNotice.MatchString(s):
		return "licence line"
	case n <= 400 && '0' <= s[0] && s[0] <= '9' && footnoteLine.MatchString(s):
		return "footnote"
	case n <= 60 && (strings.Contains(s, " 13") || strings.Contains(s, " 14")) && t.words() <= 14 && solarDate.MatchString(s):
		return "publication line"
	case n <= 80 && n > 3 && s[0] == 'B' && s[1] == 'y' && 'A' <= s[2] && s[2] <= 'Z' && t.words() <= 16 && gluedByline.MatchString(s):
		return "byline"
	case n <= 160 && mayBeWireHeader(s) && t.words() <= 14 && wireHeader.MatchString(s):
		return "publication line"
	case n <= 80 && (t.holds("agenc") || t.holds("wire")) && t.words() <= 16 && agenciesByline.MatchString(s):
		return "byline"
	case n <= 200 && t.holds("contributed") && contributedCredit.MatchString(s):
		return "contributor credit"
	case n <= 400 && t.holds("via ") &&
		(strings.IndexByte(s, '/') >= 0 || t.holds("photo") || t.holds("image") || t.holds("picture")) &&
		viaCaption.MatchString(s):
		return "photo caption"
	}
	return ""
}

// mayBeWidgetStatus reports whether widgetStatus may match the line of t
// whose first word is fw: it holds the words that follow that first word
// in the pattern.
func mayBeWidgetStatus(t *lineText, fw *leadWord) bool {
	switch {
	case fw.any:
		return true
	case fw.is("your"):
		return t.holds("failed") || t.holds("unsuccessful") || t.holds("could not")
	case fw.is("this"):
		return secondWordIn(t.s, widgetThisSeconds) && t.holds("recaptcha")
	case fw.is("protected") || fw.is("secured"):
		return t.holds("recaptcha")
	case fw.is("an"):
		return t.holds("already registered")
	case fw.is("please"):
		return t.holds("check your")
	case fw.is("thank") || fw.is("thanks"):
		return t.holds("subscribing") || t.holds("signing up") || t.holds("registering")
	case fw.is("download"):
		return t.holds("app")
	case fw.is("commenting"):
		return t.holds("subscription") || t.holds("membership")
	case fw.is("only"):
		return t.holds(" can ")
	}
	return false
}

// leadWord is a line's first word in lower case, cut where firstWordIn
// cuts it, kept in place so that looking it up makes no string.
type leadWord struct {
	b   [16]byte
	n   int
	any bool // the word holds a byte outside ASCII: firstWordIn lets it through
}

// firstWordOf reads the first word of t's line (a word longer than
// firstWordIn reads is empty).
func firstWordOf(t *lineText) (w leadWord) {
	s := t.s
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == ':' || c == ',' || c == '*' || c == '\n' || c == '\r' || c == '\f':
			return w
		case c >= utf8.RuneSelf:
			w.any = true
			return w
		case i >= len(w.b):
			w.n = 0
			return w
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		w.b[i] = c
		w.n = i + 1
	}
	return w
}

// in reports whether the word is in set (any word, when it holds a byte
// outside ASCII).
func (w *leadWord) in(set map[string]bool) bool { return w.any || set[string(w.b[:w.n])] }

// is reports whether the word is s.
func (w *leadWord) is(s string) bool { return string(w.b[:w.n]) == s }

// holds reports whether t's line holds w (in lower case ASCII), in any
// ASCII case: in the folded line when it has been made, else in the line
// itself, where w's tail in lower case or in capitals must be found first
// (a fast search) before w is read in any case.
func (t *lineText) holds(w string) bool {
	if t.haveF {
		return strings.Contains(t.folded, w)
	}
	if up, ok := upperTails[w]; ok && !strings.Contains(t.s, w[1:]) && !strings.Contains(t.s, up) {
		return false
	}
	return containsFoldASCII(t.s, w)
}

// upperTails are the words holds is asked for, each with its tail (all but
// its first byte) in capitals.
var upperTails = func() map[string]string {
	m := make(map[string]string)
	for _, w := range []string{" can ", "agenc", "allowed", "already registered", "app", "check your", "commissioned", "contributed", "could not", "failed", "forbidden", "funded", "image", "membership", "paid for", "permitted", "photo", "picture", "prohibited", "recaptcha", "registering", "signing up", "sponsored", "subscribing", "subscription", "unsuccessful", "via ", "wire"} {
		m[w] = strings.ToUpper(w[1:])
	}
	return m
}()

// secondWordIn reports whether the second word of s (after the first and
// the spaces after it, ASCII in lower case) is in set; a word with a byte
// outside ASCII is let through.
func secondWordIn(s string, set map[string]bool) bool {
	i := strings.IndexByte(s, ' ')
	if i < 0 {
		return false
	}
	rest := strings.TrimLeft(s[i:], " ")
	w := firstWordOf(&lineText{s: rest})
	return w.in(set)
}

// secondWordDigit reports whether the second word of s opens with a digit
// ("Image 1: …").
func secondWordDigit(s string) bool {
	i := strings.IndexByte(s, ' ')
	if i < 0 {
		return false
	}
	rest := strings.TrimLeft(s[i:], " \t")
	return rest != "" && '0' <= rest[0] && rest[0] <= '9'
}

// mayBeWireHeader reports whether wireHeader may match s: it opens with a
// capital letter, holds "(" and ends (past spaces) with ":" or a dash.
func mayBeWireHeader(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); r < 'A' || r > 'Z' && r < utf8.RuneSelf {
		return false
	}
	t := strings.TrimRight(s, " \t")
	return strings.Contains(s, "(") && (strings.HasSuffix(t, ":") || strings.HasSuffix(t, "-") || strings.HasSuffix(t, "–") || strings.HasSuffix(t, "—"))
}
