package report_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framescope/framescope/pipeline"
	"github.com/framescope/framescope/pipeline/report"
)

// run runs the whole pipeline on in and returns the report's path.
func run(t *testing.T, in string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	var stderr bytes.Buffer
	_, err := pipeline.Run(context.Background(), pipeline.Options{In: in, Out: out, Resamples: 100,
		Formats: []string{"svg"}, Quiet: true, Stderr: &stderr})
	if err != nil {
		t.Fatalf("run on %s: %v\n%s", in, err, stderr.String())
	}
	return filepath.Join(out, "report.html")
}

// TestSeedsReportInBrowser opens the report of a run on seeds/ in headless
// Chromium: every chart renders and every outlet × frame link reaches its
// paragraphs.
func TestSeedsReportInBrowser(t *testing.T) {
	report.CheckReportFile(t, run(t, filepath.Join("..", "..", "seeds")), "seeds-report.png")
}

// TestHostileCorpusReport puts script payloads into an article's text, its
// title and its outlet (through the manifest), runs the pipeline, and checks
// that the report escapes them and that nothing runs in the browser.
func TestHostileCorpusReport(t *testing.T) {
	in := t.TempDir()
	payloads := []string{
		`<script>document.title="pwned"</script>`,
		`<img src=x onerror="document.title='pwned'">`,
		`<a href="javascript:alert(1)">click</a>`,
		`"><svg onload=alert(1)>`,
	}
	body := "TEHRAN – The United States is plotting against Iran, the minister said, " + payloads[0] + ".\n\n" +
		"Officials warned that Washington's sanctions threaten the region " + payloads[1] + ", he added.\n\n" +
		"Pakistan and Iran agreed to boost border security against terrorists at the common border " + payloads[2] + ".\n\n" +
		"Muslim countries must unite against the plots of the enemies of the Islamic ummah " + payloads[3] + ".\n"
	if err := os.WriteFile(filepath.Join(in, "a.txt"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	// Character references are decoded in plain text, so this article's
	// text holds the payloads literally when it reaches the report.
	encoded := "Washington's sanctions threaten the region, the minister said &lt;script&gt;document.title='pwned'&lt;/script&gt; " +
		"and &lt;img src=x onerror=alert(1)&gt; today.\n"
	if err := os.WriteFile(filepath.Join(in, "b.txt"), []byte(encoded), 0o644); err != nil {
		t.Fatal(err)
	}
	manifest := "file,source,date,url,title\n" +
		`a.txt,"Evil <script>alert(1)</script> News",2020-01-02,javascript:alert(1),"<img src=x onerror=alert(1)> headline"` + "\n"
	if err := os.WriteFile(filepath.Join(in, "manifest.csv"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	path := run(t, in)
	html, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := strings.ToLower(string(html))
	// Raw markup only: escaped text may say "onerror=" harmlessly; the
	// browser check below looks for on* attributes in the DOM.
	for _, raw := range []string{"<script", "<img src=x", "<svg onload", `href="javascript:`} {
		if strings.Contains(page, raw) {
			t.Errorf("report.html contains %q unescaped", raw)
		}
	}
	for _, escaped := range []string{"&lt;script&gt;alert(1)", "&lt;script&gt;document.title=", "&lt;img src=x onerror=alert(1)&gt;"} {
		if !strings.Contains(string(html), escaped) {
			t.Errorf("%q is not in the report (escaped): the test would prove nothing", escaped)
		}
	}
	report.CheckReportFile(t, path, "hostile-report.png")
}
