package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, in string
		want     Date
		ok       bool
		str      string
	}{
		{"year", "2017", Date{2017, 0, 0}, true, "2017"},
		{"month", "2017-11", Date{2017, 11, 0}, true, "2017-11"},
		{"day", "2017-11-07", Date{2017, 11, 7}, true, "2017-11-07"},
		{"one-digit parts", "2020-1-5", Date{2020, 1, 5}, true, "2020-01-05"},
		{"spaces", " 2019-03 ", Date{2019, 3, 0}, true, "2019-03"},
		{"timestamp", "2017-11-07T09:30:00Z", Date{2017, 11, 7}, true, "2017-11-07"},
		{"date and time", "2017-11-07 09:30", Date{2017, 11, 7}, true, "2017-11-07"},
		{"leap day", "2024-02-29", Date{2024, 2, 29}, true, "2024-02-29"},
		{"not a leap year", "2023-02-29", Date{}, false, ""},
		{"1900 is not a leap year", "1900-02-29", Date{}, false, ""},
		{"31 April", "2019-04-31", Date{}, false, ""},
		{"month 13", "2019-13", Date{}, false, ""},
		{"month 0", "2019-00", Date{}, false, ""},
		{"day 0", "2019-01-00", Date{}, false, ""},
		{"two-digit year", "19-01-01", Date{}, false, ""},
		{"five-digit year", "20190", Date{}, false, ""},
		{"slashes", "2019/01/01", Date{}, false, ""},
		{"words", "January 5, 2018", Date{}, false, ""},
		{"empty", "", Date{}, false, ""},
		{"trailing dash", "2019-", Date{}, false, ""},
		{"too many parts", "2019-01-01-01", Date{}, false, ""},
		{"signs", "2019-+1", Date{}, false, ""},
		{"year 0999", "0999", Date{}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseDate(tt.in)
			if got != tt.want || ok != tt.ok || got.String() != tt.str {
				t.Errorf("ParseDate(%q) = %v %v %q, want %v %v %q", tt.in, got, ok, got.String(), tt.want, tt.ok, tt.str)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name   string
		in     []byte
		text   string
		enc    string
		status string
		reason string
	}{
		{"ascii", []byte("plain"), "plain", UTF8, StatusRead, ""},
		{"utf-8", []byte("Tehran – “quoted”"), "Tehran – “quoted”", UTF8, StatusRead, ""},
		{"utf-8 BOM", []byte("\xef\xbb\xbfhi"), "hi", UTF8, StatusConverted, "UTF-8 byte-order mark removed"},
		{"utf-16le BOM", []byte("\xff\xfeh\x00i\x00"), "hi", UTF16LE, StatusConverted, "decoded from UTF-16LE"},
		{"utf-16be BOM", []byte("\xfe\xff\x00h\x00i"), "hi", UTF16BE, StatusConverted, "decoded from UTF-16BE"},
		{"utf-16be no BOM", []byte("\x00h\x00e\x00l\x00l\x00o"), "hello", UTF16BE, StatusConverted, "no byte-order mark"},
		{"utf-16 odd length", []byte("\xff\xfeh\x00i"), "h\uFFFD", UTF16LE, StatusWarning, "odd number of bytes"},
		{"utf-16 only a BOM", []byte("\xff\xfe"), "", UTF16LE, StatusSkipped, "empty"},
		{"windows-1252", []byte("caf\xe9 \x93q\x94 \x96 \x80"), "café “q” – €", Windows1252, StatusConverted, "Windows-1252"},
		{"1252 undefined byte", []byte("ab\x81cd"), "ab\uFFFDcd", UTF8, StatusWarning, "1 bad byte sequences"},
		{"mostly high bytes (KOI8-R)", []byte("\xf0\xd2\xc9\xd7\xc5\xd4 \xcd\xc9\xd2"), "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD", UTF8, StatusWarning, "9 bad byte sequences"},
		{"utf-8 cut short", []byte("abc “x\xe2\x80"), "abc “x\uFFFD\uFFFD", UTF8, StatusWarning, "2 bad byte sequences"},
		{"NUL in text", []byte("a long enough line of ordinary text\x00 with one NUL"), "a long enough line of ordinary text with one NUL", UTF8, StatusWarning, "1 NUL bytes removed"},
		{"NUL heavy", []byte("\x00\x01\x02abc\x00\x00\x00"), "", "", StatusSkipped, "binary file (NUL bytes: 4 of 9 bytes)"},
		{"UTF-16LE without BOM, short", []byte("a\x00b\x00c\x00"), "abc", UTF16LE, StatusConverted, "no byte-order mark"},
		{"short 1252 word", []byte("Caf\xe9"), "Café", Windows1252, StatusConverted, "Windows-1252"},
		{"PDF", []byte("%PDF-1.4 ..."), "", "", StatusSkipped, "binary file (PDF document)"},
		{"gzip", []byte("\x1f\x8b\x08\x00"), "", "", StatusSkipped, "binary file (gzip archive)"},
		{"empty", nil, "", "", StatusSkipped, "empty"},
		{"spaces and BOM", []byte("\xef\xbb\xbf \n\t\u00a0"), "", UTF8, StatusSkipped, "empty (whitespace only)"},
		{"form feed and tab are text", []byte("a\fb\tc\vd"), "a\fb\tc\vd", UTF8, StatusRead, ""},
		{"CRLF kept", []byte("a\r\nb\rc"), "a\r\nb\rc", UTF8, StatusRead, ""},
		{"HTML fragment", []byte("<p>One &amp; two</p><p>three</p>"), "One & two\n\nthree\n", UTF8, StatusConverted, "HTML stripped to text"},
		{"entities in plain text", []byte("Iran&#8217;s &quot;unity&quot; &amp; AT&T; R&D;"), "Iran’s \"unity\" & AT&T; R&D;", UTF8, StatusConverted, "HTML entities decoded"},
		{"ampersands that are not entities", []byte("AT&T and R&D; Q&A &notit; &foo;"), "AT&T and R&D; Q&A &notit; &foo;", UTF8, StatusRead, ""},
		{"a less-than sign is not HTML", []byte("if a < b then <maybe> not"), "if a < b then <maybe> not", UTF8, StatusRead, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decodeBytes(tt.in)
			finishText(&d)
			st, reason := d.status()
			if st != tt.status || !strings.Contains(reason, tt.reason) || tt.reason == "" && reason != "" {
				t.Errorf("status %q %q, want %q %q", st, reason, tt.status, tt.reason)
			}
			if st != StatusSkipped && (d.text != tt.text || d.encoding != tt.enc) {
				t.Errorf("text %q (%s), want %q (%s)", d.text, d.encoding, tt.text, tt.enc)
			}
		})
	}
}

