package clean

import "testing"

// TestWidgetPrompts checks the prompts of sign-up widgets, app downloads,
// sponsors' notes and paywalled comment boxes, and that text which shares
// their words stays text.
func TestWidgetPrompts(t *testing.T) {
	for _, tc := range []struct{ s, want string }{
		{"Your subscription failed. Please try again.", "newsletter prompt"},
		{"Your sign-up could not be completed. Try again later.", "newsletter prompt"},
		{"protected by reCAPTCHA", "newsletter prompt"},
		{"This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.", "newsletter prompt"},
		{"An account was already registered with this email. Please check your inbox for an authentication link.", "newsletter prompt"},
		{"Thank you for subscribing to our daily briefing.", "newsletter prompt"},
		{"Download The Daily Herald App to get breaking news alerts.", "newsletter prompt"},
		{"Commenting on this and other recent articles is just one benefit of a Daily Herald subscription.", "newsletter prompt"},
		{"Only subscribers can comment on this story.", "newsletter prompt"},
		{"This content was commissioned by the Example Group's partner studio.", "advertisement"},
		{"Sponsored content by Acme Bank", "advertisement"},
		{"Most Read from Example Wire", "read more link"},
		{"Most Popular on Daily Herald", "read more link"},
		{"Terms and Privacy Policy", "site furniture"},
		{"Privacy Dashboard", "site furniture"},
		{"Your Privacy Choices", "site furniture"},
		{"Saturday, 3 Esfand 1401 - 09:15", "publication line"},
		{"12 Mehr 1399", "publication line"},
		{"Reproduction of this content is prohibited without permission.", "licence line"},
		{"Use of the news is permitted only with a link to the source.", "licence line"},
		{"Quetta Jane Doe (Example News / Online - 3rd Mar, 2021 ) :", "publication line"},
		{"Lahore (Daily Example - March 3, 2021) -", "publication line"},
		{"ByJANE DOE Associated Press", "byline"},
		{"Trending   Budget 2024   fuel prices", "link bar"},
		{"Example World and Agencies", "byline"},
		// Text.
		{"Bypassing the capital, the convoy reached the border at night.", ""},
		{"Latest figures show trade fell by a fifth last year.", ""},
		{"The understanding was reached during a meeting between Interior Minister Brig (R) Ali Shah and the Iranian ambassador.", ""},
		{"Quetta (the provincial capital, home to 2.3 million people in 2017) is the largest city.", ""},
		{"The use of the border crossing is prohibited for trucks without permits, officials said.", ""},
		{"Mehr news agency reported on 12 Mehr 1399 that the talks had resumed.", ""},
		{"Most read from the ministry's statement was its warning about prices.", ""},
		{"The minister said the subscription of the bonds failed to attract foreign buyers.", ""},
		{"Officials said the app was downloaded by thousands of pilgrims before the trip.", ""},
		{"The report was commissioned by the ministry last year and is due in March.", ""},
	} {
		lt := newLineText(tc.s)
		if got := boilerplateOf(&lt); got != tc.want {
			t.Errorf("boilerplateOf(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestCommaTagList(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Afghanistan,\nTrade,\nCentral Asia,\nrailways,", true},
		{"energy,\nsanctions,\nGas pipeline", true},
		{"Pakistan,\nIran,", false}, // two lines: too few to tell
		{"Pakistan, Iran,\nSaudi Arabia", false},
		{"The minister said,\nafter the meeting in the capital,\nthat talks would go on.", false},
		{"Islamabad,\nLahore,\nKarachi.", false},
	} {
		if got := commaTagList(tc.s); got != tc.want {
			t.Errorf("commaTagList(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
