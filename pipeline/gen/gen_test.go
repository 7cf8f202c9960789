package gen

import (
	"bufio"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/evaldata"
	"github.com/framescope/framescope/pipeline/ingest"
)

// seedsDir is the project's seed articles.
const seedsDir = "../../seeds"

// treeHash hashes every file under dir with its path.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		lines = append(lines, fmt.Sprintf("%s %x", rel, sha256.Sum256(b)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return fmt.Sprintf("%d files %x", len(lines), sum[:8])
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
	}{
		{"shared and seeds", Options{Size: 200 << 10, Seed: 1, SharedDir: "(shared)", SeedsDir: seedsDir}},
		{"seeds only", Options{Size: 40 << 10, Seed: 2, SeedsDir: seedsDir}},
		{"templates only", Options{Size: 20 << 10, Seed: 3, SharedDir: "/nonexistent", SeedsDir: ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.opt.SharedDir == "(shared)" { // skips this case only, without ../shared
				tt.opt.SharedDir = filepath.Dir(filepath.Dir(evaldata.Path(t, "eval/nyt-editorial-snippets-dev.tsv")))
			}
			dir := t.TempDir()
			sum, err := Write(dir, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			checkCorpus(t, dir, sum, tt.opt)

			// A second run, into another folder and over the first, gives the same bytes.
			dir2 := t.TempDir()
			sum2, err := Write(dir2, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Write(dir, tt.opt); err != nil {
				t.Fatal(err)
			}
			if h1, h2, h3 := treeHash(t, dir), treeHash(t, dir2), treeHash(t, dir); h1 != h2 || h1 != h3 || sum.String() != sum2.String() {
				t.Errorf("two runs differ: %s / %s / %s", h1, h2, h3)
			}
		})
	}
}

// checkCorpus checks that the folder, manifest and JSONL agree with each
// other and with the summary, and that ingest reads both without a problem.
func checkCorpus(t *testing.T, dir string, sum Summary, opt Options) {
	t.Helper()
	if sum.TextBytes < opt.Size || sum.Articles == 0 {
		t.Errorf("summary %v: under the size %d", sum, opt.Size)
	}
	mf, err := os.Open(filepath.Join(dir, TxtDir, "manifest.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer mf.Close()
	rows, err := csv.NewReader(mf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != sum.Articles+1 || strings.Join(rows[0], ",") != "file,source,date,url,title,section" {
		t.Fatalf("%d manifest rows for %d articles; header %v", len(rows), sum.Articles, rows[0])
	}
	jf, err := os.Open(filepath.Join(dir, JSONLFile))
	if err != nil {
		t.Fatal(err)
	}
	defer jf.Close()
	sc := bufio.NewScanner(jf)
	sc.Buffer(nil, 16<<20)
	var total int64
	outlets := map[string]bool{}
	n := 0
	for sc.Scan() {
		n++
		if n >= len(rows) {
			t.Fatalf("more JSONL lines than manifest rows")
		}
		row := rows[n]
		var rec map[string]string
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("JSONL line %d: %v", n, err)
		}
		text, err := os.ReadFile(filepath.Join(dir, TxtDir, filepath.FromSlash(row[0])))
		if err != nil {
			t.Fatal(err)
		}
		total += int64(len(text))
		if rec["text"] != string(text) {
			t.Errorf("line %d: JSONL text differs from %s", n, row[0])
		}
		want := map[string]string{"source": row[1], "date": row[2], "url": row[3], "title": row[4], "section": row[5]}
		for k, v := range want {
			if rec[k] != v {
				t.Errorf("line %d: %s %q in JSONL, %q in the manifest", n, k, rec[k], v)
			}
		}
		if d, ok := ingest.ParseDate(row[2]); !ok || d.Year < 2010 || d.Year > 2025 || !strings.Contains(row[0], fmt.Sprintf("/%d/", d.Year)) {
			t.Errorf("row %d: date %q does not fit the path %s", n, row[2], row[0])
		}
		outlets[row[1]] = true
	}
	if n != sum.Articles || total != sum.TextBytes {
		t.Errorf("%d JSONL lines and %d bytes, summary says %d and %d", n, total, sum.Articles, sum.TextBytes)
	}
	if len(outlets) != sum.Outlets {
		t.Errorf("%d outlets in the manifest, summary says %d", len(outlets), sum.Outlets)
	}
	for _, in := range []string{filepath.Join(dir, TxtDir), filepath.Join(dir, JSONLFile)} {
		r, err := ingest.Open(in, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		arts := 0
		for r.Scan() {
			arts++
			if a := r.Article(); a.Meta.Source == "" || a.Meta.Date == "" {
				t.Errorf("%s: no source or date", a.Doc)
			}
		}
		r.Close()
		for _, s := range r.Statuses() {
			if s.Status != ingest.StatusRead { // the corpus is clean UTF-8 text
				t.Errorf("%s: %v", in, s)
			}
		}
		if arts != sum.Articles {
			t.Errorf("%s: ingest read %d articles of %d", in, arts, sum.Articles)
		}
	}
}

func TestWriteVaries(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if _, err := Write(a, Options{Size: 30 << 10, Seed: 1, SeedsDir: seedsDir}); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(b, Options{Size: 30 << 10, Seed: 2, SeedsDir: seedsDir}); err != nil {
		t.Fatal(err)
	}
	if treeHash(t, a) == treeHash(t, b) {
		t.Error("seeds 1 and 2 give the same corpus")
	}
}

func TestWriteErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, TxtDir), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dir  string
		opt  Options
		want string
	}{
		{"zero size", t.TempDir(), Options{}, "size must be positive"},
		{"txt folder that is not ours", dir, Options{Size: 10}, "is not a generated corpus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Write(tt.dir, tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err %v, want %q", err, tt.want)
			}
		})
	}
}

