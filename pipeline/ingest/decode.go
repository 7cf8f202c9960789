package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// The encodings an Article can have been decoded from.
const (
	UTF8        = "utf-8"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1252 = "windows-1252"
)

// Thresholds of the decoder. They are deliberately loose: a text file with a
// stray control character is still a text file.
const (
	// binaryControlShare: more than this share of control bytes (NUL, and every
	// C0 control except tab, LF, VT, FF, CR, and DEL) makes an input binary.
	binaryControlShare = 0.05
	// cp1252MaxRunShare: a Western text in Windows-1252 has accented letters
	// and curly quotes among ASCII letters, rarely three bytes above 0x7F in a
	// row; when more than this share of its high bytes are in such runs it is
	// some other 8-bit encoding (Cyrillic, Greek, Arabic…), whose words are
	// runs of high bytes.
	cp1252MaxRunShare = 0.30
)

// decoded is the outcome of turning one input's bytes into text.
type decoded struct {
	text     string
	encoding string
	notes    []string // conversions that went well ("decoded as Windows-1252")
	warns    []string // problems the text was read despite
	skip     string   // why the input is not an article; "" when it is one

	// The control bytes of text when decodeBytes counted them (text is then
	// the bytes it was given), so that finishText does not count again.
	counted   bool
	nul, ctrl int
}

// status is the Status and Reason that d reports.
func (d *decoded) status() (status, reason string) {
	switch {
	case d.skip != "":
		return StatusSkipped, d.skip
	case len(d.warns) > 0:
		return StatusWarning, strings.Join(append(append([]string(nil), d.warns...), d.notes...), "; ")
	case len(d.notes) > 0:
		return StatusConverted, strings.Join(d.notes, "; ")
	}
	return StatusRead, ""
}

// binaryMagic names file formats that are text-like enough at the start to pass
// a control-character count, or common enough to name.
var binaryMagic = []struct {
	prefix string
	kind   string
}{
	{"%PDF-", "PDF document"},
	{"PK\x03\x04", "ZIP archive (or a Word/OpenDocument file)"},
	{"\x1f\x8b", "gzip archive"},
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (old Word or Excel)"},
	{"\x7fELF", "ELF executable"},
}

// decodeBytes turns the bytes of one file (or one JSONL line) into UTF-8 text:
//   - a byte-order mark selects UTF-8 (the mark is dropped), UTF-16LE or UTF-16BE;
//   - UTF-16 without a mark is recognised when half its bytes are NULs in the
//     right places (English and other Latin-script text);
//   - known binary formats, and inputs with many control bytes, are skipped;
//   - a few NUL bytes in otherwise good text are removed with a warning;
//   - valid UTF-8 is taken as it is;
//   - invalid UTF-8 that reads as Windows-1252 (few bytes above 0x7F, none of
//     the five bytes 1252 leaves undefined) is decoded as Windows-1252;
//   - anything else keeps its valid UTF-8 and has each invalid byte replaced by
//     U+FFFD, with a warning.
//
// Line ends are kept as they are (CRLF, CR or LF). Checks that apply to text
// from any input (HTML, empty) are in finishText.
func decodeBytes(b []byte) decoded {
	var d decoded
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		b = b[3:]
		d.notes = append(d.notes, "UTF-8 byte-order mark removed")
	case bytes.HasPrefix(b, []byte("\xff\xfe")), bytes.HasPrefix(b, []byte("\xfe\xff")):
		return decodeUTF16(b, true)
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(b, []byte(m.prefix)) {
			d.skip = "binary file (" + m.kind + ")"
			return d
		}
	}
	nul, ctrl := countControls(b)
	if nul > 0 && utf16NoBOM(b) != "" {
		return decodeUTF16(b, false)
	}
	if float64(ctrl) > binaryControlShare*float64(len(b)) {
		if nul > 0 {
			d.skip = fmt.Sprintf("binary file (NUL bytes: %d of %d bytes)", nul, len(b))
		} else {
			d.skip = fmt.Sprintf("binary file (%d control characters in %d bytes)", ctrl, len(b))
		}
		return d
	}
	if utf8.Valid(b) {
		d.encoding = UTF8
		d.text = string(b)
		d.counted, d.nul, d.ctrl = true, nul, ctrl
		return d
	}
	validMulti, invalid, high := utf8Census(b)
	if validMulti <= invalid && float64(highRuns(b)) <= cp1252MaxRunShare*float64(high) {
		if s, ok := decode1252(b); ok {
			d.encoding = Windows1252
			d.text = s
			d.notes = append(d.notes, "decoded as Windows-1252 (not valid UTF-8)")
			return d
		}
	}
	d.encoding = UTF8
	d.text = replaceInvalid(b)
	d.warns = append(d.warns, fmt.Sprintf("invalid UTF-8: %d bad byte sequences replaced with U+FFFD", invalid))
	return d
}

// decodeUTF16 decodes b as UTF-16; with bom, b starts with its byte-order mark.
func decodeUTF16(b []byte, bom bool) decoded {
	var d decoded
	order := xunicode.LittleEndian
	d.encoding = UTF16LE
	if bom && b[0] == 0xfe || !bom && utf16NoBOM(b) == UTF16BE {
		order = xunicode.BigEndian
		d.encoding = UTF16BE
	}
	policy := xunicode.IgnoreBOM
	if bom {
		policy = xunicode.ExpectBOM
	}
	out, err := xunicode.UTF16(order, policy).NewDecoder().Bytes(b)
	if err != nil { // the decoder replaces bad input; it fails only on a bug
		d.skip = "cannot decode UTF-16: " + err.Error()
		return d
	}
	d.text = string(out)
	if bom {
		d.notes = append(d.notes, "decoded from "+strings.ToUpper(d.encoding))
	} else {
		d.notes = append(d.notes, "decoded from "+strings.ToUpper(d.encoding)+" (no byte-order mark; recognised by its NUL bytes)")
	}
	if len(b)%2 == 1 {
		d.warns = append(d.warns, "odd number of bytes for UTF-16: the last byte replaced with U+FFFD")
	}
	return d
}

