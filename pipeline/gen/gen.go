// Package gen writes a synthetic news corpus for benchmarks and for trying
// framescope at scale: many outlets (some with Persian and Urdu names) over
// 2010–2025, articles of 4–20 paragraphs of 1–5 sentences, some with
// headlines, boilerplate lines and reader comments, and paragraphs that carry
// the codebook's frames (the United States or Israel as a threat, Muslim
// unity, border security) at rates that differ by outlet.
//
// Sentences are drawn from the shared evaluation files when they are there
// (../shared/eval/nyt-editorial-snippets-dev.tsv and newsmtsc/train.jsonl:
// read at generation time, never copied into the repository), from the seed
// articles, and from the templates in templates.txt, which write topical and
// framed sentences of their own. Without ../shared the seeds and templates are
// enough.
//
// The corpus is the same for the same Options, byte for byte: every article
// draws from a random source seeded with (Seed, its number), and nothing
// depends on the clock or on map order. Articles are written as they are
// made, so memory does not grow with Size.
package gen

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// Options say what to write.
type Options struct {
	// Size is the number of bytes of article text to write (the .txt files
	// together; corpus.jsonl holds the same texts again). Writing stops after
	// the article that reaches it.
	Size int64
	// Seed selects the corpus: the same seed gives the same bytes.
	Seed uint64
	// SharedDir is the shared folder (../shared) whose eval sentences are
	// drawn from; "" or a missing folder means none.
	SharedDir string
	// SeedsDir is the folder of seed articles whose sentences are drawn from;
	// "" or a missing folder means none.
	SeedsDir string
}

// Summary says what Write wrote.
type Summary struct {
	Articles  int
	TextBytes int64 // bytes of article text, as in the .txt files
	Outlets   int   // outlets with at least one article
	FirstYear int
	LastYear  int
	// Articles given at least one paragraph with sentences written for a
	// frame (other sentences may carry frames too).
	Threat, Unity, Border int
	// Headlines, Boilerplate and Comments count the articles that have them.
	Headlines, Boilerplate, Comments int
	Pools                            []Pool // where filler sentences came from
}

// Pool is one source of sentences and how many it gave.
type Pool struct {
	Name      string
	Sentences int
}

func (s Summary) String() string {
	pools := []string{"templates"}
	for _, p := range s.Pools {
		pools = append(pools, fmt.Sprintf("%s %d", p.Name, p.Sentences))
	}
	return fmt.Sprintf("%d articles, %d bytes of text, %d outlets, %d–%d; frame paragraphs in %d (threat), %d (unity), %d (border) articles; %d with headlines, %d with boilerplate, %d with comments; sentences from %s",
		s.Articles, s.TextBytes, s.Outlets, s.FirstYear, s.LastYear, s.Threat, s.Unity, s.Border,
		s.Headlines, s.Boilerplate, s.Comments, strings.Join(pools, ", "))
}

// The files Write makes inside its folder.
const (
	TxtDir    = "txt"          // dir/txt/<outlet>/<year>/NNNNNN.txt and dir/txt/manifest.csv
	JSONLFile = "corpus.jsonl" // the same articles, one per line
)

