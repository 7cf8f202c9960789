package charts

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"flag"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"gonum.org/v1/plot/cmpimg"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
	rscpdf "rsc.io/pdf"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var nan = math.NaN()

func TestCheckEstimates(t *testing.T) {
	ok := Estimate{Group: "Dawn", Series: "muslim_unity", Value: 0.3, Low: 0.2, High: 0.4, N: 50}
	with := func(f func(*Estimate)) []Estimate {
		e := ok
		f(&e)
		return []Estimate{e}
	}
	for _, c := range []struct {
		name string
		est  []Estimate
		want string // substring of the error; "" = valid
	}{
		{"valid", []Estimate{ok}, ""},
		{"no interval", with(func(e *Estimate) { e.Low, e.High = nan, nan }), ""},
		{"empty", nil, "no data"},
		{"NaN value names the outlet", with(func(e *Estimate) { e.Value = nan }), `outlet "Dawn", frame "muslim_unity" (estimate 0): value is NaN`},
		{"infinite value", with(func(e *Estimate) { e.Value = math.Inf(1) }), "value is infinite"},
		{"above 1", with(func(e *Estimate) { e.Value, e.High = 1.2, 1.3 }), "outside [0, 1]"},
		{"one NaN end", with(func(e *Estimate) { e.Low = nan }), "one NaN end"},
		{"interval misses value", with(func(e *Estimate) { e.Low, e.High = 0.4, 0.5 }), "does not contain"},
		{"empty outlet", with(func(e *Estimate) { e.Group = " " }), "empty outlet"},
		{"empty frame", with(func(e *Estimate) { e.Series = "" }), "empty frame"},
		{"negative N", with(func(e *Estimate) { e.N = -1 }), "negative N"},
		{"duplicate", []Estimate{ok, ok}, "duplicate"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := NewFrameShare(c.est, "", Options{})
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Fatalf("error %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestConstructorsReject(t *testing.T) {
	for _, c := range []struct {
		name string
		make func() (*Figure, error)
		want string
	}{
		{"tone year not a year", func() (*Figure, error) {
			return NewToneByYear([]Estimate{{Group: "last year", Series: "Dawn", Value: 0.1, Low: nan, High: nan}}, Options{})
		}, `year "last year", outlet "Dawn" (estimate 0): year is not a year`},
		{"tone NaN names outlet", func() (*Figure, error) {
			return NewToneByYear([]Estimate{{Group: "2017", Series: "Dawn", Value: nan, Low: nan, High: nan}}, Options{})
		}, `outlet "Dawn"`},
		{"tone outside -1..1", func() (*Figure, error) {
			return NewToneByYear([]Estimate{{Group: "2017", Series: "Dawn", Value: 2, Low: nan, High: nan}}, Options{})
		}, "outside [-1, 1]"},
		{"heat NaN", func() (*Figure, error) {
			return NewHeatMap([]Estimate{{Group: "Dawn", Series: "f", Value: nan}}, "", Options{})
		}, `outlet "Dawn", frame "f"`},
		{"dist NaN names outlet", func() (*Figure, error) {
			return NewToneDist([]Dist{{Label: "Dawn", Values: []float64{0, nan}, N: 2}}, Options{})
		}, `outlet "Dawn" (distribution 0): value 1 is NaN`},
		{"dist N below values", func() (*Figure, error) {
			return NewToneDist([]Dist{{Label: "Dawn", Values: []float64{0, 0.5}, N: 1}}, Options{})
		}, "N 1 is less than the 2 values"},
		{"dist all empty", func() (*Figure, error) {
			return NewToneDist([]Dist{{Label: "Dawn", N: 3}}, Options{})
		}, "no data"},
		{"voice three voices", func() (*Figure, error) {
			return NewFrameByVoice([]Estimate{
				{Group: "Dawn", Series: "f · a", Value: 0.1, Low: nan, High: nan},
				{Group: "Dawn", Series: "f · b", Value: 0.1, Low: nan, High: nan},
				{Group: "Dawn", Series: "f · c", Value: 0.1, Low: nan, High: nan},
			}, "", Options{})
		}, "3 voices"},
		{"bad width", func() (*Figure, error) {
			return NewFrameShare(sampleData(2, 2).FrameShare, "", Options{Width: "3col"})
		}, `width "3col"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := c.make()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want it to contain %q", err, c.want)
			}
			if f != nil {
				t.Fatalf("got a figure with the error")
			}
		})
	}
}

func TestFiguresEmptyAndPartial(t *testing.T) {
	figs, err := Figures(Data{}, Options{})
	if err != nil || len(figs) != 0 {
		t.Fatalf("empty data: %d figures, error %v; want none, nil", len(figs), err)
	}
	if got := Skipped(Data{}); len(got) != 5 {
		t.Fatalf("Skipped(empty) = %q, want 5 sentences", got)
	}

	d := sampleData(3, 4)
	d.ToneByYear = nil
	d.Heat[1].Value = nan
	figs, err = Figures(d, Options{})
	if err == nil || !strings.Contains(err.Error(), "heat map") {
		t.Fatalf("error %v, want the heat map's NaN reported", err)
	}
	var names []string
	for _, f := range figs {
		names = append(names, f.Name)
	}
	if got, want := strings.Join(names, " "), "frame_share tone_distribution frame_by_voice"; got != want {
		t.Errorf("figures %q, want %q", got, want)
	}
	if got := Skipped(d); len(got) != 1 || !strings.Contains(got[0], "tone by year") {
		t.Errorf("Skipped = %q, want tone by year only", got)
	}
}

// render returns f in format.
func render(t testing.TB, f *Figure, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	n, err := f.WriteTo(&b, format)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(b.Len()) || n == 0 {
		t.Fatalf("%s.%s: WriteTo returned %d for %d bytes", f.Name, format, n, b.Len())
	}
	return b.Bytes()
}

// goldenFigs are the figures of the golden tests; heatPNG renders the heat
// map's PNG once for the tests that need one (300 dpi PNGs are the slow
// part of this package's tests, under -race most of all).
var (
	goldenFigs = sync.OnceValues(func() ([]*Figure, error) { return Figures(sampleData(5, 4), Options{}) })
	heatPNG    = sync.OnceValues(func() ([]byte, error) {
		figs, err := goldenFigs()
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		_, err = figs[2].WriteTo(&b, "png")
		return b.Bytes(), err
	})
)

func TestDeterministic(t *testing.T) {
	figs, err := Figures(sampleData(3, 2), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) != 5 {
		t.Fatalf("%d figures, want 5", len(figs))
	}
	for _, format := range Formats {
		for _, f := range figs {
			if format == "png" {
				continue // below, on one figure: 300 dpi PNGs are slow
			}
			a, b := render(t, f, format), render(t, f, format)
			if !bytes.Equal(a, b) {
				t.Errorf("%s.%s differs between two renders", f.Name, format)
			}
		}
	}
	gf, err := goldenFigs()
	if err != nil {
		t.Fatal(err)
	}
	a, err := heatPNG()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, render(t, gf[2], "png")) {
		t.Errorf("%s.png differs between two renders", gf[2].Name)
	}
	// Two independent Figures calls too.
	again, _ := Figures(sampleData(3, 2), Options{})
	for i, f := range figs {
		if !bytes.Equal(render(t, f, "pdf"), render(t, again[i], "pdf")) {
			t.Errorf("%s.pdf differs between two Figures calls", f.Name)
		}
	}
}

func TestPDF(t *testing.T) {
	f, err := NewFrameShare(sampleData(3, 1).FrameShare, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := render(t, f, "pdf")
	for _, want := range []string{"/CreationDate (D:20000101000000)", "/ModDate (D:20000101000000)", "/Subtype /TrueType", "/FontFile2"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if bytes.Contains(b, []byte("/Type3")) {
		t.Error("PDF has a Type 3 font")
	}
	// A PDF reader opens it (the date fix kept the xref offsets right).
	if ok, err := cmpimg.Equal("pdf", b, b); err != nil || !ok {
		t.Errorf("PDF does not parse: %v", err)
	}
	// The xref offsets stay valid: startxref points at "xref".
	m := regexp.MustCompile(`startxref\s+(\d+)`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no startxref")
	}
	off := 0
	for _, c := range m[1] {
		off = off*10 + int(c-'0')
	}
	if !bytes.HasPrefix(b[off:], []byte("xref")) {
		t.Errorf("startxref %d does not point at the xref table", off)
	}
}

func TestPDFText(t *testing.T) {
	// The tone axis "Tone (−1…1)": "…" must reach the PDF as the one
	// Windows-1252 byte 0x85, not as three UTF-8 bytes.
	f, err := NewToneDist([]Dist{{Label: "Café Ñews", Values: []float64{-0.5, 0, 0.5}, N: 3}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := render(t, f, "pdf")
	if bytes.Contains(b, []byte("…")) || bytes.Contains(b, []byte("Café")) {
		t.Error("PDF holds UTF-8 text: it would show as mojibake")
	}
	// What a PDF reader extracts (rsc.io/pdf decodes WinAnsiEncoding;
	// it drops spaces).
	r, err := rscpdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, tx := range r.Page(1).Content().Text {
		text.WriteString(tx.S)
	}
	for _, want := range []string{"CaféÑews", "Paragraphtone(–1…1)", "1.5×IQR", "–0.5"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("PDF text %q lacks %q", text.String(), want)
		}
	}
	eps := render(t, f, "eps")
	if !bytes.HasPrefix(eps, []byte("%!PS-Adobe-3.0 EPSF-3.0\n")) {
		t.Errorf("EPS starts %q, want %%!PS-Adobe-3.0 EPSF-3.0", eps[:20])
	}
	for _, want := range []string{"%%Creator: ", `(Caf\351 \321ews) show`, `(\(n = 3\)) show`, `(Paragraph tone \(\2261\2051\)) show`, "-Win findfont", "%%BeginProlog"} {
		if !bytes.Contains(eps, []byte(want)) {
			t.Errorf("EPS lacks %q", want)
		}
	}
	f2, err := NewToneDist([]Dist{{Label: "Dawn", Values: []float64{0}, N: 1}}, Options{Width: "2col"})
	if err != nil {
		t.Fatal(err)
	}
	eps2 := render(t, f2, "eps")
	if !regexp.MustCompile(`(?m)^%%BoundingBox: 0 0 516 \d+\n%%HiResBoundingBox: 0 0 515\.52 \d+(\.\d+)?\n`).Match(eps2) {
		t.Errorf("2col EPS bounding box: %q", regexp.MustCompile(`(?m)^%%.*BoundingBox.*$`).FindAll(eps2, -1))
	}
	if bytes.Contains(eps, []byte("CreationDate")) {
		t.Error("EPS still has a CreationDate")
	}
}

func TestSVG(t *testing.T) {
	est := []Estimate{{Group: "A&B <News>", Series: `"quoted" frame`, Value: 0.5, Low: 0.4, High: 0.6}}
	f, err := NewFrameShare(est, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := render(t, f, "svg")
	dec := xml.NewDecoder(bytes.NewReader(b))
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			text.Write(cd)
		}
	}
	for _, want := range []string{"A&B <News>", `"quoted" frame`} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("SVG text lacks %q", want)
		}
	}
	if !bytes.Contains(b, []byte("'Times New Roman'")) {
		t.Error("SVG names no fallback font")
	}
}

func TestPNGResolution(t *testing.T) {
	b, err := heatPNG()
	if err != nil {
		t.Fatal(err)
	}
	// Walk the chunks: pHYs must come before the first IDAT, once, with
	// 11811 px/m in both directions, unit metre and a valid CRC.
	seen := false
	for i := 8; i < len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		typ := string(b[i+4 : i+8])
		data := b[i+8 : i+8+n]
		crc := binary.BigEndian.Uint32(b[i+8+n:])
		if crc != crc32.ChecksumIEEE(b[i+4:i+8+n]) {
			t.Fatalf("chunk %s: bad CRC", typ)
		}
		switch typ {
		case "pHYs":
			if seen {
				t.Fatal("two pHYs chunks")
			}
			seen = true
			x, y := binary.BigEndian.Uint32(data), binary.BigEndian.Uint32(data[4:])
			if x != 11811 || y != 11811 || data[8] != 1 {
				t.Errorf("pHYs %d×%d unit %d, want 11811×11811 unit 1", x, y, data[8])
			}
		case "IDAT":
			if !seen {
				t.Fatal("IDAT before pHYs")
			}
		}
		i += 12 + n
	}
	w := binary.BigEndian.Uint32(b[16:])
	if want := uint32(math.Round(3.5 * PNGDPI)); w != want {
		t.Errorf("PNG width %d px, want %d (3.5 in at 300 dpi)", w, want)
	}
}

// texts returns every string f draws.
func texts(f *Figure) []string {
	var rec recorder.Canvas
	f.draw(draw.NewCanvas(&rec, f.Width, f.Height))
	var out []string
	for _, a := range rec.Actions {
		if fs, ok := a.(*recorder.FillString); ok {
			out = append(out, fs.String)
		}
	}
	return out
}

func TestNonLatinLabels(t *testing.T) {
	d := sampleData(5, 2)
	figs, err := Figures(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range figs {
		drawn := strings.Join(texts(f), "\n")
		for _, s := range texts(f) {
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: draws an empty string", f.Name)
			}
			for _, r := range s {
				if _, ok := charmap.Windows1252.EncodeRune(r); !ok && r != '−' {
					t.Errorf("%s: draws %q, which the fonts cannot show", f.Name, r)
				}
			}
		}
		want := map[string]string{"خبرگزاری مهر": "Outlet 4 [fa]", "روزنامہ جنگ": "Outlet 5 [ur]"}
		got := map[string]string{}
		for _, a := range f.Aliases {
			got[a.Name] = a.Shown
		}
		for name, code := range want {
			if got[name] != code {
				t.Errorf("%s: alias of %q is %q, want %q", f.Name, name, got[name], code)
			}
			if !strings.Contains(drawn, code) {
				t.Errorf("%s: %q is not drawn", f.Name, code)
			}
		}
		if w := AliasWarnings([]*Figure{f}); !strings.Contains(strings.Join(w, "\n"), ReasonScript+"): ") {
			t.Errorf("%s: alias warnings %q do not announce the codes", f.Name, w)
		}
		for _, a := range f.Aliases {
			if a.Reason == "" {
				t.Errorf("%s: alias %+v has no reason", f.Name, a)
			}
		}
		for _, o := range []string{"Dawn", "Tehran Times"} {
			if !strings.Contains(drawn, o) {
				t.Errorf("%s: outlet %q not drawn", f.Name, o)
			}
		}
	}
}

func TestAllAliases(t *testing.T) {
	figs, err := Figures(sampleData(6, 2), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range AllAliases(figs) {
		got = append(got, a.Shown+" = "+a.Name)
	}
	// Codes number outlets in sorted order of all outlet names: the two
	// Arabic-script names sort after the four Latin ones.
	for _, want := range []string{"Outlet 5 [fa] = خبرگزاری مهر", "Outlet 6 [ur] = روزنامہ جنگ"} {
		if !slices.Contains(got, want) {
			t.Errorf("AllAliases = %q, want it to hold %q", got, want)
		}
	}
	if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
		t.Errorf("AllAliases = %q: not sorted or has repeats", got)
	}
}

func TestLabeler(t *testing.T) {
	l := newLabeler(map[string][]string{"Outlet": {"روزنامہ جنگ", "Dawn", "خبرگزاری مهر", "Gazeta Wyborcza Łódź", "Новая газета", "Dawn"}})
	for _, c := range []struct{ name, want string }{
		{"Dawn", "Dawn"},
		{"Gazeta Wyborcza Łódź", "Gazeta Wyborcza Lódz"}, // ó is in Windows-1252
		{"Новая газета", "Outlet 3 [Cyrl]"},
		{"خبرگزاری مهر", "Outlet 4 [fa]"},
		{"روزنامہ جنگ", "Outlet 5 [ur]"},
		{"never seen", "never seen"},
		{"東京新聞", "[Hani]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := l.label(c.name); got != c.want {
				t.Errorf("label(%q) = %q, want %q", c.name, got, c.want)
			}
		})
	}
}

func TestManyOutletsAndYears(t *testing.T) {
	for _, c := range []struct {
		name           string
		outlets, years int
		width          string
		render         bool
	}{
		{"one outlet one year", 1, 1, "1col", true},
		{"forty outlets", 40, 15, "1col", true},
		{"forty outlets 2col", 40, 15, "2col", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			figs, err := Figures(sampleData(c.outlets, c.years), Options{Width: c.width})
			if err != nil {
				t.Fatal(err)
			}
			if len(figs) != 5 {
				t.Fatalf("%d figures, want 5", len(figs))
			}
			for _, f := range figs {
				if f.Height <= 0 || f.Width <= 0 {
					t.Errorf("%s: size %v × %v", f.Name, f.Width, f.Height)
				}
				if c.render { // EPS: the fastest format, panics show up here
					render(t, f, "eps")
				}
			}
		})
	}
	// More outlets make taller figures.
	small, _ := Figures(sampleData(3, 2), Options{})
	big, _ := Figures(sampleData(20, 2), Options{})
	for i := range small {
		if big[i].Height <= small[i].Height {
			t.Errorf("%s: 20 outlets %v tall, 3 outlets %v", small[i].Name, big[i].Height, small[i].Height)
		}
	}
}

func TestWriteAll(t *testing.T) {
	figs, err := Figures(sampleData(2, 2), Options{Formats: []string{"svg"}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, err := WriteAll(filepath.Join(dir, "charts"), figs[:2], []string{"svg", "eps"})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 4 {
		t.Fatalf("%d files, want 4", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) != f.Bytes {
			t.Errorf("%s: %d bytes, File says %d", f.Name, len(b), f.Bytes)
		}
		if sha256.Sum256(b) != f.SHA256 {
			t.Errorf("%s: File's SHA-256 is not the file's", f.Name)
		}
	}
	if _, err := WriteAll(dir, figs, []string{"gif"}); err == nil {
		t.Error("WriteAll accepted gif")
	}
	if _, err := Figures(Data{}, Options{Formats: []string{"jpg"}}); err == nil {
		t.Error("Figures accepted format jpg")
	}
}

// golden compares got with testdata/name (cmpimg.Equal for images), writes
// testdata/name.got on mismatch, and rewrites the golden file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	ext := strings.TrimPrefix(filepath.Ext(name), ".")
	ok, err := cmpimg.EqualApprox(ext, got, want, 0.0005)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		_ = os.WriteFile(path+".got", got, 0o644)
		t.Errorf("%s differs from the golden file; see %s.got (go test -update accepts it)", path, path)
	}
}

func TestGolden(t *testing.T) {
	figs, err := goldenFigs()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range figs {
		t.Run(f.Name+".svg", func(t *testing.T) {
			golden(t, f.Name+".svg", render(t, f, "svg"))
		})
	}
	t.Run("frame_heatmap.png", func(t *testing.T) {
		b, err := heatPNG()
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "frame_heatmap.png", b)
	})
}

func TestErrNoDataWrapped(t *testing.T) {
	_, err := NewHeatMap(nil, "", Options{})
	if !errors.Is(err, ErrNoData) {
		t.Fatalf("error %v does not wrap ErrNoData", err)
	}
}

func TestScaleKey(t *testing.T) {
	for _, c := range []struct {
		name   string
		lo, hi float64
		want   string
	}{
		{"shares", 0, 0.58, "0 0.12 0.24 0.36 0.48 0.6"},
		{"all of [0,1]", 0, 1, "0 0.2 0.4 0.6 0.8 1"},
		{"counts", 0, 37, "0 8 16 24 32 40"},
		{"diverging", -0.45, 0.3, "-0.5 -0.25 0 0.25 0.5"},
		{"all negative", -0.2, 0, "-0.2 -0.16 -0.12 -0.08 -0.04 0"},
		{"all zero", 0, 0, "0 0.2 0.4 0.6 0.8 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			vals, _ := newScale(c.lo, c.hi).keyValues()
			var got []string
			for _, v := range vals {
				got = append(got, strconv.FormatFloat(math.Round(v*1e9)/1e9, 'g', -1, 64))
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("key %s, want %s", g, c.want)
			}
		})
	}
}

func TestCellFormat(t *testing.T) {
	est := []Estimate{{Value: -0.25}, {Value: 0.5}}
	sty := style(fontSmall)
	for _, c := range []struct {
		name  string
		width vg.Length
		want  string
		ok    bool
	}{
		{"wide", 40, "−0.25", true},
		{"narrow drops the zero", sty.Width("−.25") + 0.5, "−.25", true},
		{"too narrow", 5, "−0.25", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, ok := cellFormat(est, sty, c.width)
			if got := f(-0.25); got != c.want || ok != c.ok {
				t.Errorf("format(-0.25) = %q, %v; want %q, %v", got, ok, c.want, c.ok)
			}
		})
	}
	ints, _ := cellFormat([]Estimate{{Value: 12}, {Value: 0}}, sty, 40)
	if got := ints(12); got != "12" {
		t.Errorf("integer cell %q, want 12", got)
	}
}

func TestHeatMapManyFrames(t *testing.T) {
	var est []Estimate
	for _, o := range []string{"Dawn", "Tehran Times"} {
		for k := range 30 {
			est = append(est, Estimate{Group: o, Series: "frame " + strconv.Itoa(k), Value: float64(k) / 30, Low: nan, High: nan})
		}
	}
	f, err := NewHeatMap(est, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Warnings) == 0 || !strings.Contains(f.Warnings[0], "too narrow") {
		t.Errorf("warnings %q, want the values reported left out", f.Warnings)
	}
	for _, s := range texts(f) {
		if strings.HasPrefix(s, "0.") && len(s) == 4 && s != "0.00" && s != "0.20" && s != "0.40" && s != "0.60" && s != "0.80" {
			t.Errorf("cell value %q drawn in a cell too narrow for it", s)
		}
	}
}

// TestGrayscaleStyles checks that series stay apart without colour: bars
// of the first 8 series (the palette) differ in hatching or clearly in
// lightness, lines in dash or marker up to 35 series.
func TestGrayscaleStyles(t *testing.T) {
	for i := range len(okabeIto) {
		for j := i + 1; j < len(okabeIto); j++ {
			if seriesHatch(i) == seriesHatch(j) && math.Abs(luminance(seriesColor(i))-luminance(seriesColor(j))) < 0.15 {
				t.Errorf("bar series %d and %d: same hatching, lightness %.2f and %.2f", i, j, luminance(seriesColor(i)), luminance(seriesColor(j)))
			}
		}
	}
	seen := map[[2]int]int{}
	for i := range len(glyphs) * len(dashes) {
		k := [2]int{i % len(glyphs), i % len(dashes)}
		if p, ok := seen[k]; ok {
			t.Fatalf("line series %d and %d share marker and dash", p, i)
		}
		seen[k] = i
	}
}

func TestEncodePNG(t *testing.T) {
	for _, c := range []struct {
		name   string
		opaque bool
		sub    bool
	}{
		{"opaque", true, false},
		{"alpha", false, false},
		{"sub-image", true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			var img *image.RGBA = image.NewRGBA(image.Rect(0, 0, 70, 300)) // > 64 KiB of rows: several IDATs
			for i := range img.Pix {
				img.Pix[i] = byte(i*7 + i/13)
				if i%4 == 3 && c.opaque {
					img.Pix[i] = 255
				}
			}
			if c.sub {
				img = img.SubImage(image.Rect(5, 7, 60, 290)).(*image.RGBA)
			}
			var b bytes.Buffer
			if err := encodePNG(&b, img, 300); err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if got.Bounds().Dx() != img.Bounds().Dx() || got.Bounds().Dy() != img.Bounds().Dy() {
				t.Fatalf("size %v, want %v", got.Bounds(), img.Bounds())
			}
			for y := range img.Bounds().Dy() {
				for x := range img.Bounds().Dx() {
					want := color.NRGBAModel.Convert(img.At(img.Bounds().Min.X+x, img.Bounds().Min.Y+y))
					if g := color.NRGBAModel.Convert(got.At(x, y)); g != want {
						t.Fatalf("pixel %d,%d = %v, want %v", x, y, g, want)
					}
				}
			}
		})
	}
	// The fallback: image/png's output with a pHYs chunk inserted.
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 3, 3))); err != nil {
		t.Fatal(err)
	}
	withPHYs, err := addPHYs(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(withPHYs)); err != nil {
		t.Fatalf("PNG with pHYs inserted does not decode: %v", err)
	}
	if i := bytes.Index(withPHYs, []byte("pHYs")); i < 0 || i > bytes.Index(withPHYs, []byte("IDAT")) {
		t.Error("pHYs missing or after IDAT")
	}
	if _, err := addPHYs(withPHYs); err == nil {
		t.Error("addPHYs added a second pHYs")
	}
}

func TestDodge(t *testing.T) {
	s := func(v ...float64) toneSeries { return toneSeries{vals: v} }
	got := dodge([]toneSeries{s(0.1, nan, 0.3), s(0.2, 0.1, nan), s(nan, nan, 0.5)})
	step := 0.08 // min(0.08, 0.5/3)
	want := [][]float64{{-step / 2, 0, -step / 2}, {step / 2, 0, 0}, {0, 0, step / 2}}
	for i := range want {
		for j := range want[i] {
			if math.Abs(got[i][j]-want[i][j]) > 1e-12 {
				t.Errorf("dodge[%d][%d] = %g, want %g", i, j, got[i][j], want[i][j])
			}
		}
	}
}

func TestShareAxisSkipsMissing(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name              string
		series            []barSeries
		wantMax, wantStep float64
	}{
		{"missing cell", []barSeries{{vals: []float64{0.3, nan}, hi: []float64{nan, nan}}}, 0.3, 0.1},
		{"interval end counts", []barSeries{{vals: []float64{0.3}, hi: []float64{0.62}}}, 0.8, 0.2},
		{"all missing", []barSeries{{vals: []float64{nan}, hi: []float64{nan}}}, 0.05, 0.05},
		{"small shares", []barSeries{{vals: []float64{0.04, 0.12}, hi: []float64{nan, 0.14}}}, 0.15, 0.05},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gotMax, gotStep := shareAxis(tt.series, len(tt.series[0].vals))
			if math.Abs(gotMax-tt.wantMax) > 1e-9 || gotStep != tt.wantStep {
				t.Errorf("shareAxis = %v, %v; want %v, %v", gotMax, gotStep, tt.wantMax, tt.wantStep)
			}
		})
	}
}
