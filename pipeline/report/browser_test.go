//go:build unix

package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The browser tests open reports in headless Chromium and check what a reader
// gets: every chart image loads, every outlet × frame link lands on its
// paragraphs, no payload runs, nothing is fetched. They skip when Chromium is
// absent and fail instead when FRAMESCOPE_REQUIRE_BROWSER=1 (as CI sets).
// Screenshots go to $FRAMESCOPE_ARTIFACTS when set, else to a temporary folder.

// findBrowser returns the Chromium to run, or skips (or fails) the test.
func findBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("FRAMESCOPE_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium found (install Debian's chromium package, or set FRAMESCOPE_CHROMIUM)"
	if os.Getenv("FRAMESCOPE_REQUIRE_BROWSER") == "1" {
		t.Fatal(msg + "; FRAMESCOPE_REQUIRE_BROWSER=1 makes this a failure")
	}
	t.Skip(msg)
	return ""
}

// pageReport is what the browser test reads back from a loaded report.
type pageReport struct {
	Pwned   int      `json:"pwned"`
	Scripts int      `json:"scripts"`
	Frames  int      `json:"frames"` // iframe, object, embed, base elements
	BadAttr []string `json:"badAttr"`
	Images  []struct {
		Complete bool   `json:"complete"`
		W        int    `json:"w"`
		H        int    `json:"h"`
		Alt      string `json:"alt"`
	} `json:"images"`
	Links []struct {
		ID    string `json:"id"`
		Found bool   `json:"found"`
		Paras int    `json:"paras"`
		Marks int    `json:"marks"`
	} `json:"links"`
	Anchors int    `json:"anchors"` // elements with a cell-… id
	H1      string `json:"h1"`
	Href    string `json:"href"`
}

const inspectJS = `(() => {
  const r = {pwned: top.__pwned || 0, scripts: document.scripts.length,
    frames: document.querySelectorAll('iframe,frame,object,embed,base').length, badAttr: [],
    h1: document.querySelector('h1').textContent, href: location.href};
  r.images = Array.from(document.images).map(i => ({complete: i.complete, w: i.naturalWidth, h: i.naturalHeight, alt: i.alt}));
  r.links = Array.from(document.querySelectorAll('a[href^="#cell-"]')).map(a => {
    const id = a.getAttribute('href').slice(1), el = document.getElementById(id);
    return {id, found: !!el, paras: el ? el.querySelectorAll('ol.paras > li').length : 0,
      marks: el ? el.querySelectorAll('mark').length : 0};
  });
  r.anchors = document.querySelectorAll('[id^="cell-"]').length;
  for (const el of document.querySelectorAll('*'))
    for (const a of el.attributes)
      if (/^on/i.test(a.name) || /^\s*(javascript|vbscript):/i.test(a.value)) r.badAttr.push(el.tagName + ' ' + a.name);
  return r;
})()`

