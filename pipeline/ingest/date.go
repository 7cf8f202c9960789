package ingest

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar date known to a year, a month or a day. Month and Day are
// 0 when the input does not give them.
type Date struct{ Year, Month, Day int }

// ParseDate reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" (month and day may have one
// digit). It also takes a full timestamp that starts with a date
// ("2017-11-07T09:30:00Z", "2017-11-07 09:30"), keeping only the date, since
// that is how JSONL exports often write it. The date must exist: month 1–12,
// a day the month has (29 February only in a leap year), year 1000–9999.
// Surrounding spaces are ignored.
func ParseDate(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "T "); i == 10 {
		s = s[:i]
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, false
	}
	var d Date
	var ok bool
	if d.Year, ok = digits(parts[0], 4); !ok || d.Year < 1000 {
		return Date{}, false
	}
	if len(parts) > 1 {
		if d.Month, ok = digits(parts[1], 2); !ok || d.Month < 1 || d.Month > 12 {
			return Date{}, false
		}
	}
	if len(parts) > 2 {
		if d.Day, ok = digits(parts[2], 2); !ok || d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return Date{}, false
		}
	}
	return d, true
}

// digits parses 1 to max ASCII digits.
func digits(s string, max int) (int, bool) {
	if len(s) == 0 || len(s) > max {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(year, month int) int {
	// Day 0 of the next month is the last day of this one.
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// String writes d as "YYYY", "YYYY-MM" or "YYYY-MM-DD"; the zero Date is "".
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}
