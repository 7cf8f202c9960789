package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// record is one CSV record's raw bytes, found without parsing it so that a
// record of any size is read in bounded memory.
type record struct {
	raw      []byte // the bytes, line end included; nil when over the limit
	start    int64  // its offset in the splitter's input
	line     int    // the line it starts on, 1-based
	lines    int    // the number of lines it spans
	size     int64  // its size in bytes (raw may have been dropped)
	over     bool   // larger than the limit: raw is nil
	unclosed bool   // the file ended inside a quoted field
}

// CSV quoting states, as encoding/csv reads a record (without LazyQuotes).
const (
	csvFieldStart = iota
	csvUnquoted
	csvQuoted
	csvQuoteInQuoted // a '"' inside a quoted field: closes it, or escapes a second '"'
)

// recordSplitter cuts CSV input into records where encoding/csv would: at a
// line end outside a quoted field. A record larger than max is counted and
// dropped, not held.
type recordSplitter struct {
	comma byte // the field delimiter: ',' unless sniffDelimiter found another
	br    *bufio.Reader
	max   int64
	line  int   // lines consumed so far
	off   int64 // bytes consumed so far
	buf   []byte
}

func newRecordSplitter(r io.Reader, max int64) *recordSplitter {
	return &recordSplitter{comma: ',', br: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next returns the next record; io.EOF at the end, or a read error.
func (s *recordSplitter) next() (record, error) {
	rec := record{line: s.line + 1, start: s.off}
	s.buf = s.buf[:0]
	state := csvFieldStart
	comma := s.comma
	for {
		chunk, err := s.br.ReadSlice('\n')
		for _, c := range chunk {
			switch state {
			case csvFieldStart:
				switch c {
				case '"':
					state = csvQuoted
				case comma, '\n':
				default:
					state = csvUnquoted
				}
			case csvUnquoted:
				if c == comma || c == '\n' {
					state = csvFieldStart
				}
			case csvQuoted:
				if c == '"' {
					state = csvQuoteInQuoted
				}
			case csvQuoteInQuoted:
				switch c {
				case '"':
					state = csvQuoted
				case comma, '\n':
					state = csvFieldStart
				default:
					state = csvUnquoted
				}
			}
			if c == '\n' {
				rec.lines++
			}
		}
		rec.size += int64(len(chunk))
		s.off += int64(len(chunk))
		if rec.size > s.max {
			rec.over = true
			s.buf = s.buf[:0]
		} else {
			s.buf = appendDoubling(s.buf, chunk)
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			if rec.size == 0 {
				return rec, io.EOF
			}
			if len(chunk) > 0 && chunk[len(chunk)-1] != '\n' {
				rec.lines++
			}
			rec.unclosed = state == csvQuoted
		case err != nil:
			return rec, err
		case state == csvQuoted:
			continue // a line end inside a quoted field
		}
		s.line += rec.lines
		if !rec.over {
			rec.raw = s.buf
		}
		return rec, nil
	}
}

// parseRecord parses one record's bytes into fields as encoding/csv does. A
// nil slice and nil error mean a blank line. Errors are *csv.ParseError with
// lines relative to the record.
func parseRecord(raw []byte, comma byte) ([]string, error) {
	if fields, ok := splitPlainRecord(raw, comma); ok {
		return fields, nil
	}
	return parseRecordCSV(raw, comma)
}

// splitPlainRecord splits a record that holds no quote and no line break but
// a final "\n" or "\r\n" at its commas, as encoding/csv would, without its
// reader; ok is false for any other record. A manifest's rows are mostly
// such records.
func splitPlainRecord(raw []byte, comma byte) (fields []string, ok bool) {
	line := bytes.TrimSuffix(raw, []byte("\n"))
	if len(line) < len(raw) {
		line = bytes.TrimSuffix(line, []byte("\r"))
	}
	for _, c := range line {
		if c == '"' || c == '\n' || c == '\r' {
			return nil, false
		}
	}
	if len(line) == 0 {
		return nil, true // a blank line
	}
	s := string(line)
	fields = make([]string, 0, bytes.Count(line, []byte{comma})+1)
	for {
		i := strings.IndexByte(s, comma)
		if i < 0 {
			return append(fields, s), true
		}
		fields = append(fields, s[:i])
		s = s[i+1:]
	}
}

// parseRecordCSV is parseRecord with encoding/csv's Reader.
func parseRecordCSV(raw []byte, comma byte) ([]string, error) {
	// csv.NewReader wraps its input in a new 4 KiB bufio.Reader unless it is
	// one already: hand it a pooled one, so a record costs no such buffer.
	p := recordReaders.Get().(*recordReader)
	defer recordReaders.Put(p)
	p.src.Reset(raw)
	p.br.Reset(&p.src)
	cr := csv.NewReader(p.br)
	cr.Comma = rune(comma)
	cr.FieldsPerRecord = -1
	fields, err := cr.Read()
	if err == io.EOF {
		return nil, nil
	}
	return fields, err
}

type recordReader struct {
	src bytes.Reader
	br  *bufio.Reader
}

var recordReaders = sync.Pool{New: func() any {
	return &recordReader{br: bufio.NewReaderSize(nil, 4096)}
}}

// sniffDelimiter looks at a header record: a header with no comma but with
// semicolons or tabs (as spreadsheets write CSV in many locales) uses that
// delimiter. It returns ',' otherwise.
func sniffDelimiter(header []byte) byte {
	if bytes.IndexByte(header, ',') >= 0 {
		return ','
	}
	semi, tab := bytes.Count(header, []byte(";")), bytes.Count(header, []byte("\t"))
	switch {
	case semi > 0 && semi >= tab:
		return ';'
	case tab > 0:
		return '\t'
	}
	return ','
}

func delimiterNote(comma byte) string {
	if comma == '\t' {
		return "fields separated by tabs"
	}
	return fmt.Sprintf("fields separated by %q", comma)
}

// parseErrorLine turns a *csv.ParseError from parseRecord into an absolute line
// and a message without encoding/csv's own line numbers.
func parseErrorLine(rec record, err error) (int, string) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return rec.line + pe.StartLine - 1, fmt.Sprintf("invalid CSV: %v (line %d, column %d)", pe.Err, rec.line+pe.Line-1, pe.Column)
	}
	return rec.line, "invalid CSV: " + err.Error()
}

