package report

import (
	"bytes"
	"image/color"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// pwn is what every payload runs if it ever runs: it counts itself in the
// top window, where the browser test looks.
const pwn = "top.__pwned=(top.__pwned||0)+1"

// payloads are the injections the report must show as text. Every one that
// could run calls pwn (and some alert, which the browser test also watches).
var payloads = []string{
	`<script>` + pwn + `;alert(1)</script>`,
	`<img src=x onerror="` + pwn + `">`,
	`javascript:` + pwn,
	`</textarea><script>` + pwn + `</script>`,
	`"><svg onload="` + pwn + `">`,
	`'><svg/onload=` + pwn + `>`,
	`</style><script>` + pwn + `</script>`,
	`<a href="javascript:` + pwn + `">click me</a>`,
	`<iframe srcdoc="<script>` + pwn + `</script>"></iframe>`,
	`<meta http-equiv="refresh" content="0;url=javascript:` + pwn + `">`,
	`<base href="https://evil.example/">`,
	`{{.Title}}{{template "table" .}}}}{{`,
	`--><!--<script>` + pwn + `</script>`,
}

// hostile joins the payloads after a label, so each field is a long string
// with every payload in it.
func hostile(label string) string { return label + " " + strings.Join(payloads, " ") }

// hostileSVG is a chart whose SVG itself carries script: embedded as an
// image, none of it may run.
const hostileSVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="200pt" height="100pt" viewBox="0 0 200 100" onload="` + pwn + `">
<script>` + pwn + `</script>
<rect width="200" height="100" fill="#dddddd"/>
<text x="10" y="50">hostile chart</text>
<image href="https://evil.example/x.png" width="10" height="10"/>
</svg>
`

// plotSVG renders a real bar chart with gonum/plot, with the given outlet
// names as the bars' labels (names are escaped by gonum's SVG writer).
func plotSVG(t testing.TB, title string, names []string, values []float64) []byte {
	t.Helper()
	p := plot.New()
	p.Title.Text = title
	p.Y.Label.Text = "share of paragraphs"
	bars, err := plotter.NewBarChart(plotter.Values(values), vg.Points(28))
	if err != nil {
		t.Fatal(err)
	}
	bars.Color = color.RGBA{R: 0x4c, G: 0x72, B: 0xb0, A: 0xff}
	bars.LineStyle.Width = 0
	p.Add(bars)
	p.NominalX(names...)
	p.X.Min, p.X.Max = -0.5, float64(len(names))-0.5
	w, err := p.WriterTo(4.5*vg.Inch, 2.6*vg.Inch, "svg")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// hostileData is a report with every payload in every string a run can fill
// from its input: article text, titles, outlet names, frames, terms, file
// names, reasons, table cells and IDs.
func hostileData(t testing.TB) Data {
	outlet := hostile("Evil Daily")
	text := hostile("The minister spoke of Muslim unity.")
	// Highlights that cut through tags: "<script" and "onerror" halves.
	i := strings.Index(text, "<script>")
	j := strings.Index(text, "onerror")
	ev := Evidence{
		Doc: hostile("evil.txt"), Para: 2, Text: text,
		Highlights: [][2]int{{22, 34}, {i, i + 4}, {i + 4, i + 8}, {j + 2, j + 9}},
		Terms:      []string{hostile("muslim unity")}, Voice: hostile("official"), Tone: hostile("+0.4"),
	}
	tab := Table{
		ID: hostile("t"), Caption: hostile("Caption"), Note: hostile("Note"),
		Header: []string{hostile("Outlet"), "Share"},
		Rows:   [][]string{{outlet, "0.40"}, {"Dawn", "0.20"}},
	}
	return Data{
		Title:   hostile("Report"),
		Version: hostile("v0"),
		Method:  hostile("Method"),
		Notes:   []string{hostile("Note")},
		Charts: []Chart{
			{ID: hostile("c"), Title: hostile("Chart"), Method: hostile("method"),
				SVG: plotSVG(t, hostile("Frames"), []string{outlet, "Dawn"}, []float64{0.4, 0.2}), Table: tab},
			{ID: "hostile", Title: "A chart whose SVG carries script", SVG: []byte(hostileSVG), Table: tab},
		},
		Tables:       []Table{tab},
		Frames:       []Frame{{ID: hostile("muslim_unity"), Label: hostile("Label")}},
		CellsCaption: hostile("Caption"),
		Cells: []Cell{
			{Source: outlet, Frame: hostile("muslim_unity"), Value: hostile("0.40"), N: 3, More: 2,
				Paragraphs: []Evidence{ev}, Command: hostile("framescope kwic")},
			{Source: "Dawn", Frame: hostile("muslim_unity"), Value: "0.20", N: 1, Paragraphs: []Evidence{ev}},
		},
		Record: Record{
			Inputs: []Input{{Path: hostile("evil.txt"), Line: 3, Status: hostile("skipped"), Reason: hostile("bad")}},
			Counts: [][2]string{{hostile("articles"), hostile("1")}},
		},
	}
}

// allowedTag matches the tags report.html itself writes; any other tag in
// the output came from the data.
var (
	tagRE      = regexp.MustCompile(`<[!/]?[a-zA-Z][a-zA-Z0-9-]*`)
	allowedTag = map[string]bool{}
)

func init() {
	for _, tag := range strings.Fields(`<!DOCTYPE <html </html <head </head <meta <title </title <style </style
		<body </body <header </header <h1 </h1 <h2 </h2 <h3 </h3 <p </p <section </section <ul </ul <li </li
		<nav </nav <a </a <figure </figure <img <figcaption </figcaption <span </span <div </div <table </table
		<caption </caption <thead </thead <tbody </tbody <tr </tr <th </th <td </td <bdi </bdi <ol </ol
		<mark </mark <code </code <footer </footer <br`) {
		allowedTag[tag] = true
	}
}

func TestXSSEscaped(t *testing.T) {
	d := hostileData(t)
	var buf bytes.Buffer
	if err := WriteHTML(&buf, d); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	// Only the page's own tags; CSS between <style> and </style> is ours.
	body := html[strings.Index(html, "</style>"):]
	for _, tag := range tagRE.FindAllString(body, -1) {
		if !allowedTag[tag] {
			t.Errorf("output contains the tag %q: a payload got through", tag)
		}
	}
	// Every tag's attributes are ones the page writes, every value is quoted,
	// links are fragments and images are data: URLs.
	tags := regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*>`).FindAllStringSubmatch(body, -1)
	if got, want := len(tags), len(tagRE.FindAllString(body, -1))-strings.Count(body, "</"); got != want {
		t.Errorf("%d well-formed opening tags, want %d: some tag is not name=\"value\" pairs", got, want)
	}
	attrRE := regexp.MustCompile(`\s+([a-zA-Z-]+)(?:="([^"]*)")?`)
	images := 0
	for _, tag := range tags {
		for _, a := range attrRE.FindAllStringSubmatch(tag[2], -1) {
			name, value := a[1], a[2]
			switch name {
			case "id", "class", "alt", "lang", "dir", "scope", "aria-label", "charset", "name", "content", "http-equiv":
			case "width", "height":
				if _, err := strconv.Atoi(value); err != nil {
					t.Errorf("<%s %s=%q>: not a number", tag[1], name, value)
				}
			case "href":
				if !strings.HasPrefix(value, "#") {
					t.Errorf("<%s %s=%q>: links must be fragments", tag[1], name, value)
				}
			case "src":
				images++
				if !strings.HasPrefix(value, "data:image/svg&#43;xml;base64,") {
					t.Errorf("<%s %s=%.40q…>: images must be data: URLs", tag[1], name, value)
				}
			default:
				t.Errorf("<%s> has the attribute %q, which the page never writes", tag[1], name)
			}
		}
	}
	if images != len(d.Charts) {
		t.Errorf("%d images, want one per chart (%d)", images, len(d.Charts))
	}
	// The payloads are shown, escaped, not dropped.
	for _, want := range []string{
		"&lt;script&gt;top.__pwned=(top.__pwned||0)&#43;1;alert(1)&lt;/script&gt;",
		"&lt;img src=x onerror=&#34;top.__pwned",
		"&#34;&gt;&lt;svg onload=&#34;",
		"&lt;/textarea&gt;",
		`{{.Title}}{{template &#34;table&#34; .}}}}{{`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks the escaped payload %q", want)
		}
	}
	// Highlights that cut a tag in two are escaped piece by piece.
	if !strings.Contains(html, "<mark>&lt;scr</mark>") && !strings.Contains(html, "<mark>&lt;script&gt;</mark>") {
		t.Error("the highlight over <script> is not an escaped <mark>")
	}
	// Anchors come from indexes, never from the hostile IDs.
	for _, id := range regexp.MustCompile(`id="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		if !regexp.MustCompile(`^(charts|tables|matrix|evidence|record|chart-[0-9a-z-]+|table-[0-9]+|cell-[0-9]+)$`).MatchString(id[1]) {
			t.Errorf("unexpected id %q", id[1])
		}
	}
}

func TestGonumSVGIsWellFormed(t *testing.T) {
	// Outlet names with XML specials must give a chart that embeds; if
	// gonum/plot ever stops escaping them, the chart would show as broken.
	svg := plotSVG(t, "AT&T <News> \"quoted\"", []string{"AT&T", "<Dawn>", hostile("x")}, []float64{1, 2, 3})
	w, h, err := checkSVG(svg)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(w-4.5*96) > 1e-6 || math.Abs(h-2.6*96) > 1e-6 {
		t.Errorf("size %g×%g px, want %g×%g (4.5×2.6 in)", w, h, 4.5*96, 2.6*96)
	}
}

// TestTagsBalanced checks that every element the page opens it closes, on
// a plain and on a hostile report.
func TestTagsBalanced(t *testing.T) {
	for _, tc := range []struct {
		name string
		d    Data
	}{{"sample", sampleData()}, {"hostile", hostileData(t)}} {
		d := tc.d
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteHTML(&buf, d); err != nil {
				t.Fatal(err)
			}
			html := buf.String()
			for tag := range allowedTag {
				if strings.HasPrefix(tag, "</") || tag == "<!DOCTYPE" || tag == "<meta" || tag == "<img" || tag == "<br" {
					continue
				}
				name := tag[1:]
				open := len(regexp.MustCompile(`<`+name+`[ >]`).FindAllString(html, -1))
				if shut := strings.Count(html, "</"+name+">"); open != shut {
					t.Errorf("<%s> opened %d times, closed %d times", name, open, shut)
				}
			}
		})
	}
}
