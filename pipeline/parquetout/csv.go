package parquetout

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
)

// ConvertCSV reads a CSV table with a header line from src and writes it to
// dst as Parquet, with the column kinds kindsOf returns for the header (for
// paragraphs.csv: func(h []string) []Kind { return ParagraphKinds(h, ids) }).
// It stops at the first record that does not parse, with an error naming its
// line and column.
func ConvertCSV(dst io.Writer, src io.Reader, kindsOf func(header []string) []Kind) error {
	r := csv.NewReader(src)
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		if err == io.EOF {
			return errors.New("csv: no header line")
		}
		return fmt.Errorf("csv: %w", err)
	}
	header = append([]string(nil), header...)
	w, err := NewWriter(dst, header, kindsOf(header))
	if err != nil {
		return err
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("csv: %w", err)
		}
		if err := w.Write(rec); err != nil {
			line, _ := r.FieldPos(0)
			var fe *FieldError
			if errors.As(err, &fe) {
				return fmt.Errorf("csv line %d, column %q: %q does not parse as %s: %w", line, fe.Column, fe.Value, fe.Kind, fe.Err)
			}
			return fmt.Errorf("csv line %d: %w", line, err)
		}
	}
	return w.Close()
}
