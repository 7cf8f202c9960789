package clean

import (
	"strings"
	"unicode"

	"github.com/framescope/framescope/analysis/token"
	"github.com/framescope/framescope/pipeline/segment"
)

func spanOf(s string) token.Span { return token.Span{Start: 0, End: len(s)} }

// promoGenre is a line that credits a promoted article inside the text by
// its genre and writer: "Report | Jane Doe", "Analysis · A. Khan".
var promoGenre = rx(`(?i)^(report|analysis|argument|explainer|essay|review|interview|podcast|video|opinion|commentary|feature|dispatch|column|long read)\s*[|·•]\s*(?-i:\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3})$`)

// promoGenres are the first words promoGenre allows (firstWordIn cuts a
// word at a space or a colon, not at a bar).
var promoGenres = wordSet(`report analysis argument explainer essay review interview podcast video opinion commentary feature dispatch column long report| analysis| argument| explainer| essay| review| interview| podcast| video| opinion| commentary| feature| dispatch| column|`)

// genreLabel is a genre's name alone, as a promo box inside the text labels
// another article: "Explainer", "Analysis", "Video".
var genreLabel = rx(`(?i)^(explainer|analysis|video|podcast|interview|feature|opinion|long read|q&a|in pictures|in depth|visual guide)\W*$`)

// promoBoxes reads the boxes that promote another article inside the text:
// a genre label over a title or a question ("Explainer" / "Why have …?"),
// and a title with its one-line dek over a "Genre | Writer" credit
// ("Pakistan's Foreign Policy Gamble" / "Islamabad's relationships … are in
// flux." / "Report | Jane Doe"). Text paragraphs stand on both sides.
func (c *classifier) promoBoxes() {
	us := c.units
	for i := 1; i+1 < len(us); i++ {
		u := us[i]
		switch {
		case u.role == Body && us[i-1].role == Boilerplate && len(us[i-1].s) <= 20 && genreLabel.MatchString(strings.TrimSpace(us[i-1].s)) &&
			i >= 2 && us[i-2].role == Body && promoTitle(u) && us[i+1].role == Body:
			c.set(i, Boilerplate, "inserted headline")
		case len(u.s) <= 80 && (strings.IndexByte(u.s, '|') >= 0 || strings.Contains(u.s, "·") || strings.Contains(u.s, "•")) &&
			firstWordIn(strings.TrimSpace(u.s), promoGenres) &&
			promoGenre.MatchString(strings.TrimSpace(u.s)):
			c.set(i, Boilerplate, "inserted headline")
			for j, n := i-1, 0; j > 0 && n < 2; j, n = j-1, n+1 {
				p := us[j]
				if len(p.s) > 120 || words(p.s) > 16 || !(p.title || p.role == Body && len(segment.Sentences(p.s, spanOf(p.s))) == 1) {
					break
				}
				c.set(j, Boilerplate, "inserted headline")
				if p.title && !p.prose {
					break // the box's title: its top
				}
			}
		}
	}
}

// promoTitle reports whether u reads as an article's title or a question
// of headline length, not a paragraph.
func promoTitle(u *unit) bool {
	s := strings.TrimSpace(u.s)
	return len(s) <= 120 && words(s) <= 14 && (u.title || strings.HasSuffix(s, "?")) && len(segment.Sentences(s, spanOf(s))) == 1
}

// followersLine is a blog platform's count of an author's followers: "82
// Followers", "1.2K followers".
var followersLine = rx(`(?i)^[\d.,]+\s*[km]?\s+followers?$`)

// authorBlocks reads a blog platform's author block: a person's name over
// a "Follow" button is the byline ("Jane Doe" / "Follow" under the
// subtitle), and a short line between the author's byline or follower
// count and a "Follow" button is the author's bio ("Written by Jane Doe" /
// "82 Followers" / "Energy analyst in Karachi. …" / "Follow").
func (c *classifier) authorBlocks() {
	us := c.units
	for i := 0; i+1 < len(us); i++ {
		u := us[i]
		if !isFollowButton(us[i+1].s) || u.role == Boilerplate || u.role == Comment || i == c.titleAt {
			continue
		}
		switch {
		case nameLine(strings.TrimSpace(u.s)):
			c.set(i, Boilerplate, "byline")
		case i > 0 && len(u.s) <= 200 && (followersLine.MatchString(strings.TrimSpace(us[i-1].s)) || us[i-1].bp == "byline"):
			c.set(i, Boilerplate, "author bio")
		}
	}
}