// richData is a report like a real run's: three outlets, three frames,
// charts rendered by gonum/plot, one hand-written.
func richData(t testing.TB) Data {
	d := sampleData()
	outlets := []string{"Dawn", "Tehran Times", "The Express Tribune"}
	d.Charts = []Chart{
		{ID: "muslim-unity", Title: "Share of paragraphs with the muslim_unity frame, by outlet",
			Method: "Bars: share of paragraphs; 95% bootstrap interval over articles (1,000 resamples, seed 1).",
			SVG:    plotSVG(t, "muslim_unity", outlets, []float64{0.40, 0.20, 0.31}),
			Table: Table{Header: []string{"Outlet", "Share", "95% CI", "Paragraphs"}, Rows: [][]string{
				{"Dawn", "0.40", "[0.20, 0.60]", "12"}, {"Tehran Times", "0.20", "[0.05, 0.35]", "9"},
				{"The Express Tribune", "0.31", "[0.12, 0.50]", "14"}}}},
		d.Charts[0],
	}
	frames := []string{"border_security", "muslim_unity", "us_israel_threat"}
	d.Frames = []Frame{
		{ID: "us_israel_threat", Label: "The United States and/or Israel as a threat"},
		{ID: "muslim_unity", Label: "Unity of Muslims and the Muslim world"},
		{ID: "border_security", Label: "Security of the Iran–Pakistan border"},
	}
	texts := []string{
		"Security forces sealed the border crossing at Taftan after the attack, officials said.",
		"Both nations share an Islamic brotherhood that no outside power can divide, the minister said.",
		"Analysts warned that Washington and Tel Aviv would see the pact as a threat to their interests.",
	}
	terms := [][2]string{{"border crossing", "sealed the border"}, {"Islamic brotherhood", "nations share"}, {"Washington", "Tel Aviv"}}
	d.Cells = nil
	for i, o := range outlets {
		for j, f := range frames {
			c := Cell{Source: o, Frame: f, Value: fmt.Sprintf("0.%02d", 10+7*i+11*j), N: 1 + i + j}
			if i == 2 && j == 0 {
				c.N, c.Value = 0, "0.00"
			} else {
				for k := range min(c.N, 3) {
					text := texts[j]
					var hl [][2]int
					for _, term := range terms[j] {
						if at := strings.Index(text, term); at >= 0 {
							hl = append(hl, [2]int{at, at + len(term)})
						}
					}
					c.Paragraphs = append(c.Paragraphs, Evidence{
						Doc: fmt.Sprintf("%s-2024-%02d.txt", strings.ToLower(strings.Fields(o)[0]), k+1), Para: 2 + k,
						Text: text, Highlights: hl, Terms: terms[j][:], Voice: []string{"official", "journalist", "expert"}[k], Tone: fmt.Sprintf("%+.2f", 0.1*float64(k-1)),
					})
				}
				c.More = c.N - len(c.Paragraphs)
			}
			d.Cells = append(d.Cells, c)
		}
	}
	return d
}

