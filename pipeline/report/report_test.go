package report

import (
	"bytes"
	"flag"
	"math"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// barSVG is a small hand-written bar chart, well-formed and with a size, as
// gonum/plot writes them.
const barSVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="320pt" height="160pt" viewBox="0 0 320 160">
<rect width="320" height="160" fill="#ffffff"/>
<line x1="40" y1="140" x2="310" y2="140" stroke="#000000"/>
<rect x="60" y="60" width="60" height="80" fill="#4c72b0"/>
<rect x="160" y="100" width="60" height="40" fill="#4c72b0"/>
<text x="90" y="155" font-size="10" text-anchor="middle">Dawn</text>
<text x="190" y="155" font-size="10" text-anchor="middle">Tehran Times</text>
</svg>
`

// sampleData is a small fixed report: two outlets, two frames, one chart, one
// table, a record with a skipped input.
func sampleData() Data {
	return Data{
		Title:   "Framing of Iran–Pakistan defence ties",
		Version: "framescope v0.1.0",
		Method: "Unit: paragraph of article body. Shares are weighted equally per article; " +
			"95% intervals from 1,000 bootstrap resamples over articles (seed 1). Codebook sha256:0123abcd.",
		Notes: []string{"1 outlet name contains glyphs the chart font lacks: shown in tables only."},
		Charts: []Chart{{
			ID:     "frame-share",
			Title:  "Share of paragraphs with each frame, by outlet",
			Method: "Bars: share of paragraphs; whiskers: 95% bootstrap interval over articles.",
			SVG:    []byte(barSVG),
			Table: Table{
				Header: []string{"Outlet", "Frame", "Share", "95% CI"},
				Rows: [][]string{
					{"Dawn", "muslim_unity", "0.40", "[0.20, 0.60]"},
					{"Tehran Times", "muslim_unity", "0.20", "[0.05, 0.35]"},
				},
			},
		}},
		Tables: []Table{{
			ID:      "comparisons",
			Caption: "Outlet comparisons: difference in frame share",
			Header:  []string{"Frame", "A", "B", "Δ share", "p (Welch)", "p (Holm)"},
			Rows: [][]string{
				{"muslim_unity", "Dawn", "Tehran Times", "0.20", "0.041", "0.082"},
				{"us_israel_threat", "Dawn", "Tehran Times", "-0.15", "0.300", "0.300"},
			},
			Note: "Welch's t test over articles; Holm correction across 2 comparisons.",
		}},
		CellsCaption: "Share of paragraphs with the frame.",
		Frames: []Frame{
			{ID: "muslim_unity", Label: "Unity of Muslims and the Muslim world"},
			{ID: "us_israel_threat"},
			{ID: "border_security"},
		},
		Cells: []Cell{
			{Source: "Dawn", Frame: "muslim_unity", Value: "0.40", N: 2, Paragraphs: []Evidence{
				{Doc: "dawn-2024-01.txt", Para: 3, Text: "Both nations share Islamic brotherhood, the minister said.",
					Highlights: [][2]int{{19, 38}}, Terms: []string{"islamic brotherhood"}, Voice: "official", Tone: "+0.32"},
				{Doc: "dawn-2024-01.txt", Para: 5, Text: "The ummah stands together, he added.",
					Highlights: [][2]int{{4, 9}}, Terms: []string{"ummah"}, Voice: "official", Tone: "-0.12"},
			}},
			{Source: "Dawn", Frame: "us_israel_threat", Value: "0.00", N: 0},
			{Source: "Tehran Times", Frame: "muslim_unity", Value: "0.20", N: 3, More: 2, Paragraphs: []Evidence{
				{Doc: "tt-2024-02.txt", Para: 1, Text: "Tehran and Islamabad vowed Muslim unity.",
					Highlights: [][2]int{{27, 39}}, Terms: []string{"muslim unity"}, Voice: "journalist", Tone: "+0.05"},
			}},
		},
		Record: Record{
			Inputs: []Input{
				{Path: "seeds/dawn-2024-01.txt", Status: "processed"},
				{Path: "seeds/tt-2024-02.txt", Status: "converted", Reason: "decoded from Windows-1252"},
				{Path: "seeds/corpus.jsonl", Line: 7, Status: "skipped", Reason: "no body text"},
			},
			Counts: [][2]string{{"articles", "2"}, {"paragraphs", "14"}},
		},
	}
}

// checkGolden compares got with testdata/name, rewriting it under -update and
// writing name.got on a mismatch.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got, *update)
}

func TestGolden(t *testing.T) {
	d := sampleData()
	var html, tex bytes.Buffer
	if err := WriteHTML(&html, d); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "report.html", html.Bytes())
	if err := WriteTeX(&tex, append([]Table{d.Charts[0].Table}, d.Tables...)); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "tables.tex", tex.Bytes())

	// Same input, same bytes.
	var again bytes.Buffer
	if err := WriteHTML(&again, sampleData()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(html.Bytes(), again.Bytes()) {
		t.Error("two runs on the same data wrote different HTML")
	}
}

func TestHTMLStructure(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteHTML(&buf, sampleData()); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, tc := range []struct {
		name, want string
	}{
		{"csp", `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline';`},
		{"chart as data url", `<img src="data:image/svg&#43;xml;base64,`},
		{"chart anchor from safe ID", `<figure id="chart-frame-share">`},
		{"table anchor from safe ID", `id="table-comparisons"`},
		{"cell link", `<a href="#cell-1">0.40 <span class="n">n=2</span></a>`},
		{"frame label over ID", `<bdi>Unity of Muslims and the Muslim world</bdi><br><span class="fid">muslim_unity</span>`},
		{"listed frame without cells is a column", `<bdi>border_security</bdi></th></tr></thead>`},
		{"minus sign in numeric column", `<td class="num">−0.15</td>`},
		{"minus sign in tone", `tone: −0.12`},
		{"cell anchor", `<section class="cell" id="cell-1">`},
		{"highlight", `Both nations share <mark>Islamic brotherhood</mark>, the minister said.`},
		{"more", `… and 2 more not listed`},
		{"kwic command", `<code>framescope kwic -frame muslim_unity -source &#39;Tehran Times&#39;</code>`},
		{"skipped input", `<span class="status status-skipped">skipped</span>`},
		{"status summary", `Inputs: 1 converted, 1 processed, 1 skipped.`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(html, tc.want) {
				t.Errorf("HTML lacks %q", tc.want)
			}
		})
	}
	// A cell without listed paragraphs has no link and no anchor.
	if strings.Contains(html, `href="#cell-2"`) || strings.Contains(html, `id="cell-2"`) {
		t.Error("cell 2 has no paragraphs but is linked")
	}
	for _, bad := range []string{"http://", "https://", "<script", "<link", "@import", "url("} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML contains %q: the page must make no request and run no script", bad)
		}
	}
}

func TestWriteHTMLErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Data)
		want string
	}{
		{"duplicate cell", func(d *Data) { d.Cells = append(d.Cells, d.Cells[0]) }, "cells 0 and 3"},
		{"negative count", func(d *Data) { d.Cells[1].N = -1 }, "negative count"},
		{"negative cap", func(d *Data) { d.MaxParagraphs = -1 }, "MaxParagraphs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := sampleData()
			tc.edit(&d)
			err := WriteHTML(&bytes.Buffer{}, d)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to mention %q", err, tc.want)
			}
		})
	}
}

func TestBrokenChartIsANote(t *testing.T) {
	for _, tc := range []struct {
		name, svg, want string
	}{
		{"empty", "", "no SVG was rendered"},
		{"not well-formed", `<svg xmlns="http://www.w3.org/2000/svg"><text>AT&T</text></svg>`, "not well-formed"},
		{"not svg", `<html></html>`, "not an SVG document"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := sampleData()
			d.Charts[0].SVG = []byte(tc.svg)
			var buf bytes.Buffer
			if err := WriteHTML(&buf, d); err != nil {
				t.Fatal(err)
			}
			html := buf.String()
			if !strings.Contains(html, tc.want) || strings.Contains(html, "<img") {
				t.Errorf("want a note %q and no image", tc.want)
			}
			if !strings.Contains(html, "[0.20, 0.60]") {
				t.Error("the chart's data table is missing")
			}
		})
	}
}

func TestParagraphCap(t *testing.T) {
	d := sampleData()
	d.MaxParagraphs = 1
	var buf bytes.Buffer
	if err := WriteHTML(&buf, d); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	// Dawn × muslim_unity had 2 listed, now 1 listed and 1 more.
	if got := strings.Count(html, `<p class="text"`); got != 2 {
		t.Errorf("%d paragraphs listed, want 2 (one per cell)", got)
	}
	if !strings.Contains(html, "… and 1 more not listed") {
		t.Error("the capped cell does not say how many more")
	}
}

func TestRecordCap(t *testing.T) {
	d := sampleData()
	d.Record.Inputs = nil
	for i := range MaxListedInputs + 10 {
		in := Input{Path: "big.jsonl", Line: i + 1, Status: "processed"}
		if i%100 == 0 {
			in.Status, in.Reason = "skipped", "not UTF-8"
		}
		d.Record.Inputs = append(d.Record.Inputs, in)
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, d); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	if got := strings.Count(html, `"status status-skipped"`); got != 6 {
		t.Errorf("%d skipped inputs listed, want all 6", got)
	}
	if strings.Contains(html, `"status status-processed"`) {
		t.Error("processed inputs are listed in a record over the cap")
	}
	if !strings.Contains(html, "The 504 processed inputs are not listed") {
		t.Error("the record does not say how many inputs are not listed")
	}
}

