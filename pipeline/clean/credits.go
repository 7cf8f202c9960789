package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the photo credits that close a caption in forms the
// agency list does not cover: a picture label ("… crossing. Pic:
// Reuters"), an institution in brackets ("… on 13 February. (Pakistan
// Ministry of Interior)"), a channel's or a data firm's one-word name
// after a caption's or a chart's description ("… at the PM House.
// 24NewsHD", "This map shows … on January 18. Statista").

// creditedCaption reports whether s is a photo caption closed by a credit
// of one of those forms.
func creditedCaption(s string) bool {
	if len(s) > 300 || len(s) < 20 || strings.ContainsAny(s, "\n\r") {
		return false
	}
	dot := strings.LastIndexAny(s, ".!")
	if dot < 0 || dot == len(s)-1 && !strings.HasSuffix(s, ").") {
		return false
	}
	tail := strings.TrimSpace(s[dot+1:])
	switch {
	case tail == "" || len(tail) > 70:
		return false
	case hasPrefixLowerASCII(tail, "pic:") || hasPrefixLowerASCII(tail, "pics:") || hasPrefixLowerASCII(tail, "picture:"):
		// "Pic: Reuters", "Picture: AP".
		return words(tail) <= 6
	case tail[0] == '(' && tail[len(tail)-1] == ')':
		return institutionCredit(tail[1 : len(tail)-1])
	case words(tail) == 1 && graphicCaption.MatchString(s):
		// A map's caption may report what was said ("… where Pakistan
		// said it carried out strikes").
		return capitalised(tail)
	case words(tail) == 1 && !reportedSpeech.MatchString(s):
		return handleCredit(tail) && captionVerb.MatchString(s)
	}
	return false
}

// institutionCredit reports whether s, the text of a caption's closing
// brackets, is an institution that handed out the picture: at most eight
// words, each capitalised or a joining word, one of them an institution's
// ("Pakistan Ministry of Interior", "Prime Minister's Office", "ISPR
// Handout").
func institutionCredit(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 8 {
		return false
	}
	inst := false
	for _, w := range ws {
		lw := strings.ToLower(strings.Trim(w, ",.'’"))
		switch {
		case lw == "of" || lw == "and" || lw == "for" || lw == "the" || lw == "&" || lw == "/":
			continue
		case !capitalised(w):
			return false
		}
		lw = strings.TrimSuffix(strings.TrimSuffix(lw, "'s"), "’s")
		if creditInstitutions[lw] {
			inst = true
		}
	}
	return inst
}

var creditInstitutions = wordSet(`ministry office department government army navy police embassy presidency secretariat handout
	ispr pid pmo forces military directorate commission council parliament assembly court administration agency`)

// handleCredit reports whether w is a channel's name written as one word
// with a digit or an inner capital ("24NewsHD", "DawnNews").
func handleCredit(w string) bool {
	if len(w) < 4 || len(w) > 20 {
		return false
	}
	digit, inner := false, false
	for k, r := range w {
		switch {
		case unicode.IsDigit(r):
			digit = true
		case unicode.IsUpper(r) && k > 0:
			inner = true
		case !unicode.IsLetter(r):
			return false
		}
	}
	return (digit || inner) && strings.IndexFunc(w, unicode.IsLetter) >= 0
}

// capitalised reports whether w starts with a capital letter or a digit.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// graphicCaption is the opening of a map's or a chart's caption: "This map
// shows …", "The chart shows …".
var graphicCaption = rx(`(?i)^(this|the|a|above:?)\s+(map|chart|graph|graphic|infographic)\s+(shows?|depicts?|illustrates?|compares?)\b`)
