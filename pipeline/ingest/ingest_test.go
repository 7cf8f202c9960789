package ingest

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framescope/framescope/analysis/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// readAll reads a whole corpus, failing the test on an Open error.
func readAll(t testing.TB, path string, opt Options) ([]Article, []Status, error) {
	t.Helper()
	r, err := Open(path, opt)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	defer r.Close()
	var arts []Article
	for r.Scan() {
		arts = append(arts, r.Article())
	}
	return arts, r.Statuses(), r.Err()
}

// dump renders a run for a golden file.
func dump(arts []Article, sts []Status) []byte {
	var b bytes.Buffer
	b.WriteString("# articles\n")
	for _, a := range arts {
		fmt.Fprintf(&b, "doc=%q input=%q line=%d encoding=%s\n", a.Doc, a.Input, a.Line, a.Encoding)
		m := a.Meta
		fmt.Fprintf(&b, "  source=%q(%s) date=%q(%s) url=%q(%s) title=%q(%s)\n",
			m.Source, m.SourceFrom, m.Date, m.DateFrom, m.URL, m.URLFrom, m.Title, m.TitleFrom)
		for _, f := range m.Extra {
			fmt.Fprintf(&b, "  extra %q=%q\n", f.Name, f.Value)
		}
		text := a.Text
		if len(text) > 300 {
			text = fmt.Sprintf("%s…(%d bytes)", text[:200], len(a.Text))
		}
		fmt.Fprintf(&b, "  text=%q\n", text)
	}
	b.WriteString("# statuses\n")
	for _, s := range sts {
		fmt.Fprintf(&b, "%s bytes=%d\n", s, s.Bytes)
	}
	return b.Bytes()
}

// checkGolden compares got with testdata/golden/name, rewriting it with
// -update and writing name.got beside it on a mismatch.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "golden", name), got, *update)
}

// statusCase is what one input must be reported as.
type statusCase struct {
	name   string
	path   string
	line   int
	status string
	reason string // a substring of the reason ("" matches only an empty reason)
}

// checkStatuses checks that each case's status is recorded, and that no status
// is left without a case.
func checkStatuses(t *testing.T, got []Status, cases []statusCase) {
	t.Helper()
	matched := make([]bool, len(got))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for i, s := range got {
				if s.Path == c.path && s.Line == c.line {
					matched[i] = true
					if s.Status != c.status {
						t.Errorf("%s:%d: status %q, want %q (reason %q)", c.path, c.line, s.Status, c.status, s.Reason)
					}
					if c.reason == "" && s.Reason != "" || !strings.Contains(s.Reason, c.reason) {
						t.Errorf("%s:%d: reason %q, want it to contain %q", c.path, c.line, s.Reason, c.reason)
					}
					return
				}
			}
			t.Errorf("no status for %s:%d", c.path, c.line)
		})
	}
	for i, s := range got {
		if !matched[i] {
			t.Errorf("status with no test case: %v", s)
		}
	}
}

