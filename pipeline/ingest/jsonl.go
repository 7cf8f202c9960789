package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// notJSONLines is how many bad lines, with no good one before them, show that
// a file is not JSON Lines at all; reading stops there rather than report
// every line of, say, a pretty-printed JSON array.
const notJSONLines = 1000

// jsonlSource reads a JSONL file line by line, each line in bounded memory.
type jsonlSource struct {
	*table
	br   *bufio.Reader
	line int
	buf  []byte
}

func openJSONL(r *Reader, path string) (*jsonlSource, error) {
	t, err := openTable(r, path)
	if err != nil {
		return nil, err
	}
	return newJSONL(t), nil
}

func newJSONL(t *table) *jsonlSource {
	stream := textReader(t.file)
	t.enc, t.note = stream.enc, stream.note
	return &jsonlSource{table: t, br: bufio.NewReaderSize(stream, 64<<10)}
}

func (s *jsonlSource) next(r *Reader) (Article, bool) {
	for !s.done {
		line, size, err := readLine(s.br, r.opt.MaxArticleBytes, s.buf[:0])
		s.buf = line[:0]
		if err != nil && err != io.EOF {
			s.endReason = fmt.Sprintf("read error after line %d: %v", s.line, err)
			r.fatal(fmt.Errorf("ingest: %s: %s", s.name, s.endReason))
			break
		}
		if size == 0 && err == io.EOF {
			break
		}
		s.line++
		if size > r.opt.MaxArticleBytes {
			s.skip(r, s.line, size, fmt.Sprintf("line of %d bytes, over the limit of %d bytes (MaxArticleBytes)", size, r.opt.MaxArticleBytes))
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			s.blank++
			continue
		}
		if a, ok := s.parse(r, line, size); ok {
			return a, true
		}
		if s.articles == 0 && s.skipped >= notJSONLines && s.skipped+s.blank == s.line {
			s.endReason = fmt.Sprintf("the first %d lines are none of them a JSON object: not a JSON Lines file (a JSON array, or pretty-printed JSON?); the rest was not read", s.line)
			break
		}
	}
	s.finish(r, "line")
	return Article{}, false
}

// parse makes an article of one line, or records why it is not one.
func (s *jsonlSource) parse(r *Reader, line []byte, size int64) (Article, bool) {
	text, enc, notes := decodeRecord(line)
	kvs, err := parseObject(text)
	if err != nil {
		s.skip(r, s.line, size, "invalid JSON: "+err.Error())
		return Article{}, false
	}
	keys := make([]string, len(kvs))
	for i, kv := range kvs {
		keys[i] = kv.key
	}
	known := knownFields(keys, []string{"id", "text", "source", "date", "title", "url"})
	ti, ok := known["text"]
	if !ok {
		s.skip(r, s.line, size, `no "text" key`)
		return Article{}, false
	}
	body, isString := kvs[ti].str()
	if !isString {
		s.skip(r, s.line, size, fmt.Sprintf("%q is not a string but %s", kvs[ti].key, kvs[ti].kind()))
		return Article{}, false
	}
	var warns []string
	used := map[int]bool{}
	vals := map[string]string{}
	for f, i := range known {
		used[i] = true
		if f == "text" {
			continue
		}
		v, ok := kvs[i].scalar()
		if !ok {
			warns = append(warns, fmt.Sprintf("%q is %s, not a string: ignored", kvs[i].key, kvs[i].kind()))
			continue
		}
		vals[f] = v
	}
	var extra []Field
	for i, kv := range kvs {
		if used[i] {
			continue
		}
		v, ok := kv.scalar()
		if !ok {
			v = string(kv.compact())
		}
		extra = append(extra, Field{Name: kv.key, Value: v})
	}
	get := func(f string) (string, bool) { v, ok := vals[f]; return v, ok }
	return s.row(r, tableRow{from: FromJSONL, line: s.line, size: size, get: get,
		extra: extra, text: body, enc: enc, notes: notes, warns: warns})
}

// readLine reads one line (without its line end) into buf. It keeps at most
// max bytes of it: size is the line's full length, and when size > max the
// returned line is incomplete and must not be used. io.EOF comes with the last
// line when the file does not end in a newline, or alone at the end.
func readLine(br *bufio.Reader, max int64, buf []byte) (line []byte, size int64, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		n := len(chunk)
		if err == nil { // the chunk ends with the line end
			n--
		}
		size += int64(n)
		if size <= max {
			buf = appendDoubling(buf, chunk[:n])
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return buf, size, err
	}
}

// keyValue is one member of a JSON object, in the order written.
type keyValue struct {
	key string
	raw json.RawMessage
}

// parseObject parses one JSON object, keeping its members in order. Valid
// input takes a fast path that slices the members out of the line; invalid
// input goes through encoding/json's decoder for a precise message.
func parseObject(line []byte) ([]keyValue, error) {
	if json.Valid(line) {
		if kvs, ok := scanObject(line); ok {
			return kvs, nil
		}
	}
	return decodeObject(line)
}

