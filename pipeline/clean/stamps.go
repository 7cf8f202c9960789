package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// dateOnly reports whether s is a line of dates and times and nothing else,
// in whatever order and punctuation a page writes them: "January, 20, 2024
// - 14:02", "Sunday, 12 January 2020 9:41 AM [ Last Update: Sunday, 12
// January 2020 9:41 AM ]", "Last Updated On 25 January,2024 06:10 pm". Every
// word must be a month or weekday name, a number, a time, a time zone or a
// word of a publication label ("published", "last update", "on", "at"), and
// the line must hold a month name or a numeric date, and a year or a time.
func dateOnly(s string) bool {
	if len(s) > 140 || len(s) < 6 {
		return false
	}
	// Most lines fail at their first word, so look at it before the rest.
	month, year, clock := false, false, false
	n := 0
	for rest := s; rest != ""; {
		i := strings.IndexFunc(rest, isDateSep)
		var w string
		if i < 0 {
			w, rest = rest, ""
		} else {
			w = rest[:i]
			_, size := utf8.DecodeRuneInString(rest[i:])
			rest = rest[i+size:]
		}
		if w == "" {
			continue
		}
		n++
		switch k := dateWord(w); k {
		case dwMonth:
			month = true
		case dwYear:
			year = true
		case dwTime:
			clock = true
		case dwNumDate:
			month, year = true, true
		case dwOther:
			return false
		}
	}
	return n >= 2 && month && (year || clock)
}

// isDateSep is a rune that separates the words of a date line.
func isDateSep(r rune) bool {
	switch r {
	case ',', '[', ']', '(', ')', '|', '-', '–', '—', '/', '·', '•', '@':
		return true
	}
	return unicode.IsSpace(r)
}

type dateWordKind int

const (
	dwOther   dateWordKind = iota
	dwMonth                // a month's name
	dwYear                 // a four-digit year
	dwTime                 // "14:02", "9:41am", "pm"
	dwNumDate              // "2024.01.20", "20.01.2024"
	dwFiller               // a weekday, a day's number, a zone, a label word
)

// dateWord says what w is in a date line.
func dateWord(w string) dateWordKind {
	w = strings.TrimRight(w, ".:")
	if w == "" {
		return dwFiller
	}
	if len(w) > 16 {
		return dwOther // no date word is as long
	}
	// Lower-case it in a buffer: the words of dates are ASCII.
	var buf [16]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return dwOther
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	l := string(buf[:len(w)])
	if dateMonths[l] {
		return dwMonth
	}
	if dateFiller[l] {
		return dwFiller
	}
	digits, colons, dots := 0, 0, 0
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case '0' <= c && c <= '9':
			digits++
		case c == ':':
			colons++
		case c == '.':
			dots++
		default:
			suffix := l[i:]
			switch {
			case digits > 0 && digits <= 2 && colons == 0 && dots == 0 && (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th"):
				return dwFiller // "5th"
			case digits >= 3 && colons+dots == 1 && (suffix == "am" || suffix == "pm" || suffix == "a.m" || suffix == "p.m"):
				return dwTime // "9:41am"
			case digits > 0 && digits <= 2 && colons+dots == 0 && (suffix == "am" || suffix == "pm"):
				return dwTime // "9am"
			}
			return dwOther
		}
	}
	switch {
	case digits == 0:
		return dwOther
	case colons+dots == 0 && digits == 4:
		return dwYear
	case colons+dots == 0 && digits <= 2:
		return dwFiller
	case colons >= 1 && dots == 0 && digits >= 3 && digits <= 6:
		return dwTime
	case colons == 0 && dots == 1 && digits >= 3 && digits <= 4:
		return dwTime // "10.42"
	case colons == 0 && dots == 2 && digits >= 6 && digits <= 8:
		return dwNumDate // "20.01.2024"
	}
	return dwOther
}

var dateMonths = wordSet(`january february march april may june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec`)

// dateFiller are the words a date line holds besides months, numbers and
// times: weekdays, time zones and the words of publication labels.
var dateFiller = wordSet(`monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
	am pm a.m p.m gmt utc pkt pst ist irst est edt et bst cet cest jst ast gst msk
	published updated update posted modified edited last first on at date dated time`)
