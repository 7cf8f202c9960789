package parquetout

import (
	"bytes"
	"encoding/csv"
	"io"
	"testing"
)

// BenchmarkWrite writes 100,000 paragraphs.csv rows per op. Bytes per op
// (MB/s) is the size of the same rows as CSV; the file size is reported as
// parquet-bytes/csv-byte.
func BenchmarkWrite(b *testing.B) {
	const n = 100_000
	kinds := ParagraphKinds(paraHeader, frameIDs)
	rows := paraRows(n, 5)
	var csvBuf bytes.Buffer
	cw := csv.NewWriter(&csvBuf)
	cw.WriteAll(rows)
	var out countWriter
	b.SetBytes(int64(csvBuf.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		out = 0
		w, err := NewWriter(&out, paraHeader, kinds)
		if err != nil {
			b.Fatal(err)
		}
		for _, row := range rows {
			if err := w.Write(row); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(out)/float64(csvBuf.Len()), "parquet-bytes/csv-byte")
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)
