package pipeline

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/framescope/framescope/analysis/aggregate"
	"github.com/framescope/framescope/pipeline/clean"
	"github.com/framescope/framescope/pipeline/parquetout"
)

// writers receives scored articles in input order: it streams the per-article
// tables to disk and keeps only per-group numbers (the aggregators), a bounded
// sample of tones per outlet for box plots, and a bounded list of example
// paragraphs per outlet × frame for the report.
type writers struct {
	m   *Models
	opt Options

	files                []*fileWriter
	outputs              outputLog // every file written, with its size and hash, for run.json
	paras, arts, matches *fileWriter
	format               rowFormat
	pq                   *parquetout.Writer // paragraphs.parquet; nil unless asked for
	pqRow                []string

	aggOpt         aggregate.Options
	body, comments *aggregate.Aggregator

	articles, paragraphs int
	bytes                int64
	byRole               map[clean.Role]int
	perStatus            []int32 // articles per input, by the index of the input's status

	cells map[cellKey]*cell
	dist  map[string]*reservoir
	rng   *rand.Rand
}

// cellKey is one outlet × frame figure of the report.
type cellKey struct {
	Source string
	Frame  int
}

// cell keeps the first paragraphs (in input order) behind an outlet × frame
// figure, and how many there are in all.
type cell struct {
	examples []example
	total    int
}

type example struct {
	Doc       string
	Para      int
	Text      string
	Start     int // the paragraph's offset, so hits can be made relative
	Hits      [][2]int
	Terms     []string
	Voice     string
	Tone      float64
	Frame     string
	Source    string
	Paragraph int
}

// maxExamples bounds the paragraphs listed per outlet × frame in the report.
const maxExamples = 50

// maxToneSample bounds the paragraph tones kept per outlet for box plots.
const maxToneSample = 5000

func newWriters(dir string, m *Models, opt Options) (*writers, error) {
	w := &writers{m: m, opt: opt, byRole: map[clean.Role]int{},
		cells: map[cellKey]*cell{}, dist: map[string]*reservoir{},
		rng: rand.New(rand.NewPCG(opt.Seed, 0x5eed))}
	open := func(name string) (*fileWriter, error) {
		f, err := createFile(dir, name, &w.outputs)
		if err == nil {
			w.files = append(w.files, f)
		}
		return f, err
	}
	w.format = rowFormat{cb: m.Codebook}
	var err error
	if w.paras, err = open("paragraphs.csv"); err != nil {
		return nil, err
	}
	if w.arts, err = open("articles.csv"); err != nil {
		return nil, err
	}
	if w.matches, err = open("matches.csv"); err != nil {
		return nil, err
	}
	if opt.Parquet {
		pq, err := open("paragraphs.parquet")
		if err != nil {
			return nil, err
		}
		if w.pq, err = newParquet(pq, m.Codebook); err != nil {
			return nil, err
		}
	}
	for _, t := range []struct {
		f *fileWriter
		h []string
	}{{w.paras, paragraphHeader(m.Codebook)}, {w.arts, articleHeader()}, {w.matches, matchHeader()}} {
		if err := writeHeader(t.f, t.h); err != nil {
			return nil, err
		}
	}
	w.aggOpt = aggregateOptions(m, opt)
	w.body = aggregate.New(w.aggOpt)
	w.comments = aggregate.New(w.aggOpt)
	return w, nil
}

func sourceOf(a *Article) string {
	if a.Source.Value == "" {
		return "unknown"
	}
	return a.Source.Value
}

// add takes the next article in input order, with its rows as a worker
// formatted them (rowFormat.format), and the index of its input's status.
func (w *writers) add(a *Article, rows *articleRows, status int) error {
	w.articles++
	w.paragraphs += len(a.Paras)
	w.bytes += int64(len(a.Text))
	if status >= len(w.perStatus) {
		w.perStatus = append(w.perStatus, make([]int32, status+1-len(w.perStatus))...)
	}
	w.perStatus[status]++
	for _, p := range a.Paras {
		w.byRole[p.Role]++
	}
	for _, t := range []struct {
		f    *fileWriter
		rows *csvRows
	}{{w.paras, &rows.paras}, {w.arts, &rows.article}, {w.matches, &rows.matches}} {
		if _, err := t.f.Write(t.rows.buf); err != nil {
			return err
		}
	}
	if w.pq != nil {
		year := a.YearString()
		for i := range a.Paras {
			w.pqRow = paragraphStrings(w.pqRow, w.m.Codebook, a, year, &a.Paras[i])
			if err := w.pq.Write(w.pqRow); err != nil {
				return err
			}
		}
	}
	src := sourceOf(a)
	if len(rows.body) > 0 {
		w.body.Add(aggregate.Article{Doc: a.Doc, Source: src, Year: a.Year, Paras: rows.body})
	}
	if len(rows.comments) > 0 {
		w.comments.Add(aggregate.Article{Doc: a.Doc, Source: src, Year: a.Year, Paras: rows.comments})
	}
	for i := range a.Paras {
		p := &a.Paras[i]
		if !p.Scored || p.Role == clean.Comment {
			continue
		}
		w.sampleTone(src, p.Tone)
		w.collect(a, p, src)
	}
	return nil
}

// collect keeps the paragraph as an example for each frame it carries.
func (w *writers) collect(a *Article, p *Paragraph, src string) {
	for j, d := range p.Frames {
		if !d.On {
			continue
		}
		k := cellKey{src, j}
		c := w.cells[k]
		if c == nil {
			c = &cell{}
			w.cells[k] = c
		}
		c.total++
		if len(c.examples) >= maxExamples {
			continue
		}
		// a copy, so that the example does not keep the whole article alive
		ex := example{Doc: a.Doc, Para: p.Index, Text: strings.Clone(a.Text[p.Span.Start:p.Span.End]), Start: p.Span.Start,
			Voice: string(p.Voice), Tone: p.Tone, Frame: w.m.Codebook.Frames[j].ID, Source: src}
		seen := map[string]bool{}
		for _, h := range d.Hits {
			if h.Negated || h.Start < p.Span.Start || h.End > p.Span.End {
				continue
			}
			ex.Hits = append(ex.Hits, [2]int{h.Start - p.Span.Start, h.End - p.Span.Start})
			if !seen[h.Term] {
				seen[h.Term] = true
				ex.Terms = append(ex.Terms, h.Term)
			}
		}
		c.examples = append(c.examples, ex)
	}
}

// reservoir is a seeded uniform sample of at most maxToneSample values
// (Vitter's algorithm R), so box plots need bounded memory.
type reservoir struct {
	vals []float64
	n    int
}

func (w *writers) sampleTone(src string, v float64) {
	if math.IsNaN(v) {
		return
	}
	r := w.dist[src]
	if r == nil {
		r = &reservoir{}
		w.dist[src] = r
	}
	r.n++
	if len(r.vals) < maxToneSample {
		r.vals = append(r.vals, v)
		return
	}
	if j := w.rng.IntN(r.n); j < maxToneSample {
		r.vals[j] = v
	}
}

func (w *writers) sources() []string {
	var out []string
	for s := range w.dist {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func (w *writers) close() error {
	var first error
	if w.pq != nil {
		first = w.pq.Close()
		w.pq = nil
	}
	for _, f := range w.files {
		if err := f.Close(); err != nil && first == nil {
			first = err
		}
	}
	w.files = nil
	return first
}
