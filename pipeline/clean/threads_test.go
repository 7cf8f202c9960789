package clean

import (
	"regexp"
	"strings"
	"testing"
)

// threadCases are lines of thread and widget layouts, and lines of text
// that look like them, for the gate tests below.
var threadCases = []string{
	"submitted 3 years ago by gwadar_guy", "ſubmitted 2 days ago by x", "Posted by u/karachi_wala 2 yr. ago", "u/Persian_Plateau", "Posted in world by newsbot@lemmy.world", "poſted in x by y",
	"212 points by lazyloader 1 year ago | hide | past | favorite | 187 comments", ".5k points by x 2 hours ago",
	"[–]makran_coast 31 points 3 years ago", "dang 1 year ago | next [–]", "x_y -4 points\t3 days\tago", "Bilal Ahmed says:",
	"Anonymous said...", "Naveed said…", "He said:", "Updated 2 hours ago",
	"5 △ ▽ • Reply • Share ›", "▲ ▼ • Reply •", "↑ 12", "Proudly powered by WordPress | Theme: Twenty Seventeen",
	"Newer Post Older Post Home", "Subscribe to: Post Comments (Atom)", "Email ThisBlogThis!Share to Twitter", "Disqus' Privacy Policy",
	"Font Size: A A A", "Text Size: A- A+", "A- A+", "Use of this site constitutes acceptance of our User Agreement.",
	"Independent journalism costs money.", "If you value what we do, please consider making a contribution.",
	"Our small team depends on readers, not advertisers.", "The ministry said its support for the talks was firm.",
	"joUrnaliſm", "Support Our Journalism", "Contribute Now", "Soldiers stand guard in Balochistan province. AFP",
	"Soldiers stand guard. \"Reuters / Akhtar Soomro", "Notify me of new posts by email.", "LOG IN WITH", "Comment *", "Name*", "FontSize: A A", "Text-size: A+",
	"This site uses Akismet to reduce spam.", "Cancel reply", "Favorite this discussion", "Comment Policy", "Write a comment…", "Staff picks", "Editors' picks", "Displaying threads 1 to 3 of 34", "Showing comments 1-10 of 200", "[removed]", "Comment deleted by user", "View all 23 replies",
	"Continue this thread", "3 more replies", "A- A+", "a+a-", "x.” Getty Images", "said. afp", "x. AFP.",
}

// TestThreadGates checks that each hand-written gate of threads.go lets
// through every line its pattern matches.
func TestThreadGates(t *testing.T) {
	for _, s := range append(append(prefilterStrings(t), fastCases...), threadCases...) {
		checkThreadGates(t, s)
	}
}

func FuzzThreadGates(f *testing.F) {
	for _, s := range threadCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkThreadGates(t, s) })
}

func checkThreadGates(t *testing.T, s string) {
	t.Helper()
	if s == "" {
		return // the gates are called on units, which are never empty
	}
	for _, g := range []struct {
		name string
		may  func(string) bool
		re   *regexp.Regexp
	}{
		{"mayBeThreadHeader", mayBeThreadHeader, threadHeader},
		{"mayBeCommentHead", mayBeCommentHead, commentHead},
		{"mayBeWidgetFurniture", mayBeWidgetFurniture, widgetFurniture},
		{"hasVoteArrow", hasVoteArrow, voteButtons},
		{"hasAppealWord", hasAppealWord, appealCue.re},
		{"creditTail", creditTail, agencyAfterStop},
		{"formStarts", func(s string) bool { return firstWordIn(s, formStarts) }, widgetForm},
		{"goneStarts", func(s string) bool {
			return s[0] == '[' || s[0] >= '0' && s[0] <= '9' || firstWordIn(s, goneStarts)
		}, commentGone},
	} {
		if g.re.MatchString(s) && !g.may(s) {
			t.Errorf("%s(%q) = false, but the pattern matches", g.name, s)
		}
	}
}

