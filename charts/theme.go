package charts

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// okabeIto is the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
// Design"), ordered so that neighbouring series differ in lightness too;
// yellow, weakest on white, comes last and black closes the cycle.
var okabeIto = []color.NRGBA{
	{0x00, 0x72, 0xB2, 0xff}, // blue
	{0xE6, 0x9F, 0x00, 0xff}, // orange
	{0x00, 0x9E, 0x73, 0xff}, // bluish green
	{0xD5, 0x5E, 0x00, 0xff}, // vermillion
	{0x56, 0xB4, 0xE9, 0xff}, // sky blue
	{0xCC, 0x79, 0xA7, 0xff}, // reddish purple
	{0xF0, 0xE4, 0x42, 0xff}, // yellow
	{0x00, 0x00, 0x00, 0xff}, // black
}

// seriesColor returns the palette colour of series i.
func seriesColor(i int) color.Color { return okabeIto[i%len(okabeIto)] }

// glyphs give series a redundant shape; the cycle length (7) is prime to
// the palette's (8) so colour and shape pairs repeat only after 56 series.
var glyphs = []draw.GlyphDrawer{
	draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{},
	draw.PyramidGlyph{}, draw.RingGlyph{}, draw.BoxGlyph{}, draw.CrossGlyph{},
}

// dashes give lines a redundant pattern (cycle 5, prime to 7 and 8).
var dashes = [][]vg.Length{
	nil,
	{vg.Points(3), vg.Points(1.5)},
	{vg.Points(1), vg.Points(1.2)},
	{vg.Points(4), vg.Points(1.2), vg.Points(1), vg.Points(1.2)},
	{vg.Points(6), vg.Points(2)},
}

// hatch is a bar fill pattern drawn over the colour (cycle 6).
type hatch int

const (
	hatchNone  hatch = iota
	hatchDiag        // ////
	hatchHoriz       // ====
	hatchBack        // \\\\
	hatchVert        // ||||
	hatchCross       // ××××
	nHatches
)

func seriesHatch(i int) hatch { return hatch(i % int(nHatches)) }

// Print sizes.
const (
	fontSmall = 8 // ticks, legend, cell values, note
	fontLarge = 9 // title and axis labels
	lineThin  = 0.5
	lineData  = 0.9
	pad       = 4 // points around bands
)

var black = color.Gray{0}

func style(size float64) text.Style {
	return text.Style{
		Color:   black,
		Font:    font.From(plot.DefaultFont, vg.Points(size)),
		Handler: plot.DefaultTextHandler,
	}
}

// newPlot returns a plot in the paper theme, without title (the figure
// draws its own) or background (the figure fills it once).
func newPlot() *plot.Plot {
	p := plot.New()
	p.BackgroundColor = nil
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = style(fontLarge).Font
		a.Label.Padding = vg.Points(2)
		a.Tick.Label.Font = style(fontSmall).Font
		a.LineStyle.Width = vg.Points(lineThin)
		a.Tick.LineStyle.Width = vg.Points(lineThin)
		a.Tick.Length = vg.Points(3)
		a.Padding = vg.Points(1)
	}
	p.Legend.TextStyle.Font = style(fontSmall).Font
	centerYTicks(p, 1)
	p.Title.TextStyle.Font = style(fontSmall).Font
	return p
}

var gridStyle = draw.LineStyle{Color: color.Gray{0xdd}, Width: vg.Points(0.4)}