func TestFolderHostile(t *testing.T) {
	var warned []Status
	arts, sts, err := readAll(t, filepath.Join("testdata", "hostile"), Options{Warn: func(s Status) { warned = append(warned, s) }})
	if err != nil {
		t.Fatalf("Err: %v", err)
	}
	checkStatuses(t, sts, []statusCase{
		{"manifest with BOM", "manifest.csv", 0, StatusConverted, "UTF-8 byte-order mark removed; manifest: 7 rows, 6 with problems"},
		{"manifest bad month", "manifest.csv", 3, StatusWarning, `unparseable date "2019-13-01"`},
		{"manifest duplicate row", "manifest.csv", 4, StatusWarning, "duplicate row for good.txt (first at line 2, which is used)"},
		{"manifest missing file", "manifest.csv", 5, StatusWarning, "manifest names a missing file: missing.txt"},
		{"manifest short row", "manifest.csv", 6, StatusWarning, "row has 2 fields, the header 6"},
		{"manifest names a .md", "manifest.csv", 7, StatusWarning, "not a .txt file: notes.md"},
		{"manifest 29 February 2018", "manifest.csv", 8, StatusWarning, `unparseable date "2018-02-29"`},
		{"manifest path outside", "manifest.csv", 9, StatusWarning, `"../outside.txt" is not a path inside the folder`},
		{"manifest long row", "manifest.csv", 10, StatusWarning, "row has 7 fields, the header 6"},
		{"hidden folder", ".hidden", 0, StatusIgnored, "hidden folder"},
		{"invalid UTF-8 in UTF-8", "badutf8.txt", 0, StatusWarning, "invalid UTF-8: 2 bad byte sequences replaced"},
		{"random bytes", "binary.txt", 0, StatusSkipped, "binary file (NUL bytes"},
		{"whitespace only", "blank.txt", 0, StatusSkipped, "empty (whitespace only)"},
		{"UTF-8 BOM", "bom8.txt", 0, StatusConverted, "UTF-8 byte-order mark removed"},
		{"broken symlink", "broken.txt", 0, StatusSkipped, "broken symlink"},
		{"Windows-1252", "cp1252.txt", 0, StatusConverted, "decoded as Windows-1252"},
		{"lone CR", "cr.txt", 0, StatusRead, ""},
		{"CRLF", "crlf.txt", 0, StatusRead, ""},
		{"control characters", "ctrl.txt", 0, StatusSkipped, "binary file (160 control characters in 169 bytes)"},
		{"empty file", "empty.txt", 0, StatusSkipped, "empty"},
		{"good", "good.txt", 0, StatusRead, ""},
		{"HTML with no text", "html-empty.txt", 0, StatusSkipped, "empty (no text once HTML is stripped)"},
		{"PNG named .txt", "image.txt", 0, StatusSkipped, "binary file (PNG image)"},
		{"symlink to a file", "link.txt", 0, StatusWarning, "duplicate of good.txt (same text; both kept)"},
		{"10,000-letter word", "longword.txt", 0, StatusRead, ""},
		{"symlink loop", "loop", 0, StatusSkipped, "symlink to a folder (not followed)"},
		{"upper-case extension", "nested/b.TXT", 0, StatusRead, ""},
		{"manifest in a subfolder", "nested/manifest.csv", 0, StatusIgnored, "a manifest is read only from the input folder itself; to use this one, run with -in testdata/hostile/nested"},
		{"JSONL in the folder", "nested/export.jsonl", 0, StatusIgnored, "a JSONL corpus is read when -in names it: -in testdata/hostile/nested/export.jsonl"},
		{"nested", "nested/deep/a.txt", 0, StatusRead, ""},
		{"symlink to the parent", "nested/up", 0, StatusSkipped, "symlink to a folder (not followed)"},
		{"not .txt", "notes.md", 0, StatusIgnored, "not a .txt file"},
		{"NUL bytes in text", "nul.txt", 0, StatusWarning, "2 NUL bytes removed"},
		{"HTML page", "page.txt", 0, StatusConverted, "HTML stripped to text"},
		{"duplicate file", "same-as-good.txt", 0, StatusWarning, "duplicate of good.txt (same text; both kept)"},
		{"UTF-16 without BOM", "utf16-nobom.txt", 0, StatusConverted, "decoded from UTF-16LE (no byte-order mark"},
		{"UTF-16BE", "utf16be.txt", 0, StatusConverted, "decoded from UTF-16BE"},
		{"UTF-16LE", "utf16le.txt", 0, StatusWarning, "duplicate of utf16be.txt (same text; both kept); decoded from UTF-16LE"},
	})
	for _, s := range warned {
		if s.Status == StatusRead || s.Status == StatusIgnored {
			t.Errorf("Warn called for %v", s)
		}
	}
	if want := countNot(sts, StatusRead, StatusIgnored); len(warned) != want {
		t.Errorf("Warn called %d times, want %d", len(warned), want)
	}
	checkArticles(t, arts)
	checkGolden(t, "hostile-folder.txt", dump(arts, sts))
}

func countNot(sts []Status, not ...string) int {
	n := 0
outer:
	for _, s := range sts {
		for _, x := range not {
			if s.Status == x {
				continue outer
			}
		}
		n++
	}
	return n
}

