package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/framescope/framescope/pipeline/ingest"
)

// TestScoreArticleIndependentOfHistory checks that an article's scores do not
// depend on what the worker scored before (ScoreArticle reuses pooled token
// buffers and tone.Para between articles): the seed articles scored in
// order, in reverse order, and on four goroutines at once give the same
// paragraphs.
func TestScoreArticleIndependentOfHistory(t *testing.T) {
	m, err := NewModels("", "")
	if err != nil {
		t.Fatal(err)
	}
	r, err := ingest.Open(seedsDir, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var arts []ingest.Article
	for r.Scan() {
		arts = append(arts, r.Article())
	}
	if len(arts) < 2 {
		t.Fatalf("%d seed articles, want at least 2", len(arts))
	}
	// %v prints NaN as NaN, so that equal results print the same
	show := func(a Article) string { return fmt.Sprintf("%v", a.Paras) }
	want := make([]string, len(arts))
	for i, a := range arts {
		want[i] = show(ScoreArticle(a, m))
	}
	for i := len(arts) - 1; i >= 0; i-- {
		if got := show(ScoreArticle(arts[i], m)); got != want[i] {
			t.Errorf("%s scored after the others differs from %s scored in order", arts[i].Doc, arts[i].Doc)
		}
	}
	var wg sync.WaitGroup
	got := make([][]string, 4)
	for w := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range arts {
				i := (k + w) % len(arts)
				got[w] = append(got[w], show(ScoreArticle(arts[i], m)))
			}
		}()
	}
	wg.Wait()
	for w := range got {
		for k, s := range got[w] {
			if i := (k + w) % len(arts); s != want[i] {
				t.Errorf("goroutine %d: %s differs from its score in order", w, arts[i].Doc)
			}
		}
	}
}

// TestProgress checks the progress lines of a run that is not on a
// terminal: counts and rate at once, the percentage and ETA once the
// input's size (summed in the background) is known, nothing when quiet.
func TestProgress(t *testing.T) {
	dir := t.TempDir()
	for i, text := range []string{"Iran and Pakistan agreed.", "Talks ended.", "Not counted: not .txt"} {
		name := fmt.Sprintf("%d.txt", i)
		if i == 2 {
			name = "notes.md"
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if p := newProgress(&bytes.Buffer{}, true, dir); p != nil {
		t.Error("a quiet run has a progress")
	}
	var out bytes.Buffer
	p := newProgress(&out, false, dir)
	p.every = 0 // a line per article
	for deadline := time.Now().Add(5 * time.Second); p.total.Load() == 0 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	if got := p.total.Load(); got != int64(len("Iran and Pakistan agreed.")+len("Talks ended.")) {
		t.Errorf("total %d bytes, want the .txt files' %d", got, len("Iran and Pakistan agreed.")+len("Talks ended."))
	}
	p.add(25)
	p.done()
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "% 1 articles, 0.0 MB") || !strings.Contains(lines[0], "ETA") ||
		!strings.HasPrefix(lines[1], "framescope: 1 articles") || strings.Contains(lines[1], "%") {
		t.Errorf("progress lines %q", lines)
	}
	stop := make(chan struct{})
	close(stop)
	if n := inputBytes(dir, stop); n != 0 {
		t.Errorf("inputBytes after stop = %d, want 0", n)
	}
}
