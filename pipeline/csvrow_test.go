package pipeline

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/frames"
)

// viaCSVRows writes record with csvRows.
func viaCSVRows(record []string) []byte {
	var c csvRows
	for i, f := range record {
		if i%2 == 0 {
			c.str(f)
		} else {
			c.bytes([]byte(f))
		}
	}
	c.end()
	return c.buf
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

// TestCSVRowsFields checks that fields formatted apart and added with
// fields give the row str gives.
func TestCSVRowsFields(t *testing.T) {
	for _, tc := range []struct {
		name       string
		head, rest []string
	}{
		{"plain", []string{"a.txt", "Dawn", "2019"}, []string{"1", "x"}},
		{"quoted", []string{"a,b.txt", `say "hi"`}, []string{" y"}},
		{"one empty field", []string{""}, []string{"x"}},
		{"empty fields", []string{"", ""}, []string{"", ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var head, c csvRows
			for _, f := range tc.head {
				head.str(f)
			}
			c.fields(head.buf)
			for _, f := range tc.rest {
				c.str(f)
			}
			c.end()
			if want := viaEncodingCSV(append(append([]string{}, tc.head...), tc.rest...)); !bytes.Equal(c.buf, want) {
				t.Errorf("fields then str wrote %q, encoding/csv %q", c.buf, want)
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
		var c csvRows
		c.num(tc.v)
		c.int(-7)
		c.end()
		if got, want := string(c.buf), tc.want+",-7\n"; got != want || num(tc.v) != tc.want {
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
	var c csvRows
	b.ReportAllocs()
	for b.Loop() {
		c.reset()
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
		c.end()
	}
}

// termsWithMaps is the terms column as it was first written: a set of terms
// per frame. appendTerms must give the same bytes.
func termsWithMaps(ds []frames.Decision, cb *frames.Codebook) string {
	var parts []string
	for i, d := range ds {
		seen := map[string]bool{}
		for _, h := range d.Hits {
			if h.Negated || seen[h.Term] {
				continue
			}
			seen[h.Term] = true
			parts = append(parts, cb.Frames[i].ID+":"+h.Term)
		}
	}
	return strings.Join(parts, "; ")
}

func TestAppendTerms(t *testing.T) {
	cb := frames.Default()
	if len(cb.Frames) < 2 {
		t.Fatalf("the default codebook has %d frames, want 2 or more", len(cb.Frames))
	}
	hits := func(terms ...string) []frames.Hit {
		var hs []frames.Hit
		for i, term := range terms {
			h := frames.Hit{Term: strings.TrimPrefix(term, "!"), Start: i, Negated: strings.HasPrefix(term, "!")}
			hs = append(hs, h)
		}
		return hs
	}
	var many []string
	for i := range 40 {
		many = append(many, fmt.Sprintf("t%d", i%13))
		if i%7 == 0 {
			many = append(many, fmt.Sprintf("!t%d", i%5))
		}
	}
	for _, tc := range []struct {
		name string
		ds   []frames.Decision
		want string // "" to compare with termsWithMaps only
	}{
		{"none", nil, ""},
		{"no hits", []frames.Decision{{}, {}}, ""},
		{"one frame", []frames.Decision{{Hits: hits("israel", "threat")}}, cb.Frames[0].ID + ":israel; " + cb.Frames[0].ID + ":threat"},
		{"repeated term", []frames.Decision{{Hits: hits("a", "b", "a")}}, cb.Frames[0].ID + ":a; " + cb.Frames[0].ID + ":b"},
		{"negated first", []frames.Decision{{Hits: hits("!a", "a", "!b")}}, cb.Frames[0].ID + ":a"},
		{"two frames share a term", []frames.Decision{{Hits: hits("a")}, {Hits: hits("a", "a")}}, cb.Frames[0].ID + ":a; " + cb.Frames[1].ID + ":a"},
		{"many hits", []frames.Decision{{Hits: hits(many...)}, {Hits: hits(many[:20]...)}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(appendTerms([]byte("prefix"), tc.ds, cb))
			want := "prefix" + termsWithMaps(tc.ds, cb)
			if got != want {
				t.Errorf("appendTerms = %q, want %q", got, want)
			}
			if tc.want != "" && got != "prefix"+tc.want {
				t.Errorf("appendTerms = %q, want %q", got, "prefix"+tc.want)
			}
		})
	}
}

// scoreByStrconv is num's formatting with strconv alone.
func scoreByStrconv(v float64) string {
	s := strconv.FormatFloat(v, 'f', 4, 64)
	if s == "-0.0000" {
		return "0.0000"
	}
	return s
}

func TestAppendScore(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    float64
		want string
	}{
		{"zero", 0, "0.0000"},
		{"negative zero", math.Copysign(0, -1), "0.0000"},
		{"rounds to negative zero", -0.00004, "0.0000"},
		{"rounds up", 0.12345678, "0.1235"},
		{"rounds down", -0.12344999, "-0.1234"},
		{"exact tie goes to even (strconv)", 1.0 / 32, "0.0312"},
		{"exact tie, odd", 3.0 / 32, "0.0938"},
		{"negative tie", -1.0 / 32, "-0.0312"},
		{"one", 1, "1.0000"},
		{"minus one", -1, "-1.0000"},
		{"large", 123456.78901, "123456.7890"},
		{"huge", 1e300, strconv.FormatFloat(1e300, 'f', 4, 64)},
		{"tiny", 1e-300, "0.0000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(appendScore([]byte("x"), tc.v))
			if got != "x"+tc.want || got != "x"+scoreByStrconv(tc.v) {
				t.Errorf("appendScore(%v) = %q, want %q (strconv %q)", tc.v, got[1:], tc.want, scoreByStrconv(tc.v))
			}
		})
	}
	t.Run("seeded draws", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 2))
		for range 100000 {
			// scores in [-2, 2], and numbers within a few ulps of a tie
			v := 4*rng.Float64() - 2
			tie := (float64(rng.IntN(40001)-20000) + 0.5) / 1e4
			for _, v := range []float64{v, tie, math.Nextafter(tie, 2), math.Nextafter(tie, -2)} {
				if got, want := string(appendScore(nil, v)), scoreByStrconv(v); got != want {
					t.Fatalf("appendScore(%v) = %q, strconv %q", v, got, want)
				}
			}
		}
	})
}

// FuzzAppendScore checks appendScore against strconv on any float and on
// numbers next to a tie between two four-decimal numbers.
func FuzzAppendScore(f *testing.F) {
	f.Add(math.Float64bits(0.12345), int64(12345), uint8(0))
	f.Add(math.Float64bits(-1.0/32), int64(-3125), uint8(3))
	f.Fuzz(func(t *testing.T, bits uint64, tie int64, ulps uint8) {
		vs := []float64{math.Float64frombits(bits)}
		// (tie+0.5)/10⁴ and its neighbours a few ulps away
		v := (float64(tie%1e9) + 0.5) / 1e4
		for range int(ulps % 8) {
			v = math.Nextafter(v, math.Inf(1))
		}
		vs = append(vs, v, -v, math.Nextafter(v, 0))
		for _, v := range vs {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			if got, want := string(appendScore(nil, v)), scoreByStrconv(v); got != want {
				t.Fatalf("appendScore(%v) = %q, strconv %q", v, got, want)
			}
		}
	})
}
