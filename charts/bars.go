package charts

import (
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// barStyle is how one series of bars is filled.
type barStyle struct {
	color color.Color
	hatch hatch
	open  bool // white fill, hatching and outline in the colour
}

// barSeries is one series of a grouped bar chart: a value and an interval
// per group, NaN where the series has no estimate for the group.
type barSeries struct {
	style        barStyle
	vals, lo, hi []float64
}

// hbars draws grouped horizontal bars with interval whiskers: group g is
// centred on y = n-1-g (the first group on top), series s of k is offset
// within the group, series 0 uppermost.
type hbars struct {
	series []barSeries
	n      int
	barH   vg.Length
}

func (b *hbars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	k := len(b.series)
	ci := draw.LineStyle{Color: black, Width: vg.Points(0.7)}
	for g := range b.n {
		yc := trY(float64(b.n - 1 - g))
		for s, ser := range b.series {
			v := ser.vals[g]
			if math.IsNaN(v) {
				continue
			}
			y := yc + vg.Length(float64(k-1)/2-float64(s))*b.barH
			r := vg.Rectangle{
				Min: vg.Point{X: trX(0), Y: y - b.barH/2 + 0.25},
				Max: vg.Point{X: trX(v), Y: y + b.barH/2 - 0.25},
			}
			drawBar(&c, r, ser.style)
			if lo, hi := ser.lo[g], ser.hi[g]; !math.IsNaN(lo) {
				x0, x1 := trX(lo), trX(hi)
				capH := b.barH * 0.35
				c.StrokeLine2(ci, x0, y, x1, y)
				c.StrokeLine2(ci, x0, y-capH, x0, y+capH)
				c.StrokeLine2(ci, x1, y-capH, x1, y+capH)
			}
		}
	}
}

// drawBar fills r in st, hatches it and outlines it thinly.
func drawBar(c *draw.Canvas, r vg.Rectangle, st barStyle) {
	if r.Max.X < r.Min.X {
		r.Min.X, r.Max.X = r.Max.X, r.Min.X
	}
	if st.open {
		c.SetColor(color.White)
	} else {
		c.SetColor(st.color)
	}
	c.Fill(rectPath(r))
	hc := color.Color(black)
	if st.open {
		hc = st.color
	}
	drawHatch(c, r, st.hatch, draw.LineStyle{Color: hc, Width: vg.Points(0.35)})
	outline := draw.LineStyle{Color: color.Gray{0x33}, Width: vg.Points(0.3)}
	if st.open {
		outline = draw.LineStyle{Color: st.color, Width: vg.Points(0.7)}
	}
	c.SetLineStyle(outline)
	c.Stroke(rectPath(r))
}

// drawHatch draws the lines of pattern h inside r.
func drawHatch(c *draw.Canvas, r vg.Rectangle, h hatch, ls draw.LineStyle) {
	const gap = vg.Length(2.2)
	x0, y0, x1, y1 := r.Min.X, r.Min.Y, r.Max.X, r.Max.Y
	if x1-x0 < 0.5 || y1-y0 < 0.5 {
		return
	}
	horiz := func() {
		for y := y0 + gap/2; y < y1; y += gap {
			c.StrokeLine2(ls, x0, y, x1, y)
		}
	}
	vert := func() {
		for x := x0 + gap/2; x < x1; x += gap {
			c.StrokeLine2(ls, x, y0, x, y1)
		}
	}
	step := gap * math.Sqrt2
	diag := func() { // y = x + k
		for k := y0 - x1 + step/2; k < y1-x0; k += step {
			a, b := max(x0, y0-k), min(x1, y1-k)
			if a < b {
				c.StrokeLine2(ls, a, a+k, b, b+k)
			}
		}
	}
	back := func() { // y = -x + k
		for k := y0 + x0 + step/2; k < y1+x1; k += step {
			a, b := max(x0, k-y1), min(x1, k-y0)
			if a < b {
				c.StrokeLine2(ls, a, k-a, b, k-b)
			}
		}
	}
	switch h {
	case hatchDiag:
		diag()
	case hatchHoriz:
		horiz()
	case hatchBack:
		back()
	case hatchVert:
		vert()
	case hatchCross:
		diag()
		back()
	}
}

// barThumb draws a legend swatch in style st.
func barThumb(st barStyle) func(c *draw.Canvas, r vg.Rectangle) {
	return func(c *draw.Canvas, r vg.Rectangle) { drawBar(c, r, st) }
}

// ciThumb draws the legend entry for an interval whisker.
func ciThumb(c *draw.Canvas, r vg.Rectangle) {
	ls := draw.LineStyle{Color: black, Width: vg.Points(0.7)}
	y := (r.Min.Y + r.Max.Y) / 2
	h := (r.Max.Y - r.Min.Y) * 0.35
	c.StrokeLine2(ls, r.Min.X+1, y, r.Max.X-1, y)
	c.StrokeLine2(ls, r.Min.X+1, y-h, r.Min.X+1, y+h)
	c.StrokeLine2(ls, r.Max.X-1, y-h, r.Max.X-1, y+h)
}

// barChart is what the grouped-bar figures have in common.
type barChart struct {
	name, title, xLabel string
	groups              []string // outlets, in the caller's order
	series              []barSeries
	legend              []legendItem
	hasCI               bool
	opt                 Options
	note                string
	aliases             []Alias
	warnings            []string
}

// build lays a barChart out: one row per group, tall enough for its bars
// and its (wrapped) label, plus the x axis.
func (bc barChart) build() (*Figure, error) {
	width, err := bc.opt.width()
	if err != nil {
		return nil, err
	}
	f := &Figure{Name: bc.name, Width: vg.Length(width), Warnings: bc.warnings}
	ts := style(fontSmall)
	labels, al := labelSet(bc.opt.labels, bc.groups, ts, f.Width*0.3, labelLines(len(bc.groups)))
	f.Aliases = append(bc.aliases, al...)

	n, k := len(bc.groups), len(bc.series)
	// Bars 5 pt thick, thinner (down to 2 pt) to keep the figure within
	// a page; rows at least as tall as their labels.
	lineH := textHeight(ts, 1)
	labelH := lineH
	for _, l := range labels {
		labelH = max(labelH, textHeight(ts, lines(l)))
	}
	maxBar := vg.Length(5)
	if f.Width > 300 { // 2col: wide figures get thicker bars
		maxBar = 7
	}
	barH := max(2, min(maxBar, (maxBodyH/vg.Length(n)-3)/vg.Length(k)))
	groupH := max(vg.Length(k)*barH+3, labelH+2)
	f.bodyH = vg.Length(n)*groupH + 3*lineH + 8

	bars := &hbars{series: bc.series, n: n, barH: barH}
	xMax, xStep := shareAxis(bc.series, n)
	yLabels := make([]string, n)
	for g := range n {
		yLabels[n-1-g] = labels[g]
	}
	xLabel := bc.xLabel
	f.body = func(c draw.Canvas) {
		p := newPlot()
		p.Add(xGrid{})
		p.Add(bars)
		nominalY(p, yLabels)
		p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
		p.X.Padding, p.Y.Padding = 0, 2
		p.X.Min, p.X.Max = 0, xMax
		p.X.Tick.Marker = stepTicks{step: xStep, format: decimals(xStep)}
		p.X.Label.Text = xLabel
		p.Draw(c)
	}
	f.finish(bc.title, bc.note, bc.legend)
	return f, nil
}

// shareAxis returns the end and tick step of the share axis: from 0 to the
// largest value or interval end, rounded up to a tick, so small shares get the
// resolution they need. Missing estimates (NaN) are passed over.
func shareAxis(series []barSeries, n int) (xMax, xStep float64) {
	for _, s := range series {
		for g := range n {
			if m := nanMax(s.vals[g], s.hi[g]); !math.IsNaN(m) {
				xMax = math.Max(xMax, m)
			}
		}
	}
	xStep = 0.2
	switch {
	case xMax <= 0.2:
		xStep = 0.05
	case xMax <= 0.5:
		xStep = 0.1
	}
	return math.Min(1, math.Max(xStep, math.Ceil(xMax/xStep-1e-9)*xStep)), xStep
}

func nanMax(a, b float64) float64 {
	switch {
	case math.IsNaN(a):
		return b
	case math.IsNaN(b):
		return a
	}
	return math.Max(a, b)
}

// xGrid draws light vertical lines at the x ticks, under the data.
type xGrid struct{}

func (xGrid) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	for _, t := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		if t.Label == "" {
			continue
		}
		x := trX(t.Value)
		c.StrokeLine2(gridStyle, x, c.Min.Y, x, c.Max.Y)
	}
}

// yGrid draws light horizontal lines at the y ticks, under the data.
type yGrid struct{}

func (yGrid) Plot(c draw.Canvas, p *plot.Plot) {
	_, trY := p.Transforms(&c)
	for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		if t.Label == "" {
			continue
		}
		y := trY(t.Value)
		c.StrokeLine2(gridStyle, c.Min.X, y, c.Max.X, y)
	}
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// measureParts splits "frame share (share of articles with the frame)"
// into the name ("frame share") and the definition ("share of articles
// with the frame"); without parentheses both are the measure.
func measureParts(m string) (name, def string) {
	m = strings.TrimSpace(m)
	if i := strings.Index(m, " ("); i > 0 && strings.HasSuffix(m, ")") {
		return m[:i], m[i+2 : len(m)-1]
	}
	return m, m
}
