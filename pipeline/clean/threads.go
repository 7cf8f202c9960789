package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framescope/framescope/analysis/token"
	"github.com/framescope/framescope/pipeline/segment"
)

// This file holds the layouts of discussion threads copied from the web
// (Reddit, Hacker News, YouTube and the like, one small item per line) and
// of blog comment widgets (WordPress, Blogger, Disqus): the lines only such
// pages have, and how a thread dump's header, link title, comments, pasted
// article and footer are told apart.

// threadLine refines what the general rules found out about a line (its
// boilerplate rule, its comment rule, whether it is a time stamp) with the
// lines of thread and blog layouts. It is cheap for ordinary text: lines
// longer than 300 bytes are left as they are.
func threadLine(s, bp, meta string, stamp bool) (string, string, bool) {
	if len(s) > 300 || s == "" {
		return bp, meta, stamp
	}
	switch {
	case separatorOnly(s):
		// "•" or "·" alone between a commenter's name and age.
		return "separator", "", false
	case ageLine(s):
		// "1y ago", "· 2 yr. ago", "Edited 2y ago", "1 year ago (edited)".
		return bp, meta, true
	case meta == "forum post header" && hasPrefixLowerASCII(s, "posted ") && blogByline.MatchString(s):
		// "Posted by X on May 10, 2017 in A, B | 4 Comments", "Posted on
		// June 12, 2019 by X", "Posted by X at 9:15 PM": a blog post's
		// byline, above or below its text.
		return "byline", "", false
	case bp == "" && meta == "" && mayBeThreadHeader(s) && threadHeader.MatchString(s):
		// The header of a linked post: "212 points by X 1 year ago |
		// hide". ("submitted … by X" and "Posted by u/X …" are forum
		// post headers: dumpThread decides what they are.)
		return "thread header", "", false
	case hasVoteArrow(s) && voteButtons.MatchString(s):
		// Disqus's "5 △ ▽ • Reply • Share ›", "▲ ▼ • Reply •".
		return "", "comment buttons", false
	case meta == "" && mayBeCommentHead(s) && commentHead.MatchString(s) && !pronounStart.MatchString(s):
		// "[–]name 31 points 3 years ago", "name 1 year ago | prev |
		// next [–]", "Bilal Ahmed says:", "Anonymous said...".
		return "", "commenter line", false
	case len(s) <= 60 && (s[0] == '[' || s[0] >= '0' && s[0] <= '9' || firstWordIn(s, goneStarts)) && commentGone.MatchString(s):
		// "[deleted]", "Comment removed by moderator", "3 more replies".
		return "", "comment buttons", false
	}
	if bp != "" || meta != "" {
		return bp, meta, stamp // the general rules have decided
	}
	if r := widgetRule(s); r != "" {
		return r, "", false
	}
	return bp, meta, stamp
}

// separatorOnly reports whether s is only separators: "•", "·", "|".
func separatorOnly(s string) bool {
	if len(s) > 8 {
		return false
	}
	for _, r := range s {
		switch r {
		case '•', '·', '|', '▪', ' ', '\t':
		default:
			return false
		}
	}
	return strings.TrimSpace(s) != ""
}

// ageLine reports whether s is only an age relative to now in the short
// forms threads use ("1y ago", "3w ago", "2 yr. ago", "5h ago"), after a
// separator or "Edited", or with "(edited)" after it.
func ageLine(s string) bool {
	return len(s) <= 40 && (containsFoldASCII(s, "ago")) && ageRx.MatchString(s)
}

var ageRx = rx(`(?i)^[•·]?\s*(edited\s+)?\d+\s*(y|yr|yrs|years?|mo|mos|months?|w|wk|wks|weeks?|d|days?|h|hr|hrs|hours?|m|min|mins|minutes?|s|secs?|seconds?)\.?\s+ago(\s*\(edited\))?\s*$`)

// threadHeader is the header of a linked post in a thread: who posted it,
// when, and its score.
var threadHeader = rx(`(?i)^(submitted\s+.{1,40}\s+by\s+\S{2,40}.{0,40}|posted in \S{1,40} by \S{2,60}|posted by u/[\w-]{2,40}.{0,60}|u/[\w-]{2,40}|[\d.,]+k?\s+points?\s+by\s+\S{2,40}\s+.{0,20}\bago\b.{0,80})$`)

// blogByline is a blog post's byline: "Posted on" a date, or "Posted by"
// with what a forum post's header lacks: the post's categories, its
// comment count or the time of day of a blog's sign-off ("Posted by X on
// May 10, 2017 in A, B | 4 Comments", "Posted by X at 9:15 PM"); or a
// theme's "Posted by: X in Category March 26, 2016 0" (the last number
// its comment count).
var blogByline = rx(`(?i)^posted\s+on\s+.{0,40}\d{4}.{0,80}$|^posted\s+by\s+.{1,120}(\||\bcomments?\b|\bin\s+\S[^|]{0,60},|\bat\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?$)|^posted\s+by:\s+.{1,60}\bin\s+\S.{0,40}\b(1[89]|20)\d\d\b\D{0,4}\d{0,5}\s*$`)

