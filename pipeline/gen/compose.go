package gen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pool is a list of sentences from one source.
type pool struct {
	name      string
	sentences []string
	weight    float64 // share of filler sentences drawn from it
}

// loadPools reads the sentence sources that exist, in a fixed order.
func loadPools(opt Options) []pool {
	var pools []pool
	if opt.SharedDir != "" {
		if s := readNYT(filepath.Join(opt.SharedDir, "eval", "nyt-editorial-snippets-dev.tsv")); len(s) > 0 {
			pools = append(pools, pool{name: "nyt-editorial", sentences: s, weight: .25})
		}
		if s := readNewsMTSC(filepath.Join(opt.SharedDir, "eval", "newsmtsc", "train.jsonl")); len(s) > 0 {
			pools = append(pools, pool{name: "newsmtsc", sentences: s, weight: .25})
		}
	}
	if opt.SeedsDir != "" {
		if s := readSeeds(opt.SeedsDir); len(s) > 0 {
			pools = append(pools, pool{name: "seeds", sentences: s, weight: .15})
		}
	}
	return pools
}

// clean decodes the HTML character references some source sentences carry
// ("&amp;"), so that the corpus is plain text.
func clean(s string) string {
	s = strings.TrimSpace(s)
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return s
}

// keep reports whether s is usable as a filler sentence.
func keep(s string) bool {
	if len(s) < 25 || len(s) > 400 || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == '\uFFFD' {
			return false
		}
	}
	return true
}

