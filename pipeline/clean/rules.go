package clean

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framescope/framescope/analysis/token"
	"github.com/framescope/framescope/pipeline/segment"
)

// A pattern is one rule that recognises a kind of line by its wording. The
// rules are written from how web news pages are built in general (site
// furniture, newsletter boxes, share bars, captions, comment threads, forum
// wrappers, live blogs), not from any one article.
type pattern struct {
	rule   string
	re     *regexp.Regexp
	maxLen int      // the unit must be at most this many bytes (0: any length)
	needs  []string // when set, the lower-cased unit must hold one of these for the rule to be tried
}

// A filteredRule is a pattern with what is worked out from it once.
type filteredRule struct {
	pattern
	maxWords int               // ruleMaxWords[rule]
	needSet  *needleSet        // needs, when set
	guard    func(string) bool // a hand-written test that re cannot match, or nil
	alts     []quickRe         // re's alternatives, each behind its prefilter (nil: run re)
	pre      prefilter         // a cheap test that re cannot match
}

func rx(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// Shared pieces of the patterns.
const (
	monthRx = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	dayRx   = `(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?`
	// dateRx matches "January 5, 2018", "5 January 2018", "Jan. 5", "2018-01-05", "05/01/2018".
	dateRx = `(?:` + dayRx + `(?:` + monthRx + `\s+\d{4}\b|` + monthRx + `\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+` + monthRx + `(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}))`
	timeRx = `(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:gmt|utc|pst|est|edt|bst|ist|pkt|irst|[a-z]{2,4}t))?|\d{1,2}\s*[ap]\.?m\.?)`
)

// captionVerbs are the present-tense verbs of photo captions ("X (R) meets
// Y"), which tell a caption's "(R)" from a party label ("Senator X (R)").
const captionVerbs = `meets?|meeting|shakes? hands|speaks?|talks?|attends?|poses?|walks?|arrives?|greets?|welcomes?|receives?|looks? on|sits?|stands?|listens?|gestures?|waves?|holds?|signs?|inspects?|reviews?|visits?|is seen|are seen|chats?|confers?|addresse?s?|prays?`

// Words one of which a licence line, a caption or a menu must hold, checked
// before the costlier patterns.
var (
	licenceNeeds   = []string{"licen", "rights reserved", "content", "material", "copyright", "©", "(c)"}
	captionNeeds   = []string{"photo", "image", "picture", "pic", "caption", "illustration", "graphic", "video", "getty", "/", "credit", "courtesy"}
	positionNeeds  = []string{"(r)", "(l)", "(c)", "(left)", "(right)", "(centre)", "(center)", "(front)", "(back)", " l)", " r)", " c)"}
	menuNeeds      = []string{"|", "»", "›", "‹", ">", "•", "·", "/"}
	digitNeeds     = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
	inboxNeeds     = []string{"inbox", "get ", "receive", "daily", "weekly", "morning", "evening"}
	subscribeNeeds = []string{"click here", "subscribe", "become a", "support", "full access", "log"}
	forumNeeds     = []string{"post", "repl", "quote", "re:", "fw", "wrote", "said", "says", "writes", "join", "posts:",
		"location:", "member", "#", "thread:", "edited", "reputation", "discussion in", "submitted", "u/", "messages:",
		"likes received", "trophy", "starter", "started", "start date", "reaction", "points", "messages", "rating", "senior", "full", "elite", "active", "new ", "banned", "regular",
		"veteran", "professional", "think tank", "moderator", "administrator", "staff"}
)

// captionDated is a caption without a credit: a present-tense caption verb,
// then a place and a date with a year at the end ("Soldiers stand guard
// near the border in Taftan, Balochistan, January 2024").
var captionDated = rx(`(?i)\b(` + captionVerbs + `|stand guard|stands guard)\b.{0,200}(,|\s+on|\s+in)\s*(` + monthRx + `\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+` + monthRx + `,?\s+\d{4}|` + monthRx + `\s+\d{4})\.?$`)

// fundingLine is a state broadcaster's funding line.
var fundingLine = rx(`(?i)^.{2,60}\b(is|are) (a|an) ([\w-]+ ){0,3}(news|media|broadcast(ing)?) (organi[sz]ation|network|service|outlet|company|agency)\b.{0,60}\b(funded|financed)\b|^[^.]{2,40} is (funded|financed) by the\b.{0,80}\b(congress|government|parliament|agency for global media|licen[cs]e fee|taxpayers?)\b`)

// mayBeFundingLine reports whether fundingLine may match s (its verb is
// in lower case in every funding line seen).
func mayBeFundingLine(s string) bool {
	return strings.Contains(s, "funded") || strings.Contains(s, "financed")
}

// captionAgency is a caption verb and a year ended by a bare agency credit
// after the stop ("… in Taftan on January 18, 2024. AFP").
var captionAgency = rx(`(?i)\b(` + captionVerbs + `|stands? guard|patrols?|patrolling)\b.{0,200}\b\d{4}\.\s+(afp|reuters|ap|epa|getty images|xinhua|irna|anadolu|ispr|pid|dpa|efe|tasnim|mehr|fars|isna)\W*$`)

// captionAgencies are the credits captionAgency ends with.
var captionAgencies = strings.Fields("afp reuters ap epa images xinhua irna anadolu ispr pid dpa efe tasnim mehr fars isna")

// mayBeCaptionAgency reports whether captionAgency may match s: its last
// word is an agency's name.
func mayBeCaptionAgency(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	w := s[strings.LastIndexAny(s, " \t")+1:]
	if len(w) > 8 {
		return false
	}
	for _, a := range captionAgencies {
		if strings.EqualFold(w, a) {
			return true
		}
	}
	return false
}

// patternGuards are hand-written tests that a pattern cannot match, cheap
// and selective enough to stand in for its prefilter (which is then not
// built, so that the pattern's words stay out of the needle indexes that
// every unit is searched with).
var patternGuards = map[*regexp.Regexp]func(string) bool{captionDated: mayBeCaptionDated, captionAgency: mayBeCaptionAgency, fundingLine: mayBeFundingLine, bareDomain: mayBeDomain, siteTagline: mayBeTagline, placeAgencyDate: mayBePlaceAgency}

// mayBeCaptionDated reports whether captionDated may match s: it ends with
// a year (endsWithYear) and holds one of the caption verbs as a whole word
// (hasCaptionVerbWord).
func mayBeCaptionDated(s string) bool { return endsWithYear(s) && hasCaptionVerbWord(s) }

// hasCaptionVerbWord reports whether s holds, as a whole run of ASCII word
// characters in any case, a word of captionVerbs or "stand guard" (for the
// verbs of two words, the word that is always there: "shake(s)", "look(s)",
// "seen", "stand(s)"). (?i) also matches k and s with the Kelvin sign and
// the long s, so a string that holds one of those is not ruled out.
func hasCaptionVerbWord(s string) bool {
	if strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f") {
		return true
	}
	return hasASCIIWordIn(s, captionVerbWords)
}

var captionVerbWords = wordSet(`meet meets meeting shake shakes speak speaks talk talks attend attends pose poses walk walks
	arrive arrives greet greets welcome welcomes receive receives look looks sit sits stand stands listen listens
	gesture gestures wave waves hold holds sign signs inspect inspects review reviews visit visits seen chat chats
	confer confers address addresse addresss addresses pray prays`)

// siteTagline is a site's motto under its name: "A Journal of Analysis and
// News", "Pakistan's leading English newspaper".
var siteTagline = rx(`(?i)^((a|an|the|your)\s+([\p{L}'’-]+\s+){0,3}(journal|newspaper|news ?paper|voice|source|window|magazine|portal|platform|gateway|guide|home|destination)\s+(of|for|on|from|to|in)\s+[^.!?:]{1,50}|[\p{L}'’.]+\s+(leading|largest|first|oldest|biggest|premier|most (trusted|popular|read|widely read)|number one|no\.? ?1|independent)\s+([\p{L}-]+\s+){0,2}(news|newspaper|daily|weekly|source|magazine|channel|website|portal|news ?site)\b[^.!?]{0,40})$`)

// mayBeTagline reports whether siteTagline may match s: its first word is
// "a", "an", "the" or "your" and one of the next four taglineNouns, or its
// second word one of the boasts
// ("leading", "largest", …), ASCII case aside; or s holds a rune that (?i)
// matches with an ASCII letter (K, ſ).
func mayBeTagline(s string) bool {
	if len(s) > 90 {
		return false
	}
	if strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f") {
		return true
	}
	// The first five words, split at \s as the pattern is, in lower case
	// in buf, each at buf[ends[k-1]:ends[k]].
	var buf [96]byte
	var ends [6]int
	n, b := 0, buf[:0]
	for i := 0; i < len(s) && n < 5; {
		for i < len(s) && perlSpace(s[i]) {
			i++
		}
		start := len(b)
		for i < len(s) && !perlSpace(s[i]) {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
		}
		if len(b) > start {
			n++
			ends[n] = len(b)
		}
	}
	if n < 2 {
		return false
	}
	word := func(k int) []byte { return b[ends[k]:ends[k+1]] }
	switch string(word(0)) {
	case "a", "an", "the", "your":
		// Then, within the next four words, the noun of the motto.
		for k := 1; k < n; k++ {
			if taglineNouns[string(word(k))] {
				return true
			}
		}
	}
	switch w := word(1); string(w) {
	case "leading", "largest", "first", "oldest", "biggest", "premier", "most", "number", "independent":
		return true
	default:
		return len(w) >= 2 && w[0] == 'n' && w[1] == 'o'
	}
}

// taglineNouns are the nouns of siteTagline's first alternative ("news"
// for "news paper").
var taglineNouns = wordSet(`journal newspaper news voice source window magazine portal platform gateway guide home destination`)

// placeAgencyDate is a place, an agency and a date over the text: "Tehran,
// IRNA – Jan 14, 2020, 10:23 AM". Its start is placeAgencyRx's, so
// mayBePlaceAgency guards it.
var placeAgencyDate = rx(`^[\p{Lu}][\p{L} .'’-]{2,30},\s*[\p{Lu}]{2,10}\s*[-–—:]\s*(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4})(?i:\s*,?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?$`)

// bareDomain is a site's domain alone on a line ("dawn.com", "Dawn.com"),
// as a reader view or a social post's link card shows it.
var bareDomain = rx(`(?i)^([a-z0-9-]+\.)+(com|net|org|pk|ir|tv|info|news|co\.uk|com\.pk|gov\.pk|uk|in|ae|qa|tr|cn|ru|de|fr|af|sa|eu|us|ca|au)$`)

// mayBeDomain reports whether bareDomain may match s: a dot, and only
// ASCII letters, digits, dots and hyphens (or a Kelvin sign, which (?i)
// matches with k).
func mayBeDomain(s string) bool {
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.':
			dot = true
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-':
		case c >= utf8.RuneSelf:
			return strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")
		default:
			return false
		}
	}
	return dot
}

// editorialNote is an editor's or the author's note: "Disclaimer: …",
// "The views expressed in this article are …", "Comments are moderated".
var editorialNote = rx(`(?i)^(disclaimer\b|our standards:|the views (and opinions )?expressed (in this|here|by|are|above|herein|on this)|views expressed (in this|are)|(the )?(views|opinions) (expressed )?(in this (article|piece|column|blog)|here) (are|is)|the opinions expressed|this (article|piece|story) (reflects|represents) the (views|opinion)|comments are (moderated|closed|subject)|we welcome your comments|all comments are)`)

