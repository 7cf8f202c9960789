package pipeline

import (
	"bufio"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// csvRows writes CSV rows field by field, with the bytes encoding/csv's
// Writer writes with its defaults (comma, "\n" line ends), but without a
// string per number: the per-paragraph tables have a few dozen numeric
// fields a row and millions of rows.
type csvRows struct {
	w     *bufio.Writer
	buf   []byte // the current row
	first bool   // the next field is the row's first
}

func newCSVRows(w *bufio.Writer) *csvRows { return &csvRows{w: w, first: true} }

func (c *csvRows) sep() {
	if !c.first {
		c.buf = append(c.buf, ',')
	}
	c.first = false
}

// str adds a text field, quoted as encoding/csv quotes it.
func (c *csvRows) str(s string) {
	c.sep()
	if !needsQuotes(s) {
		c.buf = append(c.buf, s...)
		return
	}
	c.buf = append(c.buf, '"')
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		c.buf = append(c.buf, s[:i+1]...)
		c.buf = append(c.buf, '"')
		s = s[i+1:]
	}
	c.buf = append(c.buf, s...)
	c.buf = append(c.buf, '"')
}

// needsQuotes is encoding/csv's rule for the comma delimiter.
func needsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\r', '"', ',':
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
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

// end finishes the row and hands it to the buffered writer.
func (c *csvRows) end() error {
	c.buf = append(c.buf, '\n')
	_, err := c.w.Write(c.buf)
	c.buf = c.buf[:0]
	c.first = true
	return err
}