// wrap breaks s into at most maxLines lines no wider than w, at spaces,
// underscores, hyphens and slashes; what does not fit ends in "…". It
// reports whether text was cut.
func wrap(sty text.Style, s string, w vg.Length, maxLines int) (string, bool) {
	if sty.Width(s) <= w {
		return s, false
	}
	words := splitWords(s)
	var lines []string
	cur := ""
	for i := 0; i < len(words); i++ {
		next := cur + words[i]
		if cur == "" || sty.Width(strings.TrimRight(next, " ")) <= w {
			cur = next
			if sty.Width(strings.TrimRight(cur, " ")) > w {
				// a single word too long for a line
				lines = append(lines, cur)
				cur = ""
			}
			continue
		}
		lines = append(lines, cur)
		cur = words[i]
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	cut := false
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] += "…"
		cut = true
	}
	for i, l := range lines {
		for sty.Width(l) > w && len([]rune(l)) > 2 {
			r := []rune(strings.TrimSuffix(l, "…"))
			l = strings.TrimRight(string(r[:len(r)-1]), " _-/") + "…"
			cut = true
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n"), cut
}

// splitWords splits s after each break character, keeping it.
func splitWords(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if r == ' ' || r == '_' || r == '-' || r == '/' {
			out = append(out, s[start:i+len(string(r))])
			start = i + len(string(r))
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// lines returns the number of lines of s.
func lines(s string) int { return strings.Count(s, "\n") + 1 }

// textHeight is the height of n lines in sty.
func textHeight(sty text.Style, n int) vg.Length {
	e := sty.FontExtents()
	return vg.Length(n) * (e.Height)
}

// labelSet turns names into drawable, wrapped labels no wider than w and at
// most maxLines lines, returning them with the aliases for names that were
// replaced or shortened.
func labelSet(l *labeler, names []string, sty text.Style, w vg.Length, maxLines int) (labels []string, aliases []Alias) {
	labels = make([]string, len(names))
	used := map[string]int{}
	for i, n := range names {
		s := l.label(n)
		ws, cut := s, false
		if !l.isCode(n) { // codes are short and must stay whole
			ws, cut = wrap(sty, s, w, maxLines)
		}
		if k := used[ws]; k > 0 {
			ws += " (" + strconv.Itoa(k+1) + ")"
			cut = true
		}
		used[ws]++
		labels[i] = ws
		switch {
		case cut:
			aliases = append(aliases, Alias{Shown: strings.ReplaceAll(ws, "\n", " "), Name: n, Reason: ReasonShortened})
		case l.isCode(n):
			aliases = append(aliases, Alias{Shown: s, Name: n, Reason: ReasonScript})
		case s != n:
			aliases = append(aliases, Alias{Shown: s, Name: n, Reason: ReasonLetters})
		}
	}
	return labels, aliases
}

// niceStep returns a tick step of 1, 2, 2.5 or 5 × 10^k giving about n
// ticks over span.
func niceStep(span float64, n int) float64 {
	if span <= 0 || n < 1 {
		return 1
	}
	raw := span / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			return m * mag
		}
	}
	return 10 * mag
}

// ticks returns labelled ticks every step from min to max, with a
// precision that shows the step.
type stepTicks struct {
	step   float64
	format func(float64) string
}

func (t stepTicks) Ticks(min, max float64) []plot.Tick {
	var out []plot.Tick
	start := math.Ceil(min/t.step-1e-9) * t.step
	for v := start; v <= max+t.step*1e-9; v += t.step {
		x := math.Round(v/t.step) * t.step
		if x == 0 {
			x = 0 // no "-0"
		}
		out = append(out, plot.Tick{Value: x, Label: t.format(x)})
	}
	return out
}

var gray50 = color.Gray{0x80}

// maxBodyH is the height charts shrink their rows to stay within, so
// that with axis, title, legend and note the figure fits in 9 in.
const maxBodyH = 7 * 72

// maxFigureH is the tallest figure that fits a journal page (9 in); taller
// figures are drawn, with a warning.
const maxFigureH = 9 * 72

// labelLines is how many lines an outlet label may take: 2 for a few
// outlets, 1 when there are many (long names are then shortened, and the
// full name is listed in Figure.Aliases).
func labelLines(n int) int {
	if n > 12 {
		return 1
	}
	return 2
}

// centerYTicks centres y tick labels of n lines on their ticks: gonum/plot
// draws them a font descent too high.
func centerYTicks(p *plot.Plot, n int) {
	sty := p.Y.Tick.Label
	desc := sty.FontExtents().Descent
	p.Y.Tick.Label.YAlign = draw.YCenter - draw.YAlignment(desc/textHeight(sty, n))
}

// nominalY labels the y axis with names (bottom to top) and centres them.
func nominalY(p *plot.Plot, names []string) {
	p.NominalY(names...)
	n := 2
	for _, l := range names {
		if lines(l) == 1 {
			n = 1
		}
	}
	centerYTicks(p, n)
	p.X.Padding = 0
}

// count writes n and noun, plural unless n is 1: "1 outlet", "3 outlets".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
