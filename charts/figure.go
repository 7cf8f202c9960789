package charts

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgeps"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Figure is one chart, ready to be rendered in any format.
type Figure struct {
	Name  string // file stem, e.g. "frame_share"
	Title string // the title drawn on the figure

	Width, Height vg.Length // print size

	// Aliases lists the labels drawn in place of names the fonts cannot
	// draw or that were shortened; the report should print them, and
	// AliasWarnings announces them.
	Aliases []Alias
	// Warnings says what was left out, one sentence each.
	Warnings []string

	lay   layout
	body  func(c draw.Canvas) // draws the plot area
	bodyH vg.Length           // height of the plot area
}

// PNGDPI is the resolution of PNG output, recorded in the file's pHYs chunk.
const PNGDPI = 300

// DPI 300 in pixels per metre, as PNG's pHYs chunk records it.
const pngPixelsPerMetre = 11811

// fixedPDFDate replaces the clock in PDF metadata: fpdf writes
// "D:YYYYMMDDhhmmss", always 16 bytes, so the replacement keeps every
// byte offset of the cross-reference table valid.
const fixedPDFDate = "D:20000101000000"

var (
	pdfDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:\d{14}\)`)
	epsDate = regexp.MustCompile(`(?m)^%%CreationDate:.*\n`)
	epsBBox = regexp.MustCompile(`(?m)^%%BoundingBox: 0 0 (\S+) (\S+)\n`)
)

// WriteTo renders f in format ("pdf", "svg", "eps" or "png") to w. The bytes
// depend only on the figure: rendering twice gives identical output.
func (f *Figure) WriteTo(w io.Writer, format string) (int64, error) {
	var buf bytes.Buffer
	if err := f.render(&buf, format); err != nil {
		return 0, err
	}
	return buf.WriteTo(w)
}

func (f *Figure) render(buf *bytes.Buffer, format string) (err error) {
	defer func() {
		// gonum/plot canvases panic on internal failures (a font that
		// cannot be built, an image in EPS); report them as errors.
		if r := recover(); r != nil {
			err = fmt.Errorf("charts: %s.%s: render: %v", f.Name, format, r)
		}
	}()
	w, h := f.Width, f.Height
	var (
		c   vg.CanvasWriterTo
		dc  vg.CanvasSizer
		fix func([]byte) ([]byte, error)
	)
	switch format {
	case "pdf":
		pc := vgpdf.New(w, h)
		c, dc = pc, cp1252Canvas{pc}
		fix = fixPDF
	case "svg":
		sc := vgsvg.New(w, h)
		c, dc = sc, sc
		fix = fixSVG
	case "eps":
		ec := vgeps.NewTitle(w, h, psString(f.Title))
		c, dc = ec, latin1Canvas{ec}
		fix = fixEPS
	case "png":
		ic := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(PNGDPI), vgimg.UseBackgroundColor(color.White))
		c, dc = fastPNG{ic}, ic
		fix = func(b []byte) ([]byte, error) { return b, nil }
	default:
		return fmt.Errorf("charts: %s: format %q: want one of pdf, svg, eps, png", f.Name, format)
	}
	f.draw(draw.New(dc))
	if _, err := c.WriteTo(buf); err != nil {
		return fmt.Errorf("charts: %s.%s: %w", f.Name, format, err)
	}
	b, err := fix(buf.Bytes())
	if err != nil {
		return fmt.Errorf("charts: %s.%s: %w", f.Name, format, err)
	}
	*buf = *bytes.NewBuffer(b)
	return nil
}

// fixPDF replaces the creation and modification dates by a fixed date of
// the same length.
func fixPDF(b []byte) ([]byte, error) {
	n := 0
	b = pdfDate.ReplaceAllFunc(b, func(m []byte) []byte {
		n++
		return pdfDate.ReplaceAll(m, []byte("/$1 ("+fixedPDFDate+")"))
	})
	if n != 2 {
		return nil, fmt.Errorf("pdf: found %d of the 2 dates to fix", n)
	}
	return b, nil
}

// fixEPS removes the %%CreationDate comment (optional in DSC), repairs the
// header and lets the text show through a Windows-1252 encoded font (see
// latin1Canvas).
func fixEPS(b []byte) ([]byte, error) {
	if !epsDate.Match(b) {
		return nil, errors.New("eps: no %%CreationDate line to remove")
	}
	b = epsDate.ReplaceAll(b, nil)
	// vgeps writes "%%!PS-Adobe…" and "%%Creator gonum…"; DSC wants
	// "%!PS-Adobe…" (how readers recognise PostScript) and "%%Creator:".
	b = bytes.Replace(b, []byte("%%!PS-Adobe-3.0"), []byte("%!PS-Adobe-3.0"), 1)
	b = bytes.Replace(b, []byte("%%Creator gonum"), []byte("%%Creator: gonum"), 1)
	// DSC wants integers in %%BoundingBox (7.16 in is 515.52 pt): round
	// out and keep the exact box as %%HiResBoundingBox.
	m := epsBBox.FindSubmatchIndex(b)
	if m == nil {
		return nil, errors.New("eps: no %%BoundingBox")
	}
	w, errW := strconv.ParseFloat(string(b[m[2]:m[3]]), 64)
	h, errH := strconv.ParseFloat(string(b[m[4]:m[5]]), 64)
	if errW != nil || errH != nil {
		return nil, fmt.Errorf("eps: bad %%%%BoundingBox %q", b[m[0]:m[1]])
	}
	box := fmt.Sprintf("%%%%BoundingBox: 0 0 %d %d\n%%%%HiResBoundingBox: 0 0 %s %s\n",
		int(math.Ceil(w)), int(math.Ceil(h)), b[m[2]:m[3]], b[m[4]:m[5]])
	b = slices.Concat(b[:m[0]], []byte(box), b[m[1]:])
	return reencodeEPS(b)
}

// fixSVG names fallbacks for Liberation Serif, which SVG viewers may lack:
// Times New Roman has the same metrics, so text keeps its measured width.
func fixSVG(b []byte) ([]byte, error) {
	return bytes.ReplaceAll(b, []byte("font-family:Liberation Serif;"),
		[]byte("font-family:'Liberation Serif','Times New Roman',Times,serif;")), nil
}

// addPHYs inserts a pHYs chunk recording PNGDPI right after IHDR, which
// PNG requires to be the first chunk (so pHYs precedes the first IDAT).
func addPHYs(b []byte) ([]byte, error) {
	const sig = "\x89PNG\r\n\x1a\n"
	if len(b) < 33 || string(b[:8]) != sig || string(b[12:16]) != "IHDR" {
		return nil, errors.New("png: no IHDR chunk first")
	}
	if bytes.Contains(b, []byte("pHYs")) {
		return nil, errors.New("png: already has a pHYs chunk")
	}
	end := 8 + 12 + int(binary.BigEndian.Uint32(b[8:12])) // after IHDR
	var ch [21]byte
	binary.BigEndian.PutUint32(ch[0:], 9)
	copy(ch[4:], "pHYs")
	binary.BigEndian.PutUint32(ch[8:], pngPixelsPerMetre)
	binary.BigEndian.PutUint32(ch[12:], pngPixelsPerMetre)
	ch[16] = 1 // unit: metre
	binary.BigEndian.PutUint32(ch[17:], crc32.ChecksumIEEE(ch[4:17]))
	return slices.Concat(b[:end], ch[:], b[end:]), nil
}

// File is one file WriteAll wrote.
type File struct {
	Name   string // path of the file
	Format string
	Bytes  int
	SHA256 [sha256.Size]byte // of the file's bytes, so a caller listing its outputs need not read them back
}

// WriteAll writes every figure in every format to dir (created if needed)
// as dir/<figure name>.<format>, and returns what it wrote, in figure then
// format order. formats nil means all of Formats. Figures render in
// parallel (one worker per CPU); the bytes do not depend on it. On error it
// returns the files written before the first failing one (in that order)
// and an error naming the file.
func WriteAll(dir string, figs []*Figure, formats []string) ([]File, error) {
	formats, err := Options{Formats: formats}.formats()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("charts: %w", err)
	}
	type job struct {
		f      *Figure
		format string
	}
	var jobs []job
	for _, f := range figs {
		for _, format := range formats {
			jobs = append(jobs, job{f, format})
		}
	}
	files := make([]File, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := range next {
				j := jobs[i]
				buf.Reset()
				if err := j.f.render(&buf, j.format); err != nil {
					errs[i] = err
					continue
				}
				name := filepath.Join(dir, j.f.Name+"."+j.format)
				if err := writeFile(name, buf.Bytes()); err != nil {
					errs[i] = fmt.Errorf("charts: %w", err)
					continue
				}
				files[i] = File{Name: name, Format: j.format, Bytes: buf.Len(), SHA256: sha256.Sum256(buf.Bytes())}
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return files[:i], err
		}
	}
	return files, nil
}

func writeFile(name string, b []byte) error {
	fh, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(fh)
	_, err = w.Write(b)
	if err == nil {
		err = w.Flush()
	}
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	return err
}

// fastPNG encodes the canvas with encodePNG (pHYs included); an image
// type it does not know goes through image/png and addPHYs.
type fastPNG struct{ *vgimg.Canvas }

func (c fastPNG) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	if img, ok := c.Image().(*image.RGBA); ok {
		err := encodePNG(cw, img, PNGDPI)
		return cw.n, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, c.Image()); err != nil {
		return 0, err
	}
	b, err := addPHYs(buf.Bytes())
	if err != nil {
		return 0, err
	}
	n, err := w.Write(b)
	return int64(n), err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
