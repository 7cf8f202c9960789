package report

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// screenScale is how much larger than their printed size charts are shown
// on screen.
const screenScale = 1.4

//go:embed report.html.tmpl
var htmlTemplate string

var pageTemplate = template.Must(template.New("report.html").Parse(htmlTemplate))

// WriteHTML writes d as one self-contained HTML page to w: no external
// request, no script, charts inline. It returns an error when d is
// inconsistent (two cells for one source and frame, negative counts) or w
// fails; a chart whose SVG is not well-formed is shown as a note beside its
// data table, not as an error.
func WriteHTML(w io.Writer, d Data) error {
	if err := d.validate(); err != nil {
		return err
	}
	p := buildPage(&d)
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, p); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("report: writing HTML: %w", err)
	}
	return nil
}

// page is what the template reads: d laid out, with anchors and pieces
// computed here so the template holds no logic beyond loops.
type page struct {
	Title, Version, Method string
	Notes                  []string
	Charts                 []chartView
	Tables                 []tableView
	Matrix                 matrixView
	Record                 recordView
}

type chartView struct {
	Anchor, Title, Method string
	Src                   template.URL // data:image/svg+xml;base64,…: base64 characters only
	Problem               string       // why the chart could not be embedded
	Width, Height         int          // on-screen size in CSS pixels; 0 if the SVG states none
	Table                 tableView
}

type tableView struct {
	Anchor, Caption, Note string
	Header                []cellText
	Rows                  [][]cellText
}

type cellText struct {
	Text string
	Num  bool // right-aligned with tabular figures
}

type matrixView struct {
	Caption  string
	Frames   []frameView
	Rows     []matrixRow
	Evidence []evidenceView
}

type frameView struct{ ID, Label string }

type matrixRow struct {
	Source string
	Cells  []matrixCell
}

type matrixCell struct {
	Present bool
	Anchor  string // empty when no paragraph is listed
	Value   string
	N       int
}

type evidenceView struct {
	Anchor, Source, Value string
	Frame                 frameView
	N, More               int
	Command               string
	DefaultCommand        bool // Command is framescope kwic -frame …, which lists every outlet's paragraphs
	Paras                 []paraView
}

type paraView struct {
	Doc         string
	Para        int
	Voice, Tone string
	Terms       []string
	Pieces      []piece
}

type recordView struct {
	Counts   [][2]string
	Statuses [][2]string // status, how many inputs
	Inputs   []inputView
	Omitted  int // processed inputs not listed
}

type inputView struct {
	Input
	Class string // status-… for the statuses the stylesheet knows, else empty
}

// statusClass is the CSS class for the statuses the stylesheet colours.
func statusClass(status string) string {
	switch status {
	case "processed", "converted", "skipped":
		return "status-" + status
	}
	return ""
}

func buildPage(d *Data) *page {
	ids := idSet{}
	p := &page{Title: d.Title, Version: d.Version, Method: d.Method, Notes: d.Notes}
	for i, c := range d.Charts {
		cv := chartView{
			Anchor: ids.take("chart-", c.ID, fmt.Sprintf("chart-%d", i+1)),
			Title:  c.Title,
			Method: c.Method,
		}
		if w, h, err := checkSVG(c.SVG); err != nil {
			cv.Problem = err.Error()
		} else {
			cv.Src = template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(c.SVG))
			if w > 0 && h > 0 && w*h < 1e8 {
				// Charts are drawn at their printed size, where 9 pt
				// type reads at arm's length; on screen they are shown
				// larger (never wider than the page) and print at size.
				cv.Width, cv.Height = int(math.Round(w*screenScale)), int(math.Round(h*screenScale))
			}
		}
		cv.Table = buildTable(&c.Table, "")
		p.Charts = append(p.Charts, cv)
	}
	for i := range d.Tables {
		t := &d.Tables[i]
		p.Tables = append(p.Tables, buildTable(t, ids.take("table-", t.ID, fmt.Sprintf("table-%d", i+1))))
	}
	p.Matrix = buildMatrix(d)
	p.Record = buildRecord(&d.Record)
	return p
}

