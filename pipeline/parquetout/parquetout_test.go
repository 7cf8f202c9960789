package parquetout

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

var update = flag.Bool("update", false, "rewrite testdata golden files")

// paraHeader is paragraphs.csv's header for a codebook of two frames and two
// actors, built the way pipeline/write.go builds it.
var (
	frameIDs   = []string{"us_israel_threat", "muslim_unity"}
	paraHeader = []string{"doc", "source", "date", "year", "para", "start", "end", "role", "voice", "tone",
		"us_israel_threat", "us_israel_threat_score", "muslim_unity", "muslim_unity_score",
		"terms", "tone_outlet", "tone_quote", "speakers", "rule", "toward_iran", "toward_pakistan"}
)

// num formats like pipeline/write.go: four decimals, NaN is empty.
func num(r *rand.Rand) string {
	if r.IntN(4) == 0 {
		return ""
	}
	s := strconv.FormatFloat(r.Float64()*2-1, 'f', 4, 64)
	if s == "-0.0000" {
		s = "0.0000"
	}
	return s
}

// paraRows makes n paragraphs.csv rows from a seeded source, with nulls in
// every nullable column and strings with quotes, commas, newlines and
// non-ASCII text.
func paraRows(n int, seed uint64) [][]string {
	r := rand.New(rand.NewPCG(seed, 1))
	words := []string{"", "Iran", "Pakistan's", "\"border\"", "a, b", "line\nbreak", "Ümit", "تهران", "زدن"}
	pick := func() string { return words[r.IntN(len(words))] }
	rows := make([][]string, n)
	for i := range rows {
		year := strconv.Itoa(2015 + r.IntN(10))
		if r.IntN(5) == 0 {
			year = "unknown"
		}
		start := r.IntN(10000)
		rows[i] = []string{"doc" + strconv.Itoa(i/10), pick(), "2024-05-0" + strconv.Itoa(1+r.IntN(9)), year,
			strconv.Itoa(i % 10), strconv.Itoa(start), strconv.Itoa(start + r.IntN(500)),
			[]string{"body", "headline", "comment"}[r.IntN(3)], pick(), num(r),
			strconv.Itoa(r.IntN(2)), num(r), strconv.Itoa(r.IntN(2)), num(r),
			pick() + "; " + pick(), num(r), num(r), pick(), pick(), num(r), num(r)}
	}
	return rows
}

