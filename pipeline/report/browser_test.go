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
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
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

	b, err := startBrowser(exe, t.TempDir())
	if err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	defer b.Close()
	tb, err := b.newTab(ctx, 1100, 900)
	if err != nil {
		t.Fatalf("%v\nchromium said:\n%s", err, b.stderr)
	}
	if err := b.call(ctx, tb.session, "Network.enable", struct{}{}, nil); err != nil {
		t.Fatal(err)
	}
	shots := artifactDir(t)
	for _, pg := range pages {
		t.Run(pg.name, func(t *testing.T) {
			from := b.eventCount()
			if err := tb.navigate(ctx, pg.url); err != nil {
				t.Fatalf("%v\nchromium said:\n%s", err, b.stderr)
			}
			var r pageReport
			if err := tb.eval(ctx, inspectJS, &r); err != nil {
				t.Fatal(err)
			}
			checkLoaded(t, pg.data, &r)
			if r.H1 != pg.data.Title {
				t.Errorf("the title shows %q, want the text %q", r.H1, pg.data.Title)
			}
			if r.Href != pg.url {
				t.Errorf("the page moved to %s", r.Href)
			}
			var dialogs, logs, requests []string
			b.mu.Lock()
			events := b.events[from:]
			b.mu.Unlock()
			for _, e := range events {
				if e.SessionID != tb.session {
					continue
				}
				switch e.Method {
				case "Page.javascriptDialogOpening":
					dialogs = append(dialogs, string(e.Params))
				case "Runtime.exceptionThrown", "Log.entryAdded":
					// A CSP violation means something tried to run or load.
					logs = append(logs, string(e.Params))
				case "Network.requestWillBeSent":
					var p struct {
						Request struct{ URL string } `json:"request"`
					}
					if err := json.Unmarshal(e.Params, &p); err == nil &&
						!strings.HasPrefix(p.Request.URL, "file:") && !strings.HasPrefix(p.Request.URL, "data:") {
						requests = append(requests, p.Request.URL)
					}
				}
			}
			if len(requests) > 0 {
				t.Errorf("the page requested %v", requests)
			}
			ran := r.Pwned != 0 || r.Scripts != 0 || r.Frames != 0 || len(r.BadAttr) != 0 || len(dialogs) > 0
			switch pg.control {
			case "":
				if ran || len(logs) > 0 {
					t.Errorf("a payload ran, was parsed as markup or was blocked: pwned %d, %d scripts, "+
						"%d frames, attributes %v, dialogs %v, browser log %v",
						r.Pwned, r.Scripts, r.Frames, r.BadAttr, dialogs, logs)
				}
			case "runs":
				if r.Pwned != 1 || r.Scripts != 1 || len(dialogs) != 1 {
					t.Errorf("the control script went unseen: pwned %d, %d scripts, dialogs %v", r.Pwned, r.Scripts, dialogs)
				}
			case "blocked":
				if r.Pwned != 0 || len(dialogs) != 0 || len(logs) == 0 || !strings.Contains(strings.Join(logs, " "), "Content Security Policy") {
					t.Errorf("the policy did not block and log the control script: pwned %d, dialogs %v, log %v", r.Pwned, dialogs, logs)
				}
			}
			if pg.control != "" {
				return
			}
			png, err := tb.screenshot(ctx)
			if err != nil {
				t.Fatal(err)
			}
			shot := filepath.Join(shots, "report-"+pg.name+".png")
			if err := os.WriteFile(shot, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s", shot)
		})
	}
}

// checkLoaded checks that every chart of d loaded as an image with a size and
// that every cell link lands on a listed, highlighted paragraph.
func checkLoaded(t *testing.T, d Data, r *pageReport) {
	t.Helper()
	if len(r.Images) != len(d.Charts) {
		t.Errorf("%d images, want %d charts", len(r.Images), len(d.Charts))
	}
	for _, img := range r.Images {
		if !img.Complete || img.W == 0 || img.H == 0 {
			t.Errorf("chart %q did not render: complete %v, natural size %d×%d", img.Alt, img.Complete, img.W, img.H)
		}
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
	for _, l := range r.Links {
		if !l.Found || l.Paras == 0 || l.Marks == 0 {
			t.Errorf("link #%s: anchor found %v, %d paragraphs, %d highlights", l.ID, l.Found, l.Paras, l.Marks)
		}
	}
}
