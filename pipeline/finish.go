package pipeline

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/framescope/framescope/analysis/aggregate"
	"github.com/framescope/framescope/charts"
	"github.com/framescope/framescope/pipeline/report"
)

// finish writes what needs the whole run: aggregates.csv, comparisons.csv,
// the charts, report.html and tables.tex. It returns warnings for the record,
// and adds how long each step took to times.
func (w *writers) finish(dir string, opt Options, statuses statusList, times *stepTimes) ([]string, error) {
	rows := w.body.Rows()
	for _, r := range w.comments.Rows() {
		if r.Voice == "all" {
			r.Measure = "comments_" + r.Measure
			rows = append(rows, r)
		}
	}
	comps := w.body.Comparisons()
	times.step("statistics")
	if err := w.writeWith(dir, "aggregates.csv", func(f *fileWriter) error { return aggregate.WriteRowsCSV(f, rows) }); err != nil {
		return nil, err
	}
	if err := w.writeWith(dir, "comparisons.csv", func(f *fileWriter) error { return aggregate.WriteComparisonsCSV(f, comps) }); err != nil {
		return nil, err
	}
	times.step("tables")

	var warnings []string
	data := w.chartData(rows, opt)
	figs, err := charts.Figures(data, charts.Options{Width: opt.ChartWidth, OmitNote: true})
	if err != nil {
		// The valid figures are still drawn; the others are named here.
		warnings = append(warnings, "charts: "+err.Error())
	}
	warnings = append(warnings, charts.Skipped(data)...)
	for _, f := range figs {
		warnings = append(warnings, f.Warnings...)
	}
	warnings = append(warnings, charts.AliasWarnings(figs)...)
	files, err := charts.WriteAll(filepath.Join(dir, "charts"), figs, opt.Formats)
	if err != nil {
		return nil, fmt.Errorf("charts: %w", err)
	}
	for _, f := range files {
		rel, err := filepath.Rel(dir, f.Name)
		if err != nil {
			return nil, err
		}
		w.outputs.add(OutputFile{Name: filepath.ToSlash(rel), Bytes: int64(f.Bytes), SHA256: hex.EncodeToString(f.SHA256[:])})
	}
	times.step("charts")
	rd := w.reportData(rows, comps, figs, data, opt)
	rd.Notes = append(rd.Notes, warnings...)
	rd.Record = w.reportRecord(statuses)
	if err := w.writeWith(dir, "report.html", func(f *fileWriter) error { return report.WriteHTML(f, rd) }); err != nil {
		return nil, err
	}
	if err := w.writeWith(dir, "tables.tex", func(f *fileWriter) error { return report.WriteTeX(f, rd.Tables) }); err != nil {
		return nil, err
	}
	times.step("report")
	return warnings, nil
}

// stepTimes measures the steps at the end of a run, for stderr only: no
// artefact holds a time.
type stepTimes struct {
	last  time.Time
	steps []string
}

func newStepTimes() *stepTimes { return &stepTimes{last: time.Now()} }

// step records that the step called name ended now.
func (t *stepTimes) step(name string) {
	now := time.Now()
	t.steps = append(t.steps, fmt.Sprintf("%s %.2f s", name, now.Sub(t.last).Seconds()))
	t.last = now
}

func (t *stepTimes) String() string { return strings.Join(t.steps, ", ") }

func (w *writers) writeWith(dir, name string, write func(*fileWriter) error) error {
	f, err := createFile(dir, name, &w.outputs)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	return f.Close()
}

func (w *writers) frameLabel(id string) string {
	for _, f := range w.m.Codebook.Frames {
		if f.ID == id {
			if f.Label != "" {
				return f.Label
			}
			return id
		}
	}
	return id
}

func (w *writers) methodLine(opt Options) string {
	unit := "Unit: article (each article counts once: its share of body paragraphs with the frame, its mean tone)."
	if opt.Weight == "paragraph" {
		unit = "Unit: body paragraph (each paragraph counts once)."
	}
	return unit + " " + w.aggOpt.IntervalsNote()
}

