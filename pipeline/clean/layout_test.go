package clean

import "testing"

// TestLayoutLines checks the line rules for layouts first met in indep9–12
// (issue 3) on wordings written for this test, and that text of the same
// shape stays text.
func TestLayoutLines(t *testing.T) {
	tests := []struct{ name, s, want string }{
		{"bare follow button", "Follow", "share or follow prompt"},
		{"bare story continues", "Story continues", "advertisement"},
		{"download link", "Download the complete PDF", "read more link"},
		{"suggested topics", "Suggested reading", "read more link"},
		{"citation", "Suggested citation: Khan, Ayesha. “Trade at the Edge,” Border Review, 2020.", "editorial note"},
		{"page age", "This story is over 2 years old", "site notice"},
		{"other language", "Also available in Persian", "site furniture"},
		{"membership offer", "Begin your premium subscription now.", "newsletter prompt"},
		{"join to access", "Join thousands of readers to unlock unlimited analysis every week.", "newsletter prompt"},
		{"credit after the caption", "Trucks queue at the crossing near Taftan, May 2019. Photograph by Sana Mir.", "photo caption"},
		{"social credit in brackets", "The two ministers in Tehran [@IRIMFA_EN/Twitter]", "photo caption"},
		{"footer links", "Terms and Conditions   Privacy Notice   Help Centre", "footer links"},
		{"self-description", "Gwadar Today is an independent news website reporting from the Makran coast.", "site notice"},
		{"wire credit", "Baloch reported from Quetta, Pakistan. Reuters writers Sara Ali in Kabul and Omar Haq in Dubai contributed to this report.", "contributor credit"},
		{"wire author line", "Rahim covers Iran for Reuters.", "author bio"},
		{"archive navigation", "Previous message: [list] Border trade figures", "site furniture"},
		{"archive index", "Messages sorted by: [ date ] [ author ]", "site furniture"},
		{"scrubbed attachment", "A non-text attachment was scrubbed...", "site furniture"},
		{"list footer", "More information about the pak-politics mailing list", "site furniture"},
		{"attachment url", "URL: <https://lists.example.net/archive/att-0001.html>", "site furniture"},
		{"forwarded marker", "--- Forwarded from Dawn ---", "site furniture"},
		{"phpBB sort bar", "Display topics from previous: All Topics   Sort by Author Descending", "forum footer"},
		{"comment login", "You must be signed in to leave a comment.", "comment form"},
		{"report label", "Briefing 88 / Europe 2 May 2019", "publication line"},
		{"bio without a name", "Researcher based in Karachi, writing on water and borders.", "author bio"},
		{"category list", "World, Middle East, Iran", "menu"},
		// Text of the same shapes.
		{"follow in text", "Follow the money, the minister said.", ""},
		{"story continues in text", "The story continues to unfold in Quetta.", ""},
		{"available in text", "Fuel is also available in the border markets of Mand, traders said.", ""},
		{"covers in text", "The agreement covers trade for the next five years.", ""},
		{"reported from in text", "Officials reported from the border that the crossing had reopened.", ""},
		{"reported from a place in text", "Witnesses reported from Panjgur that the market was shut for the whole of last week.", ""},
		{"place list headline", "Iran, Pakistan, China sign trade pact", ""},
		{"place list", "Iran, Pakistan, Afghanistan", ""},
		{"journalist in text", "A journalist covering the talks said both sides wanted a deal.", ""},
		{"report in text", "Report 12 of the commission, published in 2019, found the same.", ""},
		{"photo in text", "He showed a photo of the fence to the committee.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := lineKind(tc.s).bp; got != tc.want {
				t.Errorf("lineKind(%q).bp = %q, want %q", tc.s, got, tc.want)
			}
		})
	}
}

func TestRomanNumbered(t *testing.T) {
	tests := []struct {
		name string
		s    string
		want bool
	}{
		{"chapter", "IV. Trade Across the Line", true},
		{"first", "I. Background", true},
		{"pronoun", "I think so", false},
		{"initial", "V.P. Singh", false},
		{"word", "Iran Today", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := romanNumbered(tc.s); got != tc.want {
				t.Errorf("romanNumbered(%q) = %v, want %v", tc.s, got, tc.want)
			}
		})
	}
}