// Whole-unit boilerplate rules, tried in order.
var boilerplateRules = withFilters([]pattern{
	{"licence line", rx(`(?i)(licensed under (a |the )?creative commons|all rights reserved|^(?:[A-Z]{1,5}(?:/[A-Z0-9]{1,10})+\s+)?all (content|contents|material)s? (by|of|on|from) .{2,80}(is|are) (licensed|protected|copyright)|^(copyright|©|\(c\))\s*)`), 400, licenceNeeds},
	{"newsletter prompt", rx(`(?i)^(sign ?up\b|subscribe\b|stay in touch|newsletters?\b|get (our|the|a) .{0,40}(newsletter|updates|alerts)|join (our|the) .{0,30}(list|newsletter|channel|community)|enter your e-?mail|your e-?mail( address)?\b|e-?mail address|we respect your privacy|unsubscribe|loading( comments)?\W*$|please wait|never miss|receive (our|the|daily|weekly)|download (our|the) app|get the app|install (our|the) app)`), 160, nil},
	{"share or follow prompt", rx(`(?i)^(share( this( article| story| post| page)?| on| via)?|tweet( this)?|follow( (us|@|on))?|like us on|find us on|connect with us|join us on|copy( the| short)? (link|url)|(link |url )?copied|print( this)?( article| page)?|e-?mail( this)?( article| story)?|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest|instagram|youtube|save|bookmark|x)\s*(:|\W*$)`), 80, nil},
	{"newsletter prompt", rx(`(?i)\b(click here to (subscribe|sign up|register|join|support|donate|read|get)|subscribe (now|today|for full|to (our|the))|become a (member|subscriber|patron)|support (our|independent) journalism|for full access|already a subscriber|log ?in to (read|continue))\b`), 200, subscribeNeeds},
	// A metered paywall's prompts: "You have reached your limit of free
	// articles.", "Already have an account? Log in", "This article is
	// available to subscribers only."
	{"newsletter prompt", rx(`(?i)^(you('ve|\s+have)\s+(reached|read|used|viewed)\s+[^.!?]{0,40}\b(free|limit)\b[^.!?]{0,40}\b(articles?|stories|story|reads|views)\b[^!?]{0,40}|(you\s+have\s+)?\d+\s+free\s+(articles?|stories)\s+(left|remaining)\b[^!?]{0,40}|already\s+(have\s+an\s+account|registered|a\s+member)\s*[?.,]?\s*((log|sign)\s*(in|on)|login)?\b[^!?]{0,20}|this\s+is\s+(a|an)\s+(premium|subscriber|subscribers['’]?|members?['’]?(-only)?|paid|exclusive)\s+(article|story|content|piece|report)\W*|(this|the)\s+(article|story|content|post|piece|report)\s+is\s+(only\s+)?(available|reserved|open)\s+(only\s+)?(to|for)\s+(paid\s+|premium\s+|registered\s+|our\s+)?(subscribers|members)(\s+only)?\W*)$`), 160, []string{"free", "already", "subscri", "member", "premium", "paid", "exclusive"}},
	// A paywall's teaser where the text stops: "Want to read more?",
	// "Like to keep reading?"
	{"newsletter prompt", rx(`(?i)^((do\s+you\s+)?(want|wish|like|would\s+you\s+like)\s+to\s+(read|keep\s+reading|continue\s+reading|see)(\s+(more|the\s+rest|on|the\s+full\s+(story|article)))?(\s+of\s+this\s+(article|story))?\s*\?)$`), 80, nil},
	// A feed or newsletter by RSS or e-mail: "Click here to have …'s
	// newsletter delivered via RSS, as an email newsletter, …",
	// "Subscribe to our RSS feed".
	{"newsletter prompt", rx(`(?i)\b(click\s+here\s+to\s+(have|receive|get)\b|(newsletters?|updates|news|headlines|stories|articles)\s+delivered\s+(via|by|to|straight\s+to)\b|(via|by|our|the)\s+rss(\s+feeds?)?\b.{0,60}$|^rss\s+feeds?\W*$)`), 160, []string{"click here", "delivered", "rss"}},
	// A mailing list's footer: "You received this message because you are
	// subscribed to the Google Groups …", "To unsubscribe from this group …".
	{"newsletter prompt", rx(`(?i)^(you (received|are receiving|got) this (message|e-?mail|newsletter)\b|to unsubscribe from this (group|list)\b|-+ ?(forwarded|original) message ?-+$|begin forwarded message:?$|(having trouble viewing this e-?mail\W{0,3}\s*)?(view|read|open)( this| it)?( (e-?mail|newsletter|message))? (in (your |a )?(web )?browser|online)\W*$)`), 300, nil},
	// A paywall's notice where the text stops: "This content is for
	// subscribers only.", "Subscribe to read", "Continue reading with a
	// subscription".
	{"newsletter prompt", rx(`(?i)^((this|the) (content|article|story|page|report)\s+is\s+(only\s+)?(for|available\s+(only\s+)?to|reserved\s+for|exclusive\s+to)\s+(paid\s+|premium\s+|registered\s+)?(subscribers|members)|subscribe to (read|continue|unlock)|to (continue|keep) reading,? (please )?(subscribe|log ?in|sign ?in|register)|continue reading with (a|an|your)\b[^.!?]{0,40}(subscription|account|membership))`), 200, []string{"subscri", "member", "log", "sign", "regist", "account"}},
	{"share or follow prompt", rx(`(?i)\bfollow @\w+|^(you\s+can\s+)?share\s+(this|the)\s+(story|article|post|page|video)\b[^.!?]{0,40}:?$|^((follow|like|join)\s+.{1,40}?\s+on|(share|post|send|pin) (it |this )?(on|to|via|with)) (facebook|twitter|x|instagram|telegram|whatsapp|youtube|google news|linkedin|reddit|pinterest|e-?mail|messenger)`), 160, nil},
	{"newsletter prompt", rx(`(?i)(in|to) your inbox\W*$|^(get|receive) (the|our) (latest|top|best|daily|weekly|morning|evening)|^(daily|weekly|morning|evening) (newsletter|briefing|digest)\b`), 140, inboxNeeds},
	// Furniture a copy may put above the headline: a messenger's "Forwarded
	// from <channel>", a share button doubled by its label ("Print Print
	// this page", "Email Email this page"), an author label without its
	// colon ("Author Shamil Shams").
	{"site furniture", rx(`(?i)^forwarded from\s+\S.{0,80}$`), 100, nil},
	{"share or follow prompt", rx(`(?i)^(print|share|e-?mail|save|bookmark)\s+(print|share|e-?mail|save|bookmark)\s+this\s+(page|article|story|post)$`), 60, nil},
	{"byline", rx(`^(?i:authors?|written by|reporter)\s*:?\s+\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){0,3}$`), 80, nil},
	// A newsletter box's or an app's promotion, in the many wordings sites
	// give it: "Get the week's best analysis delivered to your inbox every
	// Friday.", "You can opt out at any time. By subscribing you agree to
	// …", "Thanks for reading X! Subscribe …", "Keep up to date with … by
	// downloading the X app", "Stay informed: download our app".
	{"newsletter prompt", rx(`(?i)^(get|receive|have)\b.{0,80}\b(in|to|into|straight to) your inbox\b.{0,40}$`), 160, nil},
	{"newsletter prompt", rx(`(?i)^(you (can|may) (unsubscribe|opt[ -]out|cancel)|by (signing up|subscribing|registering|submitting)\b.{0,40}\byou (agree|are agreeing|accept|consent))\b.{0,200}$`), 240, nil},
	{"newsletter prompt", rx(`(?i)^thanks? (you )?for reading\b.{0,60}?[!.:]\s*(subscribe|sign up|join|become)\b.{0,140}$`), 220, nil},
	{"newsletter prompt", rx(`(?i)^(keep|stay)( (up|ahead))?( to date| up-to-date| updated| informed| in the know| of the (news|curve))?\b.{0,80}\b(download(ing)?|get(ting)?|install(ing)?) (the|our) ([\w'’&.-]+ ){0,4}app\b.{0,40}$|^(keep|stay) (up to date|up-to-date|informed|in the know) with (what|the latest|all)\b.{0,100}$`), 160, nil},
	{"share or follow prompt", rx(`(?i)^(for (the )?(latest|more|breaking|all)\b.{0,60},\s*)?(follow|join)\b.{1,40}?\bon (whatsapp|telegram|google news)\b.{0,40}$|^join (our|the) .{0,30}(whatsapp|telegram) (channel|group|community)\b.{0,60}$`), 160, nil},
	// A tip, feedback or questions line: "Have a news tip? Email us at …",
	// "Feedback: Send us your feedback.", "Do you have questions about …?"
	{"newsletter prompt", rx(`(?i)^(feedback\s*:|send us your (feedback|tips?|thoughts|questions)\b|(do you )?have (a|any) (news )?(tip|story idea|story|feedback|question)s?\b.{0,30}\?|do you have (questions|a question|feedback|a tip)\b[^?]{0,100}\?)`), 300, nil},
	// A state broadcaster's funding line: "RFE/RL is funded by the U.S.
	// Congress through …", "X is a multimedia news organization funded by …".
	{"newsletter prompt", fundingLine, 240, nil},
	{"newsletter prompt", rx(`(?i)^(catch|get|track|read|follow|stay (updated|informed|tuned))\b.{0,40}\b(latest|breaking) (\w+ )?(news|updates|stories|headlines)\b`), 200, []string{"latest", "breaking"}},
	{"byline", rx(`(?i)^(staff (reporter|writer|correspondent)|our (staff )?(correspondent|reporter)|news desk|web desk|online desk|monitoring desk|desk report|agencies|news agencies|wire services|special correspondent|correspondent)\W*$`), 40, nil},
	{"read more link", rx(`(?i)^(read (more|also|next)|read the full (story|article|report)|also read|see also)\b`), 200, nil},
	{"read more link", rx(`(?i)^(related( articles?| stories| news| posts| content| reading| topics| coverage)?|recommended( (for you|stories|articles|reading))?|you (may|might) (also )?(like|be interested( in)?|want to read)|more (from|in|on|stories|news|about|like this|top stories|coverage)\b.{0,40}|top( \w+)? (stories|news|headlines)|most (read|popular|viewed|shared|commented)|trending( now| stories)?|latest( news| stories| updates| headlines)|editor'?s'? picks?|don'?t miss|must read|in case you missed it|continue reading.{0,40}|click here.{0,60}|tap here.{0,60}|next (article|story|post)|previous (article|story|post)|back to top|go to top|load more.{0,20}|view (all|more).{0,20}|see (all|more).{0,20}|show more|other (news|stories)|in (other|related) news|popular (now|stories|posts)|what to read next|suggested( topics| reading| stories| articles)?|download (the )?(full |complete )?(report|pdf|study|paper|briefing)( \(pdf\))?|listen to (this|the) (article|story)|watch (video|now|live)|keep reading)\W*$`), 200, nil},
	// "(more…)", "Read more…", and a feed's "More posts you may like" (a
	// rule of its own, so that the one above stays as large as it was).
	{"read more link", rx(`(?i)^(\(?\s*(more|read more|continue reading)\s*(…|\.{3})\s*\)?|more (posts|threads|stories|articles|videos|discussions) (you (may|might) (also )?(like|enjoy)|like this))\W*$`), 80, nil},
	{"read more link", rx(`(?i)^(also read|read more|read also|related|see also|more|read|watch|listen|recommended|suggested|also see)\s*[:|»›>-]`), 300, nil},
	// A thread's link to more of itself: "Show More Comments", "Load
	// more posts" (not "more replies", which belong to a comment).
	{"read more link", rx(`(?i)^(show|load|view|see|read)\s+(more|all|\d+ more|older|newer|previous|earlier)\s+(comments|responses|posts|updates)\W*$`), 60, nil},
	// Where a copy stops and points to the rest: "This article is
	// truncated. Read the full story at …", "(Continued on page 5)".
	{"read more link", rx(`(?i)^(\(?(this|the) (article|story|excerpt|text|report|post)\s+(is|has\s+been|was)\s+(truncated|abridged|shortened|excerpted|cut)\b|read the\s+(full|complete|rest\s+of\s+the|whole|original)\s+(story|article|report|piece|post)\b[^.!?]{0,60}\W*$|continue reading (at|on)\b[^.!?]{0,60}\W*$|\(?continued\s+on\s+(page|p\.?)\s*[\da-z]{1,4}\)?\W*$|\[\s*(truncated|excerpt|continued)\s*\]\W*$)`), 200, nil},
	{"byline", rx(`(?i)^((written|reported|compiled|edited|posted|photos?|text|story|report|interview|words) by|by|from (our|staff)|from [\p{Lu}][\p{L}&.-]{1,20}['’]s|reporting by|additional reporting by|editing by|with reporting from)\s+[\p{Lu}@][^.!?]{0,100}$`), 140, nil},
	{"byline", rx(`^[\p{Lu}][\p{L}.'-]+(?:\s+[\p{Lu}][\p{L}.'-]+){0,3}\s*[|,/–—-]\s*(?i:staff (reporter|writer|correspondent)|correspondent|reporter|special correspondent|news desk|web desk|online desk|agencies|our correspondent|editor|contributor|senior editor|news agency)\W*$`), 140, nil},
	{"byline", rx(`(?i)^[(*]?\s*(reporting by|editing by|writing by|additional reporting by|compiled by|edited by)\b`), 300, nil},
	// "Published By: Web Desk", "Published By: Nikhil Rawat": a web
	// desk's byline, at the head or the foot of a story or live blog.
	{"byline", rx(`(?i)^published\s+by\s*:\s*[\p{Lu}][\p{L}.'’ -]{1,50}$`), 80, nil},
	// A desk as the byline, alone on its line: "India Today World Desk",
	// "Web Desk", "News Desk".
	{"byline", rx(`^([\p{Lu}][\p{L}.&'’-]*\s+){0,3}(?i:web|news|world|online|digital|foreign|national|international|city|sports?|business|political|monitoring)\s+(?i:desk)$`), 60, []string{"desk", "Desk", "DESK"}},
	// A byline with the writer's post: "By Michael Kugelman, a columnist
	// at Foreign Policy."
	{"byline", rx(`^(?i:by)\s+(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}[\p{Lu}][\p{L}.'’-]*\*?\s*,\s*(?i:a|an|the|our)\s+[^.!?]{1,80}\.?$`), 140, nil},
	// A correspondent's sign-off under a video or a radio report: "Press
	// TV's Ali Rizk reports from Tehran.", "Al Jazeera's Kamal Hyder has
	// more."
	{"byline", rx(`^(?:[\p{Lu}][\p{L}.'’-]*\s+){1,6}(?:reports|reported|has more|has (?:the|this) (?:story|report|details)|filed this report|brings us this report|sent (?:us )?this report)(?:\s+from\s+[\p{Lu}][\p{L}.'’ ,-]{1,40})?\s*[.:]?$`), 120, nil},
	{"embedded post credit", rx(`^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s*.{0,40}$|(?i)^pic\.twitter\.com/\S+$`), 140, nil},
	{"publication line", rx(`(?i)^(published|updated|posted|last (updated|modified|edited)|first published|created|modified|date|dated|release date|publication date|issued)\s*(on|at)?\s*[:\-–—]?\s*.{0,60}(\d{4}|` + dateRx + `|` + timeRx + `|\bago\b)[^.!?]{0,25}\W*$`), 160, nil},
	{"publication line", rx(`(?i)^` + dateRx + `(\s*(,|at|-|–|—|\||/)?\s*` + timeRx + `)?(\s*\(?(gmt|utc|ist|pkt|irst|est|edt)[+-]?\d*\)?)?(\s*(\||-|–|—|,|\[|\()\s*(updated|last updated)?.{0,50})?\s*$`), 100, nil},
	{"publication line", rx(`(?i)^` + dateRx + `.{0,40}` + timeRx), 100, nil},
	{"publication line", rx(`^(?:[\p{Lu}][\p{L}.'’-]*\s+){1,4}(?i:(published|updated|posted)\s*(on|at)?\s*:?\s*` + dateRx + `)[^.!?]{0,60}$`), 160, nil},
	{"publication line", rx(`(?i)^(\d+\s*(min(ute)?s?|hours?|hrs?|h|m|d|days?|weeks?|months?)\s+ago|\d+\s+(min(ute)?s?|hours?|hrs?|days?|weeks?|months?)\s+read|reading time.{0,20}|\d+\s*min(ute)?s?(\s+read)?)\W*$`), 60, nil},
	{"publication line", rx(`(?i)^[\d.,]+\s*[kmb]?\s+(views|plays|watching)\b.{0,40}$`), 60, nil},
	{"dateline alone", rx(`^[\p{Lu}][\p{Lu} .,'’-]{2,40}(\s*\([\p{L} .&-]{2,40}\)\s*[-–—:]?|\s*,\s*` + `(?i:` + dateRx + `)\s*[-–—:]?|\s*[-–—:])\s*$`), 80, nil},
	{"photo caption", rx(`(?i)(^(photo|photos|image|images|picture|pic|file photo|photograph|caption|illustration|graphic|video|infographic)s?\s*(:|by\b|credit|courtesy)|\(\s*(file )?(photo|image|picture|pic)\b[^)]{0,80}\)\s*\W*$|\b(image|photo|picture) (credit|courtesy|source)s?\b|\bgetty images\b|\bafp photo\b|\bap photo\b|\b(reuters|afp|ap|epa|anadolu|xinhua|irna|tasnim|fars|mehr|isna)\s*/\s*\p{Lu}|\p{Lu}[\p{L}.]+\s*/\s*(reuters|afp|ap|epa|getty|shutterstock)\b|^\[\s*(photo|image|file)\b|\(photo:|\bphoto:\s|\bfile photo\b|[-–—|(]\s*(photo|image|picture|pic|file photo|photograph|video)s?\s*(by|:|credit|courtesy|/))`), 400, captionNeeds},
	{"photo caption", rx(`(?i)\((\d(st|nd|rd|th)\s+)?(r|l|c|left|right|centre|center|front|back)\).{0,200}\b(` + captionVerbs + `)\b|\b(` + captionVerbs + `)\b.{0,200}\((\d(st|nd|rd|th)\s+)?(r|l|c|left|right|centre|center|front|back)\)`), 400, positionNeeds},
	{"photo caption", captionDated, 300, nil},
	{"photo caption", rx(`(?i)^(image|photo|picture|video|media)\s+(caption|source|credit)s?\s*[,:]`), 400, nil},
	{"advertisement", rx(`(?i)^(advertisement|advertising|sponsored( content)?|ad|ads by .*|promoted( content)?|story continues( (below|after)( advertisement)?)?|article continues below|scroll to continue.*|partner content)\W*$`), 80, nil},
	{"tags line", rx(`(?i)^(tags?|topics?|keywords?|filed under|categor(y|ies)|section|labels?)\s*[:|]|^(tags?|topics?|keywords?|filed under)\W*$`), 300, nil},
	{"source line", rx(`(?i)^\(?((source|sources|via|courtesy|content from)\s*[:|]|with inputs? from\b|originally published (at|on|by|in)\b|this (article|story|report|piece) (was|is|has been) (originally |first |auto-generated and )?(published|republished|reproduced|distributed|generated|edited|auto-generated)\b|(republished|reproduced) (from|with|by)\b)`), 300, nil},
	{"agency credit", rx(`^\(?\s*[-–—/*]*\s*(?i:reuters|afp|ap|app|irna|tasnim|mehr|fars|isna|xinhua|ani|pti|ians|agencies|news agencies|agency|wires?|dpa|anadolu|online|inp|nni|web desk|news desk)\s*[-–—/*]*\s*\)?\.?$`), 30, nil},
	{"desk code", rx(`^[\p{Lu}\d*/#_-]{2,20}$|^[a-z]{2,5}(?:-[a-z]{2,5})*/[a-z]{2,5}(?:-[a-z]{2,5})*$`), 30, nil},
	{"author bio", rx(`(?i)^([—–*-]+\s*)?((the|this) (writer|author|columnist|contributor|reviewer)s? (is|are|was|has|teaches|works|tweets)\b|about the (author|writer|columnist|contributor)s?\s*:)`), 300, nil},
	// The heading of an author box: "Authors", "About the Author", "Guest
	// Author", "More by this author".
	{"author bio", rx(`(?i)^((about\s+)?(the\s+)?(authors?|writers?|contributors?|columnists?)|guest\s+(authors?|writers?|contributors?|columnists?)|(more|other\s+articles|articles|stories|posts)\s+(by|from)\s+(this|the)\s+(author|writer|columnist|contributor)|author\s+(bio|profile|details))\W*$`), 40, nil},
	{"photo caption", rx(`(?i)\([^()]{0,40}\b(news agency|agency|photo|photos|afp|reuters|ap|getty|epa|irna|tasnim|mehr|fars|isna|xinhua|anadolu|file|pid|ispr|app)\b[^()]{0,40}\)\W*$`), 300, []string{")"}},
	{"cookie notice", rx(`(?i)\b(we use cookies|this (site|website) uses cookies|use of cookies|accept (all )?cookies|cookie (policy|settings|preferences))\b`), 400, []string{"cookie"}},
	// A consent banner: the data-protection wording such banners share.
	{"cookie notice", rx(`(?i)(^we (value|care about|respect) your privacy\W*$|\b(we and our (\d+ )?(partners|vendors)|our partners) (may )?(store|use|process|collect|access)\b|\b(store and/or access|access and/or store) information on (a|your) device\b|\bpersonali[sz]ed (ads|advertising) and content\b|\bby clicking (on )?["“]?(accept|agree|i agree|ok|allow)\b|\bmanage (your )?(privacy|cookie|consent) (settings|preferences|choices)\b|\bdo not sell( or share)? my personal information\b|\bclick to consent\b)`), 500, []string{"privacy", "partners", "vendors", "device", "personali", "clicking", "personal information", "consent"}},
	{"byline", rx(`(?i)^(some |the )?(information|material|reporting) (for|in) this (report|story|article) (came|comes|was (provided|drawn)) from\b`), 200, nil},
	{"byline", rx(`(?i)\bcontributed (reporting |to the reporting )?(to )?(this|the) (report|story|article)\b`), 300, nil},
	{"comment form", rx(`(?i)^((you must|you need to|please) )?(be (logged|signed) in|sign in|log ?in|register|create (an|your|a free) .{0,30}account)\b.{0,80}\b(comment|discussion|conversation|join|reply)`), 200, nil},
	{"comment form", rx(`(?i)^(you are replying to|replying to|your (name|e-?mail|comment|website)|name|e-?mail|website|captcha|sort( comments)? by(\s*:?\s*(oldest|newest|latest|top|best|popular|most relevant|relevance|most liked|old|new)( first)?)?|oldest( first)?|newest( first)?|most relevant|all comments|(top|best|popular|newest|oldest|latest) comments)\s*\*?\s*:?$`), 40, nil},
	// A comment section's house-rules lines, over or under the comments
	// (MailOnline and other papers' comment widgets): "The comments below
	// have not been moderated.", "The views expressed in the contents above
	// are those of our users and do not necessarily reflect …", "By
	// posting your comment you agree to our house rules.", "Do you want to
	// automatically post your … comments to your Facebook Timeline?",
	// "Your comment will be posted to … as usual.", "Share or comment on
	// this article:", "Share what you think".
	{"comment form", rx(`(?i)^(the comments (below|above) have (not )?been (pre-?)?moderated|the views expressed in the (contents?|comments?) (above|below) are (those )?of (our )?(users|readers|commenters|the authors?)\b.{0,160}|by (posting|submitting|adding) (your|a) comment,? you (agree|consent) to\b.{1,60}|do you want to automatically post your (.{1,40} )?comments to your .{1,40}|your comment will be posted to .{1,60}|share or comment on this (article|story|post|page)|share (what you think|your (thoughts|views)))\W*$`), 300, []string{"comment", "views expressed", "share"}},
	// A comment box's moderation notice: "Your comment will be published
	// after review.", "Comments are published once approved".
	{"comment form", rx(`(?i)^(your (comment|reply|message)s?\s+(will|must|may|would)\s+(only\s+)?(be|not\s+be)\s+(published|approved|reviewed|displayed|visible|moderated|shown)\b|comments?\s+(are|will\s+be)\s+(published|displayed|reviewed|visible|shown|moderated)\s+(after|once|only|before)\b|((for more\s+information|for\s+details),?\s+)?(please\s+)?(see|read|review)\s+our\s+(comments?|community|commenting|discussion)\s+(faq|policy|guidelines|rules|standards|terms)\b)`), 200, nil},
	// A comment box's prompts, checks and buttons: "Please enter your
	// name here", "You have entered an incorrect email address!", "Save my
	// name, email, and website in this browser…", "Write a comment...",
	// "Post Comment" (a header such as "Leave a reply" is not one), a bare "Submit", "No comments yet".
	{"comment form", rx(`(?i)^(please enter (your|a|the) (valid )?(comment|name|e-?mail|website)( address)?( here)?|you have entered an? (incorrect|invalid) e-?mail( address)?|save my name,? e-?mail,? (and )?website in this browser\b.{0,60}|(post|submit|send|publish) (your )?(comment|reply|response)|write (a|your) (comment|reply|response)|be the first to (comment|reply|respond)|no (comments|responses|replies|posts)( yet)?|cancel reply|send|submit)\s*(\.{3}|…|[!.:*])?$`), 100, nil},
	// A wire photo's caption: AP's "FILE - Iranian border guards patrol …";
	// a caption verb and a date ended by a bare agency credit ("… in Taftan
	// on January 18, 2024. AFP").
	{"photo caption", rx(`^(FILE|File)( PHOTO| photo)?\s*[-–—:]\s+\S`), 400, nil},
	{"photo caption", captionAgency, 400, nil},
	// A caption credited to a screen grab: "… on January 29, 2024. —
	// Screengrab/Geo News".
	{"photo caption", rx(`(?i)[.!?”]\s*[–—-]\s*(screen ?grabs?|screenshots?|handout)\b[^.!?]{0,40}$`), 300, []string{"screen", "handout"}},
	{"photo caption", rx(`(?i)[.!?”]\s*[–—-]\s*(online|app|inp|nni|ppi|reuters|afp|ap|epa|xinhua|anadolu|irna|file( photo)?|photos?( by .{1,30})?|dawn|express|agencies|courtesy .{1,30})\W*$`), 300, nil},
	{"contact line", rx(`(?i)^(for (more|further) (information|details)|media (contact|enquiries|inquiries)|press contact|contact( us)?:|(tel|telephone|phone|ph|fax|mobile|cell|whatsapp)\s*[:.]?\s*\+?[\d ()./-]{6,}$)`), 200, nil},
	{"contact line", rx(`(?i)^(e-?mail\s*:?\s*)?[\w.+-]+@[\w-]+(\.[\w-]+)+\.?$`), 120, []string{"@"}},
	{"list number", rx(`^\d{1,3}[.)]?$`), 4, nil},
	{"editorial note", rx(`(?i)^(correction|clarification|editor'?s note)\s*:`), 400, nil},
	// An update note with its date: "Update 1/18/24, 9:05 a.m. ET: This
	// article was updated with additional information."
	{"editorial note", rx(`(?i)^updated?\b.{0,40}?:\s*this (article|story|report|post|piece) (was|has been) (updated|corrected|amended)\b.{0,120}$`), 240, []string{"update"}},
	// A discussion box with no comments yet, when logged out: "To
	// participate in the discussion" / "log in or register".
	{"comment form", rx(`(?i)^(to (participate|take part|join) in (the|this) (discussion|conversation)|(log ?in|sign ?in) or (register|sign ?up))\W*$`), 60, nil},
	// A paywall's prompt: "For more defence and security news and
	// analysis, subscribe to Janes Defence Weekly."
	{"newsletter prompt", rx(`(?i)^for (more|the latest|full|in-depth|exclusive)\b[^.!?]{0,80},\s*subscribe (to|now)\b[^.!?]{0,60}\.?$`), 200, []string{"subscribe"}},
	// A developing story's note: "More to follow.", "This is a developing
	// story.", "(Details to come)".
	{"editorial note", rx(`(?i)^\(?\s*((more|details|further details|updates?) (to follow|to come|awaited|soon)|this (is a|story is) (developing|breaking)( story| news)?|(this )?story (is )?(developing|will be updated)|developing story|breaking news,? more (to follow|soon))\s*[.!…]*\s*\)?$`), 80, nil},
	// Where the text also ran: "This article appeared in the South China
	// Morning Post print edition as: …", "A version of this article
	// appears in print on …".
	{"editorial note", rx(`(?i)^(this (article|story|piece|report|column)\s+(also\s+|first\s+|originally\s+)?(appeared|appears|was\s+published|ran)\s+in\s+(the\s+)?[^.!?]{1,80}\b(print|newspaper|weekend|sunday|daily|weekly|magazine) (edition|issue)|a version of this\s+(article|story|piece)\s+(also\s+)?(appears|appeared|ran)\s+in\s+print\b)`), 250, nil},
	{"editorial note", rx(`(?i)\b((has|have) not been edited by .{1,40}\bstaff|(published|generated|reproduced) from a syndicated (news )?feed)\b`), 300, []string{"edited by", "syndicated"}},
	{"editorial note", rx(`(?i)^(this (interview|conversation|article|story|transcript|report|piece|text)\s+(has\s+been|was|is|were)\s+(originally\s+)?(edited|condensed|updated|corrected|amended|translated|abridged|machine[- ]translated)\b|(translated|adapted) (from|by)\b[^.!?]{1,60}$|an earlier version of this (article|story))`), 300, nil},
	{"site furniture", rx(`(?i)^(like (loading|this)\W*|r/[\w-]{2,40}|list of \d+ items?|end of list|\[?(…|\.{3,})\]?)$`), 60, nil},
	// A page's reading tools and trust links: "Save articles to read later
	// and create your own reading list.", "In this article:", "Why you can
	// trust SCMP".
	{"site furniture", rx(`(?i)^(save (articles?|stories|this(\s+article|\s+story)?|it)\s+(to|for)\s+read(ing)?\s+later\b[^.!?]{0,60}|(add|save) (this |it )?to (my |your )?(reading list|read later|bookmarks|favou?rites)|in this\s+(article|story)\s*:?|why you can trust .{1,30}|(our|editorial)\s+(standards|ethics|policy)|how we\s+(report|fact-check|work))\W*$`), 120, nil},
	// A live blog's note on itself: "Welcome to our live coverage of …",
	// "This live blog has now closed.", "Follow our live updates below."
	{"site notice", rx(`(?i)^(welcome\s+to\s+(our|the|this)\s+live\s+(coverage|blog|page|updates|reporting)\b|(follow|read) (our|the)\s+live\s+(coverage|updates|blog)\b|this live\s+(blog|page|coverage)\s+(has|is)\s+(now\s+)?(closed|ended|moved|over|paused)\b|we('re|\s+are)\s+(now\s+)?(pausing|ending|closing|wrapping\s+up)\s+(our|this)\s+live\s+(coverage|blog|updates)\b|our live\s+coverage\s+(has|is)\s+(now\s+)?(ended|closed|moved|paused)\b)`), 200, []string{"live"}},
	{"site notice", rx(`(?i)\b((web ?site|site|page|content) (can|may) (also )?be (accessed|reached|viewed|read) (at|via|through|on)|alternate (addresses|urls|domains|links)|(please )?(turn on|enable|activate) javascript|javascript (is )?(disabled|required))\b`), 200, []string{"java", "alternat", "access", "reach", "view", "read"}},
	{"site notice", rx(`(?i)\b(republish(ing)?|reprint(ing)?|syndicat(e|ing)|licens(e|ing)) (this|our) (content|article|story|journalism|work)\b|\bto learn more about (republishing|reprinting|licensing|syndicat)`), 300, []string{"republish", "reprint", "syndicat", "licens"}},
	{"site notice", rx(`(?i)\b((web ?site|site|service) contains only (a portion|part|some|a selection)|contact us for (subscription|licensing|syndication|reprints?)|(subscription|licensing|syndication|reprint) (options|inquiries|enquiries))\b`), 400, []string{"contains only", "contact us", "options", "inquiries", "enquiries"}},
	{"editorial note", editorialNote, 400, nil},
	// Notes on the page itself after or above the text: a citation to copy
	// ("Recommended Citation: …"), the page's age ("This article is more
	// than 1 year old"), its other languages ("Also available in Urdu").
	{"editorial note", rx(`(?i)^(recommended|suggested|preferred) citation\s*:|^(cite this (article|report|page|paper|piece)|how to cite( this)?( article| report| page)?)\s*:`), 400, nil},
	{"site notice", rx(`(?i)^this (article|story|page|piece|report|content) is (more than|over) (\d+|a|an|one|two|three|four|five|six) (years?|months?) old\W*$`), 60, nil},
	{"site furniture", rx(`(?i)^(also )?(available|read (it|this)) in\s+[\p{L} ,&]{2,40}$`), 60, []string{"available", "read"}},
	// A paywall's offer where the text stops: "Start your PRO membership
	// today.", "Join … to access exclusive …".
	{"newsletter prompt", rx(`(?i)^(start|begin|get|unlock|activate|claim) (your|a|the) ([\w'’-]+ ){0,3}(membership|subscription|free trial|trial)\b[^!?]{0,40}$|^join\b.{0,100}\bto (access|unlock|get|read|enjoy) (exclusive|premium|unlimited|full|all)\b.{0,120}$`), 240, []string{"membership", "subscription", "trial", "exclusive", "premium", "unlimited", "full", "all"}},
	// A caption's credit after its last sentence ("… June 2021. Photo by
	// the author.", "… Photo by IRNA."), or a social account's credit in
	// brackets ("[@ForeignOfficePk/Twitter]").
	{"photo caption", rx(`(?i)[.!]\s+(photo|photograph|image|picture|file photo)s?\s*(by|:|courtesy( of)?|credit:?)\s+[^.!?]{1,60}\.?$|\[\s*@[\w.]{1,30}\s*/\s*(twitter|x|facebook|instagram|telegram|youtube)\s*\]\W*$`), 300, []string{"photo", "image", "picture", "[@"}},
	// A site's footer links on one line: "Terms and Privacy Policy
	// Privacy Dashboard   About Our Ads".
	{"footer links", rx(`(?i)^((terms|privacy|cookie|about|contact|help|feedback|accessibility|sitemap|advertis)[\w &]{0,30}(\s{2,}|\t|\s*[|·•]\s*)){1,6}(terms|privacy|cookie|about|contact|help|feedback|accessibility|sitemap|advertis)[\w &]{0,30}$`), 200, nil},
	// A site's description of itself: "The X Post is a Baloch news
	// website that covers …".
	{"site notice", rx(`^(?:The\s+)?[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,4}\s+is\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,4}(?:news|media)\s+(?:website|web\s?site|portal|site|platform)\b[^!?]{0,200}$`), 300, []string{"website", "web site", "portal", "news site", "media site", "platform"}},
	// A wire story's credits, longer than a byline: "X reported from
	// Tehran. … contributed to this report.", and the author box's line "X covers Pakistan for The
	// Associated Press."
	{"contributor credit", rx(`^[\p{Lu}][\p{L}'’-]+(?:(?:,\s*|\s+and\s+)[\p{Lu}][\p{L}'’-]+)*\s+reported\s+from\s+[\p{Lu}][\p{L}'’-]*(?:,?\s+[\p{Lu}][\p{L}'’-]*){0,3}\.(?:\s+[^!?]{1,200})?$|(?i)\bcontributed(\s+reporting)?\s+to\s+this\s+(report|story|article)\W*$`), 300, []string{"reported from", "contributed"}},
	{"author bio", rx(`^[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2}\s+(?:covers|reports\s+on|writes\s+about)\s+[^.!?]{1,80}\s+for\s+(?:the\s+)?[\p{Lu}][^.!?]{1,60}\.$`), 200, []string{"covers", "reports on", "writes about"}},
	// A mail archive's furniture: "Next message: …", "Messages sorted by:
	// [ date ] …", "-------------- next part --------------", "An HTML
	// attachment was scrubbed...", "----- Forwarded from X -----", the
	// attachment's "URL: <…>" and the list's footer.
	{"site furniture", rx(`(?i)^((previous|next)\s+message(\s+\(by\s+thread\))?\s*:.{1,200}|messages\s+sorted\s+by\s*:.{0,100}|-{2,}\s*next\s+part\s*-{2,}|an?\s+(html|non-text|binary)\s+attachment\s+was\s+scrubbed\W*|-{2,}\s*forwarded\s+(from|by)\b.{1,60}?-{2,}|url:\s*<?https?://\S+>?|more\s+information\s+about\s+the\s+\S.{0,60}\s+mailing\s+list)$`), 220, []string{"message", "next part", "scrubbed", "forwarded", "url:", "mailing list"}},
	// A report's series label with its date, over its title: "Briefing
	// 12 / Middle East 4 June 2019", "Working Paper No. 7, March 2020".
	{"publication line", rx(`(?i)^(report|briefing|brief|policy brief|working paper|paper|issue brief|bulletin|occasional paper)\s+(no\.?\s*)?\d{1,5}\b[^.!?]{0,40}\b(1[89]|20)\d{2}$`), 100, nil},
	// An author box's bio without the name, which the box shows above it:
	// "Freelance journalist covering …", "Researcher based in Quetta."
	// (a noun phrase: an article or a subject before it makes it text).
	{"author bio", rx(`(?i)^((freelance|independent|senior|former|veteran|staff|political|foreign|investigative|security|policy|defen[cs]e|development|doctoral|graduate|award-winning|[\p{L}]+-based)\s+){0,2}(journalist|writer|reporter|researcher|analyst|editor|photographer|correspondent|academic)s?\s+(covering|based\s+in|writing\s+(on|about)|reporting\s+(on|from)|focused\s+on|focusing\s+on|working\s+on)\b[^!?]{0,100}$`), 140, nil},
	// A site's motto under its name: "A Journal of Analysis and News",
	// "Pakistan's leading English newspaper", "The voice of the people".
	{"site tagline", siteTagline, 90, nil},
	{"url", bareDomain, 60, nil},
	{"url", rx(`(?i)^(https?://|www\.)\S+$|^the wayback machine\b|^this is google's cache\b`), 300, nil},
	{"database field", rx(`(?i)^(length|byline|section|load-date|language|publication-type|dateline|subject|organization|geographic|person|industry|graphic|document-type|journal-code|correction-date|notes|pub-type|ticker|company|country|city|state)\s*:\s*.{0,200}$|^(?i:end of document|body|classification)$|^(?-i:(WC|PD|SN|SC|LA|CY|AN|ET|ED|PG|CO|IN|NS|RE|IPD|PUB) )\S.{0,200}$|^\[/?caption\b.{0,300}$`), 300, nil},
	{"thread stats", rx(`(?i)^(replies|views|watchers|participants)\s*:?\s*[\d.,]+\s*[km]?\+?$`), 30, nil},
	// A thread's pager and tools: "Results 1 to 4 of 4", "Page 1 of 2  1 2
	// Last", "Thread Tools  Display", "Replies 18  Views 3K  Jun 2, 2021".
	{"thread stats", rx(`(?i)^((showing\s+)?(results|threads|posts|messages|comments)\s+\d+\s+to\s+\d+\s+of\s+[\d,]+|page\s+\d+\s+of\s+\d+([\s\d]|first|last|next|prev(ious)?|[«»<>›‹])*|thread\s+tools(\s+(display( modes)?|search\s+this\s+thread|show\s+printable\s+version))*|display\s+modes?|search\s+this\s+thread|show\s+printable\s+version|(replies|views|messages|posts)\s*:?\s*[\d.,]+\s*[km]?\s+(replies|views|messages|posts)\s*:?\s*[\d.,]+\s*[km]?.{0,40})$`), 100, nil},
	// A thread's counts in one row, first or at the foot (VerticalScope's
	// XenForo theme): "3K views   12 replies   8 participants   last post
	// by  X  Nov 19, 2020", "12 Replies   8 Participants"; Invision's
	// "Sign in to follow this", "Followers 3", "Recommended Posts"; XenForo's "Jump to Latest
	// Follow" over the first post.
	{"thread stats", rx(`(?i)^([\d.,]+\s*[km]?\s+(views|replies|participants|posts|watchers)\s+){1,4}[\d.,]+\s*[km]?\s+(views|replies|participants|posts|watchers)(\s+last\s+post\s+by\s+.{1,80})?$|^sign\s+in\s+to\s+follow\s+this(\s+followers\s+\d+)?$|^followers\s+\d+$|^jump\s+to\s+latest(\s+follow)?$|^recommended\s+posts$`), 140, []string{"views", "repl", "partic", "follow", "jump", "recommended"}},
	// A thread's tools and pager as phpBB lays them out: "Post Reply
	// Search this topic…   4 posts • Page 1 of 1".
	{"thread stats", rx(`(?i)^((post\s+(a\s+)?reply|new\s+topic|reply\s+to\s+topic|search\s+this\s+(topic|thread)|\d+\s+(posts?|topics?|replies|messages)|page\s+\d+\s+of\s+\d+)[\s•·|…]*){2,}$`), 120, []string{"post", "topic", "repl", "messages", "page"}},
	// A thread's pager: "Prev   1   2   Next", "« First  ‹ Prev  1  2  3
	// Next ›  Last »".
	{"thread stats", rx(`(?i)^(?:(?:first|prev(?:ious)?|[«‹<]+)\s+)*(?:(?:\d{1,4}|…)\s+)+(?:next|last|[»›>]+)(?:\s+(?:next|last|[»›>]+))*$`), 80, []string{"next", "last", "»", "›", ">"}},
	// A forum's footer under the thread: "Similar threads", "Posting
	// Permissions", "You may not post new threads", "You must log in or
	// register to reply here.", "Quick Navigation", "« Previous Thread |
	// Next Thread »", the software's credit.
	{"forum footer", rx(`(?i)^(similar\s+(threads|discussions|topics)|posting\s+permissions|you\s+(may|may\s+not|can|cannot|can't)\s+(post|reply\s+to|edit|attach|vote\s+in)\s+(new\s+)?(threads|replies|attachments|your\s+posts|posts|polls|topics)|you\s+must\s+(log\s*in|sign\s*in|be\s+logged\s+in)\s+or\s+(register|sign\s*up)\s+to\s+(reply|post|comment)\b[^!?]{0,20}|quick\s+navigation\b.{0,60}|[«‹<]*\s*previous\s+(thread|topic)\s*[|/·•]\s*next\s+(thread|topic)\s*[»›>]*|(users|members)\s+who\s+are\s+viewing\s+this\s+(thread|topic)\b.{0,60}|(bb\s*code|smilies|\[img\]\s*code|\[video\]\s*code|html\s*code)\s+is\s+(on|off)|forum\s+rules|all\s+times\s+are\s+(gmt|utc)\b.{0,60}|(forum|community\s+platform|forum\s+software|powered)\s+(software\s+)?(by|:)\s*(xenforo|vbulletin|phpbb|invision|discourse|mybb|smf)\b.{0,80}|powered\s+by\s+(xenforo|vbulletin|phpbb|invision|discourse|mybb|smf)\b.{0,80}|return\s+to\s+(the\s+)?(board\s+index|forum|[“"‘'].{1,60}[”"’']|[^.!?]{1,40}$)|jump\s+to\W*|who\s+is\s+online\W*|(users|members)\s+browsing\s+this\s+(forum|thread|topic)\b.{0,80}|board\s+index\b.{0,80}|display\s+(posts|topics)\s+from\s+previous\b.{0,120}|sort\s+by\s+(post\s+time|author|subject)\b.{0,60}|create\s+an\s+account\s+or\s+sign\s+in\s+to\s+(comment|reply|post)\b.{0,20}|you\s+need\s+to\s+be\s+a\s+member\s+in\s+order\s+to\s+(leave\s+a\s+comment|reply|post)\b.{0,20}|go\s+to\s+topic\s+listing|recently\s+browsing\b.{0,40}|no\s+registered\s+users\s+viewing\s+this\s+(page|topic|thread)\W*|\d+\s*[-–]\s*\d+\s+of\s+[\d,]+\s+(posts|replies|messages)|about\s+this\s+discussion)$`), 100, nil},
	// A news agency's item code over the headline: "News ID: 1419874
	// Service: Politics", "News Code: 83712450", "Code : 732145", "End
	// Item/213".
	{"desk code", rx(`(?i)^(((news|story|article|content|item|post|doc(ument)?)\s+)?(id|code)\s*:?\s*#?\d{3,12}(\s*([|•·,;]|\s{2,})\s*[\p{L} ]{2,20}\s*:\s*[^.!?:]{1,40})*|end\s+item\s*/?\s*\d{0,6})$`), 120, nil},
	// "Publish Date : Tuesday 9 February 2016 - 11:27", "Publish time:
	// …" (kept apart from the publication line above, whose pattern the
	// backtracker runs only in pieces).
	{"publication line", rx(`(?i)^publish(ed)?\s+(date|time)\s*:?\s*[^.!?]{0,60}\d[^.!?]{0,30}$`), 100, nil},
	// A place, an agency and a date over the text: "Tehran, IRNA – Jan 14,
	// 2020, 10:23 AM".
	{"dateline alone", placeAgencyDate, 80, nil},
	// A social post's counts: "354 shares", "2.3K reactions".
	{"thread stats", rx(`(?i)^[\d.,]+\s*[km]?\+?\s+(shares?|reactions?|retweets?|reposts?|quote tweets?)$`), 30, nil},
	{"menu", rx(`^([^|»›‹>•·/]{1,30}(\s*[|»›‹>•·]\s*|\s/\s)){2,}[^|»›‹>•·/]*$|(?i)^(home|news|start)\s*[|»›>/]\s*[^|»›>/]{1,40}$`), 300, menuNeeds},
	{"comments header", rx(`(?i)^((reader|readers'?|user|your|facebook|disqus|\d[\d,.]*\s*[km]?)?\s*(comments?|conversations?|discussions?|responses?|replies)(\s*\(\d+\)|\s+\d[\d,]*)?(\s*\(?closed\)?)?|leave a (reply|comment)(\s+cancel reply)?|post a comment|add (a|your) comment|join the (conversation|discussion|debate)|have your say|show comments|view comments|what do you think\??|comments are closed\.?|(commenting|comments?)\s+(is\s+|are\s+|has\s+been\s+|have\s+been\s+)?(now\s+)?(closed|disabled|turned\s+off)(\s+for\s+this\s+(article|story|post|page))?\.?|\d+\s+thoughts? on .*|(facebook|disqus) comments? plugin|comments powered by disqus)\W*$`), 90, nil},
	{"site furniture", rx(`(?i)^(home|menu|search|skip to (main )?content|toggle navigation|close|open|log ?in|sign ?in|register|my account|account|subscribe now|privacy policy|terms (of (use|service)|and conditions)|cookie( policy| settings)?|contact( us)?|about( us)?|advertise( with us)?|careers|sitemap|rss|archives?|e-?paper|live tv|breaking news|breaking|live|live updates|live blog|live reporting|live coverage|key events?|show key events only|pinned( post)?|refresh|show \d+ (more|new|older|newer) (posts|updates)|older posts|newer posts|skip advertisement|we use cookies.*|accept( all)?( cookies)?|reject all|i agree|agree|more options|manage (options|preferences|settings)|got it|dismiss|top|more|news|world|politics|opinion|business|sports?|video|videos|photos|gallery|analysis|explainer|exclusive|feature|features|interview|editorial|editorials|comment|commentary|viewpoint|columns?|column|blogs?|letters|national|international|world news|latest)\W*$`), 60, nil},
})