// TestThreadLine checks what threadLine makes of the lines of thread and
// blog layouts, and that it leaves text alone.
func TestThreadLine(t *testing.T) {
	tests := []struct {
		name, s      string
		bp, meta     string
		stamp        bool
		inBP, inMeta string // what the general rules found
	}{
		{name: "separator", s: "•", bp: "separator"},
		{name: "short age", s: "1y ago", stamp: true},
		{name: "edited age", s: "Edited 2y ago", stamp: true},
		{name: "age after a bullet", s: "· 2 yr. ago", stamp: true},
		{name: "link post header", s: "212 points by lazyloader 1 year ago | hide | past | 187 comments", bp: "thread header"},
		{name: "blog byline with categories", s: "Posted by Asad Qureshi on May 10, 2017 in Balochistan, Iran | 4 Comments", inMeta: "forum post header", bp: "byline"},
		{name: "blog sign-off", s: "Posted by Rashid Baloch at 9:15 PM", inMeta: "forum post header", bp: "byline"},
		{name: "forum post header stays", s: "Posted by falcon_88 on June 12, 2019", inMeta: "forum post header", meta: "forum post header"},
		{name: "vote row", s: "5 △ ▽ • Reply • Share ›", inBP: "menu", meta: "comment buttons"},
		{name: "old Reddit head", s: "[–]makran_coast 31 points 3 years ago", meta: "commenter line"},
		{name: "Hacker News head", s: "mrtn_k 1 year ago | prev | next [–]", meta: "commenter line"},
		{name: "WordPress head", s: "Bilal Ahmed says:", meta: "commenter line"},
		{name: "pronoun is not a head", s: "He says:"},
		{name: "update line is not a head", s: "Updated 2 hours ago", inBP: "publication line", bp: "publication line", stamp: true},
		{name: "deleted comment", s: "[deleted]", meta: "comment buttons"},
		{name: "more replies", s: "3 more replies", meta: "comment buttons"},
		{name: "responses to a title", s: "3 Responses to “The pipeline that never arrived”", bp: "comments header"},
		{name: "also on a site", s: "ALSO ON THE NATION", bp: "read more link"},
		{name: "also on in text", s: "Also on Monday the minister met traders"},
		{name: "page break", s: "Page 2 of 3", bp: "page number"},
		{name: "labelled date", s: "Publish Date : Wednesday 8 April 2015 - 20:57", bp: "publication line"},
		{name: "issue line", s: "Issue Number 5327 ➔ Wednesday, March 23, 2016 ➔ Page 3", bp: "publication line"},
		{name: "font size", s: "Text Size: A- A+", bp: "site furniture"},
		{name: "feed footer", s: "The post Iran, Pakistan agree on patrols appeared first on SAMAA.", bp: "source line"},
		{name: "support button", s: "Support Our Journalism", bp: "newsletter prompt"},
		{name: "text", s: "Pakistan and Iran agreed on Monday to open two more crossings, officials said."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stamp := tc.stamp && tc.inBP != "" // a stamp the general rules found
			bp, meta, st := threadLine(tc.s, tc.inBP, tc.inMeta, stamp)
			if bp != tc.bp || meta != tc.meta || st != tc.stamp {
				t.Errorf("threadLine(%q) = %q, %q, %v; want %q, %q, %v", tc.s, bp, meta, st, tc.bp, tc.meta, tc.stamp)
			}
		})
	}
}

// roleLines runs Article on lines joined by newlines and returns each
// line's role, by the paragraph that holds its first byte.
func roleLines(lines []string) []Role {
	text := strings.Join(lines, "\n")
	ps, _ := Article(text, Hints{})
	var out []Role
	off := 0
	for _, l := range lines {
		for _, p := range ps {
			if p.Span.Start <= off && off < p.Span.End {
				out = append(out, p.Role)
				break
			}
		}
		off += len(l) + 1
	}
	return out
}