// voteButtons is the row of vote arrows and buttons under a comment.
var voteButtons = rx(`^[+-]?\d*\s*[△▲⬆↑]\s*[▽▼⬇↓]?\s*(?:[•·|]\s*)?(?i:reply|share|flag|edit)?.{0,30}$`)

// commentHead is a comment's head line in a thread: a handle with its
// collapse button or its points, and its age ("[–]name 31 points 3 years
// ago"), or with its age and links ("name 1 year ago | prev | next [–]");
// or a name with "says:" or "said..." (WordPress, Blogger). A bare "word
// 2 hours ago" is not one ("Updated 2 hours ago").
var commentHead = rx(`(?i)^(\[[–+-]\]\s*@?[\w.-]{2,40}\s+((-?[\d.,]+k?\s+points?|score hidden)\s+)?|@?[\w.-]{2,40}\s+(-?[\d.,]+k?\s+points?|score hidden)\s+)\d+\s+(years?|months?|weeks?|days?|hours?|minutes?|seconds?)\s+ago(\s*\(edited\))?(\s*\|\s*[\w\s|\[\]–-]{0,60})?$|^@?[\w.-]{2,40}\s+\d+\s+(years?|months?|weeks?|days?|hours?|minutes?|seconds?)\s+ago(\s*\(edited\))?\s*\|\s*[\w\s|\[\]–-]{0,60}$|^(?-i:[\p{Lu}][\p{L}.'’-]*(\s+[\p{Lu}][\p{L}.'’-]*){0,3})\s+(says|said)\s*(:|\.\.\.|…)$`)

// goneStarts are the first words of commentGone's lines that start with
// a word.
var goneStarts = wordSet(`comment continue view load see show`)

// commentGone is what is left of a removed comment, and the link to
// replies not shown.
var commentGone = rx(`(?i)^(\[(deleted|removed)\]|comment (deleted|removed) by (the )?(user|author|moderator|moderators|reddit)s?|\d+ more repl(y|ies)|continue this thread|view entire discussion.{0,30}|load more repl(y|ies)|(view|see|show) (all )?\d+ (more )?repl(y|ies))\W*$`)

// widgetRule is the boilerplate rule of a line of a comment widget, a blog
// theme or a page's reading tools, or "".
//
// Each pattern is tried only where the line has the length and the start
// it must have.
func widgetRule(s string) string {
	n := len(s)
	digit := s[0] >= '0' && s[0] <= '9'
	switch {
	case n <= 130 && firstWordIn(s, formStarts) && widgetForm.MatchString(s):
		return "comment form"
	case digit && commentsOn.MatchString(s):
		return "comments header"
	case hasPrefixLowerASCII(s, "also on ") && n <= 70 && alsoOn.MatchString(s) && lowerWords(s[len("also on"):]) == 0:
		return "read more link"
	case mayBeWidgetFurniture(s) && widgetFurniture.MatchString(s):
		return "site furniture"
	case hasPrefixLowerASCII(s, "the post ") && rssFooter.MatchString(s):
		return "source line"
	case n <= 50 && supportPrompt.MatchString(s):
		return "newsletter prompt"
	case n <= 70 && morePosts.MatchString(s):
		return "read more link"
	case hasPrefixLowerASCII(s, "page ") && pageOf.MatchString(s):
		return "page number"
	case n <= 120 && strings.IndexByte(s, ':') > 0 && labelledDate.MatchString(s) || issueLine(s):
		return "publication line"
	}
	return ""
}

// hasVoteArrow reports whether s holds an up arrow of a vote row.
func hasVoteArrow(s string) bool {
	return strings.Contains(s, "△") || strings.Contains(s, "▲") || strings.Contains(s, "⬆") || strings.Contains(s, "↑")
}

// mayBeWidgetFurniture reports whether widgetFurniture may match s: it
// starts as one of its lines must, or ends with "privacy policy" (a first
// word that is not all ASCII may hold a rune that (?i) matches with an
// ASCII letter, K or ſ: firstWordIn lets it through).
func mayBeWidgetFurniture(s string) bool {
	return (s[0] == 'a' || s[0] == 'A') && len(s) > 1 && (s[1] == '-' || s[1] == '+') || hasPrefixLowerASCII(s, "text") || hasPrefixLowerASCII(s, "font") ||
		firstWordIn(s, furnitureStarts) || len(s) >= len("privacy policy") && hasPrefixLowerASCII(s[len(s)-len("privacy policy"):], "privacy policy")
}

// furnitureStarts are the first words of widgetFurniture's lines (less
// "a", "text" and "font", tested as prefixes, and the privacy policy's,
// which may start with any word).
var furnitureStarts = wordSet(`powered proudly newer older subscribe email add use by`)

// formStarts are the first words of widgetForm's lines.
var formStarts = wordSet(`notify write add leave post enter this comment comments commenting community discussion save submit send
	publish cancel required your log login or sign favorite favourite name email staff editor editors editor's editors'
	reader readers reader's readers' featured most displaying showing`)