// checkArticles checks what holds for every article of every corpus.
func checkArticles(t *testing.T, arts []Article) {
	t.Helper()
	docs := map[string]bool{}
	for _, a := range arts {
		if !utf8.ValidString(a.Text) || strings.ContainsRune(a.Text, 0) || strings.TrimSpace(a.Text) == "" {
			t.Errorf("%s: text is not clean non-empty UTF-8: %q", a.Doc, a.Text)
		}
		if docs[a.Doc] {
			t.Errorf("doc %q twice", a.Doc)
		}
		docs[a.Doc] = true
		if a.Meta.Date != "" {
			if _, ok := ParseDate(a.Meta.Date); !ok {
				t.Errorf("%s: date %q does not parse", a.Doc, a.Meta.Date)
			}
		}
	}
}

func TestFolderTexts(t *testing.T) {
	arts, _, _ := readAll(t, filepath.Join("testdata", "hostile"), Options{})
	byDoc := map[string]Article{}
	for _, a := range arts {
		byDoc[a.Doc] = a
	}
	tests := []struct {
		doc, text, enc string
	}{
		{"crlf.txt", "First paragraph, written on Windows.\r\n\r\nSecond paragraph.\r\n", UTF8},
		{"cr.txt", "A file from an old Mac.\r\rIts lines end in a lone CR.\r", UTF8},
		{"bom8.txt", "This file starts with a UTF-8 byte-order mark.\n", UTF8},
		{"utf16le.txt", "Tehran – the minister’s visit, in UTF-16.\n", UTF16LE},
		{"utf16be.txt", "Tehran – the minister’s visit, in UTF-16.\n", UTF16BE},
		{"utf16-nobom.txt", "No byte-order mark here, but UTF-16LE all the same.\n", UTF16LE},
		{"cp1252.txt", "The café owner said “peace” – not war – was the aim.\n", Windows1252},
		{"badutf8.txt", "Karachi – “We agree,” he said. Broken \uFFFD\uFFFD bytes here.\n", UTF8},
		{"nul.txt", "Text with a stray NUL byte and another one, long enough to be text and not binary at all.\n", UTF8},
		{"page.txt", "Border talks\n\nHome\n\nBorder talks resume\n\nOfficials from both sides met in Taftan & agreed to more patrols.\n\nThe talks will continue next month.\n", UTF8},
	}
	for _, tt := range tests {
		t.Run(tt.doc, func(t *testing.T) {
			a, ok := byDoc[tt.doc]
			if !ok {
				t.Fatalf("no article %s", tt.doc)
			}
			if a.Text != tt.text || a.Encoding != tt.enc {
				t.Errorf("got %q (%s), want %q (%s)", a.Text, a.Encoding, tt.text, tt.enc)
			}
		})
	}
	good := byDoc["good.txt"].Meta
	want := Meta{Source: "Dawn", Date: "2019-03-04", URL: "https://example.org/a", Title: "Border crossing opens",
		SourceFrom: FromManifest, DateFrom: FromManifest, URLFrom: FromManifest, TitleFrom: FromManifest,
		Extra: []Field{{"section", "world"}}}
	if fmt.Sprint(good) != fmt.Sprint(want) {
		t.Errorf("good.txt meta %+v, want %+v", good, want)
	}
	if got := byDoc["nested/deep/a.txt"].Meta.Source; got != "روزنامه شرق" {
		t.Errorf("Persian source from a short row: %q", got)
	}
}

