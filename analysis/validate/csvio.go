package validate

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ParseError is a problem in an input file, with its position.
type ParseError struct {
	File   string // the file's name, or a description of the input
	Line   int    // 1-based line of the record; 0 for the file as a whole
	Column string // the column concerned, if any
	Err    error
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, ": column %q", e.Column)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

// Sentinel errors wrapped by ParseError.
var (
	ErrMissingColumn = errors.New("missing column")
	ErrBadNumber     = errors.New("not a number")
	ErrEmpty         = errors.New("no data rows")
)

// nameOf names an input for error messages: its Name() when it has one (an
// *os.File does), else def.
func nameOf(r io.Reader, def string) string {
	if n, ok := r.(interface{ Name() string }); ok && n.Name() != "" {
		return n.Name()
	}
	return def
}

// table streams the records of a CSV file with a header row, giving access
// to fields by column name and the line of each record.
type table struct {
	name   string
	r      *csv.Reader
	header []string
	col    map[string]int
	rec    []string
	line   int
}

func newTable(r io.Reader, name string) (*table, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 0 // every record as wide as the header
	cr.LazyQuotes = true   // as lenient with stray quotes as Python's csv module
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &ParseError{File: name, Line: 1, Err: errors.New("empty file: no header row")}
	}
	if err != nil {
		return nil, csvErr(name, err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	t := &table{name: name, r: cr, header: header, col: make(map[string]int, len(header))}
	for i, h := range header {
		h = strings.TrimSpace(h)
		header[i] = h
		if _, dup := t.col[h]; dup {
			return nil, &ParseError{File: name, Line: 1, Column: h, Err: errors.New("duplicate column")}
		}
		t.col[h] = i
	}
	return t, nil
}

// require reports the first of cols the header lacks.
func (t *table) require(cols ...string) error {
	var missing []string
	for _, c := range cols {
		if _, ok := t.col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return &ParseError{File: t.name, Line: 1, Err: fmt.Errorf("%w: %s", ErrMissingColumn, strings.Join(missing, ", "))}
	}
	return nil
}

// next reads the next record; it returns false at the end or on error (see err).
func (t *table) next() (bool, error) {
	rec, err := t.r.Read()
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, csvErr(t.name, err)
	}
	t.rec = rec
	t.line, _ = t.r.FieldPos(0)
	return true, nil
}

func (t *table) has(col string) bool { _, ok := t.col[col]; return ok }

// get returns the field of col in the current record ("" when the column is absent).
func (t *table) get(col string) string {
	i, ok := t.col[col]
	if !ok {
		return ""
	}
	return t.rec[i]
}

// int parses col as Python's int() would for the values a run writes.
func (t *table) int(col string) (int, error) {
	s := strings.TrimSpace(t.get(col))
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, t.errf(col, "%w: %q is not an integer", ErrBadNumber, s)
	}
	return n, nil
}

func (t *table) errf(col, format string, args ...any) error {
	return &ParseError{File: t.name, Line: t.line, Column: col, Err: fmt.Errorf(format, args...)}
}

func csvErr(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{File: name, Line: pe.Line, Err: pe.Err}
	}
	return &ParseError{File: name, Err: err}
}

// parseFloat reads a number as Python's float() does ("nan", "inf",
// "1e400", surrounding spaces; not hexadecimal); ok is false when it is not
// one. ("-nan", which Python reads as NaN, is refused: both are skipped.)
func parseFloat(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "xX") { // Go reads hexadecimal floats, Python does not
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange {
			return v, true // ±Inf or 0, as Python gives
		}
		return 0, false
	}
	return v, true
}
