package clean

import (
	"strings"
	"unicode"
)

// This file reads the structure of a forum thread whatever software wrote
// it: a thread is a run of posts, each under a short block of head lines
// (the poster's name, rank, status, post count, date, buttons) that every
// post repeats with the same shape. The reading does not know any
// software's words for a post's head beyond the generic shapes below; it
// finds the head blocks, checks that one shape recurs, and gives the roles
// from there: the lines before the first head are the forum's furniture
// (but the thread's title), the heads and the posts are comments, an
// article pasted in the first post keeps its title, text and link, and the
// lines after the last post are furniture.

// Head-line shapes.
const (
	shapeNone   byte = 0
	shapeName   byte = 'N' // a handle or a short name
	shapeDate   byte = 'D' // a date or an age
	shapeCount  byte = 'C' // "Posts: 638", "3 Likes", "1,204 posts"
	shapeButton byte = 'B' // "Quote", "Reply", "Logged", "Report"
	shapeStatus byte = 'S' // "Offline", "Online"
	shapeRank   byte = 'R' // "Full Member", "Moderator"
)

// headShape is the shape of a head line, or shapeNone.
func headShape(u *unit) byte {
	s := strings.TrimSpace(u.s)
	if s == "" || len(s) > 60 || u.prose && len(s) > 40 {
		return shapeNone
	}
	digit := strings.ContainsAny(s, "0123456789")
	switch {
	case strings.EqualFold(s, "offline") || strings.EqualFold(s, "online") || strings.EqualFold(s, "away"):
		return shapeStatus
	case postButtonRow(s):
		return shapeButton
	case !digit && rankWord(s) && postRank.MatchString(s):
		return shapeRank
	case (digit || strings.IndexByte(s, ':') > 0 || len(s) <= 12) && postCount.MatchString(s):
		return shapeCount
	case digit && postDate.MatchString(s) || digit && ageLine(s) || u.stamp && len(s) <= 40:
		return shapeDate
	case nameShape(s):
		return shapeName
	}
	return shapeNone
}

var postButtons = wordSet(`quote reply like likes report share logged edit permalink multiquote flag thanks thank quick post`)

// postButtonRow reports whether s is a row of a post's buttons: every word
// one ("Quote", "Like   Reply", "Report post"), not "post" alone.
func postButtonRow(s string) bool {
	n := 0
	var buf [16]byte
	for rest := s; ; {
		var w string
		if w, rest = nextWord(rest); w == "" {
			break
		}
		w = strings.Trim(w, "•·|›»()[]+")
		if w == "" {
			continue
		}
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
		if !postButtons[string(buf[:len(w)])] {
			return false
		}
		if string(buf[:len(w)]) != "post" {
			n++
		}
	}
	return n > 0
}

// rankWord reports whether s holds a word that postRank needs.
func rankWord(s string) bool {
	for _, w := range rankWords {
		if containsFoldASCII(s, w) {
			return true
		}
	}
	return false
}

var rankWords = []string{"member", "user", "poster", "mod", "admin", "newbie", "guest", "contributor", "registered", "banned", "staff", "regular", "leader", "veteran"}

// postRank is a user's rank or title in a forum.
var postRank = rx(`(?i)^((full|sr\.?|senior|jr\.?|junior|new|active|advanced|regular|veteran|registered|elite|premium|super|global|well-known|valued|hero)\s+)?(members?|users?|posters?|moderators?|mods?|administrators?|admins?|newbies?|guests?|contributors?)$|^(newbie|registered|banned|staff|moderator|administrator|regular|leader|veteran)$`)

// postCount is a count in a post's head or foot.
var postCount = rx(`(?i)^((posts|messages|reputation|karma|likes|points|threads|reaction score|joined|join date|location|rep|country|thanks|trophy points|credits)\s*:\s*\S.{0,30}|(posts|messages|reputation|points|likes|reaction score)\s+[\d.,]+k?|[\d.,]+k?\s+(posts?|messages?|likes?|reactions?|points?|replies|upvotes?)|joined\s+\S.{0,30}|(posts|messages|join date|joined|location|reputation|thanks|likes)|[\d.,]+k?|.{1,30}\(\s*[\d.,]+k?\+?\s+(posts|messages)\s*\))$`)

// postDate is a post's date as forums write it: "Mar '24", "« on: May 14,
// 2019, 10:41:07 PM »", "« Reply #1 on: … »", "#2 · Mar 9, 2021",
// "Posted June 3, 2019".
var postDate = rx(`(?i)^([«‹]\s*)?(reply\s+)?(#\d+\s*)?(on:?\s+)?(posted\s+(on\s+)?)?((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2},?\s+)?('\d\d|\d{4})|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+('\d\d|\d{4})|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})([,\s]+(at\s+)?\d{1,2}:\d\d(:\d\d)?\s*([ap]\.?m\.?)?)?\s*([»›]\s*)?$|^([«‹]\s*)?(reply\s+)?#\d+\s*(on:?|·|-)?.{0,40}\d{4}.{0,20}[»›]?$|^(post\s+)?#\d{1,6}$|^\d.{4,30}\s+#\d{1,6}$`)