// idSet hands out unique HTML ids.
type idSet map[string]bool

// take returns prefix+id if id is not empty and that is a safe, unused
// HTML id, and fallback otherwise.
func (s idSet) take(prefix, id, fallback string) string {
	if id == "" {
		id = fallback
	} else {
		id = safeID(prefix+id, fallback)
	}
	if s[id] {
		id = fallback
	}
	for k := 2; s[id]; k++ { // an ID like "2" took chart-2 before chart 2 came
		id = fmt.Sprintf("%s-%d", fallback, k)
	}
	s[id] = true
	return id
}

func buildTable(t *Table, anchor string) tableView {
	n := t.width()
	num := numericColumns(t.Rows, n)
	tv := tableView{Anchor: anchor, Caption: t.Caption, Note: t.Note}
	if len(t.Header) > 0 {
		tv.Header = make([]cellText, n)
		for j := range n {
			tv.Header[j].Num = num[j]
			if j < len(t.Header) {
				tv.Header[j].Text = t.Header[j]
			}
		}
	}
	for _, r := range t.Rows {
		row := make([]cellText, n)
		for j := range n {
			row[j].Num = num[j]
			if j < len(r) {
				row[j].Text = r[j]
				if num[j] {
					row[j].Text = typoMinus(r[j])
				}
			}
		}
		tv.Rows = append(tv.Rows, row)
	}
	return tv
}