// Lines that belong to a reader comment or forum post around the text: the
// commenter's name line, timestamps, and the buttons under each comment.
var commentMetaRules = withFilters([]pattern{
	{"comment buttons", rx(`(?i)^((recommend|reply|save|award|report( abuse| comment| post)?|expand|like|likes|dislike|share|flag|quote|reply with quote|multi-?quote|permalink|upvote|downvote|agree|disagree|thanks|click to expand\.*|show (more|replies|\d+ repl(y|ies))|hide repl(y|ies)|\d+\s*(likes?|replies|upvotes?|points?|recommends?|agree|thanks))(\s*[x×:]?\s*\d+)?\W*)+$|^(like|reply)(\s*[·•|]\s*(like|reply|share|report|edit|delete|mark as spam|see translation|\d{1,5}|\d{1,3}\s*(s|m|h|d|w|y|mo|yrs?|mins?|hrs?|wks?)))+\W*$`), 60, nil},
	// A comment's rating buttons with their counts: "Click to rate   21   2".
	{"comment buttons", rx(`(?i)^click to rate(\s+\d[\d,]*){0,2}$`), 40, nil},
	// A comment's head as MailOnline writes it: the user's name, town and
	// country, and the comment's age ("Pennine_Walker, Huddersfield,
	// United Kingdom, 1 year ago").
	{"commenter line", rx(`(?i)^@?[\p{L}\p{N}_.' -]{1,40},(\s*[\p{L}.' -]{1,40},){1,3}\s*\d+\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$`), 120, digitNeeds},
	{"commenter line", rx(`(?i)^[•·*▪►–—-]?\s*@?[\p{L}\p{N}_.' -]{1,40}?\s*(\||,|-|–|—|·|•|\bon\b|\s{2,}|\t)\s*(` + dateRx + `\s*(,|at|-|–|—|\||/)?\s*` + timeRx + `|` + timeRx + `|\d+\s+(seconds?|secs?\.?|minutes?|mins?\.?|hours?|hrs?\.?|hr\.?|h|m|d|days?|weeks?|wks?\.?|months?|mos?\.?|years?|yrs?\.?)\s+ago)(\s*[|·•-]\s*(reply|report|like|share|flag|permalink))*\W*$`), 90, digitNeeds},
	{"forum post header", rx(`(?i)^((post|posted|reply|replied) by\b.{0,80}|originally posted by\b.{0,80}|(re|fw|fwd):\s.{0,120}|quote:?|quote from:?.{0,80}|@?[\w.-]{1,30} (wrote|said|says|writes):\s*↑?\s*$|on\s+[^,]{1,40},\s*@?[\w.-]{1,30}\s+said:\s*$|#\d+\s*$|thread:.{0,120}|discussion in .{1,80} started by .{1,80}|submitted .{1,40} by .{1,60}|u/[\w-]{2,40}( .{0,60})?|thread starter:?(\s+.{1,120})?|start date:?|started by\s+.{1,80})$`), 140, forumNeeds},
	// vBulletin's post header without the "Old" icon text: the post's date
	// and time, then its number ("05-09-2017, 01:14 PM   #4").
	{"forum post header", rx(`(?i)^(` + dateRx + `|\d{1,2}-\d{1,2}-\d{2,4}|today|yesterday)(\s*,?\s*` + timeRx + `)?\s*(#|post\s*#?)\s*\d{1,6}$`), 80, []string{"#", "post"}},
	// A post's number and date as VerticalScope's XenForo theme writes
	// them, after "Discussion Starter" on the thread's first post:
	// "Discussion Starter · #1 · Nov 14, 2020", "#2 · Nov 15, 2020".
	{"forum post header", rx(`(?i)^(discussion\s+starter\s*[·•|]\s*)?#\d{1,6}\s*[·•|]\s*(` + dateRx + `|\d+\s*(years?|months?|weeks?|days?|hours?|minutes?|[ydhm])\s+ago)(\s*,?\s*` + timeRx + `)?$`), 80, []string{"#"}},
	// A member's rank after the site's acronym: "PDF THINK TANK: ANALYST".
	{"forum member line", rx(`(?i)^[\p{Lu}]{2,6}\s+(senior|full|elite|active|new|banned|regular|veteran|professional|think tank|moderator|administrator|staff)\s*:?\s*(member|analyst|moderator)s?$`), 40, []string{"member", "analyst", "moderator"}},
	// vBulletin's post date ("Old Thursday, January 25, 2024"), after the
	// icon's alt text.
	{"forum post header", rx(`(?i)^(old|new)\s+(` + dateRx + `|\d{1,2}-\d{1,2}-\d{2,4}|today|yesterday)(\s*,?\s*` + timeRx + `)?$`), 80, nil},
	// The header lines of a forwarded or posted e-mail message.
	{"forum post header", rx(`(?i)^(from|sent|to|cc):\s+(\S+@\S+|.{1,60}\b\d{1,2}:\d{2}.{0,10}|[\p{Lu}][\p{L}.'’-]+( [\p{Lu}][\p{L}.'’-]+){0,3}( <\S+@\S+>)?)$`), 140, nil},
	{"forum member line", rx(`(?i)^(join(ed)? date:.{0,40}|join(ed)? date\s+` + dateRx + `|joined:?\s+` + dateRx + `|start date:?\s+` + dateRx + `|posts:?\s*[\d,]+|[\d.,]+\s*k?\s+posts|joined:?\s+` + dateRx + `\s*[·•|]\s*[\d.,]+\s*k?\s+(posts|messages)|location:.{0,40}|member since.{0,40}|last edited( by)?:?.{0,80}|reputation:.{0,40}|messages:?\s*[\d,]+|reaction score:?\s*[\d,]+|likes received:?\s*[\d,]+|trophy points:?\s*[\d,]+|ratings?:.{0,40}|(senior|full|elite|active|new|banned|regular|veteran|professional|think tank|moderator|administrator|staff) (member|analyst|moderator)s?|[\p{L} .'-]{1,40}\(\s*[\d.,]+\s*k?\+?\s*posts?\s*\))$`), 140, forumNeeds},
})

