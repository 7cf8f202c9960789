// Package parquetout writes framescope's tables as Apache Parquet files, so
// that pandas, R (arrow), Polars and DuckDB read them with typed columns
// instead of re-parsing CSV text.
//
// A table arrives as the same rows of strings that the CSV writers produce:
// a Writer is built from the header and one Kind per column, parses every
// field by its column's kind, and writes typed, nullable columns in header
// order. An empty numeric field, which the CSV writers use for "no value"
// (NaN), becomes a Parquet null.
//
// Output is a pure function of the header, the kinds and the rows: the file
// carries no timestamp, no random id and a fixed created_by string, so the
// same rows give the same bytes on every run.
//
// Columns are compressed with Zstandard (strings in dictionary pages) and rows
// are flushed in row groups of at most RowGroupRows rows, so memory stays
// bounded on millions of rows. ConvertCSV converts a whole CSV table.
package parquetout

import (
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/encoding"
)

// Kind is the type of one column, and says how its text fields are parsed.
type Kind int

const (
	// String is a required UTF-8 string column; the empty string is a value.
	String Kind = iota
	// Int64 is a required 64-bit integer column (decimal, as strconv.ParseInt
	// reads it in base 10).
	Int64
	// NullInt64 is a 64-bit integer column where an empty field or "unknown"
	// is null, as in paragraphs.csv's year column.
	NullInt64
	// Float64 is a double column where an empty field is null. NaN and
	// infinities are refused: the CSV writers never write them.
	Float64
	// Bool is a required boolean column written as "0" or "1" (also
	// "false"/"true").
	Bool
)

var kindNames = [...]string{String: "string", Int64: "int64", NullInt64: "nullable int64",
	Float64: "nullable float64", Bool: "bool"}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "Kind(" + strconv.Itoa(int(k)) + ")"
	}
	return kindNames[k]
}

// nullable reports whether a column of kind k is an optional Parquet column.
func (k Kind) nullable() bool { return k == NullInt64 || k == Float64 }

// node is the Parquet leaf for a column of kind k.
func (k Kind) node() (parquet.Node, error) {
	var n parquet.Node
	switch k {
	case String:
		// Dictionary pages: doc, source, date, role, voice and rule repeat
		// within a row group (0.123 of the CSV size on a generated 88k-row
		// run against 0.149 with plain pages, both Zstd).
		n = parquet.Encoded(parquet.String(), &parquet.RLEDictionary)
	case Int64, NullInt64:
		n = parquet.Leaf(parquet.Int64Type)
	case Float64:
		n = parquet.Leaf(parquet.DoubleType)
	case Bool:
		n = parquet.Leaf(parquet.BooleanType)
	default:
		return nil, fmt.Errorf("unknown column kind %d", int(k))
	}
	if k.nullable() {
		n = parquet.Optional(n)
	}
	return n, nil
}

// ParagraphKinds returns the kinds of paragraphs.csv's columns, given its
// header and the codebook's frame ids: doc, source, date, role, voice,
// terms, speakers, rule and any column it does not know are strings; year
// is a NullInt64 ("unknown" is null); para, start and end are Int64; tone,
// tone_outlet, tone_quote, <id>_score and toward_<actor> are Float64 (empty is
// null); <id> for each frame id is a Bool (0/1).
func ParagraphKinds(header []string, frameIDs []string) []Kind {
	frame := make(map[string]bool, len(frameIDs))
	score := make(map[string]bool, len(frameIDs))
	for _, id := range frameIDs {
		frame[id] = true
		score[id+"_score"] = true
	}
	kinds := make([]Kind, len(header))
	for i, h := range header {
		switch {
		case h == "year":
			kinds[i] = NullInt64
		case h == "para" || h == "start" || h == "end":
			kinds[i] = Int64
		case h == "tone" || h == "tone_outlet" || h == "tone_quote" || score[h] ||
			strings.HasPrefix(h, "toward_") && h != "toward_":
			kinds[i] = Float64
		case frame[h]:
			kinds[i] = Bool
		default:
			kinds[i] = String
		}
	}
	return kinds
}

