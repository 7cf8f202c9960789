package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the layout of a social network's post copied with its
// replies (LinkedIn, Instagram, Facebook, Quora and the like): each user's
// post or reply opens with a head of short lines, the user's name or
// handle, often a credential ("Policy analyst", "Studied at …"), and a bare
// age ("1yr", "29w", "Updated 6y", "1yr • Edited"), and closes with a row of
// reactions ("24 likes   Reply", "Upvote · 8", "Like   Reply"). What a user
// writes under such a head is a comment; the article the post shares (a
// link card's title and text, an outlet's own caption) and the platform's
// furniture are not.

// ageFirst is a row that opens with a short age: "2h   Like   Reply".
var ageFirst = rx(`(?i)^\d{1,3}\s?(s|m|h|d|w|y|yr|yrs|mo)\s`)

// shortAge is a bare age relative to now, without "ago", as social
// networks print it under a user's name: "1yr", "29w", "6y", "3h", "2 d",
// "Updated 6y", "1yr • Edited", "Answered 2y".
var shortAge = rx(`(?i)^(?:(?:updated|edited|answered|posted)\s+)?\d{1,3}\s?(?:s|m|min|mins|h|hr|hrs|d|w|wk|wks|mo|mos|y|yr|yrs)\.?(?:\s*[•·]\s*edited)?$`)

// socialButtons is a post's row of reactions and counts: "24 likes
// Reply", "Like   Reply   3 Reactions", "Upvote · 34   Share", "1.2K views
// · View upvotes", "— View replies (3)", and a reply's age before its
// buttons where the age closes the reply ("2h   Like   Reply").
var socialButtons = rx(`(?i)^[—–-]?\s*(?:(?:like|likes|reply|replies|share|upvotes?|downvotes?|views?|reactions?|comments?|view upvotes|view( all)? repl(?:y|ies)(?:\s*\(\d+\))?|see translation|edited|\d{1,3}\s?(?:s|m|h|d|w|y|yr|yrs|mo)|[\d.,]+[km]?|[·•|])\s*)+$`)

// socialButtonsLine reports whether s is a row of reactions that holds a
// button word, not only numbers.
func socialButtonsLine(s string) bool {
	if len(s) > 60 || !socialButtons.MatchString(s) {
		return false
	}
	return containsFoldASCII(s, "like") || containsFoldASCII(s, "repl") || containsFoldASCII(s, "vote") ||
		containsFoldASCII(s, "view") || containsFoldASCII(s, "reaction")
}

// bareCount is a count alone, as the post's own like or view count stands
// under the last reply: "1,245 likes", "12K views".
var bareCount = rx(`(?i)^[\d.,]+\s*[km]?\s+(likes?|views?)$`)

// handleRx is a user's handle on a social network: one word of lower-case
// letters and digits with a dot or an underscore in it ("zainab.writes",
// "khan.hamza_99"), or with "@".
var handleRx = rx(`^(@[\w.]{2,30}|[a-z0-9]+(?:[._][a-z0-9]+)+_?)$`)

