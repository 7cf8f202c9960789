package charts

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// toneAxis is the label of every tone axis.
const toneAxis = "Tone (−1…1)"

// maxOverlaid is the most outlets drawn in one panel; more get one small
// panel each (small multiples with shared axes).
const maxOverlaid = 5

// toneSeries is one outlet's tone by year: NaN where a year has no estimate.
type toneSeries struct {
	vals, lo, hi []float64
}

// NewToneByYear returns tone by year per outlet: Group is the year
// ("2017"), Series the outlet, Value the mean tone in [-1,1] with its 95%
// interval. Up to 5 outlets share one panel (colour, dash and marker tell
// them apart, intervals as whiskers); more get a grid of small panels with
// shared axes, the interval as a grey band.
func NewToneByYear(est []Estimate, opt Options) (*Figure, error) {
	err := checkEstimates(est, estimateRules{chart: "tone by year", group: "year", series: "outlet", min: -1, max: 1, yearGroups: true})
	if err != nil {
		return nil, err
	}
	width, err := opt.width()
	if err != nil {
		return nil, err
	}
	if opt.labels == nil {
		opt.labels = labelerFor(nil, nil, est)
	}
	_, outlets, _ := groupsAndSeries(est)
	yearSet := map[int]bool{}
	for _, e := range est {
		y, _ := strconv.Atoi(strings.TrimSpace(e.Group))
		yearSet[y] = true
	}
	years := make([]int, 0, len(yearSet))
	for y := range yearSet {
		years = append(years, y)
	}
	slices.Sort(years)
	yi := map[int]int{}
	for i, y := range years {
		yi[y] = i
	}
	series := make([]toneSeries, len(outlets))
	oi := map[string]int{}
	for i, o := range outlets {
		oi[o] = i
		s := toneSeries{vals: nanSlice(len(years)), lo: nanSlice(len(years)), hi: nanSlice(len(years))}
		series[i] = s
	}
	yMin, yMax, hasCI := 0.0, 0.0, false
	for _, e := range est {
		y, _ := strconv.Atoi(strings.TrimSpace(e.Group))
		s, j := series[oi[e.Series]], yi[y]
		s.vals[j], s.lo[j], s.hi[j] = e.Value, e.Low, e.High
		yMin, yMax = math.Min(yMin, e.Value), math.Max(yMax, e.Value)
		if !math.IsNaN(e.Low) {
			hasCI = true
			yMin, yMax = math.Min(yMin, e.Low), math.Max(yMax, e.High)
		}
	}
	if yMax-yMin < 0.2 { // a flat series: show at least ±0.1 around it
		mid := (yMin + yMax) / 2
		yMin, yMax = math.Max(-1, mid-0.1), math.Min(1, mid+0.1)
	}
	step := niceStep(yMax-yMin, 4)
	// The range ends on a half step beyond the data, the ticks on steps.
	half := step / 2
	yMin = math.Max(-1, math.Floor(yMin/half-1e-9)*half)
	yMax = math.Min(1, math.Ceil(yMax/half+1e-9)*half)
	yTicks := stepTicks{step: step, format: decimals(step)}
	xMin, xMax := float64(years[0])-0.5, float64(years[len(years)-1])+0.5

	f := &Figure{Name: "tone_by_year", Width: vg.Length(width)}
	ts := style(fontSmall)
	yLabel := toneAxis
	if hasCI {
		yLabel += ", 95% CI"
	}
	title := "Tone by year and outlet"
	var legend []legendItem
	if len(outlets) <= maxOverlaid {
		labels, al := labelSet(opt.labels, outlets, ts, f.Width-2*pad-thumbW-thumbGap, 2)
		f.Aliases = al
		for i, l := range labels {
			legend = append(legend, legendItem{label: l, thumb: toneThumb(i)})
		}
		if hasCI {
			legend = append(legend, legendItem{label: "95% CI", thumb: vCIThumb})
		}
		f.bodyH = vg.Length(math.Max(110, math.Min(170, width*0.55)))
		xTicks := yearTicks(years, float64(f.Width)-40)
		f.body = func(c draw.Canvas) {
			p := newPlot()
			p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xMin, xMax, yMin, yMax
			p.X.Tick.Marker, p.Y.Tick.Marker = xTicks, yTicks
			p.X.Label.Text, p.Y.Label.Text = "Year", yLabel
			p.Add(yGrid{}, zeroLine{})
			dodges := dodge(series)
			for i, s := range series {
				p.Add(&toneLine{s: s, years: years, dodge: dodges[i], idx: i, bars: true})
			}
			p.Draw(c)
		}
	} else {
		// Columns: 3 (1col) or 5 (2col), one more if the panels would
		// not otherwise fit a page at their minimum height.
		cols := 3
		if width > 300 {
			cols = 5
		}
		if (len(outlets)+cols-1)/cols > 11 {
			cols++
		}
		rows := (len(outlets) + cols - 1) / cols
		panelW := (float64(f.Width) - 30) / float64(cols)
		labels, al := labelSet(opt.labels, outlets, ts, vg.Length(panelW)-4, 1)
		f.Aliases = al
		legend = append(legend, legendItem{label: "mean tone", thumb: toneThumbBlack})
		if hasCI {
			legend = append(legend, legendItem{label: "95% CI", thumb: bandThumb})
		}
		panelH := max(36, min(62, (float64(maxBodyH)-30)/float64(rows)-float64(textHeight(ts, 1))-4))
		f.bodyH = vg.Length(float64(rows)*(panelH+float64(textHeight(ts, 1))+4) + 30)
		xTicks := yearTicks(years, panelW-20)
		f.body = func(c draw.Canvas) {
			ls := style(fontLarge)
			ls.XAlign, ls.YAlign = draw.XCenter, draw.YBottom
			c.FillText(ls, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: c.Min.Y}, "Year")
			ls.Rotation = math.Pi / 2
			ls.YAlign = draw.YTop
			c.FillText(ls, vg.Point{X: c.Min.X, Y: (c.Min.Y + c.Max.Y) / 2}, yLabel)
			inner := draw.Crop(c, textHeight(ls, 1)+2, 0, textHeight(ls, 1)+2, 0)
			plots := make([][]*plot.Plot, rows)
			for r := range rows {
				plots[r] = make([]*plot.Plot, cols)
				for cl := range cols {
					i := r*cols + cl
					if i >= len(series) {
						continue
					}
					p := newPlot()
					p.Title.Text = " " // reserves the line panelTitle draws on
					p.Title.Padding = 1
					p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xMin, xMax, yMin, yMax
					p.X.Tick.Marker, p.Y.Tick.Marker = xTicks, yTicks
					if i+cols < len(series) { // a panel below shows the years
						p.X.Tick.Marker = blankTicks{xTicks}
					}
					if cl > 0 {
						p.Y.Tick.Marker = blankTicks{yTicks}
					}
					p.Add(yGrid{}, zeroLine{}, &toneLine{s: series[i], years: years, idx: -1}, panelTitle(labels[i]))
					plots[r][cl] = p
				}
			}
			t := draw.Tiles{Rows: rows, Cols: cols, PadX: 4, PadY: 3}
			cs := plot.Align(plots, t, inner)
			for r := range rows {
				for cl := range cols {
					if p := plots[r][cl]; p != nil {
						p.Draw(cs[r][cl])
					}
				}
			}
		}
	}
	missing := 0
	for _, s := range series {
		for _, v := range s.vals {
			if math.IsNaN(v) {
				missing++
			}
		}
	}
	if missing > 0 {
		f.Warnings = append(f.Warnings, fmt.Sprintf("tone_by_year: %s without an estimate (lines break there)", count(missing, "outlet × year pair")))
	}
	f.finish(title, opt.note, legend)
	return f, nil
}

