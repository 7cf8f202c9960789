package parquetout

import (
	"bytes"
	"encoding/csv"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// FuzzWrite writes random fields into one column of each kind, twice (so a
// row group holds a value and a null or a second value), and checks that
// either Write returns a *FieldError naming a column or the file reads back
// with the same values.
func FuzzWrite(f *testing.F) {
	f.Add("doc1", "12", "2024", "0.1234", "1")
	f.Add("", "-3", "unknown", "", "0")
	f.Add("a,\"b\"\n", "0", "", "-0.0000", "true")
	f.Add("\xff", "1.5", "x", "NaN", "2")
	f.Add("تهران", "9223372036854775807", "-9223372036854775808", "1e308", "false")
	f.Add("x", "+7", "0x10", "0x1p-2", "1")
	header := []string{"s", "n", "year", "x", "flag"}
	kinds := []Kind{String, Int64, NullInt64, Float64, Bool}
	f.Fuzz(func(t *testing.T, s, n, year, x, flag string) {
		var buf bytes.Buffer
		w, err := NewWriter(&buf, header, kinds)
		if err != nil {
			t.Fatal(err)
		}
		row := []string{s, n, year, x, flag}
		var written [][]string
		for _, r := range [][]string{row, {"", "0", "", "", "0"}} {
			err := w.Write(r)
			var fe *FieldError
			switch {
			case err == nil:
				written = append(written, r)
			case !errors.As(err, &fe) || fe.Column == "":
				t.Fatalf("Write(%q): %v is not a field error naming a column", r, err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatalf("file does not open: %v", err)
		}
		if got := f.NumRows(); got != int64(len(written)) {
			t.Fatalf("%d rows, want %d", got, len(written))
		}
		var rows []parquet.Row
		for _, rg := range f.RowGroups() {
			rr := rg.Rows()
			buf := make([]parquet.Row, 4)
			for {
				k, err := rr.ReadRows(buf)
				for _, r := range buf[:k] {
					rows = append(rows, r.Clone())
				}
				if err != nil {
					break
				}
			}
			rr.Close()
		}
		if len(rows) != len(written) {
			t.Fatalf("read %d rows, want %d", len(rows), len(written))
		}
		for i, r := range written {
			for _, v := range rows[i] {
				c := v.Column()
				if !sameValue(kinds[c], r[c], v) {
					t.Errorf("row %d column %s: wrote %q, read %v", i+1, header[c], r[c], v)
				}
			}
		}
	})
}

// sameValue checks a value read back against the field written, parsing the
// field with strconv directly rather than with the package's parser.
func sameValue(k Kind, s string, v parquet.Value) bool {
	switch k {
	case String:
		return !v.IsNull() && string(v.ByteArray()) == s
	case Int64, NullInt64:
		if k == NullInt64 && (s == "" || s == "unknown") {
			return v.IsNull()
		}
		n, err := strconv.ParseInt(s, 10, 64)
		return err == nil && !v.IsNull() && v.Int64() == n
	case Float64:
		if s == "" {
			return v.IsNull()
		}
		x, err := strconv.ParseFloat(s, 64)
		return err == nil && !v.IsNull() && math.Float64bits(v.Double()) == math.Float64bits(x)
	case Bool:
		return !v.IsNull() && v.Boolean() == (s == "1" || s == "true")
	}
	return false
}

// FuzzConvertCSV converts random CSV text with paragraphs.csv's kinds: either
// an error, or a file with one row per record after the header.
func FuzzConvertCSV(f *testing.F) {
	f.Add("doc,year,para,tone,f,f_score\na,2024,1,0.5000,1,\nb,unknown,2,,0,0.1000\n")
	f.Add("doc,doc\n")
	f.Add("doc,para\n\"a\nb\",1\n")
	f.Add("")
	kindsOf := func(h []string) []Kind { return ParagraphKinds(h, []string{"f"}) }
	f.Fuzz(func(t *testing.T, src string) {
		var out bytes.Buffer
		if err := ConvertCSV(&out, strings.NewReader(src), kindsOf); err != nil {
			return
		}
		recs, err := csv.NewReader(strings.NewReader(src)).ReadAll()
		if err != nil {
			t.Fatalf("converted, but encoding/csv fails: %v", err)
		}
		pf, err := parquet.OpenFile(bytes.NewReader(out.Bytes()), int64(out.Len()))
		if err != nil {
			t.Fatalf("file does not open: %v", err)
		}
		if got, want := pf.NumRows(), int64(len(recs)-1); got != want {
			t.Errorf("%d rows, want %d", got, want)
		}
		if got, want := len(pf.Schema().Fields()), len(recs[0]); got != want {
			t.Errorf("%d columns, want %d", got, want)
		}
	})
}