// RowGroupRows is the most rows a Writer holds in memory before it writes
// them out as one row group. At paragraphs.csv's width a full group is about
// 6.5 MB before compression; writing 2,000,000 rows of 21 columns, the heap
// in use peaked at 57 MB and grew by 0.2 MB per 400,000 rows (the footer's
// per-group metadata).
const RowGroupRows = 50_000

// CreatedBy is the created_by string of every file. parquet-go's default
// embeds its module version and build hash, which would change the bytes when
// the dependency is upgraded or built differently.
const CreatedBy = "framescope"

// FieldError is the error for a field that does not parse as its column's
// kind. Row counts data rows from 1, as Write sees them.
type FieldError struct {
	Row    int
	Column string
	Kind   Kind
	Value  string
	Err    error
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("parquet row %d, column %q: %q does not parse as %s: %v", e.Row, e.Column, e.Value, e.Kind, e.Err)
}

func (e *FieldError) Unwrap() error { return e.Err }

var (
	errNotFinite = errors.New("not a finite number")
	errNotBool   = errors.New(`want "0" or "1"`)
	errNotUTF8   = errors.New("not valid UTF-8")
	errNotInt    = errors.New("not a base-10 integer")
	errNotFloat  = errors.New("not a decimal number")
)

// Writer writes rows of text fields as a Parquet file with typed columns in
// header order. It is not safe for concurrent use.
type Writer struct {
	w      *parquet.GenericWriter[any]
	header []string
	kinds  []Kind
	row    parquet.Row
	rows   []parquet.Row
	n      int
	closed bool
}

// NewWriter returns a Writer that writes a Parquet file to w with one column
// per header name, of the matching kind, in header order. Names must be
// non-empty, unique, valid UTF-8 and free of commas.
func NewWriter(w io.Writer, header []string, kinds []Kind) (*Writer, error) {
	return newWriter(w, header, kinds, RowGroupRows)
}

func newWriter(w io.Writer, header []string, kinds []Kind, groupRows int64) (*Writer, error) {
	if len(header) == 0 {
		return nil, errors.New("parquet: no columns")
	}
	if len(kinds) != len(header) {
		return nil, fmt.Errorf("parquet: %d column kinds for %d columns", len(kinds), len(header))
	}
	nodes := make([]parquet.Node, len(header))
	seen := make(map[string]bool, len(header))
	for i, name := range header {
		switch {
		case name == "":
			return nil, fmt.Errorf("parquet: column %d has no name", i+1)
		case seen[name]:
			return nil, fmt.Errorf("parquet: column %q appears twice", name)
		case !utf8.ValidString(name):
			return nil, fmt.Errorf("parquet: column %q: name is not valid UTF-8", name)
		case strings.Contains(name, ","):
			return nil, fmt.Errorf("parquet: column %q: name contains a comma", name)
		}
		seen[name] = true
		n, err := kinds[i].node()
		if err != nil {
			return nil, fmt.Errorf("parquet: column %q: %w", name, err)
		}
		nodes[i] = n
	}
	schema := parquet.NewSchema("framescope", newGroup(header, nodes))
	cfg, err := parquet.NewWriterConfig(schema,
		parquet.Compression(&parquet.Zstd),
		parquet.MaxRowsPerRowGroup(groupRows))
	if err != nil {
		return nil, fmt.Errorf("parquet: %w", err)
	}
	cfg.CreatedBy = CreatedBy
	return &Writer{
		w:      parquet.NewGenericWriter[any](w, cfg),
		header: append([]string(nil), header...),
		kinds:  append([]Kind(nil), kinds...),
		row:    make(parquet.Row, len(header)),
		rows:   make([]parquet.Row, 1),
	}, nil
}

