package charts

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// NewHeatMap returns an outlet × frame heat map with the value printed in
// each cell: Group is the outlet (rows), Series the frame (columns), Value
// any finite number in the unit of measure (Data.Measure). Values of one
// sign get a light-to-dark blue scale from 0; values of both signs a
// vermillion–white–blue scale centred on 0. The colour key is drawn as
// swatches in the legend band, so the figure renders in EPS too.
func NewHeatMap(est []Estimate, measure string, opt Options) (*Figure, error) {
	err := checkEstimates(est, estimateRules{chart: "heat map", group: "outlet", series: "frame", min: math.Inf(-1), max: math.Inf(1)})
	if err != nil {
		return nil, err
	}
	width, err := opt.width()
	if err != nil {
		return nil, err
	}
	if measure == "" {
		measure = defaultShare
	}
	if opt.labels == nil {
		opt.labels = labelerFor(est, nil, nil)
	}
	groups, series, at := groupsAndSeries(est)
	n, k := len(groups), len(series)
	f := &Figure{Name: "frame_heatmap", Width: vg.Length(width)}
	ts := style(fontSmall)
	rowLabels, al := labelSet(opt.labels, groups, ts, f.Width*0.3, labelLines(n))
	f.Aliases = al

	lo, hi := 0.0, 0.0
	for _, e := range est {
		lo, hi = math.Min(lo, e.Value), math.Max(hi, e.Value)
	}
	sc := newScale(lo, hi)

	cellW := (f.Width - 2*pad - maxWidth(ts, rowLabels) - 12) / vg.Length(k)
	// Column labels: wrapped under wide cells, vertical under narrow ones.
	rotate := cellW < 40
	var colLabels []string
	var cal []Alias
	colH := vg.Length(0)
	if rotate {
		colLabels, cal = labelSet(opt.labels, series, ts, 80, 1)
		colH = maxWidth(ts, colLabels) + 2
	} else {
		colLabels, cal = labelSet(opt.labels, series, ts, cellW-2, 3)
		maxColLines := 1
		for _, l := range colLabels {
			maxColLines = max(maxColLines, lines(l))
		}
		colH = textHeight(ts, maxColLines)
	}
	f.Aliases = append(f.Aliases, cal...)
	rowH := vg.Length(13)
	for _, l := range rowLabels {
		rowH = max(rowH, textHeight(ts, lines(l))+3)
	}
	f.bodyH = vg.Length(n)*rowH + colH + textHeight(style(fontLarge), 1) + 10

	vals := make([][]float64, n)
	missing := 0
	for g, gr := range groups {
		vals[g] = make([]float64, k)
		for s, se := range series {
			e, ok := at[[2]string{gr, se}]
			if !ok {
				missing++
				e.Value = math.NaN()
			}
			vals[g][s] = e.Value
		}
	}
	format, ok := cellFormat(est, ts, cellW-2)
	if !ok {
		f.Warnings = append(f.Warnings, fmt.Sprintf("frame_heatmap: cells %.0f pt wide are too narrow for their values; values left out (use the 2col width or fewer frames)", float64(cellW)))
	}
	cells := &heatCells{vals: vals, scale: sc, format: format, values: ok}
	yLabels := make([]string, n)
	for g := range n {
		yLabels[n-1-g] = rowLabels[g]
	}
	name, def := measureParts(measure)
	f.body = func(c draw.Canvas) {
		p := newPlot()
		p.Add(cells)
		p.NominalX(colLabels...)
		nominalY(p, yLabels)
		p.X.Min, p.X.Max = -0.5, float64(k)-0.5
		p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
		p.X.Padding, p.Y.Padding = 0, 0
		p.X.Label.Text = "Frame"
		if rotate {
			p.X.Tick.Label.Rotation = math.Pi / 2
			p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XRight, draw.YCenter
			p.X.Padding = 3
		}
		p.Draw(c)
	}
	var legend []legendItem
	keys, step := sc.keyValues()
	keyFormat := decimals(step)
	for _, v := range keys {
		legend = append(legend, legendItem{label: keyFormat(v), thumb: swatch(sc.color(v))})
	}
	if missing > 0 {
		legend = append(legend, legendItem{label: "no estimate", thumb: swatch(missingColor)})
		f.Warnings = append(f.Warnings, fmt.Sprintf("frame_heatmap: %s without an estimate (grey, \"–\")", count(missing, "outlet × frame cell")))
	}
	f.finish(upperFirst(name)+" by outlet and frame: "+def, opt.note, legend)
	return f, nil
}

var missingColor = color.Gray{0xe8}

func maxWidth(sty interface{ Width(string) vg.Length }, ss []string) vg.Length {
	w := vg.Length(0)
	for _, s := range ss {
		w = max(w, sty.Width(s))
	}
	return w
}

