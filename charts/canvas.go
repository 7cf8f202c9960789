package charts

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/encoding/charmap"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgeps"
	"gonum.org/v1/plot/vg/vgpdf"
)

// cp1252 encodes s as Windows-1252 bytes, the encoding gonum/plot gives the
// TrueType fonts it embeds in PDFs. The labeler keeps data labels inside
// Windows-1252; the few typographic runes outside it that the package's own
// labels use get their nearest Windows-1252 character.
func cp1252(s string) []byte {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch r {
		case '−': // U+2212 minus sign
			r = '–'
		case '\u2009', '\u202f', '\u00a0': // thin and no-break spaces
			r = ' '
		}
		if c, ok := charmap.Windows1252.EncodeRune(r); ok {
			b = append(b, c)
			continue
		}
		if f, ok := latinFold[r]; ok {
			b = append(b, f...)
			continue
		}
		b = append(b, '?')
	}
	return b
}

// cp1252Canvas passes text to the PDF canvas as Windows-1252 bytes; without
// it, every non-ASCII rune comes out as two or three wrong glyphs.
type cp1252Canvas struct{ *vgpdf.Canvas }

func (c cp1252Canvas) FillString(f font.Face, pt vg.Point, s string) {
	c.Canvas.FillString(f, pt, string(cp1252(s)))
}

// latin1Canvas passes text to the EPS canvas as a PostScript string body:
// Windows-1252 bytes, with parentheses, backslashes and non-ASCII bytes
// escaped. reencodeEPS gives the fonts an encoding that matches.
type latin1Canvas struct{ *vgeps.Canvas }

func (c latin1Canvas) FillString(f font.Face, pt vg.Point, s string) {
	c.Canvas.FillString(f, pt, psString(s))
}

// psString escapes s for a PostScript string literal.
func psString(s string) string {
	var b strings.Builder
	for _, c := range cp1252(s) {
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

var epsFont = regexp.MustCompile(`(?m)^/(\S+) findfont `)

// winAnsiPS defines WinAnsiEncoding (Windows-1252) from ISOLatin1Encoding,
// and fsReEncode, which makes a copy of a font with that encoding.
const winAnsiPS = `/WinAnsiEncoding ISOLatin1Encoding 256 array copy def
WinAnsiEncoding
dup 39 /quotesingle put dup 45 /hyphen put dup 96 /grave put
dup 128 /Euro put dup 130 /quotesinglbase put dup 131 /florin put
dup 132 /quotedblbase put dup 133 /ellipsis put dup 134 /dagger put
dup 135 /daggerdbl put dup 136 /circumflex put dup 137 /perthousand put
dup 138 /Scaron put dup 139 /guilsinglleft put dup 140 /OE put
dup 142 /Zcaron put dup 145 /quoteleft put dup 146 /quoteright put
dup 147 /quotedblleft put dup 148 /quotedblright put dup 149 /bullet put
dup 150 /endash put dup 151 /emdash put dup 152 /tilde put
dup 153 /trademark put dup 154 /scaron put dup 155 /guilsinglright put
dup 156 /oe put dup 158 /zcaron put dup 159 /Ydieresis put
pop
/fsReEncode { % /newname /oldname
  findfont dup length dict begin
  { 1 index /FID ne { def } { pop pop } ifelse } forall
  /Encoding WinAnsiEncoding def currentdict end definefont pop
} bind def
`

// reencodeEPS defines a Windows-1252 copy of every font the EPS uses right
// after the header and makes the text use it.
func reencodeEPS(b []byte) ([]byte, error) {
	const end = "%%EndComments\n"
	i := bytes.Index(b, []byte(end))
	if i < 0 {
		return nil, fmt.Errorf("eps: no %s", strings.TrimSpace(end))
	}
	var names []string
	for _, m := range epsFont.FindAllSubmatch(b, -1) {
		names = append(names, string(m[1]))
	}
	slices.Sort(names)
	names = slices.Compact(names)
	var pro strings.Builder
	pro.WriteString("%%BeginProlog\n")
	pro.WriteString(winAnsiPS)
	for _, n := range names {
		fmt.Fprintf(&pro, "/%s-Win /%s fsReEncode\n", n, n)
	}
	pro.WriteString("%%EndProlog\n")
	body := epsFont.ReplaceAll(b[i+len(end):], []byte("/$1-Win findfont "))
	return slices.Concat(b[:i+len(end)], []byte(pro.String()), body), nil
}