// readNYT reads the text column of the NYT editorial snippets (id, rating,
// text; tab-separated, CRLF).
func readNYT(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.SplitN(strings.TrimRight(sc.Text(), "\r"), "\t", 3)
		if len(parts) == 3 {
			if s := clean(parts[2]); keep(s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// readNewsMTSC reads the sentences of NewsMTSC's train.jsonl.
func readNewsMTSC(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var rec struct {
			Sentence string `json:"sentence_normalized"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) == nil {
			if s := clean(rec.Sentence); keep(s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// readSeeds splits the seed articles' lines into sentences.
func readSeeds(dir string) []string {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil
	}
	sort.Strings(names)
	var out []string
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil || !utf8.Valid(b) {
			continue
		}
		for _, line := range strings.Split(string(b), "\n") {
			for _, s := range splitSentences(strings.TrimSpace(line)) {
				if keep(s) {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// splitSentences cuts a line after ., ? or ! (and a closing quote) followed by
// a space and an upper-case letter or an opening quote. Pieces that do not end
// a sentence (a headline, a cut-off line) are dropped.
func splitSentences(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		end := i + 1
		for _, q := range []string{"”", "\"", "’", "'"} {
			if strings.HasPrefix(line[end:], q) {
				end += len(q)
				break
			}
		}
		if end == len(line) {
			break
		}
		if line[end] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(line[end:], " "))
		if unicode.IsUpper(next) || next == '“' || next == '"' {
			out = append(out, strings.TrimSpace(line[start:end]))
			start = end
		}
	}
	if rest := strings.TrimSpace(line[start:]); rest != "" {
		last, _ := utf8.DecodeLastRuneInString(rest)
		if strings.ContainsRune(".?!”\"", last) {
			out = append(out, rest)
		}
	}
	return out
}

// composer makes articles from the grammar and the pools.
type composer struct {
	g       *grammar
	pools   []pool
	cum     []float64 // cumulative weights: the template grammar, then each pool
	weights []int     // cumulative outlet weights
}

const templateWeight = .35 // share of filler sentences written by the grammar

func newComposer(g *grammar, pools []pool) *composer {
	c := &composer{g: g, pools: pools}
	total := templateWeight
	for _, p := range pools {
		total += p.weight
	}
	acc := templateWeight / total
	c.cum = append(c.cum, acc)
	for _, p := range pools {
		acc += p.weight / total
		c.cum = append(c.cum, acc)
	}
	sum := 0
	for _, o := range outlets {
		sum += o.weight
		c.weights = append(c.weights, sum)
	}
	return c
}

// article is one generated article.
type article struct {
	n                          int
	outlet                     int
	year                       int
	date, url, title, section  string
	text                       bytes.Buffer
	path                       string // where its .txt file goes
	threat, unity, border      bool
	headline, boiler, comments bool
}

var sections = []string{"world", "politics", "region", "opinion", "business", "pakistan", "iran", "security"}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// filler draws one sentence that was not written for a frame.
func (c *composer) filler(rng *rand.Rand, outlet string) string {
	x := rng.Float64()
	for i, p := range c.pools {
		if x < c.cum[i+1] && x >= c.cum[i] {
			return p.sentences[rng.IntN(len(p.sentences))]
		}
	}
	return c.g.sentence(rng, "neutral", outlet)
}

// article makes article number n into a (reusing its buffer).
func (c *composer) article(rng *rand.Rand, n int, a *article) {
	a.text.Reset()
	a.n = n
	k := rng.IntN(c.weights[len(c.weights)-1])
	a.outlet = sort.SearchInts(c.weights, k+1)
	o := &outlets[a.outlet]
	a.year = o.from + rng.IntN(o.to-o.from+1)
	month := 1 + rng.IntN(12)
	day := 1 + rng.IntN(28)
	switch x := rng.Float64(); {
	case x < .03:
		a.date = fmt.Sprintf("%04d", a.year)
	case x < .08:
		a.date = fmt.Sprintf("%04d-%02d", a.year, month)
	default:
		a.date = fmt.Sprintf("%04d-%02d-%02d", a.year, month, day)
	}
	a.section = sections[rng.IntN(len(sections))]
	a.threat = rng.Float64() < o.threat
	a.unity = rng.Float64() < o.unity
	a.border = rng.Float64() < o.border
	a.headline = rng.Float64() < o.headline
	a.boiler = rng.Float64() < o.boiler
	a.comments = rng.Float64() < o.comments

	headline := c.g.sentence(rng, "headline", o.name)
	a.title = ""
	if a.headline || rng.Float64() < .5 {
		a.title = headline
	}
	a.url = ""
	if rng.Float64() < .7 {
		a.url = fmt.Sprintf("https://%s.example/%d/%02d/%06d-%s", o.slug, a.year, month, n, urlSlug(headline))
	}

	t := &a.text
	if o.brand {
		t.WriteString(o.name + "\n")
	}
	if a.headline {
		t.WriteString(headline + "\n\n")
		if rng.Float64() < .25 { // pages often repeat the headline as a title
			t.WriteString(headline + "\n\n")
		}
		if rng.Float64() < .3 {
			fmt.Fprintf(t, "Published: %s %d, %d\n\n", months[month-1], day, a.year)
		}
	}

	// Which paragraphs get frame sentences.
	nPara := 4 + rng.IntN(17)
	frame := make([]string, nPara)
	for _, f := range []struct {
		on      bool
		section string
	}{{a.threat, "us_israel_threat"}, {a.unity, "muslim_unity"}, {a.border, "border_security"}} {
		if !f.on {
			continue
		}
		for range 1 + rng.IntN(2) {
			frame[rng.IntN(nPara)] = f.section
		}
	}
	readMore := -1
	if a.boiler && nPara > 5 {
		readMore = 2 + rng.IntN(nPara-3)
	}
	sep := "\n\n"
	if o.single {
		sep = "\n"
	}
	for p := range nPara {
		if p == 0 && rng.Float64() < o.dateline {
			fmt.Fprintf(t, "%s (%s) – ", strings.ToUpper(c.g.sentence(rng, "place", o.name)), shortName(o.name))
		}
		nSent := 1 + rng.IntN(5)
		framed := -1
		if frame[p] != "" {
			framed = rng.IntN(nSent)
		}
		for s := range nSent {
			if s > 0 {
				t.WriteByte(' ')
			}
			if s == framed {
				t.WriteString(c.g.sentence(rng, frame[p], o.name))
			} else {
				t.WriteString(c.filler(rng, o.name))
			}
		}
		t.WriteString(sep)
		if p == readMore {
			t.WriteString(c.g.sentence(rng, "boilerplate", o.name) + sep)
		}
	}
	if a.boiler {
		for range 1 + rng.IntN(2) {
			t.WriteString(c.g.sentence(rng, "boilerplate", o.name) + "\n")
		}
	}
	if a.comments {
		nc := 1 + rng.IntN(6)
		fmt.Fprintf(t, "\n%d Comments\n\n", nc)
		for range nc {
			if rng.Float64() < .5 && len(c.pools) > 0 {
				p := c.pools[rng.IntN(len(c.pools))]
				fmt.Fprintf(t, "%s says: %s\n", commenters[rng.IntN(len(commenters))], p.sentences[rng.IntN(len(p.sentences))])
			} else {
				t.WriteString(c.g.sentence(rng, "comment", o.name) + "\n")
			}
		}
	}
	if o.crlf {
		b := bytes.ReplaceAll(t.Bytes(), []byte("\n"), []byte("\r\n"))
		t.Reset()
		t.Write(b)
	}
}

var commenters = []string{"Naveed", "Shirin", "Omar K.", "Farhan", "Leila", "Anonymous", "Tariq from Quetta", "Mina R."}

// shortName is the outlet's name in a dateline: the first word for a Latin
// name longer than two words.
func shortName(name string) string {
	f := strings.Fields(name)
	if len(f) > 2 && f[0] != "The" {
		return f[0]
	}
	return name
}

// urlSlug makes the first words of a headline into a URL path element.
func urlSlug(s string) string {
	var b strings.Builder
	words := 0
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
				words++
			}
			dash = false
			if words >= 6 {
				return b.String()[:b.Len()-1]
			}
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}
