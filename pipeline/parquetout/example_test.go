package parquetout_test

import (
	"bytes"
	"fmt"

	"github.com/framescope/framescope/pipeline/parquetout"
	"github.com/parquet-go/parquet-go"
)

func Example() {
	header := []string{"doc", "year", "para", "tone", "border_security", "border_security_score"}
	kinds := parquetout.ParagraphKinds(header, []string{"border_security"})
	fmt.Println(kinds)

	var buf bytes.Buffer
	w, err := parquetout.NewWriter(&buf, header, kinds)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range [][]string{
		{"dawn-2024-01", "2024", "3", "-0.2500", "1", "0.8000"},
		{"geo-undated", "unknown", "1", "", "0", ""},
		{"geo-undated", "unknown", "2", "high", "0", ""},
	} {
		if err := w.Write(row); err != nil {
			fmt.Println(err)
		}
	}
	if err := w.Close(); err != nil {
		fmt.Println(err)
		return
	}

	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Schema())
	rows := make([]parquet.Row, 2)
	rr := f.RowGroups()[0].Rows()
	defer rr.Close()
	n, _ := rr.ReadRows(rows)
	for _, row := range rows[:n] {
		fmt.Println(row)
	}
	// Output:
	// [string nullable int64 int64 nullable float64 bool nullable float64]
	// parquet row 3, column "tone": "high" does not parse as nullable float64: not a decimal number
	// message framescope {
	// 	required binary doc (STRING);
	// 	optional int64 year (INT(64,true));
	// 	required int64 para (INT(64,true));
	// 	optional double tone;
	// 	required boolean border_security;
	// 	optional double border_security_score;
	// }
	// [dawn-2024-01 2024 3 -0.25 true 0.8]
	// [geo-undated <null> 1 <null> false <null>]
}