func TestSafeID(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"frame-share", "frame-share"},
		{"tab:comparisons_1.2", "tab:comparisons_1.2"},
		{"", "x"},
		{"1abc", "x"},
		{`a"onmouseover=alert(1)`, "x"},
		{"a b", "x"},
		{"Dawn<script>", "x"},
		{strings.Repeat("a", 65), "x"},
	} {
		if got := safeID(tc.in, "x"); got != tc.want {
			t.Errorf("safeID(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestShellQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"muslim_unity", "muslim_unity"},
		{"a b", "'a b'"},
		{"it's", `'it'\''s'`},
		{"$(rm -rf /)", "'$(rm -rf /)'"},
		{"", "''"},
	} {
		if got := shellQuote(tc.in); got != tc.want {
			t.Errorf("shellQuote(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEmptyParts(t *testing.T) {
	for _, tc := range []struct {
		name    string
		d       Data
		want    []string
		notWant []string
	}{
		{"nothing", Data{Title: "Empty run"}, []string{"<h1 dir=\"auto\">Empty run</h1>", "No input was read."},
			[]string{`id="charts"`, `id="tables"`, `id="matrix"`, "<table"}},
		{"chart without data", Data{Charts: []Chart{{Title: "c", SVG: []byte(barSVG)}}}, []string{`<figure id="chart-1">`},
			[]string{"<table"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteHTML(&buf, tc.d); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("HTML lacks %q", w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(buf.String(), w) {
					t.Errorf("HTML has %q", w)
				}
			}
		})
	}
}

func TestAnchorsUnique(t *testing.T) {
	d := Data{Charts: []Chart{
		{ID: "2", SVG: []byte(barSVG)}, {SVG: []byte(barSVG)}, {ID: "2", SVG: []byte(barSVG)}, {ID: "bad id", SVG: []byte(barSVG)},
	}}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, d); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(`<figure id="([^"]*)">`).FindAllStringSubmatch(buf.String(), -1) {
		if seen[m[1]] {
			t.Errorf("id %q used twice", m[1])
		}
		seen[m[1]] = true
	}
	if len(seen) != 4 {
		t.Errorf("%d figure ids, want 4: %v", len(seen), seen)
	}
}

func TestSVGSize(t *testing.T) {
	for _, tc := range []struct {
		name string
		svg  string
		w, h float64
	}{
		{"points", `<svg xmlns="http://www.w3.org/2000/svg" width="252pt" height="189pt"/>`, 336, 252},
		{"inches", `<svg width="3.5in" height="2in"/>`, 336, 192},
		{"bare numbers are px", `<svg width="400" height="300"/>`, 400, 300},
		{"viewBox when no size", `<svg viewBox="0 0 320, 160"/>`, 320, 160},
		{"percent is not a size", `<svg width="100%" height="100%"/>`, 0, 0},
		{"nothing", `<svg/>`, 0, 0},
		{"negative", `<svg width="-5pt" height="10pt"/>`, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, h, err := checkSVG([]byte(tc.svg))
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(w-tc.w) > 1e-9 || math.Abs(h-tc.h) > 1e-9 {
				t.Errorf("size %g×%g, want %g×%g", w, h, tc.w, tc.h)
			}
		})
	}
}

func TestEvidenceFollowsMatrix(t *testing.T) {
	ev := []Evidence{{Doc: "d", Para: 1, Text: "t"}}
	d := Data{
		Frames: []Frame{{ID: "b"}, {ID: "a"}},
		Cells: []Cell{
			{Source: "S", Frame: "a", Paragraphs: ev}, // cell-1
			{Source: "T", Frame: "a", Paragraphs: ev}, // cell-2
			{Source: "S", Frame: "b", Paragraphs: ev}, // cell-3
		},
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, d); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	// Rows S, T; columns b, a: S×b (cell-3), S×a (cell-1), T×a (cell-2).
	last := -1
	for _, id := range []string{`id="cell-3"`, `id="cell-1"`, `id="cell-2"`} {
		at := strings.Index(html, id)
		if at < 0 || at < last {
			t.Fatalf("%s at %d, after %d: evidence is not in matrix order", id, at, last)
		}
		last = at
	}
	if !strings.Contains(html, `<th scope="row"><bdi>S</bdi></th><td><a href="#cell-3">`) {
		t.Error("the first column is not frame b")
	}
}