func write(t testing.TB, header []string, kinds []Kind, rows [][]string, groupRows int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := newWriter(&buf, header, kinds, groupRows)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		if err := w.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// table is a Parquet file read back with parquet-go's reader: column names,
// fields and rows, each value rendered the way the CSV writers render it.
type table struct {
	fields    []parquet.Field
	rows      [][]string
	rowGroups int
}

func render(v parquet.Value) string {
	if v.IsNull() {
		return ""
	}
	switch v.Kind() {
	case parquet.Boolean:
		if v.Boolean() {
			return "1"
		}
		return "0"
	case parquet.Int64:
		return strconv.FormatInt(v.Int64(), 10)
	case parquet.Double:
		s := strconv.FormatFloat(v.Double(), 'f', 4, 64)
		if s == "-0.0000" {
			s = "0.0000"
		}
		return s
	case parquet.ByteArray:
		return string(v.ByteArray())
	}
	return fmt.Sprintf("unexpected kind %v", v.Kind())
}

func read(data []byte) (*table, error) {
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	tab := &table{fields: f.Schema().Fields(), rowGroups: len(f.RowGroups())}
	buf := make([]parquet.Row, 64)
	for _, rg := range f.RowGroups() {
		rows := rg.Rows()
		for {
			n, err := rows.ReadRows(buf)
			for _, row := range buf[:n] {
				out := make([]string, len(tab.fields))
				for _, v := range row {
					out[v.Column()] = render(v)
				}
				tab.rows = append(tab.rows, out)
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				rows.Close()
				return nil, err
			}
		}
		rows.Close()
	}
	return tab, nil
}

// want is what a row reads back as: year "unknown" is null.
func want(header, row []string) []string {
	out := append([]string(nil), row...)
	for i, h := range header {
		if h == "year" && out[i] == "unknown" {
			out[i] = ""
		}
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	kinds := ParagraphKinds(paraHeader, frameIDs)
	rows := paraRows(1000, 1)
	for _, tc := range []struct {
		name      string
		groupRows int64
		groups    int
	}{
		{"one row group", RowGroupRows, 1},
		{"row groups of 300", 300, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := read(write(t, paraHeader, kinds, rows, tc.groupRows))
			if err != nil {
				t.Fatal(err)
			}
			if tab.rowGroups != tc.groups {
				t.Errorf("%d row groups, want %d", tab.rowGroups, tc.groups)
			}
			if len(tab.rows) != len(rows) {
				t.Fatalf("read %d rows, want %d", len(tab.rows), len(rows))
			}
			nulls := 0
			for i, row := range rows {
				w := want(paraHeader, row)
				for j := range w {
					if tab.rows[i][j] != w[j] {
						t.Fatalf("row %d column %s: read %q, want %q", i+1, paraHeader[j], tab.rows[i][j], w[j])
					}
					if w[j] == "" && kinds[j] != String {
						nulls++
					}
				}
			}
			if nulls == 0 {
				t.Error("test rows have no nulls")
			}
		})
	}
}

func TestSchema(t *testing.T) {
	kinds := ParagraphKinds(paraHeader, frameIDs)
	tab, err := read(write(t, paraHeader, kinds, paraRows(3, 2), RowGroupRows))
	if err != nil {
		t.Fatal(err)
	}
	type col struct {
		kind     parquet.Kind
		optional bool
		utf8     bool
	}
	str := col{parquet.ByteArray, false, true}
	i64 := col{parquet.Int64, false, false}
	f64 := col{parquet.Double, true, false}
	bit := col{parquet.Boolean, false, false}
	want := map[string]col{
		"doc": str, "source": str, "date": str, "year": {parquet.Int64, true, false},
		"para": i64, "start": i64, "end": i64, "role": str, "voice": str, "tone": f64,
		"us_israel_threat": bit, "us_israel_threat_score": f64, "muslim_unity": bit, "muslim_unity_score": f64,
		"terms": str, "tone_outlet": f64, "tone_quote": f64, "speakers": str, "rule": str,
		"toward_iran": f64, "toward_pakistan": f64,
	}
	if len(tab.fields) != len(paraHeader) {
		t.Fatalf("%d columns, want %d", len(tab.fields), len(paraHeader))
	}
	for i, f := range tab.fields {
		if f.Name() != paraHeader[i] {
			t.Errorf("column %d is %q, want %q (header order)", i+1, f.Name(), paraHeader[i])
			continue
		}
		lt := f.Type().LogicalType()
		got := col{f.Type().Kind(), f.Optional(), lt != nil && lt.String() == "STRING"}
		if got != want[f.Name()] {
			t.Errorf("column %q is %+v, want %+v", f.Name(), got, want[f.Name()])
		}
	}
}

func TestParagraphKinds(t *testing.T) {
	for _, tc := range []struct {
		name   string
		header []string
		frames []string
		want   []Kind
	}{
		{"paragraphs.csv", paraHeader, frameIDs, []Kind{String, String, String, NullInt64, Int64, Int64, Int64,
			String, String, Float64, Bool, Float64, Bool, Float64, String, Float64, Float64, String, String,
			Float64, Float64}},
		{"frame id not in codebook is a string", []string{"doc", "x", "x_score"}, []string{"y"},
			[]Kind{String, String, String}},
		{"bare toward_ is a string", []string{"toward_", "toward_a"}, nil, []Kind{String, Float64}},
		{"empty", nil, nil, []Kind{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ParagraphKinds(tc.header, tc.frames)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %v\nwant %v", got, tc.want)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	kinds := ParagraphKinds(paraHeader, frameIDs)
	rows := paraRows(1000, 3)
	a := write(t, paraHeader, kinds, rows, 300)
	b := write(t, paraHeader, kinds, rows, 300)
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same rows differ")
	}
	f, err := parquet.OpenFile(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Metadata().CreatedBy; got != CreatedBy {
		t.Errorf("created_by is %q, want %q", got, CreatedBy)
	}
	if bytes.Contains(a, []byte("parquet-go")) {
		t.Error("file names parquet-go: its version would change the bytes")
	}
}

// TestGolden pins the bytes of a small file, so a change of dependency
// version or of options that changes the output shows up in review.
func TestGolden(t *testing.T) {
	got := write(t, paraHeader, ParagraphKinds(paraHeader, frameIDs), paraRows(20, 4), RowGroupRows)
	path := filepath.Join("testdata", "paragraphs.parquet")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantBytes, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, wantBytes) {
		os.WriteFile(path+".got", got, 0o644)
		t.Errorf("output differs from %s (wrote %s.got; run go test -update if intended)", path, path)
	}
}

func TestWriteErrors(t *testing.T) {
	header := []string{"s", "n", "year", "x", "flag"}
	kinds := []Kind{String, Int64, NullInt64, Float64, Bool}
	good := []string{"a", "1", "2020", "0.5000", "1"}
	for _, tc := range []struct {
		name   string
		row    []string
		column string // "" when the error is not a *FieldError
	}{
		{"short row", []string{"a"}, ""},
		{"long row", append(append([]string(nil), good...), "x"), ""},
		{"invalid UTF-8", []string{"a\xff", "1", "2020", "0.5", "1"}, "s"},
		{"empty int", []string{"a", "", "2020", "0.5", "1"}, "n"},
		{"decimal int", []string{"a", "1.5", "2020", "0.5", "1"}, "n"},
		{"int overflow", []string{"a", "99999999999999999999", "2020", "0.5", "1"}, "n"},
		{"year word", []string{"a", "1", "circa 2020", "0.5", "1"}, "year"},
		{"float word", []string{"a", "1", "", "high", "1"}, "x"},
		{"NaN", []string{"a", "1", "", "NaN", "1"}, "x"},
		{"Inf", []string{"a", "1", "", "-Inf", "1"}, "x"},
		{"float overflow", []string{"a", "1", "", "1e400", "1"}, "x"},
		{"bool 2", []string{"a", "1", "", "", "2"}, "flag"},
		{"bool empty", []string{"a", "1", "", "", ""}, "flag"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewWriter(&buf, header, kinds)
			if err != nil {
				t.Fatal(err)
			}
			err = w.Write(tc.row)
			if err == nil {
				t.Fatal("no error")
			}
			var fe *FieldError
			if tc.column == "" {
				if errors.As(err, &fe) {
					t.Errorf("got field error %v, want a row error", err)
				}
			} else if !errors.As(err, &fe) || fe.Column != tc.column || fe.Row != 1 {
				t.Errorf("got %v, want a field error in row 1, column %q", err, tc.column)
			} else if !strings.Contains(err.Error(), strconv.Quote(tc.column)) {
				t.Errorf("message %q does not name column %q", err, tc.column)
			}
			// The bad row is skipped; the writer goes on.
			if err := w.Write(good); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			tab, err := read(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if len(tab.rows) != 1 || fmt.Sprint(tab.rows[0]) != fmt.Sprint(good) {
				t.Errorf("read %q, want only %q", tab.rows, good)
			}
		})
	}
}

func TestNewWriterErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		header []string
		kinds  []Kind
		want   string
	}{
		{"no columns", nil, nil, "no columns"},
		{"kinds short", []string{"a", "b"}, []Kind{String}, "1 column kinds for 2 columns"},
		{"empty name", []string{"a", ""}, []Kind{String, String}, "column 2 has no name"},
		{"duplicate", []string{"a", "a"}, []Kind{String, Int64}, `"a" appears twice`},
		{"comma", []string{"a,b"}, []Kind{String}, "comma"},
		{"bad UTF-8", []string{"a\xff"}, []Kind{String}, "UTF-8"},
		{"unknown kind", []string{"a"}, []Kind{Kind(99)}, `column "a": unknown column kind 99`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewWriter(io.Discard, tc.header, tc.kinds)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestWriteAfterClose(t *testing.T) {
	w, err := NewWriter(io.Discard, []string{"a"}, []Kind{String})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Write([]string{"x"}); err == nil {
		t.Error("Write after Close: no error")
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestOutputError(t *testing.T) {
	w, err := NewWriter(failWriter{}, []string{"a"}, []Kind{String})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]string{"x"})
	if err := w.Close(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Close: got %v, want the output's error", err)
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{String: "string", Int64: "int64", NullInt64: "nullable int64",
		Float64: "nullable float64", Bool: "bool", Kind(-1): "Kind(-1)", Kind(5): "Kind(5)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
}