func TestGrammar(t *testing.T) {
	g, err := parseGrammar(templatesText)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"neutral", "us_israel_threat", "muslim_unity", "border_security", "headline", "boilerplate", "comment"} {
		if len(g.sections[s]) == 0 {
			t.Errorf("no [%s] section", s)
		}
	}
	bad := []struct{ name, src, want string }{
		{"no section", "x\n", "templates:1: template before any [section]"},
		{"unbalanced", "[a]\n{x|y\n", "templates:2: unbalanced braces"},
		{"unknown ref", "[a]\n@b\n", "refers to @b"},
		{"empty section", "[a]\n[b]\nx\n", "section [a] is empty"},
		{"nested braces", "[a]\n{x|{y}}\n", "templates:2: nested braces"},
		{"duplicate section", "[a]\nx\n[a]\ny\n", "templates:3: section [a] twice"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := parseGrammar(tt.src); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err %v, want %q", err, tt.want)
			}
		})
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"two", "One thing. Another thing.", []string{"One thing.", "Another thing."}},
		{"abbreviation before a lower-case word", "The U.S. army said so. Then more.", []string{"The U.S. army said so.", "Then more."}},
		{"closing quote", "“We agree,” he said. “So do we.” Next.", []string{"“We agree,” he said.", "“So do we.”", "Next."}},
		{"headline without a stop", "A headline", nil},
		{"cut off", "A sentence. And a cut", []string{"A sentence."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := splitSentences(tt.in); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWriteJSONString(t *testing.T) {
	for _, s := range []string{"plain", "q\"b\\s", "a\nb\r\tc\x01d\x1f", "Tehran – “x” روزنامه", ""} {
		var b strings.Builder
		w := bufio.NewWriter(&b)
		writeJSONString(w, s)
		w.Flush()
		var got string
		if err := json.Unmarshal([]byte(b.String()), &got); err != nil || got != s {
			t.Errorf("%q → %s → %q, %v", s, b.String(), got, err)
		}
	}
}

func ExampleWrite() {
	dir, _ := os.MkdirTemp("", "corpus")
	defer os.RemoveAll(dir)
	sum, err := Write(dir, Options{Size: 20 << 10, Seed: 1}) // templates only: no shared folder, no seeds
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sum)
	manifest, _ := os.ReadFile(filepath.Join(dir, "txt", "manifest.csv"))
	for _, line := range strings.SplitN(string(manifest), "\n", 4)[:3] {
		fmt.Println(line)
	}
	// Output:
	// 8 articles, 21381 bytes of text, 6 outlets, 2010–2022; frame paragraphs in 2 (threat), 3 (unity), 2 (border) articles; 8 with headlines, 5 with boilerplate, 0 with comments; sentences from templates
	// file,source,date,url,title,section
	// zagros-news/2010/000000.txt,Zagros News Network,2010-09-01,https://zagros-news.example/2010/09/000000-islamabad-urges-closer-ties,Islamabad urges closer ties,business
	// pars-economic-review/2014/000001.txt,Pars Economic Review,2014-11-26,,Border talks resume in Lahore,iran
}

// TestWriteWorkers checks that the number of cores does not change a byte.
func TestWriteWorkers(t *testing.T) {
	opt := Options{Size: 60 << 10, Seed: 5, SeedsDir: seedsDir}
	var hashes []string
	for _, procs := range []int{1, 4} {
		prev := runtime.GOMAXPROCS(procs)
		dir := t.TempDir()
		_, err := Write(dir, opt)
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		hashes = append(hashes, treeHash(t, dir))
	}
	if hashes[0] != hashes[1] {
		t.Errorf("GOMAXPROCS 1 and 4 give %s and %s", hashes[0], hashes[1])
	}
}
