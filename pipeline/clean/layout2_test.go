package clean

import (
	"strings"
	"testing"
)

// TestKickerAboveHeadline checks a section label's explanation above the
// headline (a label line, or "Label: …"), and that a page whose text opens
// with a short sentence keeps it as text.
func TestKickerAboveHeadline(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string
	}{
		{"label line then its explanation", []string{
			"p|Opinion",
			"p|Writers from outside the newsroom argue a case.",
			"h|Why the Border Trade Deal Matters More Than It Seems",
			"b|The agreement signed last week looks modest on paper, but it could change how goods move across the frontier for years to come.",
			"b|Traders on both sides have waited a decade for it, and officials said the first markets would open within months.",
		}},
		{"label and colon", []string{
			"p|Big Picture: Our editors explain the week's news.",
			"h|How a Quiet Border Became a Flashpoint",
			"b|For years the frontier drew little notice in either capital, until a string of attacks changed the calculations of both governments.",
			"b|Officials now say that patrols will be doubled and that new crossing points will open under tighter checks.",
		}},
		{"text opening with a short sentence", []string{
			"h|Border markets reopen after two years",
			"b|The markets are open again.",
			"b|Traders returned on Monday to the border markets that had been shut for two years, officials said, and the first goods crossed by noon.",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkRolePage(t, tc.lines) })
	}
}

// TestPromoBoxes checks boxes that promote another article between the
// paragraphs of the text, and that a subheading of the text stays one.
func TestPromoBoxes(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string
	}{
		{"genre label over a question", []string{
			"h|Floods cut the highway to the border for a third day",
			"b|Rescue teams reached the stranded villages on Thursday after the water receded, officials said, but the highway remained closed.",
			"b|The provincial government said it would take at least a week to repair the damaged bridges along the route.",
			"p|Explainer",
			"p|What causes the floods that hit the region every summer?",
			"b|Traders said hundreds of lorries were waiting on both sides of the crossing, and prices of vegetables had already doubled in the city.",
			"b|The meteorological department forecast more rain for the coming week.",
		}},
		{"title, dek and genre credit", []string{
			"h|The Port That Two Neighbours Need",
			"b|The port was built to carry the region's trade to the sea, and for a decade it has carried very little of it, the author argues.",
			"b|Its fortunes now depend on a settlement along the border that neither capital has yet been able to reach.",
			"p|A Corridor in Search of Cargo",
			"p|The road network is finished but the lorries have not come.",
			"p|Analysis | Sara Malik",
			"b|Until that changes, the port's cranes will stand idle for most of the year, and the promises made at its opening will remain promises.",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkRolePage(t, tc.lines) })
	}
}

// TestCaptionsWithoutAgencyCredit checks captions that carry no agency
// credit after a dash: numbered ones, ones that end with where the picture
// comes from, one with a bare copyright credit on its line, and a verbless
// one between the byline and the text; and that a short opening sentence of
// text stays text.
func TestCaptionsWithoutAgencyCredit(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string
	}{
		{"numbered, via and copyright credits", []string{
			"h|Traders wait for the barter deal to start",
			"p|By Sara Malik",
			"p|Figure 2: Monthly exports across the western border, 2019-2023.",
			"b|Exporters in the border districts said on Monday that they were still waiting for the rules of the barter scheme to be published.",
			"p|Lorries queue at the crossing near Chaman. Photo via X/@CustomsOfficial",
			"b|Officials said the rules would be ready within weeks, but traders said they had heard the same promise for months.",
			"p|A market in the border town. Shopkeepers hope the scheme will bring back customers. © AFP",
			"b|The scheme allows goods to be swapped without payments through banks, which have refused to handle the trade.",
		}},
		{"credits in other forms than a dash, and a position between commas", []string{
			"h|Traders wait for the barter deal to start",
			"p|By Sara Malik",
			"p|Lorries queue at the crossing near Chaman on Monday. Credit: AFP",
			"b|Exporters in the border districts said on Monday that they were still waiting for the rules of the barter scheme to be published.",
			"p|The commerce minister, left, and the Iranian ambassador at a meeting in Islamabad.",
			"b|Officials said the rules would be ready within weeks, but traders said they had heard the same promise for months.",
			"p|A market in the border town of Taftan. | Reuters",
			"b|The scheme allows goods to be swapped without payments through banks, which have refused to handle the trade.",
			"p|Customs officials inspect a lorry at the crossing. — Dawn/File",
			"b|The minister, who left, the officials said, before the talks ended, did not comment on the scheme.",
		}},
		{"verbless caption under the byline", []string{
			"h|Border trade falls for a second year",
			"p|By Staff Reporter",
			"p|March 3, 2021",
			"p|The old border post at the Taftan crossing.",
			"b|Trade across the border fell again last year, customs data showed on Wednesday, as banking restrictions continued to bite.",
			"b|Exports fell by a tenth and imports by a fifth, according to the figures.",
		}},
		{"dated caption under the share bar, a label below it", []string{
			"h|Floods cut the road to the border crossing",
			"p|Newsroom",
			"p|Facebook   X   Copy link",
			"p|Lorries stranded on the highway near Dalbandin, Balochistan, August 3, 2022",
			"p|Pakistan",
			"b|Hundreds of lorries were stranded on Wednesday after floods washed away parts of the highway to the border crossing, officials said.",
			"b|The provincial government said repairs would take at least a week.",
		}},
		{"standfirst without a date stays text", []string{
			"h|Floods cut the road to the border crossing",
			"p|Newsroom",
			"b|Hundreds of lorries stranded as repairs begin on the washed-out highway",
			"b|Hundreds of lorries were stranded on Wednesday after floods washed away parts of the highway to the border crossing, officials said.",
		}},
		{"short sentences with an irregular verb or a verb first stay text", []string{
			"h|Talks end in Quetta",
			"p|Published: May 2, 2021",
			"b|The delegation flew back to the capital in the evening.",
			"b|Officials from both countries reviewed progress on the crossings and agreed to meet again before the end of the year, the ministry said.",
			"p|Advertisement",
			"b|Takes more than a meeting to open a border.",
			"b|Traders said they would believe the promises when the gates opened, and that they had heard the same words from officials many times.",
		}},
		{"short opening sentence stays text", []string{
			"h|Border trade falls for a second year",
			"p|By Staff Reporter",
			"b|Trade across the border remains weak.",
			"b|Customs data showed on Wednesday that exports fell by a tenth and imports by a fifth, as banking restrictions continued to bite.",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkRolePage(t, tc.lines) })
	}
}

