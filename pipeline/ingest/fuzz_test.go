package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// readTable reads a JSONL ("jsonl") or CSV ("csv") corpus from memory.
func readTable(kind string, data []byte, max int64) ([]Article, []Status) {
	r := &Reader{opt: Options{MaxArticleBytes: max}}
	t := newTable(r, io.NopCloser(bytes.NewReader(data)), "f."+kind, int64(len(data)))
	if kind == "jsonl" {
		r.src = newJSONL(t)
	} else {
		r.src = newCSV(r, t)
	}
	var arts []Article
	for r.Scan() {
		arts = append(arts, r.Article())
	}
	return arts, r.Statuses()
}

// countLines counts lines as a line reader sees them.
func countLines(data []byte) int {
	n := bytes.Count(data, []byte("\n"))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// checkTable checks what holds for any table input: articles are clean and
// uniquely named, in line order; statuses name lines inside the input, in
// order, after the file's own status.
func checkTable(t *testing.T, kind string, data []byte, arts []Article, sts []Status) {
	t.Helper()
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	lines := countLines(data)
	utf16 := bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff"))
	docs := map[string]bool{}
	prev := 0
	for _, a := range arts {
		if !utf8.ValidString(a.Text) || strings.ContainsRune(a.Text, 0) || strings.TrimFunc(a.Text, isSpaceOrBOM) == "" {
			t.Fatalf("line %d: text %q", a.Line, a.Text)
		}
		if docs[a.Doc] || a.Doc == "" {
			t.Fatalf("doc %q empty or twice", a.Doc)
		}
		docs[a.Doc] = true
		if a.Line <= prev || !utf16 && a.Line > lines {
			t.Fatalf("article at line %d after line %d, of %d lines", a.Line, prev, lines)
		}
		prev = a.Line
	}
	if len(sts) == 0 || sts[0].Line != 0 || sts[0].Path != "f."+kind {
		t.Fatalf("first status %v", sts)
	}
	prev = 0
	for _, s := range sts[1:] {
		if s.Line < prev || s.Line < 1 || !utf16 && s.Line > lines || s.Reason == "" {
			t.Fatalf("status %v after line %d, of %d lines", s, prev, lines)
		}
		prev = s.Line
	}
	if kind == "jsonl" && !utf16 && sts[0].Status != StatusWarning {
		// Every line is an article, a skipped line or a blank line.
		skipped := 0
		for _, s := range sts[1:] {
			if s.Status == StatusSkipped {
				skipped++
			}
		}
		blank := 0
		for _, l := range bytes.Split(data, []byte("\n")) {
			if len(bytes.TrimSpace(l)) == 0 {
				blank++
			}
		}
		if len(data) > 0 && data[len(data)-1] == '\n' || len(data) == 0 {
			blank-- // the empty piece after the last line end
		}
		if len(arts)+skipped+blank != lines {
			t.Fatalf("%d articles + %d skipped + %d blank != %d lines", len(arts), skipped, blank, lines)
		}
	}
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"text":"a"}`,
		"{\"id\":1,\"text\":\"x\",\"date\":\"2019-01\",\"k\":[1]}\n\n{\"text\":\"x\"}\n",
		`{"text":"<p>a</p>"}` + "\n" + `{"text":"a\u0000b"}`,
		"{\"text\":\"caf\xe9\"}\n[1]\n{\"text\":1}\n{",
		"\xef\xbb\xbf{\"text\":\"bom\"}\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, sts := readTable("jsonl", data, 64)
		checkTable(t, "jsonl", data, arts, sts)
	})
}

func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"id,text\n1,a\n",
		"text,source,date\n\"a\nb\",X,2019\n,Y,2019\nc,Z,bad\n",
		"id,text\n1,\"unclosed\n2,b\n",
		"id,text\n1,a\"b\n2,c,extra\n",
		"\xef\xbb\xbftext\r\ncaf\xe9\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, sts := readTable("csv", data, 64)
		checkTable(t, "csv", data, arts, sts)
	})
}

func FuzzManifest(f *testing.F) {
	for _, s := range []string{
		"file,source,date,url,title\na.txt,X,2019,,\n",
		"file,date,extra\na.txt,2019-13\na.txt,2019,x,y\n../b.txt,,\n",
		"\xef\xbb\xbffile\r\n\"a\nb.txt\"\r\n\"unclosed\n",
		"name\nx\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &Reader{opt: Options{MaxArticleBytes: 64}}
		m, st, reason := parseManifest(r, bytes.NewReader(data)) // rows read again through ReadAt
		if st == "" || reason == "" {
			t.Fatalf("manifest status %q %q", st, reason)
		}
		// The same manifest through a plain io.Reader holds each row's metadata.
		r2 := &Reader{opt: Options{MaxArticleBytes: 64}}
		held, st2, reason2 := parseManifest(r2, struct{ io.Reader }{bytes.NewReader(data)})
		if st2 != st || reason2 != reason || len(held.rows) != len(m.rows) || fmt.Sprint(r2.Statuses()) != fmt.Sprint(r.Statuses()) {
			t.Fatalf("held and re-read manifests differ: %q %q / %q %q", st, reason, st2, reason2)
		}
		utf16 := bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff"))
		prev := 0
		for i, row := range m.rows {
			file, meta, err := m.row(i)
			if err != nil {
				if !utf16 {
					t.Fatalf("row %d read again: %v", row.line, err)
				}
				continue
			}
			if file == "" || file != path.Clean(file) || path.IsAbs(file) || file == ".." || strings.HasPrefix(file, "../") {
				t.Fatalf("row file %q", file)
			}
			if int(row.line) <= prev {
				t.Fatalf("row at line %d after %d", row.line, prev)
			}
			prev = int(row.line)
			if hfile, want, _ := held.row(i); hfile != file || fmt.Sprint(meta) != fmt.Sprint(want) {
				t.Fatalf("row %d: read again %q %+v, held %q %+v", row.line, file, meta, hfile, want)
			}
			// find hands each row out once, for its own key.
			if j, got, err := m.find(manifestKey(file)); j != i || err != nil || fmt.Sprint(got) != fmt.Sprint(meta) {
				t.Fatalf("find(%q) = %d %+v %v, want row %d %+v", file, j, got, err, i, meta)
			}
			if j, _, _ := m.find(manifestKey(file)); j != -1 {
				t.Fatalf("find(%q) again = %d, want -1", file, j)
			}
			if meta.Date != "" {
				if _, ok := ParseDate(meta.Date); !ok {
					t.Fatalf("date %q", meta.Date)
				}
			}
		}
		for _, s := range r.Statuses() {
			if s.Line < 1 || s.Reason == "" || s.Status != StatusWarning {
				t.Fatalf("row status %v", s)
			}
		}
	})
}

// FuzzParseObject checks the fast path against encoding/json's decoder.
func FuzzParseObject(f *testing.F) {
	for _, s := range []string{`{"a":1,"b":"x","c":[1,{"d":"}"}],"e":null}`, `{ "k\"q" : "v\\n" , "t" : true }`, `{}`, `[1]`, `"s"`, `{"a":{"b":[]}}`} {
		f.Add([]byte(s))
	}
	f.Add([]byte(`{"a":"\ud83d\ude00 \ud800 x \udc00\ud800\u0041 \u00e9\/\b\f"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return
		}
		fast, ferr := parseObject(data)
		slow, serr := decodeObject(data)
		if (ferr == nil) != (serr == nil) {
			t.Fatalf("fast err %v, decoder err %v", ferr, serr)
		}
		if len(fast) != len(slow) {
			t.Fatalf("fast %d members, decoder %d", len(fast), len(slow))
		}
		for i := range fast {
			fs, fok := fast[i].str()
			ss, sok := slow[i].str()
			if fast[i].key != slow[i].key || fok != sok || fs != ss || fast[i].kind() != slow[i].kind() {
				t.Fatalf("member %d: fast %q=%s, decoder %q=%s", i, fast[i].key, fast[i].raw, slow[i].key, slow[i].raw)
			}
			var want string
			if err := json.Unmarshal(fast[i].raw, &want); fast[i].kind() == "a string" && ((err == nil) != fok || want != fs) {
				t.Fatalf("member %d: str %q %v, json.Unmarshal %q %v", i, fs, fok, want, err)
			}
		}
	})
}

// FuzzParseRecord checks parseRecord, whose plain records skip
// encoding/csv, against encoding/csv on any record and delimiter.
func FuzzParseRecord(f *testing.F) {
	for _, s := range []string{
		"a.txt,X,2019,,\n", "a.txt;X\r\n", "a\tb", "", "\n", "\r\n", "a\r", "a,\"b\",c\n", "a\nb\n",
		"a\"b,c\n", " a , b ,\n", ",,\n", "x\r\ny\n",
	} {
		for _, comma := range []byte{',', ';', '\t'} {
			f.Add([]byte(s), comma)
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte, comma byte) {
		switch comma {
		case ',', ';', '\t':
		default:
			return // sniffDelimiter's delimiters only
		}
		got, gerr := parseRecord(bytes.Clone(raw), comma)
		want, werr := parseRecordCSV(bytes.Clone(raw), comma)
		if fmt.Sprint(gerr) != fmt.Sprint(werr) || !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("parseRecord(%q, %q) = %q, %v; encoding/csv %q, %v", raw, comma, got, gerr, want, werr)
		}
	})
}
