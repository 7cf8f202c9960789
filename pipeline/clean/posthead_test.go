package clean

import (
	"strings"
	"testing"
)

func TestHeadShape(t *testing.T) {
	tests := []struct {
		s    string
		want byte
	}{
		{"tariq_rwp", shapeName},
		{"shahzad.khi", shapeName},
		{"Ahmed Raza", shapeName},
		{"Mar '24", shapeDate},
		{"« on: May 14, 2019, 10:41:07 PM »", shapeDate},
		{"« Reply #1 on: May 15, 2019, 08:02:55 AM »", shapeDate},
		{"#2 · Mar 9, 2021", shapeDate},
		{"Posted June 3, 2019", shapeDate},
		{"12-03-2019, 09:14 PM", shapeDate},
		{"3h ago", shapeDate},
		{"Posts: 638", shapeCount},
		{"3 Likes", shapeCount},
		{"1,204 posts", shapeCount},
		{"Joined: Mar 2011", shapeCount},
		{"Quote", shapeButton},
		{"Like   Reply", shapeButton},
		{"Report post", shapeButton},
		{"Logged", shapeButton},
		{"Offline", shapeStatus},
		{"Full Member", shapeRank},
		{"Sr. Member", shapeRank},
		{"Moderator", shapeRank},
		{"Pakistan to fence border with Iran", shapeNone},
		{"The project was conceived to bring gas from Iran.", shapeNone},
		{"Related topics", shapeNone},
		{"Senator (1k+ posts)", shapeCount},
		{"Join Date", shapeCount},
		{"12,411", shapeCount},
		{"#1", shapeDate},
		{"05-09-2017, 01:14 PM   #1", shapeDate},
		{"Regular", shapeRank},
	}
	for _, tt := range tests {
		u := units(tt.s)
		if len(u) != 1 {
			t.Fatalf("units(%q): %d units", tt.s, len(u))
		}
		if got := headShape(u[0]); got != tt.want {
			t.Errorf("headShape(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// checkRoles runs Article over lines coded "role|text" and reports each
// line whose role differs.
func checkRoles(t *testing.T, lines []string) (ok, n int) {
	t.Helper()
	var text, want []string
	for _, l := range lines {
		code, s, _ := strings.Cut(l, "|")
		text = append(text, s)
		want = append(want, map[string]string{"h": "headline", "b": "body", "p": "boilerplate", "c": "comment"}[code])
	}
	ps, _ := Article(strings.Join(text, "\n"), Hints{})
	off := 0
	for k, s := range text {
		var got Paragraph
		for _, p := range ps {
			if p.Span.Start <= off && off < p.Span.End {
				got = p
				break
			}
		}
		off += len(s) + 1
		n++
		if string(got.Role) != want[k] {
			t.Errorf("%q: got %s (%s), want %s", s, got.Role, got.Rule, want[k])
		} else {
			ok++
		}
	}
	return ok, n
}

const (
	phArticle1 = "ISLAMABAD: Pakistan and Iran agreed on Tuesday to open two more border crossings for trade, officials said after a meeting of the joint border commission in the capital."
	phArticle2 = "The crossings at Gabd and Mand will be opened in stages over the next year, the commerce ministry said in a statement issued after the talks."
	phURL      = "https://example.com/news/2024/05/pakistan-iran-crossings"
)

// TestPostThreads checks the reading of threads by their repeated post
// heads on threads written for the test in many forum layouts, each a
// news story pasted in the first post and replies under it.
func TestPostThreads(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
	}{
		{"vbulletin", []string{
			"p|Strategic Forum",
			"p|Forum   New Posts   FAQ   Calendar",
			"h|Pakistan, Iran to open two more border crossings",
			"p|Results 1 to 2 of 2",
			"c|05-14-2024, 10:41 PM",
			"c|sher_khan",
			"c|Senior Member",
			"c|Join Date: Mar 2011",
			"c|Posts: 4,122",
			"b|" + phArticle1,
			"b|" + phArticle2,
			"p|" + phURL,
			"c|About time, the old crossings cannot handle the trucks.",
			"c|05-15-2024, 08:02 AM",
			"c|baloch99",
			"c|Junior Member",
			"c|Join Date: Jan 2020",
			"c|Posts: 87",
			"c|Smuggling will just move to the new crossings.",
			"p|Quick Navigation   Current Affairs   Top",
			"p|All times are GMT +5. The time now is 11:12 AM.",
		}},
		{"phpbb", []string{
			"p|Defence Board",
			"p|Board index ‹ Current Affairs",
			"h|Pakistan, Iran to open two more border crossings",
			"p|Post Reply",
			"p|2 posts • Page 1 of 1",
			"c|sher_khan",
			"c|Posts: 4122",
			"c|Joined: Mar 2011",
			"b|" + phArticle1,
			"b|" + phArticle2,
			"p|" + phURL,
			"c|About time, the old crossings cannot handle the trucks.",
			"c|baloch99",
			"c|Posts: 87",
			"c|Joined: Jan 2020",
			"c|Smuggling will just move to the new crossings.",
			"p|Display posts from previous: All posts",
			"p|Who is online",
		}},
		{"mybb", []string{
			"p|Defence Board",
			"h|Pakistan, Iran to open two more border crossings",
			"c|sher_khan",
			"c|Offline",
			"c|Senior Member",
			"c|Posts: 4,122",
			"c|05-14-2024, 10:41 PM",
			"b|" + phArticle1,
			"b|" + phArticle2,
			"p|" + phURL,
			"c|About time, the old crossings cannot handle the trucks.",
			"c|Reply",
			"c|baloch99",
			"c|Offline",
			"c|Junior Member",
			"c|Posts: 87",
			"c|05-15-2024, 08:02 AM",
			"c|Smuggling will just move to the new crossings.",
			"c|Reply",
			"p|Users browsing this thread: 1 Guest(s)",
		}},
		{"discourse", []string{
			"p|Skip to main content",
			"h|Pakistan, Iran to open two more border crossings",
			"p|Current Affairs",
			"c|sher_khan",
			"c|May '24",
			"b|" + phArticle1,
			"b|" + phArticle2,
			"p|" + phURL,
			"c|About time, the old crossings cannot handle the trucks.",
			"c|2 Likes",
			"c|baloch99",
			"c|May '24",
			"c|Smuggling will just move to the new crossings.",
			"c|1 Like",
			"p|Related topics",
			"p|Powered by Discourse, best viewed with JavaScript enabled",
		}},
		{"smf", []string{
			"p|Welcome, Guest. Please login or register.",
			"p|Author Topic: Pakistan, Iran to open two more border crossings  (Read 912 times)",
			"c|Offline",
			"c|sher_khan",
			"c|Full Member",
			"c|Posts: 4,122",
			"h|Pakistan, Iran to open two more border crossings",
			"c|« on: May 14, 2024, 10:41:07 PM »",
			"c|Quote",
			"b|" + phArticle1,
			"b|" + phArticle2,
			"p|" + phURL,
			"c|About time, the old crossings cannot handle the trucks.",
			"c|Logged",
			"c|Offline",
			"c|baloch99",
			"c|Jr. Member",
			"c|Posts: 87",
			"h|Re: Pakistan, Iran to open two more border crossings",
			"c|« Reply #1 on: May 15, 2024, 08:02:55 AM »",
			"c|Quote",
			"c|Smuggling will just move to the new crossings.",
			"c|Logged",
			"p|Pages: [1]   Go Up",
			"p|Jump to:",
		}},
		{"vanilla", []string{
			"p|Community Forum",
			"h|Pakistan, Iran to open two more border crossings",
			"c|sher_khan",
			"c|May 2024",
			"b|" + phArticle1,
			"b|" + phArticle2,
			"p|" + phURL,
			"c|About time, the old crossings cannot handle the trucks.",
			"c|Quote",
			"c|baloch99",
			"c|May 2024",
			"c|Smuggling will just move to the new crossings.",
			"c|Quote",
			"p|Sign In or Register to comment.",
		}},
		{"xenforo", []string{
			"p|Defence Forum",
			"p|Forums   New posts   Search forums",
			"h|Pakistan, Iran to open two more border crossings",
			"p|Thread starter sher_khan   Start date May 14, 2024",
			"c|sher_khan",
			"c|Senior Member",
			"c|Joined Mar 2, 2011",
			"c|Messages 4,122",
			"c|May 14, 2024",
			"c|#1",
			"b|" + phArticle1,
			"b|" + phArticle2,
			"p|" + phURL,
			"c|About time, the old crossings cannot handle the trucks.",
			"c|Ahmed Raza",
			"c|Full Member",
			"c|Joined Jan 5, 2020",
			"c|Messages 87",
			"c|May 15, 2024",
			"c|#2",
			"c|Smuggling will just move to the new crossings.",
			"p|You must log in or register to reply here.",
			"p|Similar threads",
		}},
		{"invision", []string{
			"p|Defence Forum",
			"h|Pakistan, Iran to open two more border crossings",
			"p|Followers 1",
			"c|Ahmed Raza",
			"c|Members",
			"c|4,122 posts",
			"c|Posted May 14, 2024",
			"b|" + phArticle1,
			"b|" + phArticle2,
			"p|" + phURL,
			"c|About time, the old crossings cannot handle the trucks.",
			"c|Bilal Khan",
			"c|Members",
			"c|87 posts",
			"c|Posted May 15, 2024",
			"c|Smuggling will just move to the new crossings.",
			"p|Create an account or sign in to comment",
		}},
		{"reddit", []string{
			"p|r/pakistan",
			"p|Posted by u/sher_khan 3 days ago",
			"h|Pakistan, Iran to open two more border crossings",
			"p|" + phURL,
			"p|42 comments",
			"c|baloch99",
			"c|3d ago",
			"c|Smuggling will just move to the new crossings.",
			"c|Reply",
			"c|karachi_guy",
			"c|2d ago",
			"c|The old crossings cannot handle the trucks anyway.",
			"c|Reply",
		}},
		{"disqus-like", []string{
			"p|The Daily Frontier",
			"h|Pakistan, Iran to open two more border crossings",
			"p|Staff Reporter",
			"p|May 14, 2024",
			"b|" + phArticle1,
			"b|" + phArticle2,
			"p|4 Comments",
			"c|baloch99",
			"c|3 hours ago",
			"c|Smuggling will just move to the new crossings.",
			"c|Reply",
			"c|karachi_guy",
			"c|2 hours ago",
			"c|The old crossings cannot handle the trucks anyway.",
			"c|Reply",
		}},
		{"not a thread: related stories with bylines", []string{
			"p|The Daily Frontier",
			"h|Pakistan, Iran to open two more border crossings",
			"p|Staff Reporter",
			"p|May 14, 2024",
			"b|" + phArticle1,
			"b|" + phArticle2,
			"p|Related",
			"p|Ahmed Raza",
			"p|May 10, 2024",
			"p|Gwadar port sees more traffic",
			"p|Bilal Khan",
			"p|May 9, 2024",
			"p|Border market opens at Mand",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, n := checkRoles(t, tt.lines)
			t.Logf("%s: %d/%d", tt.name, ok, n)
		})
	}
}