func TestHTMLToText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs", "<p>a</p><p>b</p>", "a\n\nb\n"},
		{"br and lists", "<div>one<br>two<ul><li>x</li><li>y</li></ul></div>", "one\ntwo\n\nx\ny\n"},
		{"whitespace collapsed", "<p>  a \n\t b  </p>", "a b\n"},
		{"inline tags keep spaces", "<p>a <b>bold</b> word, <i>x</i>y</p>", "a bold word, xy\n"},
		{"script, style, comment", "<script>if (a<b) x()</script><style>p{}</style><!-- c --><p>t</p>", "t\n"},
		{"entities", "<p>&lt;tag&gt; &eacute; &#8217; &nbsp;x</p>", "<tag> é ’ x\n"},
		{"pre keeps spaces", "<pre>a  b\n c</pre><p>d</p>", "a  b\n c\n\nd\n"},
		{"title", "<html><head><title>T</title></head><body><h1>H</h1>x</body></html>", "T\n\nH\n\nx\n"},
		{"table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc\n"},
		{"unclosed tags", "<p>a<p>b<div>c", "a\n\nb\n\nc\n"},
		{"only markup", "<div><span></span></div>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlToText(tt.in); got != tt.want {
				t.Errorf("htmlToText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLooksHTML(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"doctype", "<!DOCTYPE html><p>x", true},
		{"leading spaces", "\n  <div>x</div>", true},
		{"fragment in the middle", "Intro. <p>a</p> <p>b</p>", true},
		{"one tag in prose", "He wrote <br> once.", false},
		{"comparison", "a < b and c > d", false},
		{"angle-bracket quote", "<Reuters> said so", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := looksHTML(tt.in); got != tt.want {
				t.Errorf("looksHTML(%q) = %v", tt.in, got)
			}
		})
	}
}