func TestJSONLHostile(t *testing.T) {
	arts, sts, err := readAll(t, filepath.Join("testdata", "hostile.jsonl"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := "hostile.jsonl"
	checkStatuses(t, sts, []statusCase{
		{"file", f, 0, StatusRead, "9 articles; 6 lines skipped; 6 lines converted or with warnings; 1 blank lines"},
		{"line ends early", f, 2, StatusSkipped, "invalid JSON: the line ends inside the JSON value"},
		{"no text key", f, 4, StatusSkipped, `no "text" key`},
		{"text is a number", f, 5, StatusSkipped, `"text" is not a string but a number`},
		{"duplicate id", f, 6, StatusWarning, `duplicate id "a1" (first at line 1): named hostile.jsonl:6`},
		{"30 February", f, 7, StatusWarning, `unparseable date "2019-02-30T10:00:00Z"`},
		{"empty text", f, 8, StatusSkipped, "empty"},
		{"Windows-1252 line", f, 9, StatusConverted, "decoded as Windows-1252"},
		{"HTML text", f, 10, StatusConverted, "HTML stripped to text"},
		{"array", f, 11, StatusSkipped, `not a JSON object (the line starts with "[")`},
		{"trailing data", f, 12, StatusSkipped, "invalid character 'x'"},
		{"NUL escape", f, 14, StatusWarning, "1 NUL bytes removed"},
		{"object source, same text", f, 15, StatusWarning, `"source" is an object, not a string: ignored; duplicate of a1`},
	})
	checkArticles(t, arts)
	checkGolden(t, "hostile-jsonl.txt", dump(arts, sts))
}

func TestCSVHostile(t *testing.T) {
	arts, sts, err := readAll(t, filepath.Join("testdata", "hostile.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := "hostile.csv"
	checkStatuses(t, sts, []statusCase{
		{"file", f, 0, StatusRead, "4 articles; 3 records skipped; 2 records converted or with warnings; 1 blank lines"},
		{"ragged", f, 5, StatusWarning, "record has 4 fields, the header 7"},
		{"bare quote", f, 6, StatusSkipped, `invalid CSV: bare " in non-quoted-field (line 6, column 11)`},
		{"empty text", f, 7, StatusSkipped, "empty"},
		{"Windows-1252 record", f, 8, StatusConverted, "decoded as Windows-1252"},
		{"unclosed quote", f, 11, StatusSkipped, "unclosed quote: the rest of the file (lines 11–13) could not be read"},
	})
	checkArticles(t, arts)
	if len(arts) == 0 || arts[0].Text != "A quoted text\nover three lines, with \"quotes\".\n" || arts[0].Line != 2 {
		t.Errorf("first record: %+v", arts)
	}
	checkGolden(t, "hostile-csv.txt", dump(arts, sts))
}

// writeFile writes a file under dir and returns its path.
func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestTables(t *testing.T) {
	utf16 := func(s string) []byte {
		b := []byte{0xff, 0xfe}
		for _, r := range s { // ASCII only in these cases
			b = append(b, byte(r), 0)
		}
		return b
	}
	tests := []struct {
		name   string
		file   string
		data   []byte
		docs   []string
		status []statusCase
	}{
		{"CSV without a text column", "a.csv", []byte("id,body_text\n1,hello\n"), nil,
			[]statusCase{{"file", "a.csv", 0, StatusSkipped, "no text column in the header (id,body_text): no articles read"}}},
		{"CSV synonyms", "b.csv", []byte("Article_ID,Outlet,Published,Headline,Body\nx,Dawn,2020-1-5,Hi,Some text\n"), []string{"x"},
			[]statusCase{{"file", "b.csv", 0, StatusRead, "1 articles"}}},
		{"CSV in UTF-16", "c.csv", utf16("id,text\r\nu1,sixteen\r\n"), []string{"u1"},
			[]statusCase{{"file", "c.csv", 0, StatusConverted, "decoded from UTF-16LE; 1 articles"}}},
		{"CSV empty", "d.csv", nil, nil,
			[]statusCase{{"file", "d.csv", 0, StatusRead, "0 articles"}}},
		{"CSV unclosed quote in the header", "e.csv", []byte("id,\"text\n1,a\n"), nil,
			[]statusCase{{"file", "e.csv", 0, StatusRead, "0 articles; 1 records skipped"}, {"header", "e.csv", 1, StatusSkipped, "unclosed quote"}}},
		{"CSV with semicolons", "s.csv", []byte("id;text;source\nx;\"a; b\";Dawn\n"), []string{"x"},
			[]statusCase{{"file", "s.csv", 0, StatusRead, "fields separated by ';'; 1 articles"}}},
		{"CSV with tabs", "t.csv", []byte("id\ttext\nx\tsome text\n"), []string{"x"},
			[]statusCase{{"file", "t.csv", 0, StatusRead, "fields separated by tabs; 1 articles"}}},
		{"JSONL with a BOM and CRLF", "f.jsonl", []byte("\xef\xbb\xbf{\"text\":\"one\"}\r\n{\"text\":\"two\"}\r\n"), []string{"f.jsonl:1", "f.jsonl:2"},
			[]statusCase{{"file", "f.jsonl", 0, StatusConverted, "UTF-8 byte-order mark removed; 2 articles"}}},
		{"JSONL in UTF-16", "g.jsonl", utf16("{\"id\":\"q\",\"text\":\"x y\"}\n"), []string{"q"},
			[]statusCase{{"file", "g.jsonl", 0, StatusConverted, "decoded from UTF-16LE; 1 articles"}}},
		{"JSON array, pretty-printed", "arr.jsonl", []byte("[\n" + strings.Repeat("  {\n    \"text\": \"x\"\n  },\n", 400) + "]\n"), nil,
			[]statusCase{{"file", "arr.jsonl", 0, StatusSkipped, "the first 1000 lines are none of them a JSON object"}}},
		{"JSONL binary line", "h.jsonl", []byte("{\"text\":\"\\u0001\\u0002\\u0003\"}\n"), nil,
			[]statusCase{{"file", "h.jsonl", 0, StatusRead, "0 articles; 1 lines skipped"}, {"line", "h.jsonl", 1, StatusSkipped, "binary content"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), tt.file, tt.data)
			arts, sts, err := readAll(t, p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var docs []string
			for _, a := range arts {
				docs = append(docs, a.Doc)
			}
			if fmt.Sprint(docs) != fmt.Sprint(tt.docs) {
				t.Errorf("docs %q, want %q", docs, tt.docs)
			}
			if tt.name == "JSON array, pretty-printed" {
				if len(sts) != 1+1000 {
					t.Errorf("%d statuses, want the file's and 1000 lines'", len(sts))
				}
				sts = sts[:1] // the lines' own statuses are the usual invalid-JSON ones
			}
			checkStatuses(t, sts, tt.status)
		})
	}
}

func TestCSVSynonymMeta(t *testing.T) {
	p := writeFile(t, t.TempDir(), "b.csv", []byte("Article_ID,Outlet,Published,Headline,Body,Link,Extra\nx,Dawn,2020-1-5,Hi,Some text,http://x,e\n"))
	arts, _, _ := readAll(t, p, Options{})
	if len(arts) != 1 {
		t.Fatalf("%d articles", len(arts))
	}
	m := arts[0].Meta
	want := Meta{Source: "Dawn", Date: "2020-01-05", URL: "http://x", Title: "Hi",
		SourceFrom: FromCSV, DateFrom: FromCSV, URLFrom: FromCSV, TitleFrom: FromCSV, Extra: []Field{{"Extra", "e"}}}
	if fmt.Sprint(m) != fmt.Sprint(want) || arts[0].Text != "Some text" {
		t.Errorf("got %+v %q, want %+v", m, arts[0].Text, want)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, path string }{
		{"missing", filepath.Join(dir, "nope")},
		{"a .txt file", writeFile(t, dir, "a.txt", []byte("x"))},
		{"a .json file", writeFile(t, dir, "a.json", []byte("{}"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Open(tt.path, Options{})
			if err == nil {
				r.Close()
				t.Fatalf("Open(%s) succeeded", tt.path)
			}
			if !strings.Contains(err.Error(), filepath.Base(tt.path)) {
				t.Errorf("error %q does not name the path", err)
			}
		})
	}
}

func TestManifestProblems(t *testing.T) {
	tests := []struct {
		name     string
		manifest string
		status   []statusCase
	}{
		{"no file column", "name,source\na.txt,X\n", []statusCase{
			{"manifest", "manifest.csv", 0, StatusWarning, "manifest has no file column"}}},
		{"empty manifest", "", []statusCase{{"manifest", "manifest.csv", 0, StatusWarning, "manifest is empty"}}},
		{"unclosed quote", "file,source\na.txt,\"X\nb.txt,Y\n", []statusCase{
			{"manifest", "manifest.csv", 0, StatusRead, "manifest: 0 rows, 1 with problems"},
			{"row", "manifest.csv", 2, StatusWarning, "unclosed quote: the rest of the manifest could not be read"}}},
		{"backslash and dot paths", "file,date\n.\\a.txt,2019\n", []statusCase{
			{"manifest", "manifest.csv", 0, StatusRead, "manifest: 1 rows"}}},
		{"semicolons", "file;source\na.txt;X\n", []statusCase{
			{"manifest", "manifest.csv", 0, StatusRead, "fields separated by ';'; manifest: 1 rows"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "manifest.csv", []byte(tt.manifest))
			writeFile(t, dir, "a.txt", []byte("Some text."))
			arts, sts, err := readAll(t, dir, Options{})
			if err != nil || len(arts) != 1 {
				t.Fatalf("%d articles, err %v", len(arts), err)
			}
			checkStatuses(t, append([]Status(nil), sts[:len(sts)-1]...), tt.status)
			if last := sts[len(sts)-1]; last.Path != "a.txt" || last.Status != StatusRead {
				t.Errorf("last status %v", last)
			}
		})
	}
}

// TestLarge checks that a 100 MB one-line file and a 50 MB JSONL line are
// skipped with their sizes and read in bounded memory.
func TestLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 50 MB")
	}
	dir := t.TempDir()
	// The 100 MiB file is sparse: its size is what is checked first, and were
	// it read, the allocation check below would fail.
	big := writeFile(t, filepath.Join(dir, "folder"), "big.txt", nil)
	if err := os.Truncate(big, 100<<20); err != nil {
		t.Fatal(err)
	}
	line := bytes.Repeat([]byte("word "), 10<<20) // 50 MiB
	writeFile(t, filepath.Join(dir, "folder"), "small.txt", []byte("A small file."))
	js := append([]byte(`{"text":"small"}`+"\n"+`{"text":"`), line...)
	js = append(js, "\"}\n{\"text\":\"after\"}\n"...)
	writeFile(t, dir, "big.jsonl", js)
	line, js = nil, nil
	tests := []struct {
		name, path string
		max        int64
		want       statusCase
		docs       int
		maxAlloc   uint64
	}{
		{"100 MB file", filepath.Join(dir, "folder"), 0,
			statusCase{"", "big.txt", 0, StatusSkipped, "104857600 bytes, over the limit of 16777216 bytes"}, 1, 1 << 20},
		{"50 MB JSONL line", filepath.Join(dir, "big.jsonl"), 0,
			statusCase{"", "big.jsonl", 2, StatusSkipped, "line of 52428811 bytes, over the limit of 16777216 bytes"}, 2, 40 << 20},
		{"50 MB JSONL line, 1 MiB limit", filepath.Join(dir, "big.jsonl"), 1 << 20,
			statusCase{"", "big.jsonl", 2, StatusSkipped, "line of 52428811 bytes, over the limit of 1048576 bytes"}, 2, 4 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := totalAlloc()
			arts, sts, err := readAll(t, tt.path, Options{MaxArticleBytes: tt.max})
			alloc := totalAlloc() - before
			if err != nil || len(arts) != tt.docs {
				t.Fatalf("%d articles, err %v", len(arts), err)
			}
			found := false
			for _, s := range sts {
				if s.Path == tt.want.path && s.Line == tt.want.line {
					found = s.Status == tt.want.status && strings.Contains(s.Reason, tt.want.reason)
					if !found {
						t.Errorf("got %v", s)
					}
				}
			}
			if !found {
				t.Errorf("no status %+v in %v", tt.want, sts)
			}
			if alloc > tt.maxAlloc {
				t.Errorf("allocated %d bytes, want at most %d", alloc, tt.maxAlloc)
			}
		})
	}
}

func TestReadAfterClose(t *testing.T) {
	r, err := Open(filepath.Join("testdata", "hostile.jsonl"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Scan() {
		t.Fatal("no first article")
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if r.Scan() {
		t.Error("Scan after Close returned true")
	}
}

func totalAlloc() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

func TestManifestUnicodeNames(t *testing.T) {
	dir := t.TempDir()
	// The file's name is decomposed (as macOS stores it); the manifest's composed.
	writeFile(t, dir, "cafe\u0301.txt", []byte("Some text."))
	writeFile(t, dir, "روزنامه.txt", []byte("Other text."))
	writeFile(t, dir, "manifest.csv", []byte("file,source\ncaf\u00e9.txt,Le Café\nروزنامه.txt,شرق\n"))
	arts, sts, err := readAll(t, dir, Options{})
	if err != nil || len(arts) != 2 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	for _, a := range arts {
		if a.Meta.Source == "" {
			t.Errorf("%s: no source from the manifest", a.Doc)
		}
	}
	for _, s := range sts {
		if s.Status != StatusRead {
			t.Errorf("status %v", s)
		}
	}
}

// TestManifestChanged checks a manifest cut short after it was read: the row
// cannot be read again, which is a warning with its line, not a failure.
func TestManifestChanged(t *testing.T) {
	dir := t.TempDir()
	mpath := writeFile(t, dir, "manifest.csv", []byte("file,source\na.txt,Dawn\nb.txt,Mehr\n"))
	writeFile(t, dir, "a.txt", []byte("Some text."))
	writeFile(t, dir, "b.txt", []byte("Other text."))
	r, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := os.Truncate(mpath, int64(len("file,source\na.txt,Dawn\n"))); err != nil {
		t.Fatal(err)
	}
	var sources []string
	for r.Scan() {
		sources = append(sources, r.Article().Meta.Source)
	}
	if fmt.Sprint(sources) != "[Dawn ]" {
		t.Errorf("sources %q", sources)
	}
	checkStatuses(t, r.Statuses(), []statusCase{
		{"manifest", "manifest.csv", 0, StatusRead, "manifest: 2 rows"},
		{"row cut off", "manifest.csv", 3, StatusWarning, "cannot read the row for b.txt again (did the manifest change?): unexpected EOF"},
		{"a", "a.txt", 0, StatusRead, ""},
		{"b", "b.txt", 0, StatusRead, ""},
	})
}

// TestManifestHashCollisions reads the same folders with a manifest index
// whose hash sends every key to one slot: the articles, their metadata and
// every status must be those of the real index.
func TestManifestHashCollisions(t *testing.T) {
	tests := []struct {
		name     string
		manifest string
		files    []string
	}{
		{"rows and files", "file,source,date\na.txt,A,2019\nb.txt,B,2020\nsub/c.txt,C,2021\n", []string{"a.txt", "b.txt", "sub/c.txt"}},
		{"duplicate row", "file,source\na.txt,A\nb.txt,B\n./a.txt,again\n", []string{"a.txt", "b.txt"}},
		{"missing and unlisted files", "file,source\na.txt,A\ngone.txt,G\n", []string{"a.txt", "extra.txt"}},
		{"decomposed name", "file,source\ncaf\u00e9.txt,Composed\n", []string{"cafe\u0301.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "manifest.csv", []byte(tt.manifest))
			for i, f := range tt.files {
				writeFile(t, dir, f, []byte(fmt.Sprintf("Text number %d.", i)))
			}
			arts, sts, err := readAll(t, dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := dump(arts, sts)
			defer func(h func(string) uint64) { manifestHash = h }(manifestHash)
			manifestHash = func(string) uint64 { return 7 }
			arts, sts, err = readAll(t, dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := dump(arts, sts); !bytes.Equal(got, want) {
				t.Errorf("with colliding hashes:\n%s\nwant:\n%s", got, want)
			}
			if !bytes.Contains(want, []byte("source=\"A\"")) && !bytes.Contains(want, []byte("Composed")) {
				t.Errorf("the manifest's metadata was not used:\n%s", want)
			}
		})
	}
}
