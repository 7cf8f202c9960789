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
	start := len(c.buf)
	c.buf = strconv.AppendFloat(c.buf, v, 'f', 4, 64)
	if string(c.buf[start:]) == "-0.0000" {
		c.buf = append(c.buf[:start], "0.0000"...)
	}
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