// splitAll splits data into records with recordSplitter and parses each.
func splitAll(data []byte, max int64) (rows [][]string, lines []int, err error) {
	sp := newRecordSplitter(bytes.NewReader(data), max)
	for {
		rec, err := sp.next()
		if err == io.EOF {
			return rows, lines, nil
		}
		if err != nil {
			return rows, lines, err
		}
		if rec.over {
			continue
		}
		row, err := parseRecord(rec.raw, ',')
		if err != nil {
			return rows, lines, err
		}
		if row != nil {
			rows = append(rows, row)
			lines = append(lines, rec.line)
		}
	}
}

func TestRecordSplitter(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		rows  string
		lines []int
	}{
		{"simple", "a,b\nc,d\n", "[[a b] [c d]]", []int{1, 2}},
		{"no final newline", "a,b\nc,d", "[[a b] [c d]]", []int{1, 2}},
		{"quoted newline", "a,\"b\nc\"\nd,e\n", "[[a b\nc] [d e]]", []int{1, 3}},
		{"escaped quotes", "\"a \"\"q\"\"\",b\nc\n", "[[a \"q\" b] [c]]", []int{1, 2}},
		{"escaped quote before newline", "\"a\"\"\n\"\nx\n", "[[a\"\n] [x]]", []int{1, 3}},
		{"CRLF", "a,b\r\nc,\"d\r\ne\"\r\n", "[[a b] [c d\ne]]", []int{1, 2}},
		{"blank lines", "a\n\n\nb\n", "[[a] [b]]", []int{1, 4}},
		{"quote mid-field is bare", "a\"b,c\nd\n", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, lines, err := splitAll([]byte(tt.in), 1<<20)
			if tt.rows == "" {
				if err == nil {
					t.Errorf("no error for %q", tt.in)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := fmtRows(rows); got != tt.rows {
				t.Errorf("rows %s, want %s", got, tt.rows)
			}
			if fmtInts(lines) != fmtInts(tt.lines) {
				t.Errorf("lines %v, want %v", lines, tt.lines)
			}
		})
	}
}

func TestRecordSplitterLimit(t *testing.T) {
	big := strings.Repeat("x", 200<<10) // longer than the 64 KiB read buffer
	in := "a,b\n\"" + big + "\n" + big + "\",c\nd,e\n"
	sp := newRecordSplitter(strings.NewReader(in), 100<<10)
	var got []string
	for {
		rec, err := sp.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, strings.Join([]string{itoa(rec.line), itoa(rec.lines), itoa(int(rec.size)), itoa(len(rec.raw)), boolStr(rec.over)}, "/"))
	}
	want := []string{"1/1/4/4/false", "2/2/409606/0/true", "4/1/4/4/false"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("records %v, want %v", got, want)
	}
}

func fmtRows(rows [][]string) string {
	var b strings.Builder
	b.WriteString("[")
	for i, r := range rows {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString("[" + strings.Join(r, " ") + "]")
	}
	return b.String() + "]"
}

func fmtInts(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = itoa(n)
	}
	return strings.Join(s, ",")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// FuzzRecordSplitter checks that splitting CSV into records and parsing each
// gives what encoding/csv gives on the whole input, whenever it accepts it.
func FuzzRecordSplitter(f *testing.F) {
	for _, s := range []string{"a,b\nc,d\n", "a,\"b\nc\"\n", "\"\"\"\"\n", "a\r\n\r\nb", "\"a\"b\n", "\"x\n", ",,\n\n,"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cr := csv.NewReader(bytes.NewReader(data))
		cr.FieldsPerRecord = -1
		want, werr := cr.ReadAll()
		got, _, gerr := splitAll(data, 1<<30)
		if werr != nil {
			if gerr == nil {
				t.Fatalf("encoding/csv fails (%v) but the splitter does not on %q", werr, data)
			}
			return
		}
		if gerr != nil {
			t.Fatalf("splitter fails (%v) where encoding/csv does not on %q", gerr, data)
		}
		if fmtRows(got) != fmtRows(want) {
			t.Fatalf("records %q, encoding/csv %q", got, want)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2017", "2017-11", "2017-11-07", "2024-02-29", "2017-11-07T00:00Z", "x", "2019-1-5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDate(s)
		if !ok {
			if d != (Date{}) {
				t.Fatalf("ParseDate(%q) failed but returned %v", s, d)
			}
			return
		}
		d2, ok2 := ParseDate(d.String())
		if !ok2 || d2 != d {
			t.Fatalf("ParseDate(%q) = %v, whose String %q reparses as %v %v", s, d, d.String(), d2, ok2)
		}
	})
}