// dodge spreads the points of one year so that intervals do not hide each
// other: in each year, the series with an estimate there are offset
// symmetrically around the year, in series order; a lone point stays on
// its year.
func dodge(series []toneSeries) [][]float64 {
	out := make([][]float64, len(series))
	if len(series) == 0 {
		return out
	}
	nYears := len(series[0].vals)
	step := math.Min(0.08, 0.5/float64(len(series)))
	for i := range out {
		out[i] = make([]float64, nYears)
	}
	for j := range nYears {
		var present []int
		for i, s := range series {
			if !math.IsNaN(s.vals[j]) {
				present = append(present, i)
			}
		}
		for r, i := range present {
			out[i][j] = (float64(r) - float64(len(present)-1)/2) * step
		}
	}
	return out
}

func nanSlice(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}

// decimals formats tick values with as many decimals as step needs.
func decimals(step float64) func(float64) string {
	d := 0
	for d < 4 && math.Abs(step*math.Pow(10, float64(d))-math.Round(step*math.Pow(10, float64(d)))) > 1e-9 {
		d++
	}
	return func(v float64) string { return strings.Replace(strconv.FormatFloat(v, 'f', d, 64), "-", "−", 1) }
}

// yearTicks labels years with a step that fits width points.
func yearTicks(years []int, width float64) plot.Ticker {
	span := years[len(years)-1] - years[0]
	fit := max(2, int(width/18))
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 50} {
		step = s
		if span/s+1 <= fit {
			break
		}
	}
	return stepTicks{step: float64(step), format: func(v float64) string { return strconv.Itoa(int(v)) }}
}