// chartData turns the aggregate rows into the charts' inputs.
func (w *writers) chartData(rows []aggregate.Row, opt Options) charts.Data {
	d := charts.Data{
		Measure: "frame share (" + w.unitShare(opt) + ")",
		Note:    w.methodLine(opt),
	}
	frameOf := map[string]string{}
	for _, f := range w.m.Codebook.Frames {
		frameOf[f.ID+"_share"] = f.ID
	}
	for _, r := range rows {
		if r.Source == "all" || strings.HasPrefix(r.Measure, "comments_") {
			continue
		}
		est := charts.Estimate{Group: r.Source, Value: r.Value, Low: r.Low, High: r.High, N: r.NArticles}
		if id, ok := frameOf[r.Measure]; ok && r.Year == "all" {
			est.Series = w.frameLabel(id)
			switch r.Voice {
			case "all":
				d.FrameShare = append(d.FrameShare, est)
				d.Heat = append(d.Heat, est)
			case "outlet", "quote":
				word := "outlet voice"
				if r.Voice == "quote" {
					word = "quoted"
				}
				est.Series = w.frameLabel(id) + " · " + word
				d.FrameByVoice = append(d.FrameByVoice, est)
			}
		}
		if r.Measure == "tone_mean" && r.Voice == "all" && r.Year != "all" && r.Year != "unknown" {
			d.ToneByYear = append(d.ToneByYear, charts.Estimate{Group: r.Year, Series: r.Source,
				Value: r.Value, Low: r.Low, High: r.High, N: r.NArticles})
		}
	}
	for _, s := range w.sources() {
		r := w.dist[s]
		d.ToneDist = append(d.ToneDist, charts.Dist{Label: s, Values: append([]float64(nil), r.vals...), N: r.n})
	}
	return d
}

// unitOf names the unit the aggregates count.
func unitOf(opt Options) string {
	if opt.Weight == "paragraph" {
		return "body paragraphs"
	}
	return "articles"
}

func (w *writers) unitShare(opt Options) string {
	if opt.Weight == "paragraph" {
		return "share of body paragraphs"
	}
	return "mean share of an article's body paragraphs"
}

// maxComparisonRows bounds the comparisons shown in the report and tables.tex.
const maxComparisonRows = 60

// f3 formats a figure for tables: three decimals, "–" for none.
func f3(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	s := strconv.FormatFloat(v, 'f', 3, 64)
	if s == "-0.000" {
		s = "0.000"
	}
	return s
}

func interval(r aggregate.Row) string {
	if math.IsNaN(r.Low) || math.IsNaN(r.High) {
		return f3(r.Value)
	}
	return fmt.Sprintf("%s [%s, %s]", f3(r.Value), f3(r.Low), f3(r.High))
}

