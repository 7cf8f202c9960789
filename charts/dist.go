package charts

import (
	"fmt"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// NewToneDist returns horizontal box plots of paragraph tone, one row per
// outlet in the given order, labelled with n. Values lie in [-1,1].
// Distributions without values are left out with a warning.
func NewToneDist(ds []Dist, opt Options) (*Figure, error) {
	empty, err := checkDists(ds, "tone distribution", -1, 1)
	if err != nil {
		return nil, err
	}
	width, err := opt.width()
	if err != nil {
		return nil, err
	}
	if opt.labels == nil {
		opt.labels = labelerFor(nil, ds, nil)
	}
	var keep []Dist
	for _, d := range ds {
		if len(d.Values) > 0 {
			keep = append(keep, d)
		}
	}
	f := &Figure{Name: "tone_distribution", Width: vg.Length(width)}
	if len(empty) > 0 {
		f.Warnings = append(f.Warnings, fmt.Sprintf("tone_distribution: %s without paragraphs left out: %q", count(len(empty), "outlet"), empty))
	}
	names := make([]string, len(keep))
	for i, d := range keep {
		names[i] = d.Label
	}
	ts := style(fontSmall)
	ns := make([]string, len(keep))
	sampled := 0
	for i, d := range keep {
		ns[i] = " (n = " + strconv.Itoa(d.N) + ")"
		if d.N > len(d.Values) {
			ns[i] = " (n = " + strconv.Itoa(d.N) + "*)"
			sampled++
		}
	}
	// A few outlets: n on a second line; many: on the name's line.
	sep, budget := "\n", f.Width*0.3
	if labelLines(len(keep)) == 1 {
		sep, budget = " ", f.Width*0.42-maxWidth(ts, ns)
	}
	labels, al := labelSet(opt.labels, names, ts, budget, 1)
	f.Aliases = al
	for i := range labels {
		labels[i] += sep + strings.TrimPrefix(ns[i], " ")
	}
	if sampled > 0 {
		f.Warnings = append(f.Warnings, fmt.Sprintf("tone_distribution: %s drawn from a sample of their paragraphs (n marked *)", count(sampled, "outlet")))
	}
	rowH := max(textHeight(ts, 1)+1, min(14, (maxBodyH-40)/vg.Length(len(keep))))
	if sep == "\n" {
		rowH = textHeight(ts, 2) + 3
	}
	f.bodyH = vg.Length(len(keep))*rowH + 3*textHeight(ts, 1) + 8
	n := len(keep)
	yLabels := make([]string, n)
	for i := range n {
		yLabels[n-1-i] = labels[i]
	}
	boxW := min(rowH*0.6, 9)
	f.body = func(c draw.Canvas) {
		p := newPlot()
		p.Add(xGrid{}, xZeroLine{})
		for i, d := range keep {
			b, err := plotter.NewBoxPlot(boxW, float64(n-1-i), plotter.Values(d.Values))
			if err != nil { // cannot happen: values checked non-empty and finite
				panic(err)
			}
			b.Horizontal = true
			b.FillColor = boxFill
			b.BoxStyle = draw.LineStyle{Color: black, Width: vg.Points(0.6)}
			b.MedianStyle = draw.LineStyle{Color: black, Width: vg.Points(1.4)}
			b.WhiskerStyle = draw.LineStyle{Color: black, Width: vg.Points(0.5)}
			b.GlyphStyle = draw.GlyphStyle{Color: gray50, Radius: vg.Points(1), Shape: draw.RingGlyph{}}
			p.Add(b)
		}
		nominalY(p, yLabels)
		p.X.Padding, p.Y.Padding = 0, 2
		p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
		p.X.Min, p.X.Max = -1, 1
		p.X.Tick.Marker = stepTicks{step: 0.5, format: decimals(0.5)}
		p.X.Label.Text = "Paragraph " + lowerFirst(toneAxis)
		p.Draw(c)
	}
	legend := []legendItem{
		{label: "median and quartiles", thumb: boxThumb},
		{label: "range within 1.5 × IQR", thumb: whiskerThumb},
		{label: "values beyond", thumb: ringThumb},
	}
	if sampled > 0 {
		legend = append(legend, legendItem{label: "n*: box drawn from a sample of the paragraphs", thumb: func(*draw.Canvas, vg.Rectangle) {}})
	}
	f.finish("Distribution of paragraph tone by outlet", opt.note, legend)
	return f, nil
}

var boxFill = okabeIto[4] // sky blue: light in grayscale too

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}

// xZeroLine marks x = 0.
type xZeroLine struct{}

func (xZeroLine) Plot(c draw.Canvas, p *plot.Plot) {
	if p.X.Min > 0 || p.X.Max < 0 {
		return
	}
	trX, _ := p.Transforms(&c)
	c.StrokeLine2(draw.LineStyle{Color: gray50, Width: vg.Points(0.5), Dashes: []vg.Length{2, 1.5}}, trX(0), c.Min.Y, trX(0), c.Max.Y)
}

func boxThumb(c *draw.Canvas, r vg.Rectangle) {
	c.SetColor(boxFill)
	c.Fill(rectPath(r))
	c.SetLineStyle(draw.LineStyle{Color: black, Width: vg.Points(0.6)})
	c.Stroke(rectPath(r))
	x := (r.Min.X + r.Max.X) / 2
	c.StrokeLine2(draw.LineStyle{Color: black, Width: vg.Points(1.4)}, x, r.Min.Y, x, r.Max.Y)
}

func whiskerThumb(c *draw.Canvas, r vg.Rectangle) {
	ls := draw.LineStyle{Color: black, Width: vg.Points(0.5)}
	y := (r.Min.Y + r.Max.Y) / 2
	c.StrokeLine2(ls, r.Min.X+1, y, r.Max.X-1, y)
	h := (r.Max.Y - r.Min.Y) * 0.3
	c.StrokeLine2(ls, r.Min.X+1, y-h, r.Min.X+1, y+h)
	c.StrokeLine2(ls, r.Max.X-1, y-h, r.Max.X-1, y+h)
}

func ringThumb(c *draw.Canvas, r vg.Rectangle) {
	gs := draw.GlyphStyle{Color: gray50, Radius: vg.Points(1), Shape: draw.RingGlyph{}}
	y := (r.Min.Y + r.Max.Y) / 2
	for _, x := range []vg.Length{r.Min.X + 3, (r.Min.X + r.Max.X) / 2, r.Max.X - 3} {
		c.DrawGlyphNoClip(gs, vg.Point{X: x, Y: y})
	}
}