// socialName reports whether u names a user: a handle, or a person's name
// of one to four capitalised words with no stop.
func socialName(u *unit) bool {
	s := strings.TrimSpace(u.s)
	if len(s) < 2 || len(s) > 40 || u.prose {
		return false
	}
	if handleRx.MatchString(s) {
		return true
	}
	n := words(s)
	if n < 1 || n > 4 || strings.ContainsAny(s, ".:!?,|•·") {
		return false
	}
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// socialHeads finds the heads of users' posts: at each bare age, the name
// just above it, or the name and a credential line above that; and the
// name over one paragraph and a row of buttons that opens with the age. It
// returns the index of each head's first unit and of its age (for the
// latter, the name's own), in order.
func (c *classifier) socialHeads() (starts, ages []int) {
	for k, u := range c.units {
		if k >= 2 && len(u.s) <= 60 && u.s != "" && '0' <= u.s[0] && u.s[0] <= '9' && ageFirst.MatchString(strings.TrimSpace(u.s)) && socialButtonsLine(strings.TrimSpace(u.s)) &&
			socialName(c.units[k-2]) && c.units[k-1].kind() == "" && !socialName(c.units[k-1]) {
			// A reply whose age closes it with the buttons: the name, one
			// paragraph of text, then "2h   Like   Reply". The name is
			// its head (its age is the name's own index).
			starts, ages = append(starts, k-2), append(ages, k-2)
			continue
		}
		if k == 0 || len(u.s) > 30 || !strings.ContainsAny(u.s, "0123456789") || !shortAge.MatchString(strings.TrimSpace(u.s)) {
			continue
		}
		switch {
		case socialName(c.units[k-1]):
			starts, ages = append(starts, k-1), append(ages, k)
		case k >= 2 && socialName(c.units[k-2]) && len(c.units[k-1].s) <= 100 && words(c.units[k-1].s) <= 16 &&
			!strings.HasSuffix(strings.TrimSpace(c.units[k-1].s), ":"):
			starts, ages = append(starts, k-2), append(ages, k)
		}
	}
	return starts, ages
}

// socialPosts reads the page as a social network's post with its replies
// when it has at least two users' heads and a row of reactions: each head,
// the user's text under it and the reactions that close it are comments (a
// news article pasted after a lead-in ending in a colon stays body); a
// one-word badge or a handle outside the posts is the account's line; what
// follows the last post is the platform's furniture; and the title of a
// shared link's card over its text is the headline.
func (c *classifier) socialPosts() {
	starts, ages := c.socialHeads()
	if len(starts) < 2 {
		return
	}
	buttons := false
	for _, u := range c.units {
		if socialButtonsLine(strings.TrimSpace(u.s)) {
			buttons = true
			break
		}
	}
	if !buttons {
		return
	}
	inPost := make([]bool, len(c.units))
	last := -1
	for h, start := range starts {
		next := len(c.units)
		if h+1 < len(starts) {
			next = starts[h+1]
		}
		for j := start; j < ages[h]; j++ {
			c.set(j, Comment, "commenter name")
			inPost[j] = true
		}
		if ages[h] == start {
			c.set(start, Comment, "commenter name") // its age closes it
		} else {
			c.set(ages[h], Comment, "comment timestamp")
		}
		inPost[ages[h]] = true
		last = ages[h]
		quoting := false
		for j := ages[h] + 1; j < next; j++ {
			u := c.units[j]
			s := strings.TrimSpace(u.s)
			if socialButtonsLine(s) {
				c.set(j, Comment, "comment buttons")
				inPost[j], last = true, j
				for j+1 < next && socialButtonsLine(strings.TrimSpace(c.units[j+1].s)) && !bareCount.MatchString(strings.TrimSpace(c.units[j+1].s)) {
					j++
					c.set(j, Comment, "comment buttons")
					inPost[j], last = true, j
				}
				break
			}
			if u.bp != "" {
				break // a link, the platform's furniture: the post has ended
			}
			if quoting && u.prose && !chatty(head(u.s)) && reportedSpeech.MatchString(u.s) {
				c.set(j, Body, "article quoted in a comment")
			} else {
				c.set(j, Comment, "after comments header")
				quoting = strings.HasSuffix(s, ":")
			}
			inPost[j], last = true, j
		}
	}
	headline := false
	for _, u := range c.units {
		if u.role == Headline {
			headline = true
		}
	}
	for i, u := range c.units {
		switch {
		case inPost[i]:
		case u.role == Comment && i < starts[0]:
			// The post's own buttons above the replies ("Like", "Share").
			rule := u.bp
			if rule == "" {
				rule = "share or follow prompt"
			}
			c.set(i, Boilerplate, rule)
		case i > last:
			// (A paragraph of text after the posts stays text: a box of
			// replies in the middle of a page does not end the article; a
			// related question does not continue it.)
			if u.role != Boilerplate && !(u.role == Body && u.prose && !strings.HasSuffix(strings.TrimSpace(u.s), "?")) {
				c.set(i, Boilerplate, "after the thread")
			}
		case (u.role == Body || u.role == Headline) && !u.prose && (handleRx.MatchString(strings.TrimSpace(u.s)) || words(u.s) == 1):
			c.set(i, Boilerplate, "account line") // "dawn_com", "Verified"
		case !headline && u.title && !u.prose && u.kind() == "" && words(u.s) >= 3 && (i+1 < len(c.units) && c.units[i+1].role == Body && c.units[i+1].prose ||
			i > 0 && c.units[i-1].bp == "url" && i < starts[0]):
			// The title of the link card the post shares, over its text
			// or under the link's domain.
			c.set(i, Headline, "shared link title")
			c.title, c.titleHow, c.titleAt = u.s, "shared link title", i
			headline = true
		}
	}
}