// cellFormat returns how to print cell values: integers as integers,
// others with 2 decimals, without the leading zero ("−.25") when that is
// what fits in w. ok is false when nothing fits: the cells stay empty.
func cellFormat(est []Estimate, sty text.Style, w vg.Length) (format func(float64) string, ok bool) {
	ints := true
	for _, e := range est {
		if e.Value != math.Trunc(e.Value) {
			ints = false
		}
	}
	full := func(v float64) string {
		var s string
		if ints {
			s = strconv.FormatFloat(v, 'f', 0, 64)
		} else {
			s = strconv.FormatFloat(v, 'f', 2, 64)
		}
		if s == "-0.00" || s == "-0" {
			s = s[1:]
		}
		return strings.Replace(s, "-", "−", 1)
	}
	short := func(v float64) string {
		s := full(v)
		if !ints && math.Abs(v) < 1 {
			s = strings.Replace(s, "0.", ".", 1)
		}
		return s
	}
	fits := func(f func(float64) string) bool {
		for _, e := range est {
			if sty.Width(f(e.Value)) > w {
				return false
			}
		}
		return true
	}
	switch {
	case fits(full):
		return full, true
	case fits(short):
		return short, true
	}
	return full, false
}

// scale maps values to colours whose lightness changes monotonically with
// |value| so that the map reads in grayscale too (the printed values carry
// the sign).
type scale struct {
	lo, hi    float64 // domain; lo < 0 only for a diverging scale
	diverging bool
}

func newScale(lo, hi float64) scale {
	if lo < 0 && hi > 0 {
		m := niceCeil(math.Max(-lo, hi))
		return scale{lo: -m, hi: m, diverging: true}
	}
	if hi <= 0 && lo < 0 {
		return scale{lo: -niceCeil(-lo), hi: 0}
	}
	return scale{lo: 0, hi: niceCeil(hi)}
}

// niceCeil rounds v > 0 up to 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k; 0
// gives 1.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10} {
		if m*mag >= v-1e-12 {
			return m * mag
		}
	}
	return 10 * mag
}

var (
	heatLight = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	heatBlue  = color.NRGBA{0x00, 0x3f, 0x7a, 0xff} // Okabe–Ito blue, darkened
	heatVerm  = color.NRGBA{0x9e, 0x3a, 0x00, 0xff} // Okabe–Ito vermillion, darkened
	heatMidB  = color.NRGBA{0x56, 0xb4, 0xe9, 0xff} // sky blue
	heatMidV  = color.NRGBA{0xe6, 0x9f, 0x00, 0xff} // orange
)

func (s scale) color(v float64) color.Color {
	t := (v - s.lo) / (s.hi - s.lo)
	if s.diverging {
		t = 2*t - 1 // -1…1
		if t < 0 {
			return ramp(-t, heatLight, heatMidV, heatVerm)
		}
		return ramp(t, heatLight, heatMidB, heatBlue)
	}
	if s.hi <= 0 { // all negative: darker further from 0
		return ramp(1-t, heatLight, heatMidV, heatVerm)
	}
	return ramp(t, heatLight, heatMidB, heatBlue)
}

// keyValues are the values shown in the colour key: the domain in 5
// equal steps (sequential) or 4 (diverging: −m, −m/2, 0, m/2, m). The
// domain ends are nice numbers (niceCeil), so the steps are too.
func (s scale) keyValues() (vals []float64, step float64) {
	n := 5
	if s.diverging {
		n = 4
	}
	step = (s.hi - s.lo) / float64(n)
	for i := range n + 1 {
		v := s.lo + float64(i)*step
		if math.Abs(v) < step*1e-9 {
			v = 0 // no "−0"
		}
		vals = append(vals, v)
	}
	return vals, step
}

// ramp interpolates t in [0,1] through three colours.
func ramp(t float64, a, b, c color.NRGBA) color.NRGBA {
	t = math.Max(0, math.Min(1, t))
	if t < 0.5 {
		return mix(a, b, t*2)
	}
	return mix(b, c, t*2-1)
}

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.NRGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 0xff}
}

// luminance is the relative luminance (WCAG) of c, in [0,1].
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func swatch(c color.Color) func(*draw.Canvas, vg.Rectangle) {
	return func(dc *draw.Canvas, r vg.Rectangle) {
		dc.SetColor(c)
		dc.Fill(rectPath(r))
		dc.SetLineStyle(draw.LineStyle{Color: color.Gray{0x66}, Width: vg.Points(0.3)})
		dc.Stroke(rectPath(r))
	}
}

// heatCells draws the cells of a heat map with their values.
type heatCells struct {
	vals   [][]float64 // [group][series]
	scale  scale
	format func(float64) string
	values bool // print the values (false when they do not fit)
}

func (h *heatCells) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(h.vals)
	ts := style(fontSmall)
	ts.XAlign, ts.YAlign = draw.XCenter, draw.YCenter
	for g, row := range h.vals {
		y := float64(n - 1 - g)
		for s, v := range row {
			r := vg.Rectangle{
				Min: vg.Point{X: trX(float64(s) - 0.5), Y: trY(y - 0.5)},
				Max: vg.Point{X: trX(float64(s) + 0.5), Y: trY(y + 0.5)},
			}
			label := "–"
			var bg color.Color = missingColor
			if !math.IsNaN(v) {
				bg = h.scale.color(v)
				label = h.format(v)
				if !h.values {
					label = ""
				}
			}
			c.SetColor(bg)
			c.Fill(rectPath(r))
			c.SetLineStyle(draw.LineStyle{Color: color.White, Width: vg.Points(0.8)})
			c.Stroke(rectPath(r))
			ts.Color = black
			if luminance(bg) < 0.3 {
				ts.Color = color.White
			}
			if label != "" {
				c.FillText(ts, vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: (r.Min.Y + r.Max.Y) / 2}, label)
			}
		}
	}
}
