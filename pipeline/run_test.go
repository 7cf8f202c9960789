package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/golden"

	"github.com/framescope/framescope/analysis/token"
	"github.com/framescope/framescope/analysis/tone"
	"github.com/framescope/framescope/pipeline/ingest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// seedsDir is the project's seeds/ folder.
const seedsDir = "../seeds"

// goldenFiles are the outputs of a run on seeds/ compared byte for byte with
// testdata/golden/. Charts are checked by the charts package's image tests and
// by TestRunDeterministic here.
var goldenFiles = []string{"paragraphs.csv", "articles.csv", "matches.csv", "aggregates.csv",
	"comparisons.csv", "tables.tex", "run.json"}

// runSeeds runs the pipeline on seeds/ into out. With all, it writes every
// chart format and paragraphs.parquet; otherwise SVG charts only (the race
// detector makes 300-dpi PNGs slow).
func runSeeds(t *testing.T, out string, all bool) Summary {
	t.Helper()
	opt := Options{In: seedsDir, Out: out, Resamples: 200, Quiet: true, Formats: []string{"svg"}}
	if all {
		opt.Formats, opt.Parquet = []string{"pdf", "svg", "eps", "png"}, true
	}
	var stderr bytes.Buffer
	opt.Stderr = &stderr
	sum, err := Run(context.Background(), opt)
	if err != nil {
		t.Fatalf("Run: %v\nstderr:\n%s", err, stderr.String())
	}
	return sum
}

func TestRunSeedsGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	sum := runSeeds(t, out, false)
	if sum.Articles != 5 || sum.Skipped != 0 {
		t.Errorf("summary %+v, want 5 articles and nothing skipped", sum)
	}
	for _, name := range goldenFiles {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join("testdata", "golden", name), got, *update)
	}
}

func TestRunOutputs(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	runSeeds(t, out, true)
	for _, name := range []string{"report.html", "charts", "paragraphs.parquet"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("missing output: %v", err)
		}
	}
	charts, _ := filepath.Glob(filepath.Join(out, "charts", "*"))
	formats := map[string]int{}
	for _, c := range charts {
		formats[filepath.Ext(c)]++
	}
	for _, ext := range []string{".png", ".svg", ".pdf", ".eps"} {
		if formats[ext] < 2 {
			t.Errorf("charts: %d %s files, want at least frame share and tone by year", formats[ext], ext)
		}
	}
	paras, _ := os.ReadFile(filepath.Join(out, "paragraphs.csv"))
	header := strings.SplitN(string(paras), "\n", 2)[0]
	want := "doc,source,date,year,para,start,end,role,voice,tone,us_israel_threat,us_israel_threat_score,muslim_unity,muslim_unity_score,border_security,border_security_score,terms"
	if !strings.HasPrefix(header, want) {
		t.Errorf("paragraphs.csv header\n%s\ndoes not start with\n%s", header, want)
	}
}

func TestRunDeterministic(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	runSeeds(t, a, true)
	runSeeds(t, b, true)
	var n int
	err := filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil {
			t.Errorf("%s: only in the first run", rel)
			return nil
		}
		n++
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs on the same input", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Errorf("compared only %d files", n)
	}
}

func TestRunKeepsPreviousOutOnFailure(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	runSeeds(t, out, false)
	before, _ := os.ReadFile(filepath.Join(out, "run.json"))

	empty := filepath.Join(dir, "empty")
	os.MkdirAll(empty, 0o755)
	os.WriteFile(filepath.Join(empty, "blank.txt"), []byte("  \n\n"), 0o644)
	_, err := Run(context.Background(), Options{In: empty, Out: out, Quiet: true, Formats: []string{"svg"}})
	if !errors.Is(err, ErrNoArticles) {
		t.Fatalf("Run on a corpus of one blank file: %v, want ErrNoArticles", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, Options{In: seedsDir, Out: out, Quiet: true}); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("cancelled Run: %v, want ErrInterrupted", err)
	}
	after, err := os.ReadFile(filepath.Join(out, "run.json"))
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("previous out/ changed by failed runs (err %v)", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".out.") {
			t.Errorf("staging folder %s left behind", e.Name())
		}
	}
}

func TestRunBadInputAccounted(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	good, _ := os.ReadFile(filepath.Join(seedsDir, "001_c87feb8f27330214.txt"))
	os.WriteFile(filepath.Join(in, "good.txt"), good, 0o644)
	os.WriteFile(filepath.Join(in, "binary.txt"), []byte("\x00\x01\x02\x03PK\x00\x00garbage\x00"), 0o644)
	os.WriteFile(filepath.Join(in, "empty.txt"), nil, 0o644)
	var stderr bytes.Buffer
	out := filepath.Join(dir, "out")
	sum, err := Run(context.Background(), Options{In: in, Out: out, Resamples: 50, Stderr: &stderr, Quiet: true, Formats: []string{"svg"}})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if sum.Articles != 1 || sum.Skipped != 2 {
		t.Errorf("summary %+v, want 1 article and 2 skipped", sum)
	}
	for _, name := range []string{"binary.txt", "empty.txt"} {
		if !strings.Contains(stderr.String(), name) {
			t.Errorf("stderr does not name %s:\n%s", name, stderr.String())
		}
	}
	rec, _ := os.ReadFile(filepath.Join(out, "run.json"))
	for _, name := range []string{"binary.txt", "empty.txt", "good.txt"} {
		if !bytes.Contains(rec, []byte(`"path": "`+name+`"`)) {
			t.Errorf("run.json does not account for %s", name)
		}
	}
	checkRecordCounts(t, rec)
	_, err = Run(context.Background(), Options{In: in, Out: filepath.Join(dir, "strict"), Strict: true, Quiet: true, Resamples: 50, Formats: []string{"svg"}})
	if !errors.Is(err, ErrStrict) {
		t.Errorf("-strict with skipped inputs: %v, want ErrStrict", err)
	}
}

