package clean

import (
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// agencies maps the short names that news agencies put in datelines to their
// full names (agencies.txt).
var agencies = mustAgencies(agenciesFile, "agencies.txt")

//go:embed agencies.txt
var agenciesFile string

// parseAgencies reads "short<TAB>Full Name" lines; "#" starts a comment.
// Errors name the file and line.
func parseAgencies(text, name string) (map[string]string, error) {
	m := map[string]string{}
	for i, line := range strings.Split(text, "\n") {
		line, _, _ = strings.Cut(line, "#")
		if strings.TrimSpace(line) == "" {
			continue
		}
		short, full, ok := strings.Cut(line, "\t")
		short, full = strings.ToLower(strings.TrimSpace(short)), strings.TrimSpace(full)
		if !ok || short == "" || full == "" {
			return nil, fmt.Errorf("%s:%d: want a short name, a tab and a full name", name, i+1)
		}
		if _, dup := m[short]; dup {
			return nil, fmt.Errorf("%s:%d: %q given twice", name, i+1, short)
		}
		m[short] = full
	}
	return m, nil
}

func mustAgencies(text, name string) map[string]string {
	m, err := parseAgencies(text, name)
	if err != nil {
		panic(err) // the embedded file is part of the program
	}
	return m
}

var (
	licenceOutlet = regexp.MustCompile(`(?i)all (?:content|contents|material)s? (?:by|of|on|from) (.{2,80}?) (?:is|are) (?:licensed|protected|copyright)`)
	// copyrightOutlet is case-insensitive in its words only: the outlet's
	// name must start with a capital in the text ("Copyright of this
	// website is …" names none), and "the property of X" gives X.
	copyrightOutlet = regexp.MustCompile(`(?:(?i:copyright)|©|\((?i:c)\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?:(?i:by)\s+|(?i:of\s+this\s+(?:web\s*site|site|page|portal|content|material)\s+(?:is|are|remains?|belongs?\s+to)\s+(?:the\s+)?(?:sole\s+|exclusive\s+)?(?:property\s+of\s+)?)(?:the\s+)?)?([\p{Lu}][\p{L}\p{N} .&'-]{1,60}?)\s*(?:[.,|]|(?i:all\s+rights\s+reserved)|$)`)
	dateInText      = regexp.MustCompile(`(?i)` + dateRx)
	placeAgencyRx   = regexp.MustCompile(`^[\p{Lu}][\p{L} .'’-]{2,30},\s*(\p{L}{2,12})\s*[-–—:]\s`)
	publishedIn     = regexp.MustCompile(`^(?i:published|first published|originally published|appeared) (?i:in|by) ([\p{Lu}][\p{L}\p{N} .&'-]{1,60}?)\s*(?:,|\.|$|(?i:on)\s)`)
)

// found gathers what the text says about itself from the classified units.
func (c *classifier) found() Found {
	var f Found
	if c.title != "" {
		f.Title, f.TitleHow = strings.TrimPrefix(c.title, "HD "), c.titleHow // Factiva's headline field
	}
	// Source: a licence or copyright line names the outlet; then a dateline;
	// then a site name alone on the first line.
	// A copyright line that names the outlet directly ("© 2023 Atlantic
	// Desk. All rights reserved.") is preferred to one that names it as the
	// site's owner ("Copyright of this website is the property of …").
	owner := ""
	for _, u := range c.units {
		if u.role != Boilerplate || u.rule != "licence line" {
			continue
		}
		if m := licenceOutlet.FindStringSubmatch(u.s); m != nil {
			f.Source, f.SourceHow = strings.TrimSpace(m[1]), "licence line"
			break
		}
		if m := copyrightOutlet.FindStringSubmatch(u.s); m != nil && f.Source == "" {
			if containsFoldASCII(m[0], "of this") {
				if owner == "" {
					owner = strings.TrimSpace(m[1])
				}
				continue
			}
			f.Source, f.SourceHow = strings.TrimSpace(m[1]), "copyright line"
		}
	}
	if f.Source == "" && owner != "" {
		f.Source, f.SourceHow = owner, "copyright line"
	}
	for _, u := range c.units {
		if u.role == Body || u.role == Boilerplate && u.rule == "dateline alone" {
			c.fromDateline(u.s, &f)
			break
		}
	}
	if f.Source == "" && c.siteName != "" {
		f.Source, f.SourceHow = c.siteName, "first line"
	}
	if f.Source == "" {
		for _, u := range c.units {
			if u.role == Boilerplate && u.rule == "publication line" {
				if m := publishedIn.FindStringSubmatch(u.s); m != nil {
					f.Source, f.SourceHow = strings.TrimSpace(m[1]), "published line"
					break
				}
			}
		}
	}
	// A news database's export names the outlet and the date in fields:
	// Factiva's "SN The Express Tribune", "PD 5 January 2018"; Nexis's
	// "Load-Date: January 6, 2018" is when the database loaded it, so it
	// gives no date.
	for _, u := range c.units {
		if u.rule != "database field" {
			continue
		}
		switch {
		case strings.HasPrefix(u.s, "SN ") && f.Source == "":
			f.Source, f.SourceHow = strings.TrimSpace(u.s[3:]), "database field"
		case strings.HasPrefix(u.s, "PD ") && f.Date == "":
			if d := parseDate(u.s[3:]); d != "" {
				f.Date, f.DateHow = d, "database field"
			}
		}
	}
	// Date: a publication line, preferring one that does not give the time
	// of an update ("Published: …" before "Updated …").
	for pass := 0; pass < 2 && f.Date == ""; pass++ {
		for _, u := range c.units {
			if u.role != Boilerplate || u.rule != "publication line" || pass == 0 && updateLine.MatchString(u.s) {
				continue
			}
			if d := parseDate(u.s); d != "" {
				f.Date, f.DateHow = d, "published line"
				break
			}
		}
	}
	return f
}

var updateLine = regexp.MustCompile(`(?i)^\W*(updated|last updated|modified|last modified|edited|last edited)\b`)

// fromDateline reads the outlet (or agency) and the date that a dateline
// states: "TEHRAN (Tasnim) –", "TEHRAN, Jan. 5, 2018 (Reuters) -",
// "November 7, The Iran Project –".
func (c *classifier) fromDateline(s string, f *Found) {
	// The quick tests rule most texts out before the costlier search for
	// submatches.
	if hasDatedOutlet(s) {
		if m := datedOutletRx.FindStringSubmatch(s); m != nil {
			if f.Source == "" {
				f.Source, f.SourceHow = strings.TrimSpace(m[datedOutletRx.SubexpIndex("outlet")]), "dateline"
			}
			if d := parseDate(m[datedOutletRx.SubexpIndex("date")]); d != "" {
				f.Date, f.DateHow = d, "dateline"
			}
			return
		}
	}
	if mayBePlaceAgency(s) && f.Source == "" {
		if m := placeAgencyRx.FindStringSubmatch(s); m != nil {
			if full, ok := agencies[strings.ToLower(m[1])]; ok {
				f.Source, f.SourceHow = full, "dateline" // "Tehran, IRNA –"
				return
			}
		}
	}
	if !hasDateline(s) {
		return
	}
	m := datelineRx.FindStringSubmatch(s)
	if m == nil {
		return
	}
	if a := strings.TrimSpace(m[datelineRx.SubexpIndex("agency")]); a != "" && f.Source == "" {
		if full, ok := agencies[strings.ToLower(a)]; ok {
			f.Source = full
		} else {
			f.Source = a
		}
		f.SourceHow = "dateline"
	}
	if d := parseDate(m[datelineRx.SubexpIndex("date")]); d != "" {
		f.Date, f.DateHow = d, "dateline"
	}
}

var monthNum = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

var (
	isoDate  = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	yearRx   = regexp.MustCompile(`\b(1[89]\d{2}|20\d{2})\b`)
	dayRxNum = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\b`)
	monthRxW = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`)
)

