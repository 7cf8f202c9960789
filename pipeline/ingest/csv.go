package ingest

import (
	"fmt"
	"io"
	"strings"
)

// csvSource reads a CSV file record by record, each in bounded memory.
type csvSource struct {
	*table
	sp   *recordSplitter
	cols columns
	head bool // the header has been read
}

func openCSV(r *Reader, path string) (*csvSource, error) {
	t, err := openTable(r, path)
	if err != nil {
		return nil, err
	}
	return newCSV(r, t), nil
}

func newCSV(r *Reader, t *table) *csvSource {
	stream := textReader(t.file)
	t.enc, t.note = stream.enc, stream.note
	return &csvSource{table: t, sp: newRecordSplitter(stream, r.opt.MaxArticleBytes)}
}

func (s *csvSource) next(r *Reader) (Article, bool) {
	for !s.done {
		rec, err := s.sp.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			s.endReason = fmt.Sprintf("read error after line %d: %v", s.sp.line, err)
			r.fatal(fmt.Errorf("ingest: %s: %s", s.name, s.endReason))
			break
		}
		if rec.over {
			if rec.unclosed {
				s.skip(r, rec.line, rec.size, fmt.Sprintf("unclosed quote: the rest of the file (%d bytes from line %d) could not be read", rec.size, rec.line))
				break
			}
			s.skip(r, rec.line, rec.size, fmt.Sprintf("record of %d bytes, over the limit of %d bytes (MaxArticleBytes)", rec.size, r.opt.MaxArticleBytes))
			continue
		}
		raw, enc, notes := decodeRecord(rec.raw)
		comma := s.sp.comma
		if !s.head {
			comma = sniffDelimiter(raw)
		}
		row, err := parseRecord(raw, comma)
		if err != nil {
			line, msg := parseErrorLine(rec, err)
			if rec.unclosed {
				s.skip(r, rec.line, rec.size, fmt.Sprintf("unclosed quote: the rest of the file (lines %d–%d) could not be read", rec.line, rec.line+rec.lines-1))
				break
			}
			s.skip(r, line, rec.size, msg)
			continue
		}
		if row == nil {
			s.blank += rec.lines
			continue
		}
		if !s.head {
			s.head = true
			s.sp.comma = comma
			if comma != ',' {
				s.info = delimiterNote(comma)
			}
			s.cols = newColumns(row, []string{"id", "text", "source", "date", "title", "url"})
			if _, ok := s.cols.index["text"]; !ok {
				s.endReason = fmt.Sprintf("no text column in the header (%s): no articles read", strings.Join(row, ","))
				break
			}
			continue
		}
		var warns []string
		if len(row) != len(s.cols.names) {
			warns = append(warns, fmt.Sprintf("record has %d fields, the header %d", len(row), len(s.cols.names)))
		}
		text, _ := s.cols.get(row, "text")
		get := func(f string) (string, bool) { return s.cols.get(row, f) }
		if a, ok := s.row(r, tableRow{from: FromCSV, line: rec.line, size: rec.size, get: get,
			extra: s.cols.extras(row), text: text, enc: enc, notes: notes, warns: warns}); ok {
			return a, true
		}
	}
	s.finish(r, "record")
	return Article{}, false
}