// postTimestamp is a line that is only a date and time, as stamped on a
// comment or a post ("Jan 5, 2018 - 5:13PM", "5 hours ago").
var postTimestamp = quick(rx(`(?i)^(` + dateRx + `(\s*(,|at|-|–|—|\||/)?\s*` + timeRx + `)?|` + timeRx + `(\s*(,|on|-|–|—)?\s*` + dateRx + `)?|\d+\s*(seconds?|secs?\.?|minutes?|mins?\.?|hours?|hrs?\.?|hr\.?|h|m|d|days?|weeks?|wks?\.?|months?|mos?\.?|years?|yrs?\.?)\s+ago)\W*$`))

// liveStamp is a live-blog time stamp that starts a post ("10:42 GMT",
// "10.42am: …", Sky News's bare "11:58:01").
var liveStamp = quick(rx(`(?i)^(\d{1,2}[:.]\d{2}(:\d{2})?\s*([ap]\.?m\.?)?\s*(gmt|utc|bst|cet|est|edt|pst|ist|pkt|irst|local time)?|\d{1,2}\s*[ap]\.?m\.?\s*(gmt|utc|bst|cet|est|edt|pst|ist|pkt|irst)?)\b(\s*\(\s*(\p{L}+\s+){0,2}time\s*\))?`))

