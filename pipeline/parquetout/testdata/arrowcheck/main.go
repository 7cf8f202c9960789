// Command arrowcheck writes paragraphs.csv-shaped rows with parquetout and
// reads them back with Apache Arrow's Go Parquet reader (a second,
// independent implementation, the Go port of what pyarrow uses), comparing
// every value and the schema. It is a module of its own so that arrow-go is
// not a dependency of framescope: cd here and `go run .`, or
// `go run . paragraphs.csv` to check a real run's table instead.
package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/framescope/framescope/pipeline/parquetout"
)

var header = []string{"doc", "source", "date", "year", "para", "start", "end", "role", "voice", "tone",
	"us_israel_threat", "us_israel_threat_score", "muslim_unity", "muslim_unity_score",
	"terms", "tone_outlet", "tone_quote", "speakers", "rule", "toward_iran", "toward_pakistan"}

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

func main() {
	r := rand.New(rand.NewPCG(9, 9))
	words := []string{"", "Iran", "Pakistan's", "\"border\"", "a, b", "line\nbreak", "Ümit", "تهران"}
	pick := func() string { return words[r.IntN(len(words))] }
	rows := make([][]string, 120_000)
	for i := range rows {
		year := strconv.Itoa(2015 + r.IntN(10))
		if r.IntN(5) == 0 {
			year = "unknown"
		}
		rows[i] = []string{"doc" + strconv.Itoa(i/10), pick(), "2024-05-01", year, strconv.Itoa(i % 10),
			strconv.Itoa(r.IntN(1 << 40)), strconv.Itoa(-r.IntN(5)), "body", pick(), num(r),
			strconv.Itoa(r.IntN(2)), num(r), strconv.Itoa(r.IntN(2)), num(r),
			pick(), num(r), num(r), pick(), pick(), num(r), num(r)}
	}
	frames := []string{"us_israel_threat", "muslim_unity"}
	if len(os.Args) > 1 {
		f, err := os.Open(os.Args[1])
		check(err)
		recs, err := csv.NewReader(f).ReadAll()
		check(err)
		header, rows = recs[0], recs[1:]
		frames = nil
		for _, h := range header {
			if slices.Contains(header, h+"_score") {
				frames = append(frames, h)
			}
		}
	}
	n := len(rows)
	var buf bytes.Buffer
	w, err := parquetout.NewWriter(&buf, header, parquetout.ParagraphKinds(header, frames))
	check(err)
	for _, row := range rows {
		check(w.Write(row))
	}
	check(w.Close())

	rdr, err := file.NewParquetReader(bytes.NewReader(buf.Bytes()))
	check(err)
	fmt.Println("created_by:", rdr.MetaData().GetCreatedBy(), "row groups:", rdr.NumRowGroups(), "bytes:", buf.Len())
	for g := 0; g < rdr.NumRowGroups(); g++ {
		md := rdr.MetaData().RowGroup(g)
		c, _ := md.ColumnChunk(0)
		fmt.Printf("  group %d: %d rows, %d bytes, codec %v\n", g, md.NumRows(), md.TotalByteSize(), c.Compression())
	}
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	check(err)
	tbl, err := fr.ReadTable(context.Background())
	check(err)
	for i, f := range tbl.Schema().Fields() {
		if f.Name != header[i] {
			fail("column %d is %q, want %q", i, f.Name, header[i])
		}
		fmt.Printf("%s:%s%s ", f.Name, f.Type, map[bool]string{true: "?", false: ""}[f.Nullable])
	}
	fmt.Println()
	if tbl.NumRows() != int64(n) {
		fail("%d rows, want %d", tbl.NumRows(), n)
	}
	checked := 0
	for c := 0; c < int(tbl.NumCols()); c++ {
		i := 0
		for _, ch := range tbl.Column(c).Data().Chunks() {
			for j := 0; j < ch.Len(); j, i = j+1, i+1 {
				want := rows[i][c]
				if header[c] == "year" && want == "unknown" {
					want = ""
				}
				got := render(ch, j)
				if got != want {
					fail("row %d column %s: arrow read %q, want %q", i+1, header[c], got, want)
				}
				checked++
			}
		}
	}
	fmt.Println("values checked:", checked, "all equal")
}

func render(a arrow.Array, j int) string {
	if a.IsNull(j) {
		return ""
	}
	switch a := a.(type) {
	case *array.String:
		return a.Value(j)
	case *array.Int64:
		return strconv.FormatInt(a.Value(j), 10)
	case *array.Float64:
		return strconv.FormatFloat(a.Value(j), 'f', 4, 64)
	case *array.Boolean:
		if a.Value(j) {
			return "1"
		}
		return "0"
	}
	return "unexpected " + a.DataType().String()
}

func check(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func fail(f string, args ...any) {
	fmt.Fprintf(os.Stderr, f+"\n", args...)
	os.Exit(1)
}
