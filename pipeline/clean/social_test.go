package clean

import (
	"strings"
	"testing"
)

func TestShortAgeAndButtons(t *testing.T) {
	for _, tc := range []struct {
		s          string
		age, butts bool
	}{
		{"1yr", true, false},
		{"29w", true, false},
		{"Updated 6y", true, false},
		{"1yr • Edited", true, false},
		{"3 h", true, false},
		{"2015", false, false},
		{"24 likes   Reply", false, true},
		{"Like   Reply   3 Reactions", false, true},
		{"Upvote · 34   Share", false, true},
		{"1.2K views · View upvotes", false, true},
		{"— View replies (3)", false, true},
		{"142 • 18", false, false},
		{"Like us on Facebook", false, false},
	} {
		if got := shortAge.MatchString(tc.s); got != tc.age {
			t.Errorf("shortAge(%q) = %v, want %v", tc.s, got, tc.age)
		}
		if got := socialButtonsLine(tc.s); got != tc.butts {
			t.Errorf("socialButtonsLine(%q) = %v, want %v", tc.s, got, tc.butts)
		}
	}
}

// TestSocialPosts checks the roles of a social network's post with
// replies, on pages made up for the test in the layouts such sites have.
func TestSocialPosts(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string // "role|text"
	}{
		{"share with a link card and replies", []string{
			"p|Network",
			"c|Bilal Ahmad",
			"c|Economist | Columnist",
			"c|2yr • Edited",
			"c|Important report on the gas pipeline, read it before the debate tonight.",
			"p|example.com",
			"h|Pakistan and Iran agree to revive gas pipeline talks",
			"b|ISLAMABAD: Officials of the two countries agreed on Tuesday to revive talks on the long-delayed gas pipeline, the foreign office said in a statement.",
			"b|The project has been stalled for a decade because of sanctions, officials said.",
			"p|See more",
			"c|Nadia Rehman",
			"c|Energy lawyer",
			"c|2yr",
			"c|Sanctions have not gone anywhere, so what has changed since the last round?",
			"c|Like   Reply   5 Reactions",
			"c|Omar Farooq",
			"c|2yr",
			"c|Nothing will change until the financing is found.",
			"c|Like   Reply",
			"p|Load more comments",
		}},
		{"page post with a link card, replies closed by their age and buttons", []string{
			"p|Social",
			"p|Frontier Daily",
			"p|3h ·",
			"b|Pakistan and Iran agreed on Tuesday to open two more border markets this year, officials said after a meeting in Quetta.",
			"p|example.com",
			"h|Pakistan and Iran to open two more border markets",
			"p|845",
			"p|120 comments",
			"p|Like",
			"p|Comment",
			"p|Share",
			"c|Kamran Baig",
			"c|Markets help the people who live on the border, unlike fences.",
			"c|3h   Like   Reply   9",
			"c|Zainab Ali",
			"c|Let's see if they open this time.",
			"c|2h   Like   Reply",
			"p|View more comments",
		}},
		{"outlet's post with replies", []string{
			"p|Photos",
			"p|news_desk",
			"p|Verified",
			"b|The foreign ministers of the two countries met in Tehran on Sunday to discuss trade across the border, the ministry said.",
			"p|#Pakistan #Iran",
			"c|ali.raza_7",
			"c|3w",
			"c|Finally some good news for the traders 👏",
			"c|12 likes   Reply",
			"c|sara.k",
			"c|3w",
			"c|Let's see if anything happens this time.",
			"c|4 likes   Reply",
			"p|1,245 likes",
			"p|Liked by someone and 900 others",
			"p|Add a comment…",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkRolePage(t, tc.lines) })
	}
}

// checkRolePage builds a page from coded lines ("h|…", "b|…", "p|…",
// "c|…"), one paragraph each, and checks the role of each.
func checkRolePage(t *testing.T, lines []string) {
	t.Helper()
	var b strings.Builder
	var want []Role
	var spans [][2]int
	for k, l := range lines {
		code, s, _ := strings.Cut(l, "|")
		if k > 0 {
			b.WriteString("\n\n")
		}
		spans = append(spans, [2]int{b.Len(), b.Len() + len(s)})
		b.WriteString(s)
		want = append(want, roleCodes[code])
	}
	text := b.String()
	ps, _ := Article(text, Hints{})
	for k, sp := range spans {
		for _, p := range ps {
			if p.Span.Start <= sp[0] && sp[0] < p.Span.End {
				if p.Role != want[k] {
					t.Errorf("%q: got %s (%s), want %s", text[sp[0]:sp[1]], p.Role, p.Rule, want[k])
				}
				break
			}
		}
	}
}

// TestSocialBoxInText checks that a box of two replies in the middle of an
// article does not turn the text after it into furniture.
func TestSocialBoxInText(t *testing.T) {
	checkRolePage(t, []string{
		"h|Traders return to the border market after the floods",
		"b|Traders returned on Monday to the border market that had been shut for two weeks by the floods, officials said, and the first lorries crossed by noon.",
		"p|Top comments",
		"c|Asif Khan",
		"c|2d",
		"c|Good news for the families who live from this market.",
		"c|12 likes   Reply",
		"c|Maria Baloch",
		"c|2d",
		"c|The road still needs repairs before the next monsoon.",
		"c|3 likes   Reply",
		"b|The provincial government said it would spend the next month repairing the road to the market, which was damaged in several places by the water.",
		"b|Officials said the market would stay open while the work went on, and that traders would be told in advance of any closure of the road.",
	})
}