func buildMatrix(d *Data) matrixView {
	m := matrixView{Caption: d.CellsCaption}
	limit := d.MaxParagraphs
	if limit == 0 {
		limit = DefaultMaxParagraphs
	}
	var sources []string
	srcIndex, labels := map[string]bool{}, map[string]string{}
	for _, f := range d.Frames {
		if _, ok := labels[f.ID]; !ok {
			labels[f.ID] = f.Label
			m.Frames = append(m.Frames, frameView(f))
		}
	}
	at := map[cellKey]int{}
	for i, c := range d.Cells {
		if !srcIndex[c.Source] {
			srcIndex[c.Source] = true
			sources = append(sources, c.Source)
		}
		if _, ok := labels[c.Frame]; !ok {
			labels[c.Frame] = ""
			m.Frames = append(m.Frames, frameView{ID: c.Frame})
		}
		at[cellKey{c.Source, c.Frame}] = i
	}
	// Evidence follows the matrix, row by row; anchors are cell indexes.
	for _, src := range sources {
		row := matrixRow{Source: src, Cells: make([]matrixCell, len(m.Frames))}
		for j, f := range m.Frames {
			i, ok := at[cellKey{src, f.ID}]
			if !ok {
				continue
			}
			c := &d.Cells[i]
			mc := matrixCell{Present: true, Value: typoMinus(c.Value), N: c.N}
			if len(c.Paragraphs) > 0 || c.More > 0 {
				mc.Anchor = fmt.Sprintf("cell-%d", i+1)
				m.Evidence = append(m.Evidence, buildEvidence(c, mc.Anchor, f, limit))
			}
			row.Cells[j] = mc
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

// buildEvidence lists the paragraphs behind c, at most limit of them.
func buildEvidence(c *Cell, anchor string, f frameView, limit int) evidenceView {
	ev := evidenceView{
		Anchor: anchor, Source: c.Source, Frame: f,
		Value: typoMinus(c.Value), N: c.N, More: c.More, Command: c.Command,
	}
	if ev.Command == "" {
		ev.Command = "framescope kwic -frame " + shellQuote(c.Frame) + " -source " + shellQuote(c.Source)
	}
	paras := c.Paragraphs
	if len(paras) > limit {
		ev.More += len(paras) - limit
		paras = paras[:limit]
	}
	for _, e := range paras {
		ev.Paras = append(ev.Paras, paraView{
			Doc: e.Doc, Para: e.Para, Voice: e.Voice, Tone: typoMinus(e.Tone), Terms: e.Terms,
			Pieces: splitHighlights(e.Text, e.Highlights),
		})
	}
	return ev
}

// typoMinus sets the hyphen that starts a number in a numeric text as a
// minus sign, which has the width of a digit and so keeps columns aligned:
// "-0.31" → "−0.31", "0.2 [-0.1, 0.5]" → "0.2 [−0.1, 0.5]". Other text is
// returned as is.
func typoMinus(s string) string {
	if !strings.Contains(s, "-") || !isNumeric(s) {
		return s
	}
	return minusSign(s, "−")
}

// shellQuote quotes s for a POSIX shell when it holds anything but plain
// identifier characters, so the command shown can be pasted as is.
func shellQuote(s string) string {
	plain := s != ""
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("-_.:/", r)) {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func buildRecord(r *Record) recordView {
	rv := recordView{Counts: r.Counts, Omitted: r.OmittedProcessed}
	counts := map[string]int{}
	var order []string
	if r.OmittedProcessed > 0 {
		counts["processed"] = r.OmittedProcessed
		order = append(order, "processed")
	}
	for _, in := range r.Inputs {
		if counts[in.Status] == 0 {
			order = append(order, in.Status)
		}
		counts[in.Status]++
	}
	slices.Sort(order)
	for _, s := range order {
		rv.Statuses = append(rv.Statuses, [2]string{s, itoa(counts[s])})
	}
	all := len(r.Inputs)+r.OmittedProcessed <= MaxListedInputs
	for _, in := range r.Inputs {
		if !all && in.Status == "processed" {
			rv.Omitted++
			continue
		}
		rv.Inputs = append(rv.Inputs, inputView{Input: in, Class: statusClass(in.Status)})
	}
	return rv
}

// checkSVG reports whether b is a well-formed XML document whose root is an
// svg element (anything else would show as a broken image) and returns its
// size in CSS pixels, or zeros when the root does not state it.
func checkSVG(b []byte) (w, h float64, err error) {
	if len(b) == 0 {
		return 0, 0, errors.New("no SVG was rendered")
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var root *xml.StartElement
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, 0, fmt.Errorf("the SVG is not well-formed: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && root == nil {
			se = se.Copy()
			root = &se
		}
	}
	if root == nil || root.Name.Local != "svg" {
		return 0, 0, errors.New("the chart is not an SVG document")
	}
	var viewBox string
	for _, a := range root.Attr {
		switch a.Name.Local {
		case "width":
			w = cssPixels(a.Value)
		case "height":
			h = cssPixels(a.Value)
		case "viewBox":
			viewBox = a.Value
		}
	}
	if w == 0 || h == 0 {
		var x, y float64
		if _, err := fmt.Sscanf(strings.ReplaceAll(viewBox, ",", " "), "%g %g %g %g", &x, &y, &w, &h); err != nil || w <= 0 || h <= 0 {
			w, h = 0, 0
		}
	}
	return w, h, nil
}

// cssPixels converts an SVG length ("252pt", "3.5in", "400", "10cm") to CSS
// pixels (96 to the inch), or 0 when it is not an absolute length.
func cssPixels(v string) float64 {
	v = strings.TrimSpace(v)
	unit := 1.0
	for _, u := range []struct {
		suffix string
		px     float64
	}{{"px", 1}, {"pt", 96.0 / 72}, {"pc", 16}, {"in", 96}, {"cm", 96 / 2.54}, {"mm", 96 / 25.4}} {
		if strings.HasSuffix(v, u.suffix) {
			v, unit = strings.TrimSuffix(v, u.suffix), u.px
			break
		}
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f <= 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0
	}
	return f * unit
}