func TestCommentsClosed(t *testing.T) {
	tests := []struct {
		name string
		s    string
		want bool
	}{
		{"closed", "Comments are closed.", true},
		{"disabled", "Commenting has been disabled for this article", true},
		{"open", "Comments are moderated.", false},
		{"text", "The border was closed on Monday.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := commentsClosed(tc.s); got != tc.want {
				t.Errorf("commentsClosed(%q) = %v, want %v", tc.s, got, tc.want)
			}
		})
	}
}

// TestClosedThreadLinks checks that the links under "Comments are closed."
// are the page's boilerplate, not comments.
func TestClosedThreadLinks(t *testing.T) {
	text := "Border markets reopen\n\nISLAMABAD: Two border markets reopened on Monday after a year, officials said.\n\n" +
		"Traders in Turbat said the markets would help only if the crossings stayed open every day.\n\n" +
		"Comments\n\nComments are closed.\n\nSee Comments\n\nRupee gains against the dollar\n\nGold prices fall for a third day"
	ps, _ := Article(text, Hints{})
	for _, p := range ps {
		if p.Role == Comment {
			t.Errorf("comment %q (%s), want none", text[p.Span.Start:p.Span.End], p.Rule)
		}
	}
}

// TestQuotedPostIsComment checks that the text under another user's quoted
// post ("X wrote:") in a reply is the reply's comment, not a shared article.
func TestQuotedPostIsComment(t *testing.T) {
	text := "Border fence work resumes\n\nPost by hawk_1 » Mon Jan 05, 2015 8:10 pm\n\n" +
		"Work on the fence near Mand has resumed after a pause of three months, according to local officials.\n\n" +
		"Re: Border fence work resumes\n\nPost by kite22 » Mon Jan 05, 2015 9:30 pm\n\nhawk_1 wrote:\n\n" +
		"The fence will not stop anyone who knows the hills, and the smugglers have known them for generations."
	ps, _ := Article(text, Hints{})
	last := ps[len(ps)-1]
	if last.Role != Comment {
		t.Errorf("reply under a quote: %s (%s), want comment", last.Role, last.Rule)
	}
}

// TestMemberLinesWithoutColon checks vBulletin's member lines laid out
// without a colon ("Posts 2,345", "Join Date Mar 2014").
func TestMemberLinesWithoutColon(t *testing.T) {
	tests := []struct{ name, s, want string }{
		{"posts", "Posts 2,345", "forum member line"},
		{"join date", "Join Date Mar 2014", "forum member line"},
		{"text", "Posts were set up along the border in 2014.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := lineKind(tc.s).meta; got != tc.want {
				t.Errorf("lineKind(%q).meta = %q, want %q", tc.s, got, tc.want)
			}
		})
	}
}

// TestPastedArticleInPost checks that an article pasted into a forum post
// (its title over two paragraphs of one long sentence each, then its link)
// is read as an article, and the poster's own remark after it as a comment.
func TestPastedArticleInPost(t *testing.T) {
	text := "Thread: New crossing opens at Gabd\n\nMar 3rd, 2018, 09:15  #1\n\nriver_man\n\nSenior Member\n\n" +
		"Join Date Jan 2012\n\nPosts 5,120\n\nNew crossing opens at Gabd\n\n" +
		"A new crossing for goods and travellers opened at Gabd on the Iranian border on Saturday, the provincial trade department announced in Quetta.\n\n" +
		"Traders from Gwadar had long asked for the crossing, which will cut the road journey to Chabahar by several hours for trucks carrying fish and fuel.\n\n" +
		"https://www.example.pk/news/12345\n\nGood news for Gwadar, if it stays open.\n\nReply With Quote"
	ps, _ := Article(text, Hints{})
	want := map[string]Role{
		"New crossing opens at Gabd": Headline,
		"A new crossing":             Body,
		"Traders from Gwadar":        Body,
		"Good news":                  Comment,
	}
	for _, p := range ps {
		got := text[p.Span.Start:p.Span.End]
		for prefix, role := range want {
			if len(got) >= len(prefix) && got[:len(prefix)] == prefix && p.Role != role {
				t.Errorf("%q: %s (%s), want %s", got, p.Role, p.Rule, role)
			}
		}
	}
}
