package pipeline

import (
	"math"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// csvRows appends CSV rows to a byte buffer field by field, with the bytes
// encoding/csv's Writer writes with its defaults (comma, "\n" line ends), but
// without a string per number: the per-paragraph tables have a few dozen
// numeric fields a row and millions of rows. Workers format an article's rows
// into their own csvRows, so that writing a table is copying bytes in order.
// The zero value is an empty buffer.
type csvRows struct {
	buf []byte // whole rows, then the current row
	mid bool   // the current row has a field
}

func (c *csvRows) sep() {
	if c.mid {
		c.buf = append(c.buf, ',')
	}
	c.mid = true
}

// str adds a text field, quoted as encoding/csv quotes it.
func (c *csvRows) str(s string) {
	c.sep()
	c.buf = appendField(c.buf, s)
}

// bytes adds a text field held in b, as str adds string(b).
func (c *csvRows) bytes(b []byte) {
	c.sep()
	c.buf = appendField(c.buf, b)
}

// fields adds one or more fields as another csvRows formatted them (its
// buf, without the line end).
func (c *csvRows) fields(b []byte) {
	c.sep()
	c.buf = append(c.buf, b...)
}

// appendField appends s to buf as encoding/csv writes a field.
func appendField[S string | []byte](buf []byte, s S) []byte {
	if !needsQuotes(s) {
		return append(buf, s...)
	}
	buf = append(buf, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			buf = append(buf, '"')
		}
		buf = append(buf, s[i])
	}
	return append(buf, '"')
}

// needsQuotes is encoding/csv's rule for the comma delimiter.
func needsQuotes[S string | []byte](s S) bool {
	if len(s) == 0 {
		return false
	}
	if len(s) == 2 && s[0] == '\\' && s[1] == '.' {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\r', '"', ',':
			return true
		}
	}
	if s[0] < utf8.RuneSelf {
		return unicode.IsSpace(rune(s[0]))
	}
	var head [utf8.UTFMax]byte
	r, _ := utf8.DecodeRune(head[:copy(head[:], s[:min(len(s), utf8.UTFMax)])])
	return unicode.IsSpace(r)
}

// int adds an integer field.
func (c *csvRows) int(n int) {
	c.sep()
	c.buf = strconv.AppendInt(c.buf, int64(n), 10)
}

// num adds a score as num formats it: four decimals, empty for NaN and
// infinities, never "-0.0000".
func (c *csvRows) num(v float64) {
	c.sep()
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return
	}
	c.buf = appendScore(c.buf, v)
}

// appendScore appends v with four decimals as strconv.AppendFloat(buf, v,
// 'f', 4, 64) does, but "0.0000" for "-0.0000". A score far from a tie
// between two four-decimal numbers (the usual case) is rounded from v×10⁴,
// whose error is below 10⁻⁶ for |v| < 10⁵, without strconv's exact decimal
// conversion; the others go to strconv.
func appendScore(buf []byte, v float64) []byte {
	x := v * 1e4
	if t := math.Trunc(x); math.Abs(x) < 1e9 && math.Abs(math.Abs(x-t)-0.5) > 1e-6 {
		n := int64(math.Round(x))
		if n < 0 {
			buf = append(buf, '-')
			n = -n
		}
		buf = strconv.AppendInt(buf, n/10000, 10)
		f := n % 10000
		return append(buf, '.', byte('0'+f/1000), byte('0'+f/100%10), byte('0'+f/10%10), byte('0'+f%10))
	}
	start := len(buf)
	buf = strconv.AppendFloat(buf, v, 'f', 4, 64)
	if string(buf[start:]) == "-0.0000" {
		buf = append(buf[:start], "0.0000"...)
	}
	return buf
}

// end finishes the row.
func (c *csvRows) end() {
	c.buf = append(c.buf, '\n')
	c.mid = false
}

// reset empties the buffer, keeping its memory.
func (c *csvRows) reset() {
	c.buf = c.buf[:0]
	c.mid = false
}