// firstWordIn reports whether the first word of s (up to a space, a
// colon, a comma or a star), in lower case, is in set; or that word holds
// a byte that is not ASCII (it may be a rune that (?i) matches with an
// ASCII letter, K or ſ, which the caller's pattern may then match).
func firstWordIn(s string, set map[string]bool) bool {
	var buf [16]byte
	n := 0
	for i := 0; i < len(s) && n < len(buf); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == ':' || c == ',' || c == '*' || c == '\n' || c == '\r' || c == '\f' {
			break
		}
		if c >= utf8.RuneSelf {
			return true
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return set[string(buf[:n])]
}

// hasFoldingRune reports whether s holds the Kelvin sign or the long s,
// which (?i) matches with k and s.
func hasFoldingRune(s string) bool {
	return strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")
}

// mayBeThreadHeader reports whether threadHeader may match s: it starts
// with "submitted", "posted by u/", "u/" or a digit (a score).
func mayBeThreadHeader(s string) bool {
	c := s[0]
	return c >= '0' && c <= '9' || c == '.' || c == ',' || hasPrefixLowerASCII(s, "submitted") || hasPrefixLowerASCII(s, "posted by u/") ||
		hasPrefixLowerASCII(s, "posted in ") ||
		hasPrefixLowerASCII(s, "u/") || nonASCIIBefore(s, len("posted by u/"))
}

// nonASCIIBefore reports whether one of the first n bytes of s is not
// ASCII.
func nonASCIIBefore(s string, n int) bool {
	for i := 0; i < len(s) && i < n; i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// mayBeCommentHead reports whether commentHead may match s: a line of at
// most 250 bytes that ends with a colon or dots, or holds a digit and
// "ago".
func mayBeCommentHead(s string) bool {
	if len(s) > 250 {
		return false
	}
	return strings.HasSuffix(s, ":") || strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") ||
		strings.ContainsAny(s, "0123456789") && containsFoldASCII(s, "ago")
}

// widgetForm is a line of a comment form: "Notify me of follow-up comments
// by email.", "Save my name, email, …", "Post Comment", "LOG IN WITH".
var widgetForm = rx(`(?i)^(notify me of .{1,60}|(staff|editors?'?s?|readers?'?s?) picks?|featured comments|most recommended|(displaying|showing) (threads|comments|posts|replies) \d+ ?(to|-|–) ?\d+ of \d+|(write|add|leave|post|enter) (a|your) (comment|reply)( here)?|this site uses \w+ to reduce spam.{0,80}|(comments?|commenting|community|discussion) (policy|guidelines|rules)|save my name,? email.{0,100}|(post|submit|send|publish) (a |your )?(comment|reply)|cancel reply|required fields are marked.{0,10}|your email address will not be published.{0,60}|log ?in with|or sign up with .{1,20}|sign up with .{1,20}|favou?rite this discussion|comment \*|name \*|email \*)\W*$`)

// commentsOn is a thread's count over its comments with the post's title:
// "3 Responses to “…”", "12 comments on “…”".
var commentsOn = rx(`(?i)^\d+\s+(responses?|comments?|replies|thoughts?)\s+(to|on)\s+["“'‘].{1,250}$`)

// alsoOn is a widget's list of the site's other stories: "ALSO ON THE
// NATION" (the site's name after it has no word in lower case).
var alsoOn = rx(`(?i)^also on\s+[^.!?,;:]{1,60}$`)

// widgetFurniture is a blog theme's or a widget's own line: "Proudly
// powered by WordPress", "Newer Post Older Post Home", "Subscribe to: Post
// Comments (Atom)", "Email ThisBlogThis!…", "Disqus' Privacy Policy", a
// font size control, a site's terms.
var widgetFurniture = rx(`(?i)^((proudly )?powered by (wordpress|blogger|disqus|vuukle|wix|ghost|medium|tumblr|squarespace)\b.{0,60}|(newer|older) posts?(\s+(newer|older) posts?)?(\s+home)?|subscribe to:\s*(posts|post comments).{0,30}|email this\s*blogthis!.{0,100}|\S{1,20}'?s?\s+privacy policy|add disqus to your site.{0,60}|(text|font)[ -]?size\s*:?(\s*a[-+]?)*|(a[-+]\s*){2,3}|(use of|by using) this (site|website|service)\b.{0,160}\b(constitutes|agree|accept).{0,120})$`)

// rssFooter is the line a blog's feed adds under each post: "The post …
// appeared first on SAMAA.".
var rssFooter = rx(`(?i)^the post .{3,250} appeared first on .{2,80}$`)

// supportPrompt is a button that asks for the reader's money: "Contribute
// Now", "Support Our Journalism", "Donate".
var supportPrompt = rx(`(?i)^(contribute|donate|support (us|our (work|journalism|reporting))|become a (member|supporter|patron)|pay what you can)(\s+(now|today|here))?\W*$`)

// morePosts titles a list of other posts under a thread: "More posts you
// may like", "Top Posts", "Related Answers".
var morePosts = rx(`(?i)^((more|top|popular|related|similar|trending) (posts|threads|discussions|answers|questions|videos)( you may like| like this| from [^.!?]{1,40})?)\W*$`)

// pageOf is a page break of a database export or a print view: "Page 2 of
// 3".
var pageOf = rx(`(?i)^page\s+\d{1,4}\s+of\s+\d{1,4}$`)

// labelledDate is a field of a news agency's page header: "Publish Date :
// …", "News Code : 14023", "Release Date: …".
var labelledDate = rx(`(?i)^(publish(ed|ing)?|release|post(ed)?|news|story|print|issue)\s+(date|time|code|id|no\.?)\s*:\s*\S.{0,80}$`)

// issueLine reports whether s is a newspaper's issue line: a date with a
// year and an issue, volume or page number ("Vol. X No. 212 | Lahore,
// Monday, August 5, 2019 | Page 4").
func issueLine(s string) bool {
	return len(s) <= 160 && (strings.Contains(s, "19") || strings.Contains(s, "20")) && (containsFoldASCII(s, "issue") || containsFoldASCII(s, "vol") || containsFoldASCII(s, "page") || containsFoldASCII(s, "edition")) &&
		issueRx.MatchString(s)
}

var issueRx = rx(`(?i)\b(issue|vol\.?|volume|no\.|page|edition)\s*(number|no\.?)?\s*[\dIVXLC]+\b.*\b(19|20)\d\d\b|\b(19|20)\d\d\b.*\b(issue|vol\.?|volume|page|edition)\s*(number|no\.?)?\s*[\dIVXLC]+\b`)

// handleLine reports whether s may be a commenter's name on a line of its
// own: a handle or a short name, no stop but an initial's ("Shahid M.").
func handleLine(u *unit) bool {
	if u.kind() != "" || u.prose || len(u.s) > 40 || words(u.s) > 3 || strings.ContainsAny(initialFree(u.s), ".!?:") && !strings.HasPrefix(u.s, "@") {
		return false
	}
	return commenterName.MatchString(u.s)
}

// headAt reports whether a comment starts at unit i: a commenter line, or
// a name line followed (past a separator) by a time stamp.
func (c *classifier) headAt(i int) bool {
	u := c.units[i]
	if u.meta == "commenter line" {
		return true
	}
	if levelLine(u.s) && i+1 < len(c.units) {
		return c.headAt(i + 1) // "level 2" above a reply's name
	}
	if !handleLine(u) && u.meta != "comment buttons" {
		return false
	}
	j := i + 1
	if j < len(c.units) && c.units[j].bp == "separator" {
		j++
	}
	return j < len(c.units) && c.units[j].stamp && (containsFoldASCII(c.units[j].s, "ago") || timeIn.MatchString(c.units[j].s))
}

// dumpThread finds a thread copied with its link post: a header line
// (who posted it, or a name and an age) above a title, then, with no text
// of the post's own, the first comment. It sets the title and returns the
// index of the first comment, or -1. A post with text of its own is left
// to the forum rules (its header is a user's post header).
func (c *classifier) dumpThread() int {
	header := -1
	for i, u := range c.units {
		if u.prose {
			break
		}
		if u.bp == "thread header" || u.meta == "forum post header" && threadHeader.MatchString(u.s) || u.stamp && containsFoldASCII(u.s, "ago") && i > 0 && c.units[i-1].bp == "separator" {
			header = i
			break
		}
	}
	if header < 0 {
		return -1
	}
	// The title: the first title-like line of three words or more after
	// the header (new Reddit), else the last one just above it (old
	// Reddit's "submitted … by", Hacker News's "N points by").
	isTitle := func(u *unit) bool { return u.kind() == "" && u.title && words(u.s) >= 3 && !handleLine(u) }
	title := -1
	for i := header + 1; i < len(c.units) && i < header+8; i++ {
		if u := c.units[i]; u.prose || c.headAt(i) {
			break
		} else if isTitle(u) {
			title = i
			break
		}
	}
	for i := header - 1; title < 0 && i >= 0 && i >= header-3; i-- {
		if isTitle(c.units[i]) {
			title = i
		}
	}
	if title < 0 {
		return -1
	}
	for i := max(title, header) + 1; i < len(c.units); i++ {
		u := c.units[i]
		if c.headAt(i) {
			c.title, c.titleHow, c.titleAt = c.units[title].s, "forum thread title", title
			return i
		}
		if u.prose {
			return -1 // the post has text of its own
		}
	}
	return -1
}

// classifyDump gives the roles of a thread dump's header, from the top to
// the first comment at first: everything but the title is furniture.
func (c *classifier) classifyDump(first int) {
	for i := 0; i < first; i++ {
		u := c.units[i]
		switch {
		case i == c.titleAt:
			c.set(i, Headline, c.titleHow)
		case u.bp != "" && u.bp != "separator":
			c.set(i, Boilerplate, u.bp)
		default:
			c.set(i, Boilerplate, "thread header")
		}
	}
	c.st, c.threadAt = inComment, first
}

// commentFurniture decides a unit inside a comment thread that belongs to
// the widget around the comments rather than to a comment: the widget's
// header before the first comment, the page's footer after the last.
// It reports whether it decided the unit.
func (c *classifier) commentFurniture(i int) bool {
	u := c.units[i]
	if c.firstHead < 0 || c.firstHead < c.threadAt {
		c.firstHead = c.threadAt // no head found: no header to tell apart
		for j := c.threadAt; j < len(c.units); j++ {
			if c.headAt(j) || c.dateHead(j) || c.units[j].stamp || c.units[j].meta == "forum post header" {
				c.firstHead = j
				break
			}
		}
		c.threadLast = -1
		for j := len(c.units) - 1; j > c.threadAt; j-- {
			if v := c.units[j]; v.meta != "" || v.stamp {
				c.threadLast = j
				break
			}
		}
		c.footer = -1
		for j := c.threadLast + 1; c.threadLast >= 0 && j < len(c.units); j++ {
			if footerLine(c.units[j]) {
				c.footer = j
				break
			}
		}
	}
	switch {
	case i < c.firstHead && !u.prose && u.bp != "comments header" &&
		(u.kind() != "" || buttonRow(u.s) || u.title && words(u.s) == 1 || c.siteName != "" && normEqual(u.s, c.siteNorm())):
		// "Recommend 3", "Tweet  Share", "Favorite this discussion",
		// "Closed", the site's name above the first comment: the widget's
		// header.
		rule := u.bp
		if rule == "" || rule == "separator" {
			rule = "comment form"
		}
		c.set(i, Boilerplate, rule)
		return true
	case c.footer >= 0 && i >= c.footer:
		rule := u.bp
		if rule == "" || rule == "separator" {
			rule = "link after the text"
		}
		c.set(i, Boilerplate, rule)
		return true
	}
	return false
}

// quotedInComment decides a unit of an article that a commenter pasted
// after a lead-in ("Full text for anyone who can't open the link:"): its
// title (a title line followed by text) and its paragraphs of news prose.
// It reports whether it decided the unit.
func (c *classifier) quotedInComment(i int) bool {
	u := c.units[i]
	if i == 0 {
		return false
	}
	p := c.units[i-1]
	quoting := p.rule == "article quoted in a comment" || p.rule == "headline in a comment" || p.role == Headline ||
		p.role == Comment && p.kind() == "" && len(p.s) <= 160 && strings.HasSuffix(p.s, ":")
	if !quoting {
		return false
	}
	switch {
	case u.kind() == "" && u.title && !u.prose && c.proseNext(i):
		c.set(i, Headline, "headline in a comment")
		return true
	case u.prose && u.kind() == "" && len(u.s) >= 100 && !chatty(head(u.s)):
		c.set(i, Body, "article quoted in a comment")
		return true
	case (u.bp == "source line" || u.bp == "url") && p.role != Comment:
		c.set(i, Boilerplate, u.bp)
		return true
	}
	return false
}

// mastheadEnd is the index of the page's navigation menu when title-like
// lines stand above it and one of headline length below it: the lines
// above are the masthead (the site's name and motto), and the headline is
// below. It returns -1 when there is no such menu.
func (c *classifier) mastheadEnd(cands []int) int {
	if len(cands) < 2 {
		return -1
	}
	for i, u := range c.units {
		if u.prose || i > cands[len(cands)-1] {
			return -1
		}
		if menuLine(u) && i > cands[0] {
			for _, k := range cands {
				if n := words(c.units[k].s); k > i && (n >= 5 && n <= 16 || n == 4 && lowerWords(c.units[k].s) > 0) {
					return i // a line of headline length below the menu
				}
			}
			return -1
		}
	}
	return -1
}

// shortRepeat reports whether candidate k of cands, a line the page
// repeats, is a site's name rather than the headline: three words or
// fewer, with a longer title line of at least five words, one in lower
// case, after it among the candidates.
func (c *classifier) shortRepeat(cands []int, k int) bool {
	if words(c.units[cands[k]].s) > 3 {
		return false
	}
	for _, j := range cands[k+1:] {
		if s := c.units[j].s; words(s) >= 5 && lowerWords(s) > 0 {
			return true
		}
	}
	return false
}

// handleAtTop reports whether the first unit is a site's name written as
// its logo's text: one word in lower case ("hindustantimes", "dawn.com").
func handleAtTop(s string) bool {
	if len(s) < 3 || len(s) > 30 || strings.ContainsAny(s, " \t") {
		return false
	}
	for _, r := range s {
		if !unicode.IsLower(r) && r != '.' && r != '-' {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// buttonRow reports whether s is a row of share or vote buttons: every
// word a button's ("Tweet   Share", "Facebook Twitter Email").
func buttonRow(s string) bool {
	if len(s) > 80 {
		return false
	}
	n := 0
	var buf [16]byte
	for rest := s; ; {
		var w string
		if w, rest = nextWord(rest); w == "" {
			break
		}
		w = strings.Trim(w, "•·|›»()")
		if len(w) > len(buf) {
			return false
		}
		for k := 0; k < len(w); k++ {
			c := w[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[k] = c
		}
		if !buttonWords[string(buf[:len(w)])] {
			return false
		}
		n++
	}
	return n > 0
}

var buttonWords = wordSet(`tweet share email e-mail facebook twitter whatsapp linkedin telegram reddit print save recommend favorite favourite like reply flag login log in sign up`)

// footerLine reports whether u is the page's furniture that may follow a
// comment thread: navigation, links to other stories, the site's notices.
func footerLine(u *unit) bool {
	return navRules[u.bp] || u.bp == "read more link" || u.bp == "site furniture"
}

// levelLine reports whether s is a reply's depth in a thread: "level 2".
func levelLine(s string) bool {
	if !hasPrefixLowerASCII(s, "level ") {
		return false
	}
	rest := s[len("level "):]
	if rest == "" || len(rest) > 2 {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if rest[i] < '0' || rest[i] > '9' {
			return false
		}
	}
	return true
}

// aboveMasthead reports whether unit i stands above the navigation menu
// that stands above the headline: the site's name or motto, not a kicker.
func (c *classifier) aboveMasthead(i int) bool {
	for j := i + 1; j < c.titleAt; j++ {
		if menuLine(c.units[j]) {
			return true
		}
	}
	return false
}

// licenceLead reports whether the text before a licence notice on the
// same line is only the owner's name ("Kayhan International Daily, All
// Rights Reserved"): short, with no stop, so the line is one notice.
func licenceLead(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) <= 60 && words(s) <= 6 && !strings.ContainsAny(s, ".!?:;”\"")
}

// appealBoxes marks the boxes around the text that ask the reader for
// money or a sign-up: a run of paragraphs about the outlet's journalism
// (one of them addressing the reader) that a support or newsletter prompt
// closes, or that stands apart from the text at the page's end ("Independent journalism costs
// money. … If you value what we do, please consider making a
// contribution." over "Contribute Now"); and a newsletter's description
// between its prompts ("Sign up to our newsletters" / "The National's
// daily round-up …" / "Subscribe").
func (c *classifier) appealBoxes() {
	us := c.units
	for i := 1; i+1 < len(us); i++ {
		if u := us[i]; u.role == Body && len(u.s) <= 300 && us[i-1].rule == "newsletter prompt" && us[i+1].rule == "newsletter prompt" &&
			(appealText(u.s) || hasASCIIWordIn(u.s, newsletterWords)) && !reportedSpeech.MatchString(u.s) {
			// Not a sentence of the text between two inline prompts
			// ("… app" / "Both ministries said …" / "Get the day's …").
			c.set(i, Boilerplate, "newsletter prompt")
		}
	}
	for i := 1; i < len(us); i++ {
		if u := us[i]; u.role == Body && len(u.s) <= 300 && len(us[i-1].s) <= 20 && captionLabel.MatchString(us[i-1].s) {
			// "Image caption," alone, then the caption.
			c.set(i, Boilerplate, "photo caption")
		}
	}
	// A box ends at a prompt, or at the page's end past its furniture;
	// its paragraphs are read back from there.
	for p := 0; p <= len(us); p++ {
		if p < len(us) && us[p].rule != "newsletter prompt" {
			continue
		}
		e := p
		if p == len(us) {
			for e > 0 && us[e-1].role != Body && us[e-1].role != Headline {
				e--
			}
		}
		start, addressed := e, false
		for start > 0 && us[start-1].role == Body && appealText(us[start-1].s) {
			start--
			addressed = addressed || hasFirstPerson(us[start].s) || hasASCIIWordIn(us[start].s, ourWords)
		}
		if start == e || !addressed {
			continue
		}
		if start > 0 && us[start-1].role == Body && greeting.MatchString(us[start-1].s) {
			start--
		}
		if p == len(us) && start > 0 && us[start-1].role == Body {
			// At the page's end a box stands apart from the text (under
			// its own title or greeting): an op-ed's last paragraph may
			// ask its readers for support too.
			continue
		}
		for k := start; k < e; k++ {
			c.set(k, Boilerplate, "newsletter prompt")
		}
	}
}

var ourWords = wordSet(`our we us`)

// newsletterWords are the words of a newsletter's or an app's description
// ("The National's daily round-up of the day's top stories").
var newsletterWords = wordSet(`you your inbox newsletter newsletters briefing digest roundup round-up stories headlines updates delivered subscribe subscribers`)

// appealText reports whether s speaks of the outlet's journalism or the
// reader's money, without reported speech (news about the press quotes
// someone).
func appealText(s string) bool {
	if len(s) > 400 || !hasAppealWord(s) {
		return false
	}
	return appealCue.MatchString(s) && !reportedSpeech.MatchString(s)
}

// hasAppealWord reports whether s holds, ASCII case aside, a word that
// appealCue needs (or a rune that (?i) matches with an ASCII letter): the
// test that rules out most text before the pattern runs.
func hasAppealWord(s string) bool {
	if hasFoldingRune(s) {
		return true
	}
	for _, w := range appealWords {
		if containsFoldASCII(s, w) {
			return true
		}
	}
	return false
}

var appealWords = []string{"journalism", "our", "we", "contribut", "donat", "pay for", "readers like you", "support"}

var appealCue = quick(rx(`(?i)\b(journalism|(our|we)\b[^.!?]{0,40}\b(readers|donors|supporters|members)|our (work|reporting|journalists|reporters|newsroom)|what we do|contribut(e|ion|ions)|donat(e|ion|ions)|pay for (it|our|news)|readers like you|your support|support (us|our (work|journalism|reporting|newsroom)))\b`))

// captionLabel is a caption's label on a line of its own, the caption on
// the next: "Image caption,", "Caption:".
var captionLabel = rx(`(?i)^((image|photo|picture|video|media)\s+)?caption\s*[,:]?$`)

// agencyCaption is a caption in the present tense whose credit follows its
// stop with no dash: "Soldiers stand guard near the border in Balochistan
// province. AFP".
func agencyCaption(s string) bool {
	return len(s) <= 300 && creditTail(s) && agencyAfterStop.MatchString(s) && captionVerb.MatchString(s) && !reportedSpeech.MatchString(s)
}

// creditTail reports whether agencyAfterStop may match s: after the last
// stop or closing quotation mark (read back by bytes: '.', '"', or the
// three bytes of '”'), past spaces, at most 200 bytes that start with a
// capital letter.
func creditTail(s string) bool {
	i := len(s) - 1
	for ; i >= 0 && len(s)-i <= 204; i-- {
		if c := s[i]; c == '.' || c == '"' || c == 0x9d && i >= 2 && s[i-2] == 0xe2 && s[i-1] == 0x80 {
			break
		}
	}
	if i < 0 || len(s)-i > 204 {
		return false
	}
	tail := strings.TrimLeft(s[i+1:], " \t\n\r\f")
	return tail != "" && tail[0] >= 'A' && tail[0] <= 'Z'
}

var agencyAfterStop = rx(`[.”"]\s+(AFP|Reuters|AP|EPA|EPA-EFE|Xinhua|Anadolu( Agency)?|Getty( Images)?|IRNA|Tasnim|PPI|APP|Online|INP|ISPR|PID)(\s*/\s*[\p{L} ]{1,30})?$`)

// greeting opens a letter to the reader: "Dear reader,".
var greeting = rx(`(?i)^(dear|hello|hi)\s+(readers?|friends?|subscribers?|visitors?)\W*$`)

// menuLine reports whether u is the site's navigation: a menu, its footer
// links, or its button ("Menu").
func menuLine(u *unit) bool {
	return u.bp == "menu" || u.bp == "footer links" || u.bp == "site furniture" && strings.EqualFold(strings.TrimSpace(u.s), "menu")
}

// twoSentenceTitle makes a headline of two short sentences a title line
// ("Iran says its part of the pipeline is ready. Is Pakistan?", "Iran
// strike on Pakistan isn't a one-off. Why Baloch militancy keeps both
// capitals on edge"): the first paragraph of prose (or of six words or
// more that is not a title line), 18 words or fewer, not
// ending with a full stop, with no title line of four words or more
// between it and the menu above it, and a byline or a publication line
// within the three units below it.
func (c *classifier) twoSentenceTitle() {
	first := -1
	for i, u := range c.units {
		if u.prose || u.kind() == "" && !u.title && words(u.s) >= 6 {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	u := c.units[first]
	if len(u.s) > 140 || words(u.s) > 18 || strings.HasSuffix(u.s, ".") || strings.ContainsAny(u.s, "\n\r") ||
		len(segmentSentences(u.s)) != 2 {
		return
	}
	for j := first - 1; j >= 0 && !menuLine(c.units[j]); j-- {
		if v := c.units[j]; v.title && v.kind() == "" && words(v.s) >= 4 {
			return // a headline above: this is the standfirst
		}
	}
	for j := first + 1; j < len(c.units) && j <= first+3; j++ {
		v := c.units[j]
		if v.bp == "byline" || v.bp == "publication line" || v.bp == "menu" && yearIn(v.s) {
			u.prose, u.title, u.norm = false, true, normLine(u.s)
			return
		}
	}
}

// yearIn reports whether s holds a year from 1900 to 2099 as a word.
func yearIn(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && '0' <= s[i+2] && s[i+2] <= '9' && '0' <= s[i+3] && s[i+3] <= '9' &&
			(i == 0 || !isASCIIWord(s[i-1])) && (i+4 == len(s) || !isASCIIWord(s[i+4])) {
			return true
		}
	}
	return false
}

// segmentSentences is segment.Sentences over all of s.
func segmentSentences(s string) []token.Span {
	return segment.Sentences(s, token.Span{Start: 0, End: len(s)})
}

// bylineAbovePublished reports whether unit i is a writer's name alone
// (nameLine) directly above a publication line: the byline of a page that
// writes it without "By", above the text or below it (a subheading has
// text under it, not a date).
func (c *classifier) bylineAbovePublished(i int) bool {
	if i+1 >= len(c.units) || !nameLine(c.units[i].s) {
		return false
	}
	n := c.units[i+1]
	return n.bp == "publication line" || n.stamp && !isLiveStamp(n.s)
}

// dateHead reports whether unit i heads a post or a reply in a thread
// whose heads give a date alone: a user's handle, or a name over an
// @handle line or with a comment's buttons below, maybe a separator, then
// a short date or age ("Asad Malik"
// / "@asadmalik_" / "·" / "Jan 18", "ibrahim_k" / "Mar 2021").
func (c *classifier) dateHead(i int) bool {
	if !handleLine(c.units[i]) {
		return false
	}
	j := i + 1
	if j < len(c.units) && strings.HasPrefix(c.units[j].s, "@") && handleLine(c.units[j]) {
		j++
	} else if !userHandle(strings.TrimPrefix(c.units[i].s, "@")) && !c.buttonsWithin(i) {
		// A writer's name over a date is a byline (in a list of other
		// stories, say), not a user's head, unless a comment's buttons
		// follow.
		return false
	}
	if j < len(c.units) && c.units[j].bp == "separator" {
		j++
	}
	if j >= len(c.units) {
		return false
	}
	return shortDate(c.units[j])
}

// shortDate reports whether u is a date or an age alone, as a comment's
// head gives it ("Jan 29", "2y ago", "19 Jan 2024 10:12").
func shortDate(u *unit) bool {
	return len(u.s) <= 30 && (u.stamp || u.bp == "publication line")
}

// buttonsWithin reports whether a comment's reply button ("Reply", "Like
// · Reply") follows unit i within six units (a post's "Share" does not
// make its byline a comment's head).
func (c *classifier) buttonsWithin(i int) bool {
	for j := i + 1; j < len(c.units) && j <= i+6; j++ {
		if c.units[j].meta == "comment buttons" && containsFoldASCII(c.units[j].s, "repl") {
			return true
		}
		if j > i+1 && handleLine(c.units[j]) && j+1 < len(c.units) && shortDate(c.units[j+1]) {
			return false // the next head: the button is another comment's
		}
	}
	return false
}

// countDateHeads counts the units at which dateHead holds, once.
func (c *classifier) countDateHeads() int {
	if c.dateHeads >= 0 {
		return c.dateHeads
	}
	c.dateHeads = 0
	for i, u := range c.units {
		if len(u.s) <= 40 && !u.prose && c.dateHead(i) {
			c.dateHeads++
		}
	}
	return c.dateHeads
}

// dateHeadStarts reports whether a thread starts at unit i: a dateHead
// below the headline (or after two paragraphs of text) on a page that
// has two or more of them, after text
// (a writer's byline over the date is not one) or at a user's handle (one
// word with a digit, an underscore or no capital: "ibrahim_k").
func (c *classifier) dateHeadStarts(i int) bool {
	if !c.seenTitle(i) && c.bodySeen < 2 || !c.dateHead(i) || c.countDateHeads() < 2 {
		return false
	}
	return c.bodySeen >= 1 || userHandle(strings.TrimPrefix(c.units[i].s, "@"))
}

// userHandle reports whether s is a user's handle: one word with a digit,
// an underscore, or no capital letter.
func userHandle(s string) bool {
	if strings.ContainsAny(s, " \t") {
		return false
	}
	caps := false
	for _, r := range s {
		switch {
		case r == '_' || unicode.IsDigit(r):
			return true
		case unicode.IsUpper(r):
			caps = true
		}
	}
	return !caps
}

// postTitleNext reports whether a title line with text under it follows
// unit i: a live blog's post under its writer and time, not a comment.
func (c *classifier) postTitleNext(i int) bool {
	if i+2 >= len(c.units) {
		return false
	}
	t, x := c.units[i+1], c.units[i+2]
	return t.title && !t.prose && t.kind() == "" && words(t.s) >= 4 && x.prose
}

// siteNorm is normLine(c.siteName), made once.
func (c *classifier) siteNorm() string {
	if c.siteNormed != c.siteName {
		c.siteNormed, c.siteNormS = c.siteName, normLine(c.siteName)
	}
	return c.siteNormS
}

// speakerIntro reports whether unit i is "Name says:" with no date under
// it: a speaker introducing a quotation, not a WordPress comment's head
// (which has the comment's date on the next line).
func (c *classifier) speakerIntro(i int) bool {
	if !strings.HasSuffix(c.units[i].s, "says:") {
		return false
	}
	return i+1 >= len(c.units) || !c.units[i+1].stamp && c.units[i+1].bp != "publication line"
}

// initialFree is s less a last word that is an initial with its stop
// ("Shahid M." → "Shahid").
func initialFree(s string) string {
	if n := len(s); n >= 3 && s[n-1] == '.' && s[n-2] >= 'A' && s[n-2] <= 'Z' && s[n-3] == ' ' {
		return s[:n-3]
	}
	return s
}

// postHeadAhead reports whether unit i is a poster's name over the rest of
// a forum post's header, as Invision Community and XenForo themes lay it
// out one item per line: a short line with no stop (a handle or a name),
// then, past at most one short line (a rank: "Members", "Registered"), a member
// line ("2,814 posts", "Joined Mar 2, 2011 · 2,905 Posts") or a numbered
// post header ("Discussion Starter · #1 · Nov 14, 2020").
func (c *classifier) postHeadAhead(i int) bool {
	u := c.units[i]
	if u.prose || u.kind() != "" || len(u.s) > 40 || words(u.s) > 3 || strings.ContainsAny(u.s, "!?:\n") || strings.HasSuffix(u.s, ".") {
		return false
	}
	for j := i + 1; j < len(c.units) && j <= i+2; j++ {
		v := c.units[j]
		if v.meta == "forum member line" || v.meta == "forum post header" && strings.HasPrefix(strings.TrimLeft(v.s, " \t"), "#") ||
			v.meta == "forum post header" && hasPrefixLowerASCII(v.s, "discussion starter") {
			return true
		}
		if v.prose || v.kind() != "" || len(v.s) > 30 || words(v.s) > 3 {
			return false
		}
	}
	return false
}

// postedDate reports whether u is a post's date in its header ("Posted May
// 8, 2017", Invision's), under another line of the same post's header.
func postedDate(u, prev *unit) bool {
	return len(u.s) <= 60 && hasPrefixLowerASCII(u.s, "posted ") && prev.role == Comment && !prev.prose
}