// commenterName is a short line naming a commenter: "• cuban", "Raj",
// "Meraj shahab", "@user".
var commenterName = rx(`^([•·*▪►–—-]\s*)?@?[\p{L}\p{N}_.' -]{1,40}$`)

// licenceStart finds a licence or copyright notice glued to the end of a
// paragraph, with the desk code before it ("NA/PA  All Content by …").
var licenceStart = rx(`(?:\b[A-Z]{1,5}(?:/[A-Z0-9]{1,10})+\s*)?(?:\b(?i:all (?:content|contents|material)s? (?:by|of|on|from))\s|©|\b(?i:copyright)\s*(?:©|\(c\)|\d{4})|\b(?i:all rights reserved))`)

// findLicence returns where a licence notice starts in s (with its desk code),
// or nil. The pattern is tried only when a word of a notice is present.
func findLicence(s string) []int {
	if !hasLicenceWord(s) {
		return nil
	}
	return licenceStart.FindStringIndex(s)
}

// hasLicenceWord reports whether strings.ToLower(s) holds one of
// licenceWords, without lower-casing s: the only runes that ToLower turns
// into ASCII letters are the dotted capital I and the Kelvin sign (for
// those it falls back to ToLower), so otherwise an ASCII word is in the
// lower-cased text exactly where it is in s, case aside. It looks for the
// words where their rarer letters are ("all …" at an l, "copyright" at its
// y), which strings.IndexByte finds quickly.
func hasLicenceWord(s string) bool {
	if strings.Contains(s, "\u0130") || strings.Contains(s, "\u212a") {
		return containsAny(strings.ToLower(s), licenceWords)
	}
	if strings.Contains(s, "©") {
		return true
	}
	for _, c := range []byte{'l', 'L'} {
		for i := 0; ; {
			j := strings.IndexByte(s[i:], c)
			if j < 0 {
				break
			}
			p := i + j
			if p >= 1 && hasPrefixLowerASCII(s[p-1:], "all ") {
				r := s[p-1+len("all "):]
				if hasPrefixLowerASCII(r, "content") || hasPrefixLowerASCII(r, "material") || hasPrefixLowerASCII(r, "rights reserved") {
					return true
				}
			}
			i = p + 1
		}
	}
	for _, c := range []byte{'y', 'Y'} {
		for i := 0; ; {
			j := strings.IndexByte(s[i:], c)
			if j < 0 {
				break
			}
			p := i + j
			if p >= 3 && hasPrefixLowerASCII(s[p-3:], "copyright") {
				return true
			}
			i = p + 1
		}
	}
	return false
}