// Write parses one row's fields by their columns' kinds and adds the row to
// the file. A row of the wrong length, or a field that does not parse, is an
// error (a *FieldError naming the column) and nothing of the row is written;
// the Writer stays usable.
func (w *Writer) Write(row []string) error {
	if w.closed {
		return errors.New("parquet: write after Close")
	}
	w.n++
	if len(row) != len(w.header) {
		return fmt.Errorf("parquet row %d: %d fields, want %d", w.n, len(row), len(w.header))
	}
	for i, s := range row {
		v, err := parse(w.kinds[i], s)
		if err != nil {
			return &FieldError{Row: w.n, Column: w.header[i], Kind: w.kinds[i], Value: s, Err: err}
		}
		def := 0
		if w.kinds[i].nullable() && !v.IsNull() {
			def = 1
		}
		w.row[i] = v.Level(0, def, i)
	}
	w.rows[0] = w.row
	if _, err := w.w.WriteRows(w.rows); err != nil {
		return fmt.Errorf("parquet row %d: %w", w.n, err)
	}
	return nil
}

// parse converts one field to a Parquet value, parquet.NullValue() for a
// missing one, with levels and column index still to set.
func parse(k Kind, s string) (parquet.Value, error) {
	switch k {
	case String:
		if !utf8.ValidString(s) {
			return parquet.Value{}, errNotUTF8
		}
		// The value refers to s without copying it (parquet.ValueOf would
		// box it, one allocation per field); parquet-go copies the bytes into
		// its column buffer and never writes through the slice.
		return parquet.ByteArrayValue(unsafe.Slice(unsafe.StringData(s), len(s))), nil
	case Int64, NullInt64:
		if k == NullInt64 && (s == "" || s == "unknown") {
			return parquet.NullValue(), nil
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return parquet.Value{}, errNotInt
		}
		return parquet.Int64Value(n), nil
	case Float64:
		if s == "" {
			return parquet.NullValue(), nil
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			if errors.Is(err, strconv.ErrRange) {
				return parquet.Value{}, errNotFinite
			}
			return parquet.Value{}, errNotFloat
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return parquet.Value{}, errNotFinite
		}
		return parquet.DoubleValue(f), nil
	case Bool:
		switch s {
		case "0", "false":
			return parquet.BooleanValue(false), nil
		case "1", "true":
			return parquet.BooleanValue(true), nil
		}
		return parquet.Value{}, errNotBool
	}
	return parquet.Value{}, fmt.Errorf("unknown column kind %d", int(k))
}

// Close writes the buffered rows and the file footer. It does not close the
// underlying io.Writer.
func (w *Writer) Close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	if err := w.w.Close(); err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	return nil
}

// group is a Parquet group node whose fields keep the order they were given
// in. parquet.Group is a map and sorts its fields by name, which would put
// paragraphs.csv's columns in alphabetical order.
type group struct{ fields []parquet.Field }

func newGroup(names []string, nodes []parquet.Node) *group {
	g := &group{fields: make([]parquet.Field, len(names))}
	for i := range names {
		g.fields[i] = &field{Node: nodes[i], name: names[i]}
	}
	return g
}

type field struct {
	parquet.Node
	name string
}

func (f *field) Name() string { return f.name }

// Value is used only when parquet-go maps Go values onto the schema by
// reflection, which this package never does.
func (f *field) Value(reflect.Value) reflect.Value { return reflect.Value{} }

func (g *group) ID() int                     { return 0 }
func (g *group) Type() parquet.Type          { return parquet.Group(nil).Type() }
func (g *group) Optional() bool              { return false }
func (g *group) Repeated() bool              { return false }
func (g *group) Required() bool              { return true }
func (g *group) Leaf() bool                  { return false }
func (g *group) Fields() []parquet.Field     { return g.fields }
func (g *group) Encoding() encoding.Encoding { return nil }
func (g *group) Compression() compress.Codec { return nil }

func (g *group) String() string {
	var b strings.Builder
	parquet.PrintSchema(&b, "framescope", g)
	return b.String()
}

// GoType is the struct type parquet-go would map rows onto by reflection
// (fields in name order); this package writes parquet.Row values and never
// uses it.
func (g *group) GoType() reflect.Type {
	m := make(parquet.Group, len(g.fields))
	for _, f := range g.fields {
		m[f.Name()] = f
	}
	return m.GoType()
}