// TestCreditsAndAuthorBlocks checks a contributor's credit after the text
// and a blog platform's author block (name over "Follow", bio between the
// follower count and "Follow").
func TestCreditsAndAuthorBlocks(t *testing.T) {
	checkRolePage(t, []string{
		"p|Open in app",
		"h|What the Border Markets Could Change for Traders",
		"b|Small markets on the frontier can do more for the region than big projects ever did.",
		"p|Nadia Rehman",
		"p|Follow",
		"p|5 min read",
		"b|When the first border market opened last spring, few in the capital noticed, but traders on both sides say it has changed their lives.",
		"b|The markets let residents of the border districts buy and sell goods without the paperwork that has long stifled formal trade.",
		"p|The Daily Herald’s Omar Farooq contributed reporting.",
		"p|Written by Nadia Rehman",
		"p|1.4K Followers",
		"p|Writer on trade and borders. Based in Quetta.",
		"p|Follow",
	})
	lt := newLineText("Jane Doe and John Roe contributed reporting from Quetta.")
	if got := boilerplateOf(&lt); got != "contributor credit" {
		t.Errorf("boilerplateOf(credit) = %q", got)
	}
	lt = newLineText("Several countries contributed troops to the mission last year.")
	if got := boilerplateOf(&lt); got != "" {
		t.Errorf("boilerplateOf(text) = %q, want none", got)
	}
}

// TestReportPages checks a report copied from a PDF: the author's
// disclaimer in parentheses wrapped over two lines, footnotes at a page's
// foot, and the section title that follows them.
func TestReportPages(t *testing.T) {
	text := "Trade Corridors in Balochistan\n\n" +
		"By Sara Malik\n\n" +
		"(The views expressed in this paper are those of the author and do not reflect those of the Centre\n" +
		"for Regional Studies)\n\n" +
		"The province's border crossings carried more trade in 2019 than in any year before, according to official data cited in this paper.\n\n" +
		"Most of that trade was informal, and most of it moved fuel and food across the frontier.\n\n" +
		"3 “Border trade rises for a third year,” Example Daily, March 2, 2020.\n\n" +
		"4 Ibid.\n\n" +
		"Policy Options\n\n" +
		"The government could formalise the markets along the border, as officials proposed in 2021, and tax what now moves informally.\n\n" +
		"It could also open more crossings for residents of the border districts, who now travel for hours to reach one."
	want := map[string]Role{
		"(The views expressed": Boilerplate, "for Regional Studies)": Boilerplate, "3 “Border trade": Boilerplate,
		"4 Ibid.": Boilerplate, "Policy Options": Headline, "The government could": Body,
	}
	ps, _ := Article(text, Hints{})
	for prefix, role := range want {
		at := strings.Index(text, prefix)
		for _, p := range ps {
			if p.Span.Start <= at && at < p.Span.End && p.Role != role {
				t.Errorf("%q: got %s (%s), want %s", prefix, p.Role, p.Rule, role)
			}
		}
	}
	lt := newLineText("2 In the text the minister said in 2019 that “trade will double,” officials recalled.")
	if got := boilerplateOf(&lt); got == "footnote" {
		t.Errorf("a numbered paragraph of text read as a footnote")
	}
}

