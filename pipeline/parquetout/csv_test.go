package parquetout

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedsFrames are the default codebook's frame ids, as in the header of
// testdata/seeds-paragraphs.csv (framescope run -in seeds, 2026-11-23).
var seedsFrames = []string{"us_israel_threat", "muslim_unity", "border_security"}

func TestConvertCSVSeeds(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "seeds-paragraphs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	kindsOf := func(h []string) []Kind { return ParagraphKinds(h, seedsFrames) }
	if err := ConvertCSV(&out, bytes.NewReader(src), kindsOf); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(src)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header, rows := recs[0], recs[1:]
	tab, err := read(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	kinds := kindsOf(header)
	counts := map[Kind]int{}
	for _, k := range kinds {
		counts[k]++
	}
	// 3 frames and 11 actors: 3 Bool, 3+3+11 Float64.
	if counts[Bool] != 3 || counts[Float64] != 17 || counts[Int64] != 3 || counts[NullInt64] != 1 {
		t.Errorf("kinds per type %v", counts)
	}
	if len(tab.rows) != len(rows) || len(rows) == 0 {
		t.Fatalf("read %d rows, want %d", len(tab.rows), len(rows))
	}
	for i, row := range rows {
		w := want(header, row)
		for j := range w {
			if tab.rows[i][j] != w[j] {
				t.Fatalf("line %d column %s: read %q, want %q", i+2, header[j], tab.rows[i][j], w[j])
			}
		}
	}
}

func TestConvertCSVErrors(t *testing.T) {
	kindsOf := func(h []string) []Kind { return ParagraphKinds(h, []string{"f"}) }
	for _, tc := range []struct {
		name, src, want string
	}{
		{"empty", "", "no header line"},
		{"bad field", "doc,para,f\na,1,0\nb,x,1\n", `csv line 3, column "para": "x" does not parse as int64`},
		{"quoted newline before bad field", "doc,para,f\n\"a\nb\",1,0\nc,2,2\n", `csv line 4, column "f"`},
		{"short record", "doc,para,f\na,1\n", "wrong number of fields"},
		{"duplicate column", "doc,doc\n", `"doc" appears twice`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := ConvertCSV(&bytes.Buffer{}, strings.NewReader(tc.src), kindsOf)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}