// hasPrefixLowerASCII reports whether s starts with w (lower-case ASCII),
// ASCII case aside.
func hasPrefixLowerASCII(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for j := 0; j < len(w); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[j] {
			return false
		}
	}
	return true
}

// licenceWords are the words of a licence notice. hasLicenceWord looks for
// them by hand: keep the two in step (TestFastPathsSame compares them).
var licenceWords = []string{"all content", "all material", "©", "copyright", "all rights reserved"}

// inlineLink is a sentence inside a paragraph that points to another story.
var inlineLink = quick(rx(`(?i)^(\(?(also read|read more|read also|related|see also|also see|recommended|suggested reading|watch|listen|read)\s*[:|»›>-]|\((also read|read more|see also)\b)`))

// dateline is a dateline that starts the body: "TEHRAN (Tasnim) –",
// "TEHRAN –", "ISLAMABAD:", "TEHRAN, Jan. 5 (Reuters) -",
// "November 7, The Iran Project –".
var datelineRx = rx(`^(?P<place>[\p{Lu}][\p{Lu}\p{M} .'’-]{2,40}?)(?:\s*,\s*(?P<date>` + `(?i:` + dateRx + `)))?\s*(?:\((?P<agency>[\p{L}\p{N} .&'-]{2,40})\))?\s*(?:[-–—]|:)\s*`)
var datedOutletRx = rx(`^(?P<date>(?i:` + dateRx + `))\s*,\s*(?P<outlet>[\p{Lu}][\p{L}\p{N} .&'-]{2,50}?)\s*[-–—]\s+`)