// FuzzDecode checks the decoder's promises on any bytes: no panic, and a text
// that is not skipped is valid UTF-8, has no NUL and is not blank.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"plain", "\xef\xbb\xbfx", "\xff\xfeh\x00", "\xfe\xff\x00h", "caf\xe9", "<p>x</p>", "a\x00b", "\x00h\x00i", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := decodeBytes(data)
		finishText(&d)
		st, reason := d.status()
		if st == StatusSkipped {
			if reason == "" {
				t.Fatal("skipped without a reason")
			}
			return
		}
		if !utf8.ValidString(d.text) || strings.ContainsRune(d.text, 0) || strings.TrimFunc(d.text, isSpaceOrBOM) == "" {
			t.Fatalf("decoded %q to %q (%s)", data, d.text, st)
		}
		if d.encoding == "" {
			t.Fatal("no encoding")
		}
	})
}

// TestTextKey checks that textKey is the first 64 bits of the text's
// SHA-256, little-endian, for texts shorter and longer than its buffer.
func TestTextKey(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
	}{
		{"empty", ""},
		{"short", "Iran and Pakistan agreed to boost border security."},
		{"one buffer", strings.Repeat("x", 16<<10)},
		{"several buffers", strings.Repeat("Pakistan and Iran said. ", 5000) + "end"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sum := sha256.Sum256([]byte(tc.text))
			if got, want := textKey(tc.text), binary.LittleEndian.Uint64(sum[:8]); got != want {
				t.Errorf("textKey = %x, want %x", got, want)
			}
		})
	}
	if textKey("a") == textKey("b") {
		t.Error("textKey(a) == textKey(b)")
	}
}

// countControlsByByte is countControls one byte at a time.
func countControlsByByte(b []byte) (nul, ctrl int) {
	for _, c := range b {
		if isControl(c) {
			ctrl++
			if c == 0 {
				nul++
			}
		}
	}
	return nul, ctrl
}

func TestCountControls(t *testing.T) {
	for _, tc := range []struct {
		name      string
		in        string
		nul, ctrl int
	}{
		{"empty", "", 0, 0},
		{"plain", "Iran and Pakistan agreed.\n\tOn Tuesday\r\n", 0, 0},
		{"NUL in a word of eight", "abcdefg\x00hijklmno", 1, 1},
		{"NUL in the tail", "abcdefgh\x00", 1, 1},
		{"DEL and bell", "a\x7fbcdefgh\x07", 0, 2},
		{"every control", "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f", 1, 28},
		{"high bytes", "\x80\x9f\xa0\xff\x7e\x20 é", 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nul, ctrl := countControls(tc.in)
			bn, bc := countControls([]byte(tc.in))
			if nul != tc.nul || ctrl != tc.ctrl || bn != nul || bc != ctrl {
				t.Errorf("countControls = %d, %d (bytes %d, %d), want %d, %d", nul, ctrl, bn, bc, tc.nul, tc.ctrl)
			}
		})
	}
}

func FuzzCountControls(f *testing.F) {
	f.Add([]byte("abcdefg\x00hijklmno\x7f\x1f \x20\t\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		wn, wc := countControlsByByte(b)
		if n, c := countControls(b); n != wn || c != wc {
			t.Fatalf("countControls(%q) = %d, %d, want %d, %d", b, n, c, wn, wc)
		}
		if n, c := countControls(string(b)); n != wn || c != wc {
			t.Fatalf("countControls(string %q) = %d, %d, want %d, %d", b, n, c, wn, wc)
		}
	})
}