// blankTicks keeps the tick marks of a ticker but drops the labels.
type blankTicks struct{ plot.Ticker }

func (b blankTicks) Ticks(min, max float64) []plot.Tick {
	ts := b.Ticker.Ticks(min, max)
	for i := range ts {
		ts[i].Label = ""
	}
	return ts
}

// zeroLine marks y = 0.
type zeroLine struct{}

func (zeroLine) Plot(c draw.Canvas, p *plot.Plot) {
	if p.Y.Min > 0 || p.Y.Max < 0 {
		return
	}
	_, trY := p.Transforms(&c)
	c.StrokeLine2(draw.LineStyle{Color: gray50, Width: vg.Points(0.5), Dashes: []vg.Length{2, 1.5}}, c.Min.X, trY(0), c.Max.X, trY(0))
}

// toneLine draws one outlet: lines between consecutive years with
// estimates, markers, and the interval as whiskers (bars) or a grey band.
// idx < 0 draws in black with a band (small multiples).
type toneLine struct {
	s     toneSeries
	years []int
	dodge []float64 // x offset per year, in years (nil: none)
	idx   int
	bars  bool
}

func (t *toneLine) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	ls, gs := toneStyles(t.idx)
	x := func(j int) vg.Length {
		if t.dodge == nil {
			return trX(float64(t.years[j]))
		}
		return trX(float64(t.years[j]) + t.dodge[j])
	}
	consecutive := func(j int) bool {
		return j+1 < len(t.years) && t.years[j+1] == t.years[j]+1 && !math.IsNaN(t.s.vals[j]) && !math.IsNaN(t.s.vals[j+1])
	}
	if !t.bars { // band under everything
		for j := range t.years {
			if math.IsNaN(t.s.lo[j]) {
				continue
			}
			if j+1 < len(t.years) && t.years[j+1] == t.years[j]+1 && !math.IsNaN(t.s.lo[j+1]) {
				c.FillPolygon(bandColor, []vg.Point{
					{X: x(j), Y: trY(t.s.lo[j])}, {X: x(j + 1), Y: trY(t.s.lo[j+1])},
					{X: x(j + 1), Y: trY(t.s.hi[j+1])}, {X: x(j), Y: trY(t.s.hi[j])},
				})
			}
			// a lone year gets a narrow band of its own
			prev := j > 0 && t.years[j-1] == t.years[j]-1 && !math.IsNaN(t.s.lo[j-1])
			next := j+1 < len(t.years) && t.years[j+1] == t.years[j]+1 && !math.IsNaN(t.s.lo[j+1])
			if !prev && !next {
				w := vg.Points(2)
				c.FillPolygon(bandColor, []vg.Point{
					{X: x(j) - w, Y: trY(t.s.lo[j])}, {X: x(j) + w, Y: trY(t.s.lo[j])},
					{X: x(j) + w, Y: trY(t.s.hi[j])}, {X: x(j) - w, Y: trY(t.s.hi[j])},
				})
			}
		}
	}
	for j := range t.years {
		if consecutive(j) {
			c.StrokeLine2(ls, x(j), trY(t.s.vals[j]), x(j+1), trY(t.s.vals[j+1]))
		}
	}
	ci := draw.LineStyle{Color: ls.Color, Width: vg.Points(0.6)}
	for j := range t.years {
		if math.IsNaN(t.s.vals[j]) {
			continue
		}
		if t.bars && !math.IsNaN(t.s.lo[j]) {
			x0 := x(j)
			c.StrokeLine2(ci, x0, trY(t.s.lo[j]), x0, trY(t.s.hi[j]))
			c.StrokeLine2(ci, x0-1.5, trY(t.s.lo[j]), x0+1.5, trY(t.s.lo[j]))
			c.StrokeLine2(ci, x0-1.5, trY(t.s.hi[j]), x0+1.5, trY(t.s.hi[j]))
		}
		c.DrawGlyph(gs, vg.Point{X: x(j), Y: trY(t.s.vals[j])})
	}
}