// TestRelatedBoxes checks a box of links under its header: a question
// among its headlines, teasers under its headlines, and the text that
// follows an inline link.
func TestRelatedBoxes(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string
	}{
		{"question among the box's headlines", []string{
			"h|Border markets reopen after two years",
			"b|Traders returned on Monday to the border markets that had been shut for two years, officials said, and the first goods crossed by noon.",
			"p|Read more",
			"p|Floods cut the highway to the border for a third day",
			"p|How do the border markets work, and who can trade in them?",
			"b|Officials said the markets would open six days a week and that residents of the border districts would need only an identity card to trade.",
			"b|The provincial government plans to open three more markets next year.",
		}},
		{"teasers under the box's headlines at the page's end", []string{
			"h|Border markets reopen after two years",
			"b|Traders returned on Monday to the border markets that had been shut for two years, officials said, and the first goods crossed by noon.",
			"b|Officials said the markets would open six days a week.",
			"p|RELATED CONTENT",
			"p|Floods cut the highway to the border for a third day 03.08.2022",
			"p|Rescue teams reached stranded villages after the water receded, but the highway stayed closed.",
			"p|Governments agree to open new crossings for residents 12.05.2021",
			"p|The two governments agreed to open three crossings for residents of the border districts.",
		}},
		{"last paragraph under one inline link stays text", []string{
			"h|Border markets reopen after two years",
			"b|Traders returned on Monday to the border markets that had been shut for two years, officials said, and the first goods crossed by noon.",
			"b|Officials said the markets would open six days a week and that residents would need only an identity card.",
			"p|Read more",
			"p|Floods cut the highway to the border for a third day",
			"b|The provincial government plans to open three more markets next year.",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkRolePage(t, tc.lines) })
	}
}

// TestPullQuotes checks a pull quote that repeats a passage of the text,
// and that a quotation the text does not repeat stays text.
func TestPullQuotes(t *testing.T) {
	checkRolePage(t, []string{
		"h|The quiet on the border will not last",
		"b|For a year the frontier has been calm, and officials in both capitals have taken credit for it, though few have asked what the calm rests on.",
		"p|“A market that feeds a town is worth more than a mile of fence.”",
		"b|The answer is trade. A market that feeds a town is worth more than a mile of fence, as one trader in the border district put it last month.",
		"b|“We have no other work,” said a driver who carries fuel across the border every week.",
		"b|“Nobody here wants the crossings closed, whatever happens in the capitals.”",
		"b|Until the two governments accept that, the calm will depend on luck.",
	})
}

// TestChannelName checks that a channel's name over its handle and its
// subscriber count is not taken for the headline.
func TestChannelName(t *testing.T) {
	checkRolePage(t, []string{
		"p|Border Desk Daily",
		"p|@borderdesk",
		"p|8.1K subscribers",
		"p|March 3, 2024",
		"b|Officials said on Sunday that the crossing at Taftan would reopen for pilgrims next week after a month-long closure.",
		"b|Traders said the closure had cost them millions of rupees.",
	})
}

// TestThemeByline checks a blog theme's byline with its category, date
// and comment count, which is no forum post's header.
func TestThemeByline(t *testing.T) {
	checkRolePage(t, []string{
		"p|Frontier Daily",
		"h|Pakistan and Iran to open two more border markets",
		"p|Posted by: News Desk in Business May 4, 2021 2",
		"b|QUETTA—Pakistan and Iran agreed on Tuesday to open two more border markets this year, officials said after a meeting of the joint trade committee.",
		"b|The markets will let residents of the border districts trade food and household goods without the paperwork of formal trade, they said.",
		"p|Share on Facebook",
		"p|Tweet on Twitter",
		"p|Related Posts",
		"p|Border trade falls for a second year",
		"p|Leave a Reply",
	})
}

// TestReportTitlePage checks a report's title page copied from a PDF: the
// organisation's name over its address lines is not the title, and a title
// in capitals broken over two lines is the headline on both.
func TestReportTitlePage(t *testing.T) {
	checkRolePage(t, []string{
		"p|CENTRE FOR BORDER STUDIES QUETTA",
		"p|Web: www.example.org",
		"p|Phone: +92-81-1234567",
		"p|POLICY BRIEF",
		"h|TRADE ACROSS THE WESTERN BORDER: THE CASE FOR",
		"h|FORMAL MARKETS",
		"p|By Sara Malik",
		"p|Research Fellow, Centre for Border Studies",
		"p|June 3, 2022",
		"b|Trade across the western border has grown for a decade, most of it outside the formal channels that the two governments control.",
		"b|This brief argues that formal border markets would bring much of that trade into the open, and sets out how they could work.",
	})
}