// decodeRecord makes a record's (or JSONL line's) bytes UTF-8 as decodeBytes
// does for a file. It returns the encoding it decoded from ("" when the bytes
// were valid UTF-8) and the notes and warnings that apply.
func decodeRecord(raw []byte) (text []byte, enc string, notes []string) {
	if utf8.Valid(raw) {
		return raw, "", nil
	}
	d := decodeBytes(raw)
	if d.skip != "" { // binary content: keep it as valid UTF-8; the text check skips it
		return []byte(replaceInvalid(raw)), UTF8, []string{"invalid UTF-8 replaced with U+FFFD"}
	}
	return []byte(d.text), d.encoding, append(d.warns, d.notes...)
}

// textStream is a CSV or JSONL file opened as UTF-8.
type textStream struct {
	io.Reader
	enc        string // what the file is in
	note       string // what decoding it takes, for the file's status ("" for plain UTF-8)
	prefix     int64  // bytes of the file before the stream (a UTF-8 byte-order mark)
	transcoded bool   // the stream's bytes are not the file's (UTF-16)
}

// textReader opens a stream of CSV or JSONL as UTF-8: a UTF-8 byte-order mark
// is dropped and UTF-16 with a byte-order mark is decoded.
func textReader(r io.Reader) textStream {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		_, _ = br.Discard(3)
		return textStream{Reader: br, enc: UTF8, note: "UTF-8 byte-order mark removed", prefix: 3}
	case bytes.HasPrefix(head, []byte("\xff\xfe")):
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder()
		return textStream{Reader: transform.NewReader(br, dec), enc: UTF16LE, note: "decoded from UTF-16LE", transcoded: true}
	case bytes.HasPrefix(head, []byte("\xfe\xff")):
		dec := xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder()
		return textStream{Reader: transform.NewReader(br, dec), enc: UTF16BE, note: "decoded from UTF-16BE", transcoded: true}
	}
	return textStream{Reader: br, enc: UTF8}
}

// columns maps a header to the known fields; unknown columns are extras.
type columns struct {
	index map[string]int // known field → column
	extra []int          // columns kept as Extra, in order
	names []string       // header names as written (trimmed)
}

// synonyms lists, for each known field, the names taken for it in order of
// preference.
var synonyms = map[string][]string{
	"file":   {"file", "filename", "path"},
	"id":     {"id", "doc_id", "article_id"},
	"text":   {"text", "body", "content"},
	"source": {"source", "outlet", "publication", "publisher"},
	"date":   {"date", "published", "pub_date", "publish_date", "published_at"},
	"title":  {"title", "headline"},
	"url":    {"url", "link"},
}

// knownField returns the field a column or key name stands for among wanted,
// preferring exact names: names is every name present (lower-cased).
func knownFields(names []string, wanted []string) map[string]int {
	lower := make([]string, len(names))
	for i, n := range names {
		lower[i] = strings.ToLower(strings.TrimSpace(n))
	}
	index := map[string]int{}
	for _, f := range wanted {
	search:
		for _, syn := range synonyms[f] {
			for i, n := range lower {
				if n == syn {
					index[f] = i
					break search
				}
			}
		}
	}
	return index
}

func newColumns(header []string, wanted []string) columns {
	c := columns{index: knownFields(header, wanted), names: make([]string, len(header))}
	used := map[int]bool{}
	for _, i := range c.index {
		used[i] = true
	}
	for i, h := range header {
		c.names[i] = strings.TrimSpace(h)
		if !used[i] {
			c.extra = append(c.extra, i)
		}
	}
	return c
}

// get returns field f of a row ("" when the column is absent or the row short).
func (c columns) get(row []string, f string) (string, bool) {
	i, ok := c.index[f]
	if !ok || i >= len(row) {
		return "", false
	}
	return row[i], true
}

func (c columns) extras(row []string) []Field {
	var out []Field
	for _, i := range c.extra {
		v := ""
		if i < len(row) {
			v = row[i]
		}
		out = append(out, Field{Name: c.names[i], Value: v})
	}
	return out
}

// setMeta fills m's source, date, url and title from get, marking them as
// coming from from. It returns a warning for a date ParseDate rejects (the
// date is then left empty).
func setMeta(m *Meta, from string, get func(string) (string, bool)) string {
	if v, ok := get("source"); ok && strings.TrimSpace(v) != "" {
		m.Source, m.SourceFrom = strings.TrimSpace(v), from
	}
	if v, ok := get("url"); ok && strings.TrimSpace(v) != "" {
		m.URL, m.URLFrom = strings.TrimSpace(v), from
	}
	if v, ok := get("title"); ok && strings.TrimSpace(v) != "" {
		m.Title, m.TitleFrom = strings.TrimSpace(v), from
	}
	if v, ok := get("date"); ok && strings.TrimSpace(v) != "" {
		d, ok := ParseDate(v)
		if !ok {
			return fmt.Sprintf("unparseable date %q (want YYYY, YYYY-MM or YYYY-MM-DD): date left empty", v)
		}
		m.Date, m.DateFrom = d.String(), from
	}
	return ""
}