// nameShape reports whether s may be a poster's name: a handle (one word
// of letters, digits, '_', '.', '-', with a letter) or two or three
// capitalised words with no stop.
func nameShape(s string) bool {
	if len(s) < 2 || len(s) > 30 {
		return false
	}
	if !strings.ContainsAny(s, " \t") {
		letter := false
		for _, r := range s {
			switch {
			case unicode.IsLetter(r):
				letter = true
			case unicode.IsDigit(r) || r == '_' || r == '.' || r == '-':
			default:
				return false
			}
		}
		return letter && !strings.HasSuffix(s, ".")
	}
	n, start := 0, true
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t':
			start = true
			continue
		case start:
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		case !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '-':
			return false
		}
		start = false
	}
	return n <= 3
}

// postHeadBlock is a run of head lines: units from..to (inclusive), and the
// shape key of the run from its first name or status on.
type postHeadBlock struct {
	from, to int
	run      int // the first head line of the run, before the poster's name (a foot of the post above, or a date first)
	key      string
	title    int // a post's own title inside the head ("Re: …"), or -1
}

// findPostHeads finds the head blocks of a thread: runs of head lines that
// hold a name and one more head item, whose key (the shapes from the
// first name or status on) recurs at least twice with other lines between.
// It returns nil when there is no such thread.
func (c *classifier) findPostHeads(shapes []byte) []postHeadBlock {
	var blocks []postHeadBlock
	for i := 0; i < len(c.units); {
		if shapes[i] == shapeNone {
			i++
			continue
		}
		j := i
		for j+1 < len(c.units) && shapes[j+1] != shapeNone {
			j++
		}
		title := -1
		// A post's own title inside its head: a title line between head
		// lines ("Posts: 638" / "Re: Topic" / "« on: … »").
		if j+2 < len(c.units) && c.units[j+1].title && !c.units[j+1].prose && shapes[j+2] != shapeNone && validHeadKey(headKey(shapes[i:j+1])) {
			title = j + 1
			j += 2
			for j+1 < len(c.units) && shapes[j+1] != shapeNone {
				j++
			}
		}
		run := shapes[i : j+1]
		if title >= 0 {
			run = shapes[i:title] // the key is the head above the title
		}
		if start := headStart(run); start >= 0 {
			if key := string(run[start:]); validHeadKey(key) {
				blocks = append(blocks, postHeadBlock{from: i + start, to: j, run: i, key: key, title: title})
			}
		}
		i = j + 1
	}
	counts := map[string]int{}
	for _, b := range blocks {
		counts[b.key]++
	}
	best, n := "", 0
	for k, v := range counts {
		if v > n || v == n && len(k) > len(best) {
			best, n = k, v
		}
	}
	if n < 2 {
		return nil
	}
	var heads []postHeadBlock
	for _, b := range blocks {
		if b.key != best {
			continue
		}
		if len(best) < 3 && !c.handleIn(b) {
			// A name and a date alone may be a writer's byline: a
			// thread's two-item heads must give users' handles.
			return nil
		}
		heads = append(heads, b)
	}
	if len(heads) >= 2 {
		// Head lines above the first poster's name that the next head
		// has above its own (vBulletin's date) are the head's too.
		a, b := heads[0], heads[1]
		for a.from > a.run && b.from > b.run && shapes[a.from-1] == shapes[b.from-1] {
			a.from--
			b.from--
		}
		heads[0].from = a.from
	}
	return heads
}

// handleIn reports whether block b names its poster by a user's handle
// ("tariq_rwp", "shahzad.khi").
func (c *classifier) handleIn(b postHeadBlock) bool {
	for i := b.from; i <= b.to; i++ {
		if s := strings.TrimSpace(c.units[i].s); headShape(c.units[i]) == shapeName && userHandle(s) {
			return true
		}
	}
	return false
}

// headStart is where a head's key starts in run: at its first status or
// name (the last of a run of names: a line of the furniture, or a foot,
// above the poster's name), or -1.
func headStart(run []byte) int {
	start := strings.IndexAny(string(run), "NS")
	for start >= 0 && start+1 < len(run) && run[start] == shapeName && run[start+1] == shapeName {
		start++
	}
	return start
}

// headKey is the key of a run of head lines, or "".
func headKey(run []byte) string {
	if start := headStart(run); start >= 0 {
		return string(run[start:])
	}
	return ""
}

// validHeadKey reports whether key may be a post's head: a name and one
// more head item besides buttons.
func validHeadKey(key string) bool {
	return strings.IndexByte(key, 'N') >= 0 && len(key) >= 2 && strings.ContainsAny(key, "DCSR")
}

