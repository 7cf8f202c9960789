package clean

import "testing"

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
