package clean

import "strings"

// summaryPoint reports whether unit i is a point of the story's own
// summary: a title-like line under a summary label ("In Short", "Story
// highlights", "Key takeaways", "At a glance") or under another such
// point. Like a dek, the outlet's summary of the story is its text. (A
// live blog's "Key points" or "Key events" are links to its entries, not
// a summary: they are not labels here.)
func (c *classifier) summaryPoint(i int) bool {
	u := c.units[i]
	if u.prose || len(u.s) > 200 || words(u.s) < 4 || lowerWords(u.s) == 0 {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		p := c.units[j]
		if p.role == Body && p.rule == "summary point" {
			continue
		}
		return summaryLabel(p.s)
	}
	return false
}

// summaryLabel reports whether s is the label over a story's summary.
func summaryLabel(s string) bool {
	s = strings.ToLower(strings.TrimRight(strings.TrimSpace(s), ":"))
	switch s {
	case "in short", "story highlights", "highlights", "key takeaways", "takeaways", "at a glance", "tl;dr", "the gist", "in brief", "quick read":
		return true
	}
	return false
}
