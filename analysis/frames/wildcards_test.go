package frames

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cdipaolo/sentiment"

	"github.com/framescope/framescope/analysis/evaldata"
	"github.com/framescope/framescope/analysis/token"
)

var wildcardAudit = flag.Bool("wildcards", false, "TestWildcardAudit: print every wildcard of the default codebook with the words of a large vocabulary it matches")

// TestWildcardAudit is a tool, skipped unless -wildcards is given:
//
//	go test -count=1 -v -run TestWildcardAudit ./analysis/frames -wildcards
//
// It collects every prefix wildcard of the default codebook (frame terms,
// groups, exclusions, actors, negation) and expands it against a vocabulary:
// the words of cdipaolo/sentiment's model (with how often the model saw each,
// "m"; film reviews), the 60,000 most frequent words of GloVe 6B (Wikipedia
// and Gigaword newswire, as ../tone/data/vader-vec.tsv.gz lists them: "g"),
// and the tokens of the shared NYT and NewsMTSC files, of testdata/ and of
// the seeds ("n", how often they occur there). For each wildcard it prints
// the words it takes, most frequent in the news first, so that a wildcard
// that takes unrelated words (a name, another word family, another sense)
// can be seen and narrowed.
func TestWildcardAudit(t *testing.T) {
	if !*wildcardAudit {
		t.Skip("the wildcard audit runs with -wildcards")
	}
	model, err := modelCounts()
	if err != nil {
		t.Fatal(err)
	}
	news := map[string]int{}
	var files []string
	for _, g := range []string{"testdata/*.txt", "../../seeds/*.txt"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	eval := filepath.Join(evaldata.Dir(), "eval")
	for _, g := range []string{"*.tsv", "*.csv", "*.md", "newsmtsc/*.jsonl"} {
		m, _ := filepath.Glob(filepath.Join(eval, g))
		files = append(files, m...)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range token.All(string(b)) {
			if tk.Kind == token.Word {
				news[tk.Norm]++
			}
		}
	}
	glove, err := gloveWords("../tone/data/vader-vec.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	all := map[string]bool{}
	for w := range model {
		all[w] = true
	}
	for w := range news {
		all[w] = true
	}
	for w := range glove {
		all[w] = true
	}
	vocab := make([]string, 0, len(all))
	for w := range all {
		vocab = append(vocab, w)
	}
	sort.Strings(vocab)

	// every wildcard, with where it is written
	where := map[string][]string{}
	add := func(place string, terms []Term) {
		for _, tm := range terms {
			phrases, err := compileTerm(tm.Pattern)
			if err != nil {
				t.Fatalf("%s %q: %v", place, tm.Pattern, err)
			}
			seen := map[string]bool{}
			for _, ph := range phrases {
				for _, pt := range ph {
					if pt.wild && !seen[pt.norm] {
						seen[pt.norm] = true
						where[pt.norm] = append(where[pt.norm], fmt.Sprintf("%s L%d %q", place, tm.Line, tm.Pattern))
					}
				}
			}
		}
	}
	cb := Default()
	for _, a := range cb.Actors {
		add("actor "+a.ID, a.Terms)
		add("actor "+a.ID+" exclude", a.Exclude)
	}
	add("negation cue", cb.Negation.Cues)
	add("negation breaker", cb.Negation.Breakers)
	for _, f := range cb.Frames {
		add(f.ID+" terms", f.Terms)
		for _, g := range f.Groups {
			add(f.ID+"."+g.ID, g.Terms)
		}
		add(f.ID+" exclude", f.Exclude)
	}
	prefixes := make([]string, 0, len(where))
	for p := range where {
		prefixes = append(prefixes, p)
	}
	sort.Strings(prefixes)
	fmt.Printf("%d wildcards; vocabulary %d words (model %d, GloVe %d, news/testdata/seeds %d)\n", len(prefixes), len(vocab), len(model), len(glove), len(news))
	fmt.Printf("each word: n<count in the news, testdata and seeds>, m<count in the model>, g when among GloVe's 60,000\n\n")
	for _, p := range prefixes {
		i := sort.SearchStrings(vocab, p)
		var ws []string
		for ; i < len(vocab) && strings.HasPrefix(vocab[i], p); i++ {
			ws = append(ws, vocab[i])
		}
		sort.SliceStable(ws, func(a, b int) bool {
			if news[ws[a]] != news[ws[b]] {
				return news[ws[a]] > news[ws[b]]
			}
			if glove[ws[a]] != glove[ws[b]] {
				return glove[ws[a]]
			}
			return model[ws[a]] > model[ws[b]]
		})
		fmt.Printf("%s* (%d words)\n", p, len(ws))
		for _, w := range where[p] {
			fmt.Printf("  in %s\n", w)
		}
		var b strings.Builder
		for k, w := range ws {
			if k == 80 {
				fmt.Fprintf(&b, " … +%d", len(ws)-k)
				break
			}
			g := ""
			if glove[w] {
				g = ",g"
			}
			fmt.Fprintf(&b, " %s(n%d,m%d%s)", w, news[w], model[w], g)
		}
		fmt.Printf(" %s\n\n", b.String())
	}
}

// modelCounts reads how often cdipaolo/sentiment's English model saw each
// word (the sum of its two class counts).
func modelCounts() (map[string]uint64, error) {
	raw, err := sentiment.Asset("model.json")
	if err != nil {
		return nil, err
	}
	if zr, err := gzip.NewReader(bytes.NewReader(raw)); err == nil {
		if b, err := io.ReadAll(zr); err == nil {
			raw = b
		}
	}
	var models map[string]struct {
		Words map[string]struct{ Count []uint64 } `json:"words"`
	}
	if err := json.Unmarshal(raw, &models); err != nil {
		return nil, err
	}
	out := map[string]uint64{}
	for w, c := range models[string(sentiment.English)].Words {
		var n uint64
		for _, x := range c.Count {
			n += x
		}
		out[w] = n
	}
	return out, nil
}

// gloveWords reads the words of the tone package's GloVe list (one word and
// its value per line, after # comments).
func gloveWords(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		w, _, _ := strings.Cut(line, "\t")
		out[w] = true
	}
	return out, nil
}
