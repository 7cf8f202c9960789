package charts

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendItem is one legend entry: a label and a thumbnail drawn in r.
type legendItem struct {
	label string
	thumb func(c *draw.Canvas, r vg.Rectangle)
}

const (
	thumbW   = 14 // points
	thumbGap = 3
	colGap   = 9
)

// layout is the vertical plan of a figure: title, legend band, plot area,
// note, from top to bottom.
type layout struct {
	title      string // wrapped
	legendRows [][]legendItem
	legendColW vg.Length
	rowH       []vg.Length
	note       string // wrapped
}

// finish wraps the title and note, lays the legend out in as many columns
// as fit the width and sets f.Height from the content.
func (f *Figure) finish(title, note string, items []legendItem) {
	ts, ns, ls := style(fontLarge), style(fontSmall), style(fontSmall)
	inner := f.Width - 2*pad
	f.Title = title
	f.lay.title, _ = wrap(ts, title, inner, 3)
	if note != "" {
		f.lay.note, _ = wrap(ns, note, inner, 4)
	}
	if len(items) > 0 {
		maxW := vg.Length(0)
		labels := make([]string, len(items))
		for i, it := range items {
			labels[i], _ = wrap(ls, it.label, inner-thumbW-thumbGap, 2)
			if w := ls.Width(labels[i]); w > maxW {
				maxW = w
			}
		}
		colW := thumbW + thumbGap + maxW + colGap
		cols := int((inner + colGap) / colW)
		cols = max(1, min(cols, len(items)))
		// Balance the rows: as few columns as give the same row count.
		rows := (len(items) + cols - 1) / cols
		cols = (len(items) + rows - 1) / rows
		f.lay.legendColW = colW
		for r := range rows {
			row := []legendItem{}
			n := 1
			for c := range cols {
				i := r*cols + c
				if i >= len(items) {
					break
				}
				it := items[i]
				it.label = labels[i]
				n = max(n, lines(it.label))
				row = append(row, it)
			}
			f.lay.legendRows = append(f.lay.legendRows, row)
			f.lay.rowH = append(f.lay.rowH, textHeight(ls, n)+1)
		}
	}
	h := pad + textHeight(ts, lines(f.lay.title)) + pad
	for _, rh := range f.lay.rowH {
		h += rh
	}
	if len(f.lay.rowH) > 0 {
		h += pad
	}
	h += f.bodyH
	if f.lay.note != "" {
		h += pad + textHeight(ns, lines(f.lay.note))
	}
	h += pad
	f.Height = vg.Length(float64(int(h + 0.999))) // whole points
	if f.Height > maxFigureH {
		f.Warnings = append(f.Warnings, fmt.Sprintf("%s: figure is %.1f in tall, more than a page allows (%.0f in); consider fewer outlets or splitting the figure", f.Name, float64(f.Height)/72, float64(maxFigureH)/72))
	}
}

// draw draws the whole figure on c.
func (f *Figure) draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(rectPath(c.Rectangle))
	ts, ns, ls := style(fontLarge), style(fontSmall), style(fontSmall)
	top := c.Max.Y - pad
	ts.XAlign, ts.YAlign = draw.XCenter, draw.YTop
	c.FillText(ts, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: top}, f.lay.title)
	top -= textHeight(ts, lines(f.lay.title)) + pad

	ls.XAlign, ls.YAlign = draw.XLeft, draw.YTop
	for r, row := range f.lay.legendRows {
		rowW := vg.Length(len(row))*f.lay.legendColW - colGap
		x := (c.Min.X+c.Max.X)/2 - rowW/2
		lineH := textHeight(ls, 1)
		for _, it := range row {
			tr := vg.Rectangle{
				Min: vg.Point{X: x, Y: top - lineH + 1},
				Max: vg.Point{X: x + thumbW, Y: top - 1},
			}
			it.thumb(&c, tr)
			c.FillText(ls, vg.Point{X: x + thumbW + thumbGap, Y: top}, it.label)
			x += f.lay.legendColW
		}
		top -= f.lay.rowH[r]
	}
	if len(f.lay.legendRows) > 0 {
		top -= pad
	}
	bottom := c.Min.Y + pad
	if f.lay.note != "" {
		ns.XAlign, ns.YAlign = draw.XLeft, draw.YBottom
		c.FillText(ns, vg.Point{X: c.Min.X + pad, Y: bottom}, f.lay.note)
		bottom += textHeight(ns, lines(f.lay.note)) + pad
	}
	body := c
	body.Rectangle = vg.Rectangle{
		Min: vg.Point{X: c.Min.X + pad, Y: bottom},
		Max: vg.Point{X: c.Max.X - pad, Y: top},
	}
	f.body(body)
}

func rectPath(r vg.Rectangle) vg.Path {
	var p vg.Path
	p.Move(r.Min)
	p.Line(vg.Point{X: r.Max.X, Y: r.Min.Y})
	p.Line(r.Max)
	p.Line(vg.Point{X: r.Min.X, Y: r.Max.Y})
	p.Close()
	return p
}
