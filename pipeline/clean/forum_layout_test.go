package clean

import (
	"strings"
	"testing"
)

// TestForumPostHeads checks the post headers of Invision Community and of
// VerticalScope's XenForo theme, one item per line: the poster's name over
// the rest of the header is the post's (comment), the thread's counts and
// the furniture after the last post are boilerplate, and the title of an
// article pasted in the first post is a headline. Pages written for the
// test, not copied from a set.
func TestForumPostHeads(t *testing.T) {
	tests := []struct {
		name  string
		lines []string // "role|text"
	}{
		{"invision", []string{
			"p|Some Defence Forum",
			"p|Home   Forums   Region",
			"h|Army chief warns of strikes on militant havens across the border",
			"p|Sign in to follow this",
			"p|Followers 2",
			"p|Recommended Posts",
			"c|Darius_K",
			"c|Members",
			"c|1,204 posts",
			"c|Posted June 3, 2019",
			"c|Report post",
			"c|Share",
			"h|General warns neighbour over border attacks",
			"b|KABUL – The army chief warned on Sunday that the country would strike militant havens across the border if the neighbouring government failed to act, officials said.",
			"b|The warning came a week after six soldiers were killed in an ambush near the frontier town, the defence ministry said in a statement.",
			"p|https://example.com/news/12345/general-warns",
			"c|Tough talk, but nothing will happen.",
			"c|Quote",
			"c|Navid",
			"c|Advanced Members",
			"c|88 posts",
			"c|Posted June 3, 2019",
			"c|On 6/3/2019 at 9:14 AM, Darius_K said:",
			"c|Tough talk, but nothing will happen.",
			"c|Expand",
			"c|They said that last year too and then shelled the border villages anyway.",
			"c|Quote",
			"p|Create an account or sign in to comment",
			"p|Go To Topic Listing",
			"p|Powered by Invision Community",
		}},
		{"xenforo verticalscope", []string{
			"p|City Forum",
			"p|Home   Forums   Energy",
			"h|Gas Import | Border Pipeline Section",
			"p|Jump to Latest   Follow",
			"p|1K views   4 replies   3 participants   last post by  user_b  Mar 9, 2021",
			"c|user_a",
			"c|Discussion Starter · #1 · Mar 2, 2021",
			"h|Pipeline section near border to be completed next year",
			"b|KARACHI: The state gas company said on Tuesday that the section of the pipeline near the border would be completed by the end of next year, officials said.",
			"b|The company said financing for the section had been arranged with local banks and that land acquisition was almost complete.",
			"p|https://example.com/news/777",
			"c|We have heard this every year since 2013.",
			"c|Like   Reply",
			"c|user_b",
			"c|Registered",
			"c|Joined Jan 5, 2012 · 1,311 Posts",
			"c|#2 · Mar 9, 2021",
			"c|Let us see the money first.",
			"c|Like   Reply",
			"p|1 - 2 of 5 Posts",
			"p|Join the discussion",
			"p|About this Discussion",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var text []string
			var want []string
			for _, l := range tt.lines {
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
				if string(got.Role) != want[k] {
					t.Errorf("%q: got %s (%s), want %s", s, got.Role, got.Rule, want[k])
				}
			}
		})
	}
}

// TestLiveBlogLines checks the live-blog lines of indep19–20's family on
// lines written for the test: bare "HH:MM:SS" stamps, "Published By:" and
// a desk alone as bylines.
func TestLiveBlogLines(t *testing.T) {
	tests := []struct {
		s    string
		live bool   // isLiveStamp
		bp   string // the boilerplate rule, if the line is not a stamp
	}{
		{"11:58:01", true, ""},
		{"09:05", true, ""},
		{"11:58:01 is the time", false, ""},
		{"Published By: Web Desk", false, "byline"},
		{"Published By: Ayesha Khan", false, "byline"},
		{"India Today World Desk", false, "byline"},
		{"Web Desk", false, "byline"},
		{"Published by the ministry on Monday, the report says", false, ""},
		{"The help desk", false, ""},
	}
	for _, tt := range tests {
		if got := isLiveStamp(tt.s); got != tt.live {
			t.Errorf("isLiveStamp(%q) = %v, want %v", tt.s, got, tt.live)
		}
		if tt.live {
			continue
		}
		if u := units(tt.s); len(u) != 1 || u[0].bp != tt.bp {
			t.Errorf("%q: bp %q, want %q", tt.s, u[0].bp, tt.bp)
		}
	}
}

