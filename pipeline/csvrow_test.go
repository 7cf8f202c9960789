package pipeline

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"math"
	"strings"
	"testing"
)

// viaCSVRows writes record with csvRows.
func viaCSVRows(record []string) []byte {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	c := newCSVRows(w)
	for _, f := range record {
		c.str(f)
	}
	_ = c.end()
	_ = w.Flush()
	return b.Bytes()
}

// viaEncodingCSV writes record with encoding/csv.
func viaEncodingCSV(record []string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(record)
	w.Flush()
	return b.Bytes()
}

func TestCSVRowsQuotesAsEncodingCSV(t *testing.T) {
	for _, tc := range []struct {
		name   string
		record []string
	}{
		{"plain", []string{"a", "b c", "1.0000"}},
		{"empty fields", []string{"", "", ""}},
		{"comma", []string{"a,b"}},
		{"quotes", []string{`say "hi"`, `"`, `""`}},
		{"line breaks", []string{"a\nb", "a\r\nb", "\r"}},
		{"leading space", []string{" a", "\ta", "\u00a0a", "a "}},
		{"backslash dot", []string{`\.`, `\.x`}},
		{"non-ASCII", []string{"ایران", "“quoted”", "\u2028"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := viaCSVRows(tc.record), viaEncodingCSV(tc.record); !bytes.Equal(got, want) {
				t.Errorf("csvRows wrote %q, encoding/csv %q", got, want)
			}
		})
	}
}

func TestCSVRowsNumbers(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{0.12345, "0.1235"}, {-0.00001, "0.0000"}, {math.Copysign(0, -1), "0.0000"}, {-0.5, "-0.5000"},
		{1, "1.0000"}, {math.NaN(), ""}, {math.Inf(1), ""}, {math.Inf(-1), ""},
	} {
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		c := newCSVRows(w)
		c.num(tc.v)
		c.int(-7)
		_ = c.end()
		_ = w.Flush()
		if got, want := b.String(), tc.want+",-7\n"; got != want || num(tc.v) != tc.want {
			t.Errorf("num(%v): csvRows %q, num %q, want %q", tc.v, got, num(tc.v), want)
		}
	}
}

func FuzzCSVRows(f *testing.F) {
	f.Add("a,b\x00\"c\"\x00 d\x00\\.\x00\r\n")
	f.Fuzz(func(t *testing.T, s string) {
		record := strings.Split(s, "\x00")
		if got, want := viaCSVRows(record), viaEncodingCSV(record); !bytes.Equal(got, want) {
			t.Fatalf("record %q: csvRows wrote %q, encoding/csv %q", record, got, want)
		}
	})
}

func BenchmarkCSVRowsParagraph(b *testing.B) {
	var sink bytes.Buffer
	w := bufio.NewWriter(&sink)
	c := newCSVRows(w)
	b.ReportAllocs()
	for b.Loop() {
		sink.Reset()
		c.str("outlet/2019/000123.txt")
		c.str("Dawn")
		c.str("2019-03-01")
		c.str("2019")
		for i := range 6 {
			c.int(i * 100)
		}
		for i := range 20 {
			c.num(float64(i)/7 - 1)
		}
		_ = c.end()
	}
}