// utf16NoBOM recognises UTF-16 text without a byte-order mark: at least 40% of
// the two-byte units have a NUL on one side and almost none on the other (as
// Latin-script text in UTF-16 has). It returns UTF16LE, UTF16BE or "".
func utf16NoBOM(b []byte) string {
	if len(b) < 4 {
		return ""
	}
	var evenNUL, oddNUL int
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] == 0 {
			evenNUL++
		}
		if b[i+1] == 0 {
			oddNUL++
		}
	}
	units := len(b) / 2
	switch {
	case oddNUL*10 >= units*4 && evenNUL*100 <= units:
		return UTF16LE
	case evenNUL*10 >= units*4 && oddNUL*100 <= units:
		return UTF16BE
	}
	return ""
}

// isControl reports the control characters that do not belong in text: C0
// controls other than tab, LF, VT, FF and CR, and DEL.
func isControl(c byte) bool {
	return c < 0x20 && (c < '\t' || c > '\r') || c == 0x7f
}

// countControls counts NUL bytes and all control bytes (NUL included). It
// passes over eight bytes at a time that hold none.
func countControls[T string | []byte](b T) (nul, ctrl int) {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := uint64(b[i]) | uint64(b[i+1])<<8 | uint64(b[i+2])<<16 | uint64(b[i+3])<<24 |
			uint64(b[i+4])<<32 | uint64(b[i+5])<<40 | uint64(b[i+6])<<48 | uint64(b[i+7])<<56
		if !hasByteBelow(x, 0x20) && !hasByteBelow(x^(ones*0x7f), 1) {
			continue // every byte is 0x20 or more and none is 0x7f
		}
		for _, c := range [8]byte{b[i], b[i+1], b[i+2], b[i+3], b[i+4], b[i+5], b[i+6], b[i+7]} {
			if isControl(c) {
				ctrl++
				if c == 0 {
					nul++
				}
			}
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; isControl(c) {
			ctrl++
			if c == 0 {
				nul++
			}
		}
	}
	return nul, ctrl
}

const ones = 0x0101010101010101

// hasByteBelow reports whether a byte of x is below n (n ≤ 128).
func hasByteBelow(x uint64, n byte) bool { return (x-ones*uint64(n))&^x&(ones*0x80) != 0 }

// utf8Census counts well-formed multi-byte sequences, invalid sequences and
// bytes above 0x7F.
func utf8Census(b []byte) (validMulti, invalid, high int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
			high++
		} else {
			validMulti++
			high += size
		}
		i += size
	}
	return validMulti, invalid, high
}

// highRuns counts the bytes above 0x7F that are in runs of three or more.
func highRuns(b []byte) int {
	n, run := 0, 0
	for i := 0; i <= len(b); i++ {
		if i < len(b) && b[i] >= utf8.RuneSelf {
			run++
			continue
		}
		if run >= 3 {
			n += run
		}
		run = 0
	}
	return n
}

// decode1252 decodes b as Windows-1252. It fails when b has one of the bytes
// that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
func decode1252(b []byte) (string, bool) {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, c := range b {
		if c < utf8.RuneSelf {
			sb.WriteByte(c)
			continue
		}
		switch c {
		case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
			return "", false
		}
		sb.WriteRune(charmap.Windows1252.DecodeByte(c))
	}
	return sb.String(), true
}

// finishText applies the checks that every text gets, whatever its input:
// control characters (the text of a JSONL line can have "\u0000" escapes), NUL
// bytes removed, HTML stripped to text, and empty text skipped.
func finishText(d *decoded) {
	if d.skip != "" {
		return
	}
	nul, ctrl := d.nul, d.ctrl
	if !d.counted {
		nul, ctrl = countControls(d.text)
	}
	if float64(ctrl) > binaryControlShare*float64(len(d.text)) {
		if nul > 0 {
			d.skip = fmt.Sprintf("binary content (NUL bytes: %d of %d bytes)", nul, len(d.text))
		} else {
			d.skip = fmt.Sprintf("binary content (%d control characters in %d bytes)", ctrl, len(d.text))
		}
		return
	}
	if nul > 0 {
		d.text = strings.ReplaceAll(d.text, "\x00", "")
		d.warns = append(d.warns, fmt.Sprintf("%d NUL bytes removed", nul))
	}
	if looksHTML(d.text) {
		d.text = htmlToText(d.text)
		d.notes = append(d.notes, htmlNote)
	} else if s, ok := unescapeEntities(d.text); ok {
		d.text = s
		d.notes = append(d.notes, entitiesNote)
	}
	switch {
	case d.text == "" && len(d.notes) == 0:
		d.skip = "empty"
	case strings.TrimFunc(d.text, isSpaceOrBOM) != "":
	case len(d.notes) > 0 && d.notes[len(d.notes)-1] == htmlNote:
		d.skip = "empty (no text once HTML is stripped)"
	default:
		d.skip = "empty (whitespace only)"
	}
}

func isSpaceOrBOM(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B' }

// replaceInvalid returns b as a string with each byte of an invalid UTF-8
// sequence replaced by U+FFFD (strings.ToValidUTF8 would merge a run of them
// into one).
func replaceInvalid(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			sb.WriteString("\uFFFD")
		} else {
			sb.Write(b[i : i+size])
		}
		i += size
	}
	return sb.String()
}