// TestThreadLayouts checks whole small pages of the layouts threads.go
// reads: a thread copied with its link post, a blog post with its byline
// above the text, an appeal box after the text.
func TestThreadLayouts(t *testing.T) {
	const h, b, p, c = Headline, Body, Boilerplate, Comment
	tests := []struct {
		name  string
		lines []string
		want  []Role
	}{
		{"link post thread", []string{
			"r/worldnews", "•", "3y ago", "user_one",
			"Iran and Pakistan reopen the Taftan crossing after talks",
			"Sort by: Best",
			"second_user", "•", "3y ago",
			"Good news for the truckers stuck at the border for weeks.",
			"41", "Reply", "Share",
			"third_user", "•", "3y ago",
			"The crossing closes every time there is an attack. Let us see.",
			"12", "Reply", "Share",
			"More posts you may like",
		}, []Role{p, p, p, p, h, p, c, c, c, c, c, c, c, c, c, c, c, c, c, c, p}},
		{"blog byline above the text", []string{
			"Posted on 3 March 2020 by admin | 2 Comments",
			"Iran and Pakistan have agreed to build a second power line to Makran, officials said on Tuesday in Quetta.",
			"The line will supply 100 megawatts to Gwadar and nearby towns, which now depend on generators for much of the day.",
		}, []Role{p, b, b}},
		{"appeal box after the text", []string{
			"Iran and Pakistan have agreed to build a second power line to Makran, officials said on Tuesday in Quetta.",
			"The line will supply 100 megawatts to Gwadar and nearby towns, which now depend on generators for much of the day.",
			"Independent journalism costs money, and our reporters depend on readers like you.",
			"Donate Now",
		}, []Role{b, b, p, p}},
		{"bylines in a list of other stories", []string{
			"Iran and Pakistan have agreed to build a second power line to Makran, officials said on Tuesday in Quetta.",
			"The line will supply 100 megawatts to Gwadar and nearby towns, which now depend on generators for much of the day.",
			"More from this writer",
			"Gas prices to rise from next month",
			"Shahbaz Rana",
			"January 5, 2024",
			"Cabinet approves barter trade with Iran",
			"Shahbaz Rana",
			"January 3, 2024",
		}, []Role{b, b, p, p, p, p, p, p, p}},
		{"live blog posts under their writer and age", []string{
			"Live: Pakistan strikes inside Iran",
			"Iran's foreign ministry has summoned Pakistan's most senior diplomat in Tehran to demand an explanation, state media said.",
			"Pakistan's foreign office said it had carried out a series of targeted strikes against hideouts in Sistan-Baluchestan.",
			"Sophia Saifi",
			"4h ago",
			"Iran's state media says nine killed",
			"Iranian state media said nine people, all non-Iranian nationals, were killed in explosions in a village near Saravan.",
		}, []Role{h, b, b, p, p, h, b}},
		{"an op-ed's last paragraph asks for support", []string{
			"Iran and Pakistan have agreed to build a second power line to Makran, officials said on Tuesday in Quetta.",
			"The line will supply 100 megawatts to Gwadar and nearby towns, which now depend on generators for much of the day.",
			"We must support our brothers across the border and contribute what we can to their recovery.",
			"Share",
		}, []Role{b, b, b, p}},
		{"headline above a breadcrumb", []string{
			"Iran and Pakistan agree to build a second power line to Makran",
			"Home | Pakistan | Business",
			"Staff Report Desk",
			"January 5, 2024",
			"Iran and Pakistan have agreed to build a second power line to Makran, officials said on Tuesday in Quetta.",
			"The line will supply 100 megawatts to Gwadar and nearby towns, which now depend on generators for much of the day.",
		}, []Role{h, p, p, p, b, b}},
		{"a speaker introducing a quotation", []string{
			"Iran and Pakistan have agreed to build a second power line to Makran, officials said on Tuesday in Quetta.",
			"The line will supply 100 megawatts to Gwadar and nearby towns, which now depend on generators for much of the day.",
			"Foreign Minister Ishaq Dar says:",
			"“Our border must be a border of peace and trade.”",
			"Officials expect the line to be finished by the end of the year, well ahead of the summer.",
		}, []Role{b, b, b, b, b}},
		{"comments headed by a name and a date, no comments header", []string{
			"Iran and Pakistan have agreed to build a second power line to Makran, officials said on Tuesday in Quetta.",
			"The line will supply 100 megawatts to Gwadar and nearby towns, which now depend on generators for much of the day.",
			"Zain Abbas",
			"Jan 28, 2024",
			"Share",
			"Rabia",
			"Jan 29",
			"This is the clearest account I have read. Thank you.",
			"Reply",
			"Shahid M.",
			"Jan 30",
			"Agree on the domestic audiences point.",
			"Like · Reply",
		}, []Role{b, b, p, p, p, c, c, c, c, c, c, c, c}},
		{"caption under its label", []string{
			"Iran and Pakistan have agreed to build a second power line to Makran, officials said on Tuesday in Quetta.",
			"Image caption,",
			"Workers say the line will reach Gwadar by the summer",
			"The line will supply 100 megawatts to Gwadar and nearby towns, which now depend on generators for much of the day.",
		}, []Role{b, p, p, b}},
		{"caption with an agency after its stop", []string{
			"Iran and Pakistan have agreed to build a second power line to Makran, officials said on Tuesday in Quetta.",
			"Soldiers stand guard at the Taftan crossing in Balochistan province. AFP",
			"The line will supply 100 megawatts to Gwadar and nearby towns, which now depend on generators for much of the day.",
		}, []Role{b, p, b}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := roleLines(tc.lines)
			for i := range tc.lines {
				if i >= len(got) || got[i] != tc.want[i] {
					t.Errorf("line %d %q: got %v, want %s", i, tc.lines[i], got, tc.want[i])
					return
				}
			}
		})
	}
}