// Write writes a corpus of about opt.Size bytes of text into dir:
// dir/txt/<outlet>/<year>/NNNNNN.txt with dir/txt/manifest.csv (columns
// file,source,date,url,title,section), and dir/corpus.jsonl with the same
// articles (keys id, source, date, title, url, section, text). A dir/txt left
// by an earlier Write (it has a manifest.csv) is replaced; any other dir/txt
// is an error, so that nothing else is deleted.
func Write(dir string, opt Options) (Summary, error) {
	var sum Summary
	if opt.Size <= 0 {
		return sum, fmt.Errorf("gen: size must be positive, got %d", opt.Size)
	}
	g, err := parseGrammar(templatesText)
	if err != nil {
		return sum, fmt.Errorf("gen: %w", err)
	}
	c := newComposer(g, loadPools(opt))
	for _, p := range c.pools {
		sum.Pools = append(sum.Pools, Pool{p.name, len(p.sentences)})
	}
	txt := filepath.Join(dir, TxtDir)
	if err := clearOutput(txt); err != nil {
		return sum, err
	}
	if err := os.MkdirAll(txt, 0o755); err != nil {
		return sum, fmt.Errorf("gen: %w", err)
	}
	w, err := newWriters(dir, txt)
	if err != nil {
		return sum, err
	}
	defer w.close()

	used := make([]bool, len(outlets))
	err = generate(c, opt, w, func(a *article) {
		sum.Articles++
		sum.TextBytes += int64(a.text.Len())
		if !used[a.outlet] {
			used[a.outlet] = true
			sum.Outlets++
		}
		if sum.FirstYear == 0 || a.year < sum.FirstYear {
			sum.FirstYear = a.year
		}
		sum.LastYear = max(sum.LastYear, a.year)
		sum.Threat += b2i(a.threat)
		sum.Unity += b2i(a.unity)
		sum.Border += b2i(a.border)
		sum.Headlines += b2i(a.headline)
		sum.Boilerplate += b2i(a.boiler)
		sum.Comments += b2i(a.comments)
	}, func() bool { return sum.TextBytes >= opt.Size })
	if err != nil {
		return sum, err
	}
	return sum, w.finish()
}