// TestNamesNeverChooseWherePathsGo feeds ids and file names that try to leave
// -out (../, absolute paths, NUL) and checks that the run writes nothing
// outside -out and accounts for every record.
func TestNamesNeverChooseWherePathsGo(t *testing.T) {
	root := t.TempDir()
	in := filepath.Join(root, "corpus.jsonl")
	lines := []string{
		`{"id": "../../escape", "text": "Iran and Pakistan discussed border security in Tehran on Monday.", "source": "../../etc/passwd"}`,
		`{"id": "/tmp/abs-escape", "text": "Officials said the US plots against the region must be confronted.", "source": "A"}`,
		`{"id": "nul\u0000name", "text": "Muslim countries must unite, the minister said.", "source": "B"}`,
	}
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "work", "out")
	sum, err := Run(context.Background(), Options{In: in, Out: out, Resamples: 20, Quiet: true, Formats: []string{"svg"}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 3 {
		t.Errorf("%d articles, want 3", sum.Articles)
	}
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == root || p == in || p == filepath.Dir(out) || p == out || strings.HasPrefix(p, out+string(filepath.Separator)) {
			return nil
		}
		t.Errorf("the run wrote %s, outside -out", p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("/tmp/abs-escape"); err == nil {
		t.Error("/tmp/abs-escape exists")
	}
}

// panicky is a tone scorer that panics on paragraphs that mention "boom".
type panicky struct{ tone.Scorer }

func (p panicky) Score(text string, toks []token.Token) float64 {
	if strings.Contains(text, "boom") {
		panic("scorer bug")
	}
	return p.Scorer.Score(text, toks)
}

// TestPanicInOneArticleIsThatArticlesFailure checks that a bug that panics
// while scoring one article skips that article with its reason, in order, and
// the others are still scored.
func TestPanicInOneArticleIsThatArticlesFailure(t *testing.T) {
	in := t.TempDir()
	for name, text := range map[string]string{
		"a.txt": "Iran and Pakistan agreed to boost border security.",
		"b.txt": "The minister said boom, and the talks ended.",
		"c.txt": "Muslim countries must unite, the cleric said.",
	} {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, err := NewModels("", "")
	if err != nil {
		t.Fatal(err)
	}
	m.Tone = panicky{m.Tone}
	r, err := ingest.Open(in, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var got []string
	err = scoreAll(context.Background(), r, m, 2, func(a *Article, _ int, fail *ingest.Status) error {
		if fail != nil {
			got = append(got, "failed "+fail.Path+": "+fail.Reason)
			return nil
		}
		got = append(got, "scored "+a.Doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] != "scored a.txt" || !strings.HasPrefix(got[1], "failed b.txt: internal error while scoring b.txt: scorer bug") || got[2] != "scored c.txt" {
		t.Errorf("got %q", got)
	}
}

// checkRecordCounts checks run.json's counts against its inputs: the inputs
// are the distinct paths listed with no line, and the articles per input add
// up to the articles.
func checkRecordCounts(t *testing.T, data []byte) {
	t.Helper()
	var rec Record
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatalf("run.json: %v", err)
	}
	files := map[string]bool{}
	articles := 0
	statuses := map[string]int{}
	for _, in := range rec.Inputs {
		if in.Line == 0 {
			files[in.Path] = true
		}
		articles += in.Articles
		statuses[in.Status]++
	}
	if rec.Counts.Inputs != len(files) {
		t.Errorf("run.json counts %d inputs, lists %d distinct files", rec.Counts.Inputs, len(files))
	}
	if articles != rec.Counts.Articles {
		t.Errorf("run.json counts %d articles, its inputs %d", rec.Counts.Articles, articles)
	}
	if fmt.Sprint(statuses) != fmt.Sprint(rec.Counts.Statuses) {
		t.Errorf("run.json counts statuses %v, lists %v", rec.Counts.Statuses, statuses)
	}
}

// TestRunRecordCountsEveryKindOfInput runs a folder with a manifest, a
// subfolder, a hidden folder, a file that is not .txt, a manifest row for a
// missing file, a duplicate text and an unreadable file, and checks
// run.json's counts against its list of inputs.
func TestRunRecordCountsEveryKindOfInput(t *testing.T) {
	in := t.TempDir()
	files := map[string]string{
		"manifest.csv":   "file,source,date\na.txt,A,2019-01-02\nsub/b.txt,B,2020\ngone.txt,G,2021\n",
		"a.txt":          "Iran and Pakistan agreed to boost border security.",
		"sub/b.txt":      "Muslim countries must unite, the cleric said.",
		"sub/copy.txt":   "Muslim countries must unite, the cleric said.",
		".hidden/c.txt":  "Not read.",
		"notes.md":       "Not an article.",
		"empty.txt":      "",
		"sub/binary.txt": "\x00\x01PK\x00garbage\x00",
	}
	for name, text := range files {
		p := filepath.Join(in, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	if _, err := Run(context.Background(), Options{In: in, Out: out, Resamples: 20, Quiet: true, Formats: []string{"svg"}}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "run.json"))
	if err != nil {
		t.Fatal(err)
	}
	checkRecordCounts(t, data)
	for _, want := range []string{"missing file: gone.txt", `"path": ".hidden"`, `"path": "notes.md"`, "duplicate of sub/b.txt"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("run.json lacks %s", want)
		}
	}
}