func (w *writers) reportData(rows []aggregate.Row, comps []aggregate.Comparison, figs []*charts.Figure, cd charts.Data, opt Options) report.Data {
	rd := report.Data{
		Title:        "framescope report: " + filepath.ToSlash(opt.In),
		Version:      "framescope " + Version,
		Method:       w.methodLine(opt) + fmt.Sprintf(" Codebook %s (sha256 %s); tone scorer %q; only body paragraphs feed the outlets' figures, reader comments are reported apart (measures prefixed comments_).", w.m.Codebook.Name, short(w.m.Codebook.Hash), w.m.Tone.Name()),
		CellsCaption: "Frame share per outlet (" + w.unitShare(opt) + ") with its 95% interval; the number of body paragraphs with the frame links to them, matched terms highlighted.",
	}
	tables := w.tables(rows, comps, opt)
	for _, f := range figs {
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf, "svg"); err != nil {
			rd.Notes = append(rd.Notes, fmt.Sprintf("chart %s could not be drawn as SVG: %v", f.Name, err))
			continue
		}
		rd.Charts = append(rd.Charts, report.Chart{ID: f.Name, Title: f.Title, Method: cd.Note, SVG: buf.Bytes(),
			Table: chartTable(f.Name, rows, w)})
	}
	rd.Tables = tables
	for _, f := range w.m.Codebook.Frames {
		rd.Frames = append(rd.Frames, report.Frame{ID: f.ID, Label: w.frameLabel(f.ID)})
	}

	share := map[[2]string]aggregate.Row{}
	for _, r := range rows {
		if r.Year == "all" && r.Voice == "all" {
			share[[2]string{r.Source, r.Measure}] = r
		}
	}
	for _, src := range w.sources() {
		for j, f := range w.m.Codebook.Frames {
			c := report.Cell{Source: src, Frame: f.ID, Value: "–"}
			if r, ok := share[[2]string{src, f.ID + "_share"}]; ok {
				c.Value = interval(r)
			}
			if cl := w.cells[cellKey{src, j}]; cl != nil {
				c.N = cl.total
				c.More = cl.total - len(cl.examples)
				for _, ex := range cl.examples {
					c.Paragraphs = append(c.Paragraphs, report.Evidence{Doc: ex.Doc, Para: ex.Para, Text: ex.Text,
						Highlights: ex.Hits, Terms: ex.Terms, Voice: ex.Voice, Tone: f3(ex.Tone)})
				}
			}
			rd.Cells = append(rd.Cells, c)
		}
	}
	return rd
}

// chartTable is the data table shown under a chart in the report.
func chartTable(name string, rows []aggregate.Row, w *writers) report.Table {
	t := report.Table{Header: []string{"outlet", "year", "voice", "measure", "value [95% CI]", "interval", "articles", "paragraphs"}}
	for _, r := range rows {
		if r.Source == "all" || strings.HasPrefix(r.Measure, "comments_") {
			continue
		}
		keep := false
		switch {
		case strings.Contains(name, "tone") && strings.Contains(name, "year"):
			keep = r.Measure == "tone_mean" && r.Voice == "all" && r.Year != "all"
		case strings.Contains(name, "tone"):
			keep = r.Measure == "tone_mean" && r.Voice == "all" && r.Year == "all"
		case strings.Contains(name, "voice"):
			keep = strings.HasSuffix(r.Measure, "_share") && r.Year == "all" && r.Voice != "all"
		default:
			keep = strings.HasSuffix(r.Measure, "_share") && r.Year == "all" && r.Voice == "all"
		}
		if keep {
			t.Rows = append(t.Rows, []string{r.Source, r.Year, r.Voice, r.Measure, interval(r), r.Interval,
				strconv.Itoa(r.NArticles), strconv.Itoa(r.NParagraphs)})
		}
	}
	return t
}