// scanObject splits a valid JSON value into its members when it is an object;
// ok is false when it is not an object.
func scanObject(line []byte) (kvs []keyValue, ok bool) {
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return nil, false
	}
	i = skipSpace(line, i+1)
	for i < len(line) && line[i] != '}' {
		end := stringEnd(line, i)
		var key string
		if bytes.IndexByte(line[i:end], '\\') < 0 {
			key = string(line[i+1 : end-1])
		} else if json.Unmarshal(line[i:end], &key) != nil {
			return nil, false
		}
		i = skipSpace(line, end)
		i = skipSpace(line, i+1) // the ':'
		vend := valueEnd(line, i)
		kvs = append(kvs, keyValue{key: key, raw: line[i:vend]})
		i = skipSpace(line, vend)
		if i < len(line) && line[i] == ',' {
			i = skipSpace(line, i+1)
		}
	}
	return kvs, true
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the index just past the JSON string starting at b[i].
func stringEnd(b []byte, i int) int {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(b)
}

// valueEnd returns the index just past the valid JSON value starting at b[i].
func valueEnd(b []byte, i int) int {
	if i >= len(b) {
		return i
	}
	switch b[i] {
	case '"':
		return stringEnd(b, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				j = stringEnd(b, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(b)
	}
	j := i
	for j < len(b) && b[j] != ',' && b[j] != '}' && b[j] != ']' && b[j] != ' ' && b[j] != '\t' && b[j] != '\n' && b[j] != '\r' {
		j++
	}
	return j
}

// decodeObject parses one JSON object with encoding/json's decoder.
func decodeObject(line []byte) ([]keyValue, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	tok, err := dec.Token()
	if err != nil {
		return nil, jsonErr(err, dec)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, fmt.Errorf("not a JSON object (the line starts with %s)", describeToken(tok))
	}
	var kvs []keyValue
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonErr(err, dec)
		}
		key, _ := tok.(string) // inside an object, Token returns keys as strings
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, jsonErr(err, dec)
		}
		kvs = append(kvs, keyValue{key: key, raw: raw})
	}
	if _, err := dec.Token(); err != nil { // the closing '}'
		return nil, jsonErr(err, dec)
	}
	if tok, err := dec.Token(); err != io.EOF {
		if err != nil {
			return nil, fmt.Errorf("after the object: %v", jsonErr(err, dec))
		}
		return nil, fmt.Errorf("more data after the object (%s at byte %d)", describeToken(tok), dec.InputOffset())
	}
	return kvs, nil
}

func jsonErr(err error, dec *json.Decoder) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%v (at byte %d)", se, se.Offset)
	}
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return fmt.Errorf("the line ends inside the JSON value (byte %d)", dec.InputOffset())
	}
	return err
}

func describeToken(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		return fmt.Sprintf("%q", string(t))
	case string:
		return "a string"
	case nil:
		return "null"
	case bool:
		return "a boolean"
	}
	return "a number"
}

// str returns the value as a string when it is a JSON string.
func (kv keyValue) str() (string, bool) {
	if len(kv.raw) < 2 || kv.raw[0] != '"' || kv.raw[len(kv.raw)-1] != '"' {
		return "", false
	}
	body := kv.raw[1 : len(kv.raw)-1]
	if bytes.IndexByte(body, '\\') < 0 { // no escapes: the bytes are the string
		return string(body), true
	}
	return unquote(body)
}

// unquote decodes the escapes of a JSON string's body as encoding/json does
// (a lone surrogate becomes U+FFFD). ok is false for a malformed escape.
func unquote(b []byte) (string, bool) {
	var sb strings.Builder
	sb.Grow(len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' {
			sb.WriteByte(c)
			continue
		}
		i++
		if i >= len(b) {
			return "", false
		}
		switch b[i] {
		case '"', '\\', '/':
			sb.WriteByte(b[i])
		case 'b':
			sb.WriteByte('\b')
		case 'f':
			sb.WriteByte('\f')
		case 'n':
			sb.WriteByte('\n')
		case 'r':
			sb.WriteByte('\r')
		case 't':
			sb.WriteByte('\t')
		case 'u':
			r, ok := hex4(b, i+1)
			if !ok {
				return "", false
			}
			i += 4
			if utf16.IsSurrogate(r) {
				r2, ok := rune(-1), false
				if i+2 < len(b) && b[i+1] == '\\' && b[i+2] == 'u' {
					r2, ok = hex4(b, i+3)
				}
				if dec := utf16.DecodeRune(r, r2); ok && dec != utf8.RuneError {
					i += 6
					r = dec
				} else {
					r = utf8.RuneError
				}
			}
			sb.WriteRune(r)
		default:
			return "", false
		}
	}
	return sb.String(), true
}

// hex4 reads four hex digits at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// scalar returns a string, a number or a boolean as text, and null as "".
func (kv keyValue) scalar() (string, bool) {
	if s, ok := kv.str(); ok {
		return s, true
	}
	switch kv.kind() {
	case "null":
		return "", true
	case "a number", "a boolean":
		return string(kv.raw), true
	}
	return "", false
}

func (kv keyValue) kind() string {
	if len(kv.raw) == 0 {
		return "empty"
	}
	switch kv.raw[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 'n':
		return "null"
	case 't', 'f':
		return "a boolean"
	}
	return "a number"
}

func (kv keyValue) compact() []byte {
	var b bytes.Buffer
	if err := json.Compact(&b, kv.raw); err != nil {
		return kv.raw
	}
	return b.Bytes()
}

// appendDoubling appends b to buf, doubling its capacity when it must grow
// (append grows large slices by a quarter, which for a line of many MiB
// allocates several times its size in all).
func appendDoubling(buf, b []byte) []byte {
	if need := len(buf) + len(b); need > cap(buf) {
		nb := make([]byte, len(buf), max(2*cap(buf), need))
		copy(nb, buf)
		buf = nb
	}
	return append(buf, b...)
}