// postThread gives the roles of a forum thread found by its repeated post
// heads (see findPostHeads), over what the line rules gave. It leaves a
// page alone when long text stands before the first head (an article with
// comments under it: the comment rules read those).
func (c *classifier) postThread() {
	if len(c.units) < 6 || c.dumped {
		return // the thread-dump reading holds
	}
	shapes := make([]byte, len(c.units))
	any := 0
	for i, u := range c.units {
		if shapes[i] = headShape(u); shapes[i] != shapeNone {
			any++
		}
	}
	if any < 4 {
		return
	}
	heads := c.findPostHeads(shapes)
	if heads == nil {
		return
	}
	first := heads[0].from
	text := 0
	for _, u := range c.units[:first] {
		if u.prose {
			text += len(u.s)
		}
		if u.prose && len(u.s) >= 200 || text >= 250 {
			return // an article above the thread
		}
	}
	// Before the first head: the forum's furniture, but the thread's
	// title.
	for i := 0; i < first; i++ {
		if u := c.units[i]; u.role != Headline {
			rule := u.rule
			if u.role != Boilerplate {
				rule = "forum furniture"
			}
			c.setKeep(i, Boilerplate, rule)
		}
	}
	// The last post ends at its first foot line (a button or a count, as
	// other posts' heads start with), else at its last line of text.
	last := heads[len(heads)-1]
	end := last.to
	for i := last.to + 1; i < len(c.units); i++ {
		sh := shapes[i]
		if sh == shapeButton || sh == shapeCount {
			end = i
			break
		}
		u := c.units[i]
		if u.prose || u.role == Comment || u.role == Body {
			end = i
			continue
		}
		if i > end+1 {
			break
		}
	}
	for i := end + 1; i < len(c.units); i++ {
		if u := c.units[i]; u.role != Boilerplate || u.rule == "" {
			rule := u.rule
			if u.role != Boilerplate {
				rule = "forum footer"
			}
			c.setKeep(i, Boilerplate, rule)
		}
	}
	for k, h := range heads {
		for i := h.from; i <= h.to; i++ {
			if i == h.title {
				c.setKeep(i, Headline, "post title")
			} else {
				c.setKeep(i, Comment, "forum post head")
			}
		}
		stop := end + 1
		if k+1 < len(heads) {
			stop = heads[k+1].from
		}
		if k == 0 {
			c.pastedInPost(h.to+1, stop)
			continue
		}
		for i := h.to + 1; i < stop; i++ {
			c.setKeep(i, Comment, "forum post")
		}
	}
}

// pastedInPost gives the roles of the first post's lines from..stop-1: an
// article pasted in it (a title line over text, or a datelined paragraph,
// or text that ends at its link) keeps its roles, its title a headline,
// its text body and its link boilerplate; the poster's remarks before and
// after it are comments.
func (c *classifier) pastedInPost(from, stop int) {
	i := from
	for i < stop && c.units[i].role == Comment && !c.units[i].prose && len(c.units[i].s) <= 30 {
		i++ // the rest of the post's head ("#1")
	}
	long := func(k int) bool {
		u := c.units[k]
		return (u.prose || u.role == Body) && len(u.s) >= 80
	}
	titleAt := func(k int) bool {
		u := c.units[k]
		return k+1 < stop && (u.title && !u.prose || u.role == Headline) && long(k+1)
	}
	start := -1
	for k := i; k < stop && start < 0; k++ {
		if titleAt(k) || long(k) && isDatelined(c.units[k].s) {
			start = k
		}
	}
	if start < 0 && i < stop && long(i) && !chatty(head(c.units[i].s)) {
		// Text from the post's start that ends at its link.
		k := i
		for k < stop && long(k) {
			k++
		}
		if k < stop && (c.units[k].bp == "url" || c.units[k].bp == "source line") {
			start = i
		}
	}
	if start < 0 {
		for k := i; k < stop; k++ {
			c.setKeep(k, Comment, "forum post")
		}
		return
	}
	for k := i; k < start; k++ {
		c.setKeep(k, Comment, "forum post") // the poster's lead-in
	}
	k := start
	if titleAt(k) {
		c.setKeep(k, Headline, "headline in a post")
		k++
	}
	for k < stop && long(k) {
		c.setKeep(k, Body, "article quoted in a comment")
		k++
	}
	if k < stop && (c.units[k].bp == "url" || c.units[k].bp == "source line") {
		c.setKeep(k, Boilerplate, c.units[k].bp)
		k++
	}
	for ; k < stop; k++ {
		c.setKeep(k, Comment, "forum post")
	}
}

// setKeep is set, keeping the rule a unit has when its role is already r
// (the line rules' name for it is the more telling).
func (c *classifier) setKeep(i int, r Role, rule string) {
	if c.units[i].role == r && c.units[i].rule != "" {
		return
	}
	c.set(i, r, rule)
}