// generate makes articles 0, 1, 2… on every core and writes them in order
// until done says to stop: count sees each written article. Articles are
// made ahead of the writer by a bounded window; those made past the end are
// dropped unwritten, so the output is the same whatever the scheduling.
func generate(c *composer, opt Options, w *writers, count func(*article), done func() bool) error {
	workers := max(1, runtime.GOMAXPROCS(0))
	const fileWriters = 8 // creating files waits on the file system more than on the CPU
	window := 8*workers + 2*fileWriters

	free := make(chan *article, window)
	for range window {
		free <- &article{}
	}
	jobs := make(chan *article)
	results := make(chan *article, window)
	files := make(chan *article, window)
	stop := make(chan struct{})
	var stopOnce sync.Once
	halt := func() { stopOnce.Do(func() { close(stop) }) }
	var errMu sync.Mutex
	var firstErr error
	var failed atomic.Bool
	fail := func(err error) {
		errMu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		errMu.Unlock()
		failed.Store(true)
		halt()
	}

	go func() { // numbers the articles
		defer close(jobs)
		for i := 0; ; i++ {
			var a *article
			select {
			case a = <-free:
			case <-stop:
				return
			}
			a.n = i
			select {
			case jobs <- a:
			case <-stop:
				return
			}
		}
	}()
	var gen sync.WaitGroup
	for range workers {
		gen.Go(func() {
			for a := range jobs {
				c.article(rand.New(rand.NewPCG(opt.Seed, uint64(a.n))), a.n, a)
				results <- a
			}
		})
	}
	go func() { gen.Wait(); close(results) }()
	var writing sync.WaitGroup
	for range fileWriters {
		writing.Go(func() {
			for a := range files {
				if err := os.WriteFile(a.path, a.text.Bytes(), 0o644); err != nil {
					fail(fmt.Errorf("gen: %w", err))
				}
				free <- a
			}
		})
	}

	pending := map[int]*article{}
	next := 0
	finished := false
	for a := range results {
		pending[a.n] = a
		for {
			a, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if finished || failed.Load() {
				finished = true
				free <- a
				continue
			}
			if err := w.write(a); err != nil {
				fail(err)
				finished = true
				free <- a
				continue
			}
			count(a)
			files <- a
			if done() {
				finished = true
				halt()
			}
		}
	}
	for _, a := range pending {
		free <- a
	}
	close(files)
	writing.Wait()
	return firstErr
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// clearOutput removes a dir/txt that an earlier Write made.
func clearOutput(txt string) error {
	if _, err := os.Stat(txt); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if _, err := os.Stat(filepath.Join(txt, "manifest.csv")); err != nil {
		return fmt.Errorf("gen: %s exists and is not a generated corpus (it has no manifest.csv); remove it or choose another folder", txt)
	}
	if err := os.RemoveAll(txt); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	return nil
}

// writers writes the three outputs as articles come.
type writers struct {
	txt        string
	dirs       map[string]bool
	mfile      *os.File
	jfile      *os.File
	manifest   *csv.Writer
	mbuf, jbuf *bufio.Writer
	row        []string
}

func newWriters(dir, txt string) (*writers, error) {
	mf, err := os.Create(filepath.Join(txt, "manifest.csv"))
	if err != nil {
		return nil, fmt.Errorf("gen: %w", err)
	}
	jf, err := os.Create(filepath.Join(dir, JSONLFile))
	if err != nil {
		mf.Close()
		return nil, fmt.Errorf("gen: %w", err)
	}
	w := &writers{txt: txt, dirs: map[string]bool{}, mfile: mf, jfile: jf,
		mbuf: bufio.NewWriterSize(mf, 256<<10), jbuf: bufio.NewWriterSize(jf, 1<<20)}
	w.manifest = csv.NewWriter(w.mbuf)
	if err := w.manifest.Write([]string{"file", "source", "date", "url", "title", "section"}); err != nil {
		w.close()
		return nil, fmt.Errorf("gen: %w", err)
	}
	return w, nil
}

// write makes the article's folder and writes its manifest row and JSONL
// line; the .txt file itself is written by generate, at a.path.
func (w *writers) write(a *article) error {
	o := &outlets[a.outlet]
	sub := fmt.Sprintf("%s/%d", o.slug, a.year)
	if !w.dirs[sub] {
		if err := os.MkdirAll(filepath.Join(w.txt, filepath.FromSlash(sub)), 0o755); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		w.dirs[sub] = true
	}
	rel := fmt.Sprintf("%s/%06d.txt", sub, a.n)
	a.path = filepath.Join(w.txt, filepath.FromSlash(rel))
	w.row = append(w.row[:0], rel, o.name, a.date, a.url, a.title, a.section)
	if err := w.manifest.Write(w.row); err != nil {
		return fmt.Errorf("gen: manifest: %w", err)
	}
	j := w.jbuf
	j.WriteString(`{"id":`)
	writeJSONString(j, fmt.Sprintf("%s-%06d", o.slug, a.n))
	for _, kv := range [...][2]string{{"source", o.name}, {"date", a.date}, {"title", a.title}, {"url", a.url}, {"section", a.section}} {
		if kv[1] == "" {
			continue
		}
		j.WriteString(`,"` + kv[0] + `":`)
		writeJSONString(j, kv[1])
	}
	j.WriteString(`,"text":`)
	writeJSONString(j, a.text.String())
	_, err := j.WriteString("}\n")
	if err != nil {
		return fmt.Errorf("gen: %s: %w", JSONLFile, err)
	}
	return nil
}

// finish flushes and closes the manifest and the JSONL file.
func (w *writers) finish() error {
	w.manifest.Flush()
	errs := []error{w.manifest.Error(), w.mbuf.Flush(), w.jbuf.Flush(), w.mfile.Close(), w.jfile.Close()}
	w.mfile, w.jfile = nil, nil
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	return nil
}

func (w *writers) close() {
	if w.mfile != nil {
		w.mfile.Close()
	}
	if w.jfile != nil {
		w.jfile.Close()
	}
}

// writeJSONString writes s as a JSON string. s is valid UTF-8.
func writeJSONString(w *bufio.Writer, s string) {
	const hex = "0123456789abcdef"
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		w.WriteString(s[start:i])
		switch c {
		case '"', '\\':
			w.WriteByte('\\')
			w.WriteByte(c)
		case '\n':
			w.WriteString(`\n`)
		case '\r':
			w.WriteString(`\r`)
		case '\t':
			w.WriteString(`\t`)
		default:
			w.WriteString(`\u00`)
			w.WriteByte(hex[c>>4])
			w.WriteByte(hex[c&0xf])
		}
		start = i + 1
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}