// isDatelined reports whether s starts with a dateline (datelineRx or
// datedOutletRx).
func isDatelined(s string) bool { return hasDateline(s) || hasDatedOutlet(s) }

// hasDateline is datelineRx.MatchString(s), tried only when s starts as
// the pattern's place must: a capital letter, then two runes that are
// capitals, marks, spaces or . ' ’ - (most text has a small letter there).
func hasDateline(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	rest := s[n:]
	for k := 0; k < 2 && rest != ""; k++ {
		r, n := utf8.DecodeRuneInString(rest)
		if !unicode.IsUpper(r) && !unicode.Is(unicode.M, r) && !strings.ContainsRune(" .'’-", r) {
			return false
		}
		rest = rest[n:]
	}
	return datelineRx.MatchString(s)
}

// hasDatedOutlet is datedOutletRx.MatchString(s), tried only when s starts
// with a digit, with a letter a month's or a weekday's name starts with, or
// with a rune that is not ASCII.
func hasDatedOutlet(s string) bool {
	if s == "" || s[0] < utf8.RuneSelf && !strings.ContainsRune("0123456789jfmasondtwJFMASONDTW", rune(s[0])) {
		return false // (a rune that is not ASCII may fold with s: ſ)
	}
	return datedOutletRx.MatchString(s)
}

// authorBio is a line that introduces the author after the text ("John Smith
// is a researcher based in Islamabad.", "*Sameer Ahmed is a Research Intern
// at …", the asterisk answering the byline's "By Sameer Ahmed*"); it counts
// only after boilerplate, with a way to reach the author, after an
// asterisk, or when the byline names the same person (see
// classifier.bylineNames). A stop inside a word, before a small letter or
// after an abbreviation ("Ph.D. candidate") does not end the sentence.
var authorBio = rx(`^\*?\s*([\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){1,3})\s+(is|was|has been)\s+(a|an|the)\s+(?:[^.]|\.\S|\.\s+[\p{Ll}\d(]|\b\p{L}{1,3}\.(?:\p{L}{1,3}\.)*\s+){0,120}\b(?i:writer|journalist|researcher|analyst|correspondent|editor|fellow|professor|author|reporter|columnist|contributor|lecturer|scholar|student|director|commentator|expert|freelancer|intern|candidate|scientist|economist|historian|consultant|specialist|associate)s?\b`)

// mayBeAuthorBio reports whether authorBio may match s: its name of two to
// four capitalised words must be followed by "is", "was" or "has", so one
// of the third to fifth words of s is one of them, with only capitalised
// words before it. Most text fails at its second word.
func mayBeAuthorBio(s string) bool {
	rest := strings.TrimPrefix(s, "*") // the asterisk of an author's note
	for k := 0; k < 5; k++ {
		rest = strings.TrimLeft(rest, " \t\n\f\r")
		end := strings.IndexAny(rest, " \t\n\f\r")
		if end < 0 {
			end = len(rest)
		}
		w := rest[:end]
		if k >= 2 && (w == "is" || w == "was" || w == "has") {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
		rest = rest[end:]
	}
	return false
}

// authorContact is a way to reach the author that an author's bio gives.
var authorContact = rx(`(?i)\b(tweets (at |as )?@\w+|on (twitter|x) (at |as )?@\w+|can be (reached|contacted) (at|on|via)|email:? \S+@\S+)`)

// hasAuthorContact is authorContact.MatchString(s), tried only when s holds
// an @ or the word "reached" or "contacted" (whose letters fold only with
// their ASCII capitals).
func hasAuthorContact(s string) bool {
	if strings.IndexByte(s, '@') < 0 && !containsFoldASCII(s, "reached") && !containsFoldASCII(s, "contacted") {
		return false
	}
	return authorContact.MatchString(s)
}

// containsFoldASCII reports whether s holds w (lower-case ASCII), ASCII case
// aside.
func containsFoldASCII(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if (s[i]|0x20) == w[0] && hasPrefixLowerASCII(s[i:], w) {
			return true
		}
	}
	return false
}

// outletName is a short line (at most four capitalised words and "The") that
// names a news outlet by the words outlets' names end with ("Tasnim News
// Agency", "The Express Tribune", "Tehran Times"): a site name, not a
// headline.
var outletName = rx(`^(?i:the\s+)?([\p{Lu}][\p{L}.&'-]*\s+){0,3}(?i:news( agency| network| service| international)?|agency|times|post|tribune|herald|tv|television|online|daily|observer|monitor|express|journal|gazette|network|channel|radio|foundation|project|institute|magazine|chronicle|digest|insider|wire|telegraph|dispatch|forums?|community|message boards?|discussion boards?)(\.com|\.pk|\.ir)?$`)

// officeName and officeOf name the office that issued a text, by the words
// such names end with ("Inter Services Public Relations") or as an office
// "of" a state ("Ministry of Foreign Affairs", "Embassy of the Islamic
// Republic of Iran"): a publisher's name, not a headline. They are kept
// apart from outletName so that each pattern stays small enough for the
// regexp package's backtracker.
var (
	officeName = rx(`^([\p{Lu}][\p{L}.&'-]*\s+){0,3}(Public Relations|Foreign Affairs|External Affairs|Ministry|Embassy|Consulate|Commission|Secretariat|Directorate)$`)
	officeOf   = rx(`^(?i:ministry|embassy|consulate|government|office|department|high commission|permanent mission) (?i:of|for) (?:(?:the|of|and|for)\s+|[\p{Lu}][\p{L}'’-]*\s*){1,8}(?:[–—,-]\s*[\p{Lu}][\p{L}'’-]*)?$`)
)

// isOutletName reports whether s names an outlet or an office (outletName,
// officeName, officeOf). Each pattern is tried only when the word it must
// end or start with is there.
func isOutletName(s string) bool {
	last := s[strings.LastIndexAny(s, " \t\n\f\r")+1:] // the word after the last \s
	if w := fold(last); outletLast[w] || outletLast[strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, ".com"), ".pk"), ".ir")] {
		if outletName.MatchString(s) {
			return true
		}
	}
	if officeLast[last] && officeName.MatchString(s) {
		return true
	}
	first, _, _ := strings.Cut(s, " ")
	return officeFirst[fold(first)] && officeOf.MatchString(s)
}

// The last word outletName and officeName must end with (folded as (?i)
// folds, for outletName), and the first word officeOf must start with.
var (
	outletLast  = wordSet(`news agency network service international times post tribune herald tv television online daily observer monitor express journal gazette channel radio foundation project institute magazine chronicle digest insider wire telegraph dispatch forum forums community board boards`)
	officeLast  = wordSet(`Relations Affairs Ministry Embassy Consulate Commission Secretariat Directorate`)
	officeFirst = wordSet(`ministry embassy consulate government office department high permanent`)
)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// informal is the voice of a forum user or a commenter rather than of a news
// report: first- and second-person talk, chat abbreviations.
var informal = rx(`(?i)\b(i think|i guess|i hope|i wonder|i believe|imo|imho|lol|you guys|u guys|what do you (guys )?think|in my (opinion|view)|mark my words|anyone know)\b`)

// Words that a headline rarely ends with, so a line ending with one is cut-off
// prose, not a title.
var danglingEnd = rx(`(?i)\b(` + danglingWords + `)\W*$`)

const danglingWords = `the|a|an|of|to|and|or|but|with|for|in|on|at|by|from|that|which|who|his|her|their|its|is|was|were|are|be|as|than|this|these|said|would|will|could|should|has|have|had|not|also|after|before|while|when|into|against|between|including|such|whose|where|if|because|although|during|since|until|very|more|most`

var danglingSet = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(danglingWords, "|") {
		m[w] = true
	}
	return m
}()

// endsDangling is danglingEnd.MatchString(s), read by hand: the match must
// end at the last ASCII word character (\W* takes the rest), and \b puts its
// start at the start of that run of word characters, so the run, lower-cased,
// must be one of the words. A long s or a Kelvin sign can match k and s
// under (?i) without being word characters: then the regexp decides.
func endsDangling(s string) bool {
	if strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a") {
		return danglingEnd.MatchString(s)
	}
	e := len(s)
	for e > 0 && !isASCIIWord(s[e-1]) {
		e--
	}
	if e == 0 {
		return false
	}
	r := e
	for r > 0 && isASCIIWord(s[r-1]) {
		r--
	}
	if e-r > len("including") {
		return false
	}
	var buf [16]byte
	for i := r; i < e; i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i-r] = c
	}
	return danglingSet[string(buf[:e-r])]
}

