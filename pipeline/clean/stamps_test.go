package clean

import "testing"

func TestDateOnly(t *testing.T) {
	tests := []struct {
		name string
		s    string
		want bool
	}{
		{"comma after the month", "January, 20, 2024 - 14:02", true},
		{"last update in brackets", "Sunday, 12 January 2020 9:41 AM  [ Last Update: Sunday, 12 January 2020 9:41 AM ]", true},
		{"label and glued pm", "Last Updated On 25 January,2024 06:10 pm", true},
		{"published and updated", "Published January 18, 2024  Updated January 18, 2024 09:52pm", true},
		{"dotted numeric date", "20.01.2024 - 10.42", true},
		{"month and year only", "March 2021", true},
		{"no year or time", "January 20", false},
		{"a headline with a date", "January 18, 2024 Pakistan strikes inside Iran", false},
		{"a sentence", "On Monday, January 20, 2024, the talks resumed.", false},
		{"numbers without a month", "10 20 2024", false},
		{"too short", "2024", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dateOnly(tt.s); got != tt.want {
				t.Errorf("dateOnly(%q) = %v, want %v", tt.s, got, tt.want)
			}
		})
	}
}

func TestGenreSuffixed(t *testing.T) {
	tests := []struct {
		name string
		s    string
		want bool
	}{
		{"question and analysis", "Iran-Pakistan Border: From Flashpoint To Cooperation? – Analysis", true},
		{"bar and opinion", "Why did the talks fail? | Opinion", true},
		{"two sentences", "Talks failed. Both sides blame each other", false},
		{"lower-case tail", "Will it last? - we asked experts", false},
		{"no separator", "Will the ceasefire hold?", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := genreSuffixed(tt.s); got != tt.want {
				t.Errorf("genreSuffixed(%q) = %v, want %v", tt.s, got, tt.want)
			}
		})
	}
}

func TestAnnouncesShare(t *testing.T) {
	tests := []struct {
		name string
		s    string
		want bool
	}{
		{"sharing an article", "Sharing this article for current affairs preparation.", true},
		{"report from an outlet", "Interesting report from Dawn", true},
		{"colon", "Here it is:", true},
		{"an opinion", "Both countries should talk to each other.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := announcesShare(tt.s); got != tt.want {
				t.Errorf("announcesShare(%q) = %v, want %v", tt.s, got, tt.want)
			}
		})
	}
}

// TestZeroCommentsHeader: a reaction widget under "What do you think?" and
// "0 Responses" is furniture, while a thread under "3 Comments" is comments.
func TestZeroCommentsHeader(t *testing.T) {
	body := "Talks resume on the border\n\nThe two countries began a new round of talks on Monday in the capital.\n\n" +
		"The talks will continue until Friday, officials said.\n\n"
	tests := []struct {
		name, tail string
		want       Role
	}{
		{"no comments", "What do you think?\n\n0 Responses\n\nFunny\n\nAngry", Boilerplate},
		{"comments", "3 Comments\n\nFaisal\n\nGood talks, finally.", Comment},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := body + tt.tail
			ps, _ := Article(text, Hints{})
			if last := ps[len(ps)-1]; last.Role != tt.want {
				t.Errorf("last unit %q: %s (%s), want %s", text[last.Span.Start:last.Span.End], last.Role, last.Rule, tt.want)
			}
		})
	}
}

func FuzzDateOnly(f *testing.F) {
	for _, s := range []string{"January, 20, 2024 - 14:02", "Last Updated On 25 January,2024 06:10 pm", "5th", "9:41am", "20.01.2024", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if dateOnly(s) && (len(s) > 140 || !containsDigit(s)) {
			t.Errorf("dateOnly(%q) without a number or too long", s)
		}
	})
}

func containsDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// TestLoneHeaderNotForum: a line that reads like a forum or mail header
// ("Re: …", "From: …", "Quote:") on a page with no other such markup does
// not turn the text after it into posts.
func TestLoneHeaderNotForum(t *testing.T) {
	for _, line := range []string{"Re: Your editorial of January 20", "From: Asma Baloch", "Quote:", "Raisi said:"} {
		t.Run(line, func(t *testing.T) {
			text := "Letters to the editor\n\nThe two countries began a new round of talks on Monday in the capital.\n\n" + line +
				"\n\nThe editorial rightly argued that trade with Iran is a lifeline for Balochistan and must not stop.\n\nThe talks will continue until Friday, officials said."
			ps, _ := Article(text, Hints{})
			for _, p := range ps {
				if p.Role == Comment {
					t.Errorf("%q: %s (%s)", text[p.Span.Start:p.Span.End], p.Role, p.Rule)
				}
			}
		})
	}
}

// TestPostStampNotComments: a "Place, date time" stamp between paragraphs of
// news prose stamps a post; it does not open a comment thread.
func TestPostStampNotComments(t *testing.T) {
	text := "Talks resume on the border\n\nThe two countries began a new round of talks on Monday in the capital city of Islamabad.\n\n" +
		"Officials said the meeting was held in a cordial atmosphere and would go on.\n\nIslamabad, Jan 18, 10:05 AM\n\n" +
		"The Foreign Office said Iran’s ambassador, who is currently visiting Iran, would not be allowed to return.\n\n" +
		"China’s foreign ministry spokesperson urged both sides to act with restraint and avoid escalation."
	ps, _ := Article(text, Hints{})
	for _, p := range ps {
		if p.Role == Comment {
			t.Errorf("%q: %s (%s)", text[p.Span.Start:p.Span.End], p.Role, p.Rule)
		}
	}
}