var bandColor = color.Gray{0xcc}

// toneStyles returns the line and glyph style of series idx (black when
// idx < 0).
func toneStyles(idx int) (draw.LineStyle, draw.GlyphStyle) {
	if idx < 0 {
		return draw.LineStyle{Color: black, Width: vg.Points(lineData)},
			draw.GlyphStyle{Color: black, Radius: vg.Points(1.3), Shape: draw.CircleGlyph{}}
	}
	return draw.LineStyle{Color: seriesColor(idx), Width: vg.Points(lineData), Dashes: dashes[idx%len(dashes)]},
		draw.GlyphStyle{Color: seriesColor(idx), Radius: vg.Points(2), Shape: glyphs[idx%len(glyphs)]}
}

func toneThumb(idx int) func(c *draw.Canvas, r vg.Rectangle) {
	return func(c *draw.Canvas, r vg.Rectangle) {
		ls, gs := toneStyles(idx)
		y := (r.Min.Y + r.Max.Y) / 2
		c.StrokeLine2(ls, r.Min.X, y, r.Max.X, y)
		c.DrawGlyphNoClip(gs, vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: y})
	}
}

func toneThumbBlack(c *draw.Canvas, r vg.Rectangle) { toneThumb(-1)(c, r) }

func bandThumb(c *draw.Canvas, r vg.Rectangle) {
	c.FillPolygon(bandColor, []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}})
}

// vCIThumb draws the legend entry for a vertical interval whisker.
func vCIThumb(c *draw.Canvas, r vg.Rectangle) {
	ls := draw.LineStyle{Color: black, Width: vg.Points(0.6)}
	x := (r.Min.X + r.Max.X) / 2
	c.StrokeLine2(ls, x, r.Min.Y, x, r.Max.Y)
	c.StrokeLine2(ls, x-1.5, r.Min.Y, x+1.5, r.Min.Y)
	c.StrokeLine2(ls, x-1.5, r.Max.Y, x+1.5, r.Max.Y)
}

// panelTitle draws a small-multiple's title centred over its data area
// (plot.Title would centre it over the tile, tick labels included).
type panelTitle string

func (t panelTitle) Plot(c draw.Canvas, p *plot.Plot) {
	ts := style(fontSmall)
	ts.XAlign, ts.YAlign = draw.XCenter, draw.YBottom
	c.FillText(ts, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: c.Max.Y + 1.5}, string(t))
}
