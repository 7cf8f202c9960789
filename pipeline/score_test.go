package pipeline

import (
	"fmt"
	"sync"
	"testing"

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