// isASCIIWord reports whether c is a \w character of Go's regexp.
func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// attributedQuote is a quotation followed by its speaker ("“We will act,” he
// said"): prose, even without a final stop.
var attributedQuote = rx(`[”"’],?\s+(he|she|they|it|we|i|the\s+\p{L}+|[\p{Lu}][\p{L}-]+)\s+(` + quoteVerbs + `)`)

const quoteVerbs = `said|says|added|told|stated|noted|wrote|asked`

var quoteVerbList = strings.Split(quoteVerbs, "|")

// isAttributedQuote is attributedQuote.MatchString(s), run only when s holds
// a closing quotation mark and one of the verbs (the pattern is case
// sensitive, so they must be there as written).
func isAttributedQuote(s string) bool {
	return strings.ContainsAny(s, `”"’`) && containsAny(s, quoteVerbList) && attributedQuote.MatchString(s)
}

// ruleGuards are hand-written tests that a rule's pattern cannot match,
// for patterns the prefilters read too little from.
var ruleGuards = map[string]func(string) bool{"menu": mayBeMenu}

// mayBeMenu reports whether the menu pattern may match s. Its first
// alternative is two or more items of at most 30 characters between
// separators, where an item holds no separator and no '/' (a slash
// separates only between spaces, \s/\s); its second starts with "home",
// "news" or "start" (?i). So a line with a slash not between spaces, or
// with fewer than two separators, can only match the second.
func mayBeMenu(s string) bool {
	if strings.Contains(s, "\u017f") || hasPrefixLowerASCII(s, "home") || hasPrefixLowerASCII(s, "news") || hasPrefixLowerASCII(s, "start") {
		return true // ſ matches s under (?i)
	}
	seps := 0
	for i, r := range s {
		switch r {
		case '|', '»', '›', '‹', '>', '•', '·':
			seps++
		case '/':
			if i == 0 || i+1 >= len(s) || !perlSpace(s[i-1]) || !perlSpace(s[i+1]) {
				return false
			}
			seps++
		}
	}
	return seps >= 2
}

// endsWithYear reports whether s, less one final full stop, ends with four
// digits and holds a comma: what a caption that ends ", January 2024" must.
func endsWithYear(s string) bool {
	s = strings.TrimSuffix(s, ".")
	if len(s) < 5 || !strings.Contains(s, ",") {
		return false
	}
	for i := len(s) - 4; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// perlSpace reports whether c is in Go's regexp class \s.
func perlSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// ruleMaxWords caps the words of a unit that a rule may match: a publication
// line or a byline is short, and a sentence of text that happens to start
// with "Updated" or "By" is not one.
var ruleMaxWords = map[string]int{"publication line": 14, "byline": 16, "dateline alone": 8, "forum footer": 14, "thread stats": 14, "desk code": 10}

// lineText is a unit's or a line's text with the forms of it that the rules
// test, each made once and only when first needed.
type lineText struct {
	foldSet, lowerSet     byteSet  // the bytes of folded and of lower
	foldFound, lowerFound foundSet // findFor of folded and of lower
	haveFF, haveLF        bool

	s             string
	folded, lower string
	haveF, haveL  bool
	nwords        int // -1 until counted
}

func newLineText(s string) lineText { return lineText{s: s, nwords: -1} }

func (t *lineText) fold() string {
	if !t.haveF {
		t.folded, t.haveF = fold(t.s), true
		t.foldSet = bytesOf(t.folded)
	}
	return t.folded
}

// lowerIsFold reports whether strings.ToLower(s) == fold(s): every rune
// that is not ASCII lower-cases as it folds (curly quotes, dashes and most
// punctuation stay as they are under both; an invalid byte becomes U+FFFD
// under both).
func lowerIsFold(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			continue
		}
		for _, r := range s[i:] {
			if r >= utf8.RuneSelf && unicode.ToLower(r) != foldRune(r) {
				return false
			}
		}
		return true
	}
	return true
}

// foldedFound returns findFor(t.fold()).
func (t *lineText) foldedFound() *foundSet {
	if !t.haveFF {
		t.foldFound, t.haveFF = findFor(t.fold()), true
	}
	return &t.foldFound
}

// loweredFound returns findFor(t.lowered()).
func (t *lineText) loweredFound() *foundSet {
	if !t.haveLF {
		if l := t.lowered(); t.haveF && l == t.folded {
			t.lowerFound = *t.foldedFound()
		} else {
			t.lowerFound = findFor(l)
		}
		t.haveLF = true
	}
	return &t.lowerFound
}

func (t *lineText) lowered() string {
	if !t.haveL {
		t.haveL = true
		if t.haveF && lowerIsFold(t.s) {
			// Both give the same string (on ASCII text, both lower-case
			// the letters and nothing else).
			t.lower, t.lowerSet = t.folded, t.foldSet
			return t.lower
		}
		t.lower = strings.ToLower(t.s)
		t.lowerSet = bytesOf(t.lower)
	}
	return t.lower
}

func (t *lineText) words() int {
	if t.nwords < 0 {
		t.nwords = words(t.s)
	}
	return t.nwords
}

// match returns the first of the rules that matches the text, or "".
func (t *lineText) match(rules []filteredRule) string {
	s := t.s
	for i := range rules {
		p := &rules[i]
		if p.maxLen > 0 && len(s) > p.maxLen {
			continue
		}
		if p.maxWords > 0 && t.words() > p.maxWords {
			continue
		}
		if p.pre.onlyAnchored && s != "" && s[0] < utf8.RuneSelf {
			// An ASCII first byte folds to its lower case: most rules
			// fail here, before the line is folded (as mayString does).
			c := s[0]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if p.pre.firsts[c>>6]&(1<<(c&63)) == 0 {
				continue
			}
		}
		if !p.pre.always && !p.pre.mayFound(t.fold(), &t.foldSet, t.foldedFound()) {
			continue
		}
		if p.needSet != nil && !p.needSet.inFound(t.lowered(), &t.lowerSet, t.loweredFound()) {
			continue
		}
		if p.guard != nil && !p.guard(s) {
			continue
		}
		if p.alts == nil {
			if p.re.MatchString(s) {
				return p.rule
			}
			continue
		}
		for j := range p.alts {
			a := &p.alts[j]
			if a.pre.mayIn(t.fold(), &t.foldSet) && a.re.MatchString(s) {
				return p.rule
			}
		}
	}
	return ""
}

// withFilters fills in each rule's word cap and prefilter (or its own guard).
func withFilters(rules []pattern) []filteredRule {
	out := make([]filteredRule, len(rules))
	for i, p := range rules {
		if g := patternGuards[p.re]; g != nil {
			out[i] = filteredRule{pattern: p, maxWords: ruleMaxWords[p.rule], pre: prefilter{always: true}, guard: g}
		} else {
			t, err := syntax.Parse(p.re.String(), syntax.Perl)
			if err != nil {
				panic(err) // cannot happen: p.re compiled from the same text
			}
			indexed := func(subs []string) *needleSet { return newIndexedNeedleSet(subs, p.maxLen) }
			out[i] = filteredRule{pattern: p, maxWords: ruleMaxWords[p.rule], pre: prefilterOf(t, indexed), guard: ruleGuards[p.rule],
				alts: splitParsed(t)}
		}
		if p.needs != nil {
			out[i].needSet = newIndexedNeedleSet(p.needs, p.maxLen)
		}
	}
	return out
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// words counts the space-separated words of s: len(strings.Fields(s))
// without building the slice.
func words(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// asciiSpace marks the ASCII bytes that unicode.IsSpace (and strings.Fields)
// treat as space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// titleLike reports whether s reads as a title: one short line, no final full
// stop, not prose cut off mid-sentence.
func titleLike(s string) bool {
	if len(s) > 160 || len(s) < 3 || strings.IndexByte(s, '\n') >= 0 || strings.IndexByte(s, '\r') >= 0 {
		return false
	}
	if m := listNumber.FindString(s); m != "" && len(m) < len(s) {
		s = s[len(m):] // "2. Smuggling is a way of life"
	}
	n := words(s)
	if n == 0 || n > 22 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return false
	}
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, ".”") || strings.HasSuffix(s, `."`) || strings.HasSuffix(s, ",") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, ":") {
		return false
	}
	if strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...") {
		return false
	}
	if segment.IsBullet(s) || isAttributedQuote(s) {
		return false // a list item or a quoted sentence is text
	}
	if len(segment.Sentences(s, token.Span{Start: 0, End: len(s)})) > 1 && !genreSuffixed(s) {
		return false // two sentences: a caption or prose, not a title
	}
	if n > 3 && endsDangling(s) {
		return false
	}
	return true
}

// listNumber is the number of a numbered section or list item: "2. ", "3) ".
var listNumber = quick(rx(`^\d{1,2}[.)]\s+`))

// normLine folds a line for comparison: lower case, curly quotes straight,
// runs of space as one.
//
// It gives what strings.ToLower(strings.Join(strings.Fields(foldQuotes.Replace(s)), " "))
// gives, in one pass.
func normLine(s string) string {
	b := make([]byte, 0, len(s))
	space := false // a space is owed before the next word
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				space = len(b) > 0
				continue
			}
			if space {
				b = append(b, ' ')
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		r = foldPunct(r)
		if unicode.IsSpace(r) {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		// strings.ToLower writes an invalid byte as U+FFFD, as
		// DecodeRuneInString reads it.
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b)
}

// normEqual reports whether normLine(s) == t, without building normLine(s):
// it stops at the first byte that differs.
func normEqual(s, t string) bool {
	j := 0         // bytes of t matched so far (what normLine has written)
	space := false // a space is owed before the next word
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		c := s[i]
		var w []byte
		if c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				space = j > 0
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[0] = c
			w = buf[:1]
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			r = foldPunct(r)
			if unicode.IsSpace(r) {
				space = j > 0
				continue
			}
			w = buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))]
		}
		if space {
			if j >= len(t) || t[j] != ' ' {
				return false
			}
			j++
			space = false
		}
		if len(t)-j < len(w) || t[j:j+len(w)] != string(w) {
			return false
		}
		j += len(w)
	}
	return j == len(t)
}

var foldQuotes = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "–", "-", "—", "-")

// foldPunct folds curly quotes and long dashes to their ASCII forms, as
// normLine and normEqual compare lines.
func foldPunct(r rune) rune {
	switch r {
	case '’', '‘':
		return '\''
	case '“', '”':
		return '"'
	case '–', '—':
		return '-'
	}
	return r
}

// genreSuffixed reports whether s is a title of one sentence followed by the
// kind of piece it heads, after a dash or a bar ("Flashpoint Or Partner? –
// Analysis", "Why the talks failed? | Opinion"): one to three capitalised
// words after the separator, which alone make the second "sentence".
func genreSuffixed(s string) bool {
	for _, sep := range []string{" – ", " — ", " - ", " | "} {
		i := strings.LastIndex(s, sep)
		if i <= 0 {
			continue
		}
		head, tail := s[:i], s[i+len(sep):]
		if n := words(tail); n == 0 || n > 3 || lowerWords(tail) > 0 {
			continue
		}
		return len(segment.Sentences(head, token.Span{Start: 0, End: len(head)})) == 1
	}
	return false
}