// parseDate returns the first date in s as "2018-01-05", "2018-01" or "2018".
// A date without a year ("November 7") gives "": the year is never guessed.
// Numeric dates such as 05/01/2018 are ambiguous between day-first and
// month-first and give only the year.
func parseDate(s string) string {
	if strings.IndexFunc(s, isDigit) < 0 {
		return "" // every date has digits
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return m[0]
	}
	loc := dateInText.FindStringIndex(s)
	if loc == nil {
		return ""
	}
	d := s[loc[0]:loc[1]]
	y := yearRx.FindString(d)
	if y == "" {
		return ""
	}
	mm := monthRxW.FindStringSubmatch(d)
	if mm == nil {
		return y
	}
	month := monthNum[strings.ToLower(mm[1])]
	rest := strings.Replace(d, y, "", 1)
	day := 0
	if dm := dayRxNum.FindStringSubmatch(rest); dm != nil {
		day, _ = strconv.Atoi(dm[1])
	}
	if day < 1 || day > 31 {
		return fmt.Sprintf("%s-%02d", y, month)
	}
	return fmt.Sprintf("%s-%02d-%02d", y, month, day)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// mayBePlaceAgency reports whether placeAgencyRx may match s: a capital,
// then two to thirty letters, spaces or . ' ’ -, then a comma. Most first
// paragraphs fail before their first comma.
func mayBePlaceAgency(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	n := 0
	for _, r := range s[size:] {
		if r == ',' {
			return n >= 2
		}
		if n++; n > 30 || !unicode.IsLetter(r) && r != ' ' && r != '.' && r != '\'' && r != '’' && r != '-' {
			return false
		}
	}
	return false
}