// TestCommentSectionLines checks the lines of a newspaper's comment
// section as MailOnline lays it out, on lines written for the test.
func TestCommentSectionLines(t *testing.T) {
	tests := []struct{ s, bp, meta string }{
		{"Share or comment on this article:", "comment form", ""},
		{"Share what you think", "comment form", ""},
		{"The comments below have not been moderated.", "comment form", ""},
		{"The views expressed in the contents above are those of our users and do not necessarily reflect the views of the paper.", "comment form", ""},
		{"By posting your comment you agree to our house rules.", "comment form", ""},
		{"Do you want to automatically post your comments to your Facebook Timeline?", "comment form", ""},
		{"Your comment will be posted to the site as usual.", "comment form", ""},
		{"Comments 12", "comments header", ""},
		{"Click to rate   21   2", "link bar", "comment buttons"},
		{"dune_rider, Leeds, United Kingdom, 2 years ago", "", "commenter line"},
		{"The comments were made to reporters in Quetta.", "", ""},
		{"Karachi, Sindh, Pakistan, a city of 20 million", "", ""},
	}
	for _, tt := range tests {
		u := units(tt.s)
		if len(u) != 1 || u[0].bp != tt.bp || u[0].meta != tt.meta {
			t.Errorf("%q: bp %q meta %q, want %q %q", tt.s, u[0].bp, u[0].meta, tt.bp, tt.meta)
		}
	}
}

// TestCreditedCaption checks creditedCaption on captions written for the
// test and on text that ends the same ways.
func TestCreditedCaption(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Students wait at the border crossing. Pic: AP", true},
		{"Officials at the talks in Quetta on 3 March. (Balochistan Home Department)", true},
		{"The army chief meets the visiting minister in Rawalpindi. 92NewsHD", true},
		{"This chart shows the trade between the two countries since 2015. Statista", true},
		{"The minister said the talks went well. (Reuters)", false}, // the agency list's, not this rule's
		{"The minister said talks would go on. (He declined to say when.)", false},
		{"The army chief meets the minister in Rawalpindi. Later", false},
		{"This map shows the area where the army said it struck camps. Statista", true},
		{"The map shows how far the strikes reached, officials said.", false},
		{"The minister said the strikes hit camps in the area. Statista", false},
		{"Trade rose by 12 per cent last year, the ministry said.", false},
	}
	for _, tt := range tests {
		if got := creditedCaption(tt.s); got != tt.want {
			t.Errorf("creditedCaption(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestFurnitureNotes checks a licence line without an article, a dated
// update note, a logged-out discussion box and a paywall's prompt, on
// lines written for the test.
func TestFurnitureNotes(t *testing.T) {
	tests := []struct{ s, bp string }{
		{"All content licensed under Creative Commons Attribution 4.0 International License.", "licence line"},
		{"Update 3/2/24, 10:15 a.m. ET: This story was updated with new figures.", "editorial note"},
		{"To participate in the discussion", "comment form"},
		{"log in or register", "comment form"},
		{"For more news and analysis, subscribe to the weekly edition.", "newsletter prompt"},
		{"Update on the talks: both sides met again on Monday.", ""},
		{"For more than a decade, officials said, the border stayed shut.", ""},
	}
	for _, tt := range tests {
		if u := units(tt.s); len(u) != 1 || u[0].bp != tt.bp {
			t.Errorf("%q: bp %q, want %q", tt.s, u[0].bp, tt.bp)
		}
	}
}

// TestSummaryPoints checks that the points under a story's summary label
// are text and a live blog's "Key points" links stay furniture.
func TestSummaryPoints(t *testing.T) {
	head := []string{"News Site", "Home   World   Business   Sport   Opinion", "Army strikes militant hideouts across the border, officials say",
		"The army said on Thursday it had struck hideouts of militant groups across the border after a week of attacks on its posts.", "By Staff Reporter"}
	tail := []string{"The army said the strikes were based on intelligence and that civilians had been avoided, officials said on Thursday.",
		"The foreign ministry said it respected its neighbour's sovereignty but would not allow its soil to be used for attacks."}
	for _, tc := range []struct {
		label, want string
	}{{"In Short", "body"}, {"Key takeaways", "body"}, {"Key points", "boilerplate"}} {
		lines := append(append(append([]string{}, head...), tc.label, "Army carries out strikes on hideouts across the border", "Officials say several militants were killed in the attack"), tail...)
		text := strings.Join(lines, "\n")
		ps, _ := Article(text, Hints{})
		off := strings.Index(text, "Army carries out")
		for _, p := range ps {
			if p.Span.Start <= off && off < p.Span.End && string(p.Role) != tc.want {
				t.Errorf("under %q: got %s (%s), want %s", tc.label, p.Role, p.Rule, tc.want)
			}
		}
	}
}