// artifactDir is where screenshots go.
func artifactDir(t *testing.T) string {
	if dir := os.Getenv("FRAMESCOPE_ARTIFACTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

func TestBrowser(t *testing.T) {
	exe := findBrowser(t)
	// A guard against a hung browser, not a speed test: the test takes ~5 s
	// on an idle machine.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	dir := t.TempDir()
	write := func(name string, d Data, edits ...func(string) string) string {
		var buf bytes.Buffer
		if err := WriteHTML(&buf, d); err != nil {
			t.Fatal(err)
		}
		html := buf.String()
		for _, edit := range edits {
			html = edit(html)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
		return (&url.URL{Scheme: "file", Path: path}).String()
	}
	noCSP := func(html string) string {
		i := strings.Index(html, `<meta http-equiv="Content-Security-Policy"`)
		j := i + strings.Index(html[i:], ">\n") + 2
		return html[:i] + html[j:]
	}
	// The controls inject what escaping prevents, to show the test would
	// see it: a script that runs and alerts without the policy, and a
	// script the policy blocks (and the browser logs) with it.
	inject := func(html string) string {
		return strings.Replace(html, "</body>", "<script>"+pwn+";alert(1)</script>\n</body>", 1)
	}
	rich, hostileD := richData(t), hostileData(t)
	pages := []struct {
		name    string
		data    Data
		url     string
		control string // "": nothing may run or load; "runs": the injected script must be seen; "blocked": the policy must log it
	}{
		{"rich", rich, write("rich.html", rich), ""},
		{"hostile", hostileD, write("hostile.html", hostileD), ""},
		// Without the policy, escaping alone must keep every payload inert.
		{"hostile-without-csp", hostileD, write("hostile-nocsp.html", hostileD, noCSP), ""},
		{"control-runs", rich, write("control-runs.html", rich, noCSP, inject), "runs"},
		{"control-blocked", rich, write("control-blocked.html", rich, inject), "blocked"},
	}

	s := openSession(t, exe, ctx)
	shots := artifactDir(t)
	for _, pg := range pages {
		t.Run(pg.name, func(t *testing.T) {
			v := s.visit(t, ctx, pg.url)
			r := &v.page
			checkLoaded(t, pg.data, r)
			if r.H1 != pg.data.Title {
				t.Errorf("the title shows %q, want the text %q", r.H1, pg.data.Title)
			}
			switch pg.control {
			case "":
				v.checkInert(t)
			case "runs":
				if r.Pwned != 1 || r.Scripts != 1 || len(v.dialogs) != 1 {
					t.Errorf("the control script went unseen: pwned %d, %d scripts, dialogs %v", r.Pwned, r.Scripts, v.dialogs)
				}
			case "blocked":
				if r.Pwned != 0 || len(v.dialogs) != 0 || !strings.Contains(strings.Join(v.logs, " "), "Content Security Policy") {
					t.Errorf("the policy did not block and log the control script: pwned %d, dialogs %v, log %v", r.Pwned, v.dialogs, v.logs)
				}
				return
			}
			if pg.name != "hostile-without-csp" { // looks the same as hostile
				s.screenshot(t, ctx, filepath.Join(shots, "report-"+pg.name+".png"))
			}
			if pg.name == "rich" { // and as printed, for a look at the print style
				s.media(t, ctx, "print")
				s.screenshot(t, ctx, filepath.Join(shots, "report-"+pg.name+"-print.png"))
				s.media(t, ctx, "")
			}
		})
	}
}

// TestBrowserReportFile checks a report.html from a real run, named by
// $FRAMESCOPE_REPORT: every chart loads, every cell link lands on its
// paragraphs, nothing runs or loads; its screenshot goes beside the others.
func TestBrowserReportFile(t *testing.T) {
	path := os.Getenv("FRAMESCOPE_REPORT")
	if path == "" {
		t.Skip("set FRAMESCOPE_REPORT=path/to/report.html to check a real run's report")
	}
	checkReportFile(t, path, "report-file.png")
}

// checkReportFile opens the report at path in headless Chromium: every chart
// loads, every cell link lands on its paragraphs, nothing runs or loads; a
// screenshot named shot goes beside the others.
func checkReportFile(t *testing.T, path, shot string) {
	t.Helper()
	exe := findBrowser(t)
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	html, err := os.ReadFile(abs)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	s := openSession(t, exe, ctx)
	v := s.visit(t, ctx, (&url.URL{Scheme: "file", Path: abs}).String())
	r := &v.page
	if n := bytes.Count(html, []byte(`<p class="problem">`)); n > 0 {
		t.Errorf("%d charts could not be embedded (see the notes in the report)", n)
	}
	if figures := bytes.Count(html, []byte("<figure ")); len(r.Images) != figures {
		t.Errorf("%d images for %d charts", len(r.Images), figures)
	}
	checkImagesAndLinks(t, r)
	if len(r.Links) == 0 {
		t.Error("no outlet × frame cell links to paragraphs")
	}
	v.checkInert(t)
	s.screenshot(t, ctx, filepath.Join(artifactDir(t), shot))
}

// session is a browser with one tab open, watching the network.
type session struct {
	b   *browser
	tab *tab
}

func openSession(t *testing.T, exe string, ctx context.Context) *session {
	t.Helper()
	b, err := startBrowser(exe, t.TempDir())
	if err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	t.Cleanup(func() { b.Close() })
	tb, err := b.newTab(ctx, 1100, 900)
	if err != nil {
		t.Fatalf("%v\nchromium said:\n%s", err, b.stderr)
	}
	if err := b.call(ctx, tb.session, "Network.enable", struct{}{}, nil); err != nil {
		t.Fatal(err)
	}
	return &session{b: b, tab: tb}
}

// visited is what a page did while it loaded.
type visited struct {
	page     pageReport
	url      string
	dialogs  []string // JavaScript dialogs opened
	logs     []string // browser log entries and exceptions: CSP violations, failed loads
	requests []string // requests for anything but file: and data: URLs
}

// visit loads url and collects what the page did.
func (s *session) visit(t *testing.T, ctx context.Context, url string) *visited {
	t.Helper()
	from := s.b.eventCount()
	if err := s.tab.navigate(ctx, url); err != nil {
		t.Fatalf("%v\nchromium said:\n%s", err, s.b.stderr)
	}
	v := &visited{url: url}
	if err := s.tab.eval(ctx, inspectJS, &v.page); err != nil {
		t.Fatal(err)
	}
	s.b.mu.Lock()
	events := s.b.events[from:]
	s.b.mu.Unlock()
	for _, e := range events {
		if e.SessionID != s.tab.session {
			continue
		}
		switch e.Method {
		case "Page.javascriptDialogOpening":
			v.dialogs = append(v.dialogs, string(e.Params))
		case "Runtime.exceptionThrown", "Log.entryAdded":
			v.logs = append(v.logs, string(e.Params))
		case "Network.requestWillBeSent":
			var p struct {
				Request struct{ URL string } `json:"request"`
			}
			if err := json.Unmarshal(e.Params, &p); err == nil &&
				!strings.HasPrefix(p.Request.URL, "file:") && !strings.HasPrefix(p.Request.URL, "data:") {
				v.requests = append(v.requests, p.Request.URL)
			}
		}
	}
	return v
}

// checkInert fails unless the page stayed put, ran nothing, parsed no
// payload as markup, fetched nothing, and logged nothing (a CSP violation
// would mean something tried to run or load).
func (v *visited) checkInert(t *testing.T) {
	t.Helper()
	r := &v.page
	if r.Href != v.url {
		t.Errorf("the page moved to %s", r.Href)
	}
	if r.Pwned != 0 || r.Scripts != 0 || r.Frames != 0 || len(r.BadAttr) != 0 || len(v.dialogs) > 0 {
		t.Errorf("a payload ran or was parsed as markup: pwned %d, %d scripts, %d frames, attributes %v, dialogs %v",
			r.Pwned, r.Scripts, r.Frames, r.BadAttr, v.dialogs)
	}
	if len(v.logs) > 0 {
		t.Errorf("the browser logged: %v", v.logs)
	}
	if len(v.requests) > 0 {
		t.Errorf("the page requested %v", v.requests)
	}
}

// media emulates a CSS media type ("print"; "" for the default).
func (s *session) media(t *testing.T, ctx context.Context, media string) {
	t.Helper()
	if err := s.b.call(ctx, s.tab.session, "Emulation.setEmulatedMedia", map[string]any{"media": media}, nil); err != nil {
		t.Fatal(err)
	}
}

// screenshot saves a PNG of the whole page to path.
func (s *session) screenshot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	png, err := s.tab.screenshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// checkLoaded checks that the page shows every chart of d and links every
// cell of d that has paragraphs, and that all of them work.
func checkLoaded(t *testing.T, d Data, r *pageReport) {
	t.Helper()
	if len(r.Images) != len(d.Charts) {
		t.Errorf("%d images, want %d charts", len(r.Images), len(d.Charts))
	}
	linked := 0
	for _, c := range d.Cells {
		if len(c.Paragraphs) > 0 {
			linked++
		}
	}
	if len(r.Links) != linked || r.Anchors != linked {
		t.Errorf("%d cell links and %d cell anchors, want %d of each", len(r.Links), r.Anchors, linked)
	}
	checkImagesAndLinks(t, r)
}

// checkImagesAndLinks checks that every image loaded with a size and that
// every cell link lands on a listed, highlighted paragraph.
func checkImagesAndLinks(t *testing.T, r *pageReport) {
	t.Helper()
	for _, img := range r.Images {
		if !img.Complete || img.W == 0 || img.H == 0 {
			t.Errorf("chart %q did not render: complete %v, natural size %d×%d", img.Alt, img.Complete, img.W, img.H)
		}
	}
	for _, l := range r.Links {
		if !l.Found || l.Paras == 0 || l.Marks == 0 {
			t.Errorf("link #%s: anchor found %v, %d paragraphs, %d highlights", l.ID, l.Found, l.Paras, l.Marks)
		}
	}
}