// tables are the aggregates (outlet level) and the comparisons, for the
// report and tables.tex.
func (w *writers) tables(rows []aggregate.Row, comps []aggregate.Comparison, opt Options) []report.Table {
	agg := report.Table{ID: "aggregates", Caption: "Tone and frame shares by outlet (all years; unit: " + strings.TrimSuffix(unitOf(opt), "s") + "), with 95% intervals",
		Header: []string{"Outlet", "Articles", "Paragraphs", "Tone"},
		Note:   "Every group (outlet × year, year, voice, tone toward actors, comments) is in aggregates.csv, with its interval method."}
	measures := []string{"tone_mean"}
	for _, f := range w.m.Codebook.Frames {
		agg.Header = append(agg.Header, w.frameLabel(f.ID))
		measures = append(measures, f.ID+"_share")
	}
	type key struct{ source, measure string }
	at := map[key]aggregate.Row{}
	var outlets []string
	for _, r := range rows {
		if r.Year != "all" || r.Voice != "all" || strings.HasPrefix(r.Measure, "comments_") {
			continue
		}
		if _, seen := at[key{r.Source, "tone_mean"}]; !seen && r.Measure == "tone_mean" {
			outlets = append(outlets, r.Source)
		}
		at[key{r.Source, r.Measure}] = r
	}
	for _, o := range outlets {
		base := at[key{o, "tone_mean"}]
		name := o
		if o == "all" {
			name = "All outlets"
		}
		row := []string{name, strconv.Itoa(base.NArticles), strconv.Itoa(base.NParagraphs)}
		for _, m := range measures {
			if r, ok := at[key{o, m}]; ok {
				row = append(row, interval(r))
			} else {
				row = append(row, "–")
			}
		}
		agg.Rows = append(agg.Rows, row)
	}
	cmp := report.Table{ID: "comparisons", Caption: "Comparisons between outlets (all voices; unit: article): tone by Welch's t, frame presence (share of articles with the frame) by chi-square or Fisher's exact test; Holm-adjusted within each measure and test",
		Header: []string{"Measure", "Outlet A", "Outlet B", "Test", "Statistic", "df", "p", "p (Holm)", "Effect", "n A", "n B"}}
	var shown []aggregate.Comparison
	for _, c := range comps {
		if c.Voice == "all" && (c.Measure == "tone_mean" && c.Test == aggregate.TestWelch || strings.HasSuffix(c.Measure, "_presence")) {
			shown = append(shown, c)
		}
	}
	sort.SliceStable(shown, func(i, j int) bool {
		if shown[i].PHolm != shown[j].PHolm {
			return shown[i].PHolm < shown[j].PHolm
		}
		return shown[i].Measure < shown[j].Measure
	})
	if len(shown) > maxComparisonRows {
		cmp.Note = fmt.Sprintf("The %d comparisons with the smallest adjusted p of %d shown; all %d tests (also Mann–Whitney, by voice, tone toward actors) are in comparisons.csv.", maxComparisonRows, len(shown), len(comps))
		shown = shown[:maxComparisonRows]
	} else {
		cmp.Note = fmt.Sprintf("All %d tests (also Mann–Whitney, by voice, tone toward actors) are in comparisons.csv.", len(comps))
	}
	for _, c := range shown {
		cmp.Rows = append(cmp.Rows, []string{c.Measure, c.A, c.B, c.Test, f3(c.Statistic), f3(c.DF),
			pval(c.P), pval(c.PHolm), c.EffectName + " " + f3(c.Effect), strconv.Itoa(c.NA), strconv.Itoa(c.NB)})
	}
	if len(comps) == 0 {
		cmp.Note = "No pair of outlets has two or more articles each to compare."
	}
	return []report.Table{agg, cmp}
}

func pval(p float64) string {
	switch {
	case math.IsNaN(p):
		return "–"
	case p < 0.001:
		return "<0.001"
	}
	return strconv.FormatFloat(p, 'f', 3, 64)
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// statusWord is what run.json and the report call an input's status: an input
// that was read is "processed".
func statusWord(s string) string {
	if s == "read" {
		return "processed"
	}
	return s
}

func (w *writers) reportRecord(statuses statusList) report.Record {
	var rec report.Record
	count := map[string]int{}
	listAll := statuses.len() <= report.MaxListedInputs
	for i := range statuses.len() {
		s := statuses.at(i)
		st := statusWord(s.Status)
		count[st]++
		if !listAll && st == "processed" {
			rec.OmittedProcessed++ // the report would not list it
			continue
		}
		rec.Inputs = append(rec.Inputs, report.Input{Path: s.Path, Line: s.Line, Status: st, Reason: s.Reason})
	}
	rec.Counts = append(rec.Counts, [2]string{"articles", strconv.Itoa(w.articles)},
		[2]string{"paragraphs", strconv.Itoa(w.paragraphs)})
	for _, r := range roles {
		rec.Counts = append(rec.Counts, [2]string{string(r) + " paragraphs", strconv.Itoa(w.byRole[r])})
	}
	for _, k := range sortedKeys(count) {
		rec.Counts = append(rec.Counts, [2]string{"inputs " + k, strconv.Itoa(count[k])})
	}
	return rec
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
