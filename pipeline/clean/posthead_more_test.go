package clean

import (
	"strings"
	"testing"
)

// TestPostThreadsHarder holds harder thread layouts: display names rather
// than handles, a first post with no link under the pasted text, a thread
// with no pasted article.
func TestPostThreadsHarder(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
	}{
		{"discourse display names and rank", []string{
			"p|Skip to main content",
			"h|Pakistan, Iran to open two more border crossings",
			"p|Current Affairs",
			"c|Ahmed Raza",
			"c|Regular",
			"c|May '24",
			"b|" + phArticle1,
			"b|" + phArticle2,
			"p|" + phURL,
			"c|About time, the old crossings cannot handle the trucks.",
			"c|Bilal Khan",
			"c|Regular",
			"c|May '24",
			"c|Smuggling will just move to the new crossings.",
			"c|2 Likes",
			"p|Related topics",
		}},
		{"mybb no link", []string{
			"p|Defence Board",
			"h|Pakistan, Iran to open two more border crossings",
			"c|sher_khan",
			"c|Offline",
			"c|Senior Member",
			"c|Posts: 4,122",
			"b|" + phArticle1,
			"b|" + phArticle2,
			"c|About time, the old crossings cannot handle the trucks.",
			"c|baloch99",
			"c|Offline",
			"c|Junior Member",
			"c|Posts: 87",
			"c|Smuggling will just move to the new crossings.",
			"p|Users browsing this thread: 1 Guest(s)",
		}},
		{"smf discussion without article", []string{
			"p|Welcome, Guest. Please login or register.",
			"p|Author Topic: Fuel prices in Quetta  (Read 312 times)",
			"c|Offline",
			"c|sher_khan",
			"c|Full Member",
			"c|Posts: 4,122",
			"h|Fuel prices in Quetta",
			"c|« on: May 14, 2024, 10:41:07 PM »",
			"c|Quote",
			"c|Petrol from across the border is half the price of the pumps here. Anyone know if the crackdown is real this time?",
			"c|Logged",
			"c|Offline",
			"c|baloch99",
			"c|Jr. Member",
			"c|Posts: 87",
			"h|Re: Fuel prices in Quetta",
			"c|« Reply #1 on: May 15, 2024, 08:02:55 AM »",
			"c|Quote",
			"c|It never lasts more than a month.",
			"c|Logged",
			"p|Pages: [1]   Go Up",
		}},
		{"article then comments with handles", []string{
			"p|The Daily Frontier",
			"h|Pakistan, Iran to open two more border crossings",
			"p|Staff Reporter",
			"b|" + phArticle1,
			"b|" + phArticle2,
			"b|Traders in Balochistan welcomed the decision, saying the existing crossings were congested and that goods often waited for days before clearance.",
			"p|2 Comments",
			"c|baloch99",
			"c|Posts: 87",
			"c|Smuggling will just move to the new crossings.",
			"c|karachi_guy",
			"c|Posts: 12",
			"c|The old crossings cannot handle the trucks anyway.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, n := checkRoles(t, tt.lines)
			t.Logf("%s: %d/%d", tt.name, ok, n)
		})
	}
}

// TestPostThreadsNotLiveBlog checks that a live blog's entries under a
// writer's name and a time are not read as a thread's posts (no line
// becomes a comment). (The existing rules read the second writer's name as
// a subheading: a miss of theirs, not of the post heads.)
func TestPostThreadsNotLiveBlog(t *testing.T) {
	lines := []string{
		"The Daily Frontier",
		"Live: Pakistan, Iran open two more border crossings",
		"Ayesha Khan",
		"10:42 PKT",
		"Commerce ministry confirms the dates",
		phArticle2,
		"Bilal Ahmed",
		"10:15 PKT",
		"Talks end in Islamabad",
		phArticle1,
		"Ayesha Khan",
		"09:58 PKT",
		"Joint commission meets",
		"The joint border commission met for the first time in two years, with trade and security on the agenda, officials said.",
	}
	text := strings.Join(lines, "\n")
	ps, _ := Article(text, Hints{})
	for _, p := range ps {
		if p.Role == Comment {
			t.Errorf("%q: comment (%s)", text[p.Span.Start:p.Span.End], p.Rule)
		}
	}
}