// isFollowButton reports whether s is a "Follow" button alone.
func isFollowButton(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) == 6 && hasPrefixLowerASCII(s, "follow")
}

// reportPages mends what a report's pages, copied from a PDF, break: the
// wrapped end of a note in parentheses ("(Views expressed … of the Institute"
// / "of Strategic Studies, Islamabad)") takes the role of its start, and a
// short section title after the footnotes at a page's foot, over text, is
// a subheading, not another article's headline.
func (c *classifier) reportPages() {
	us := c.units
	for i := 1; i < len(us); i++ {
		u, p := us[i], us[i-1]
		switch {
		case u.role == Body && p.role == Boilerplate && len(u.s) <= 120 && strings.HasSuffix(strings.TrimSpace(u.s), ")") &&
			startsLower(u.s) && strings.Count(p.s, "(") > strings.Count(p.s, ")"):
			c.set(i, Boilerplate, p.rule)
		case u.rule == "inserted headline" && p.rule == "footnote" && words(u.s) <= 6 && i+1 < len(us) && us[i+1].role == Body && us[i+1].prose:
			c.set(i, Headline, "subheading")
		}
	}
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// relatedBoxes reads the rest of a box of links to other stories under its
// header ("Read more", "RELATED CONTENT"): a question of headline length
// among the box's headlines is one more of them, and a teaser of one or two
// sentences under a headline of the box, followed by the next headline or
// (in a box of two links or more) by the page's end, is the teaser of that
// link, not text.
func (c *classifier) relatedBoxes() {
	us := c.units
	for h := 0; h < len(us); h++ {
		if us[h].rule != "read more link" {
			continue
		}
		links := 0
		for i := h + 1; i < len(us); i++ {
			u, p := us[i], us[i-1]
			isLink := func(v *unit) bool {
				return v.role == Boilerplate && (v.rule == "inserted headline" || v.rule == "link after the text")
			}
			switch {
			case isLink(u):
				links++
				continue
			case u.role == Body && isLink(p) && promoTitle(u) && strings.HasSuffix(strings.TrimSpace(u.s), "?"):
				c.set(i, Boilerplate, "inserted headline")
				continue
			case u.role == Body && isLink(p) && i > h+1 && len(u.s) <= 300 && len(segment.Sentences(u.s, spanOf(u.s))) <= 2 &&
				(i+1 == len(us) && links >= 2 || i+1 < len(us) && isLink(us[i+1])):
				// (At the page's end, only in a box of two links or more:
				// a last paragraph under one inline link is text.)
				c.set(i, Boilerplate, "link after the text")
				continue
			}
			break
		}
	}
}

// pullQuotes reads a pull quote: a line of six words or more in quotation
// marks, inside the text (after its first paragraph), that repeats a
// passage of another paragraph of the text word for word ("Calm bought with
// … is not a security policy." near the paragraph that says it). A
// quotation that no paragraph repeats is text. A standfirst that repeats the lead comes before the text and stays
// text.
func (c *classifier) pullQuotes() {
	us := c.units
	first := -1
	for i, u := range us {
		if u.role == Body {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	for i := first + 1; i < len(us); i++ {
		u := us[i]
		if u.role != Body || len(u.s) > 300 || !whollyQuoted(strings.TrimSpace(u.s)) || words(u.s) < 6 {
			continue
		}
		inner := strings.TrimSpace(u.s)
		inner = strings.TrimFunc(inner, func(r rune) bool {
			return r == '"' || r == '“' || r == '”' || r == '\'' || r == '‘' || r == '’'
		})
		inner = strings.TrimRight(strings.TrimSpace(inner), ".,;:!?")
		if len(inner) < 30 {
			continue
		}
		for j, v := range us {
			if j != i && v.role == Body && len(v.s) >= len(inner)+20 && strings.Contains(v.s, inner) {
				c.set(i, Boilerplate, "pull quote")
				break
			}
		}
	}
}
