package pipeline

import (
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/framescope/framescope/analysis/aggregate"
	"github.com/framescope/framescope/analysis/frames"
	"github.com/framescope/framescope/pipeline/clean"
	"github.com/framescope/framescope/pipeline/parquetout"
)

// num formats a score with four decimals; NaN (nothing to score) is an empty
// field, so no "NaN" ever reaches a table.
func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	s := strconv.FormatFloat(v, 'f', 4, 64)
	if s == "-0.0000" {
		s = "0.0000"
	}
	return s
}

func bit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// The per-article tables: paragraphs.csv (one row per paragraph), articles.csv
// (one row per article: its metadata, where each field came from, its
// paragraph counts per role) and matches.csv (every frame hit with its
// offsets and its keyword-in-context line, so that any figure can be traced
// to words). A worker formats an article's rows of all three (rowFormat.format)
// right after scoring it; the collector copies them to the files in input
// order (writers.add).

// paragraphHeader is paragraphs.csv's header for codebook cb.
func paragraphHeader(cb *frames.Codebook) []string {
	h := []string{"doc", "source", "date", "year", "para", "start", "end", "role", "voice", "tone"}
	for _, f := range cb.Frames {
		h = append(h, f.ID, f.ID+"_score")
	}
	h = append(h, "terms", "tone_outlet", "tone_quote", "speakers", "rule")
	for _, act := range cb.Actors {
		h = append(h, "toward_"+act.ID)
	}
	return h
}

var roles = []clean.Role{clean.Body, clean.Headline, clean.Boilerplate, clean.Comment}

// articleHeader is articles.csv's header.
func articleHeader() []string {
	h := []string{"doc", "input", "line", "encoding", "source", "source_from", "date", "date_from", "year",
		"title", "title_from", "url", "url_from"}
	for _, r := range roles {
		h = append(h, "n_"+string(r))
	}
	return append(h, "extra")
}

// matchHeader is matches.csv's header.
func matchHeader() []string {
	return []string{"doc", "source", "year", "para", "role", "voice", "frame", "on", "rule", "term",
		"start", "end", "sentence_start", "sentence_end", "weight", "negated", "context"}
}

// writeHeader writes a table's header row to w.
func writeHeader(w io.Writer, h []string) error {
	var c csvRows
	for _, f := range h {
		c.str(f)
	}
	c.end()
	_, err := w.Write(c.buf)
	return err
}

// rowFormat formats an article's rows of the per-article tables. It only
// reads its codebook, so every worker shares one.
type rowFormat struct{ cb *frames.Codebook }

// articleRows is one article's rows of paragraphs.csv, articles.csv and
// matches.csv, and its paragraphs as the aggregators take them, made by the
// worker that scored it. Its buffers are reused from article to article.
type articleRows struct {
	paras, article, matches csvRows
	body, comments          []aggregate.Para // scored body and comment paragraphs, in order

	hits    []frames.Hit // a frame's hits in order of offset
	scratch []byte       // a field being built (terms, context)
	prefix  csvRows      // the fields a table's rows for the article begin with
}

// maxKeptRows is the capacity above which an articleRows's buffers are not
// kept for the next article (one huge article should not pin its rows).
const maxKeptRows = 1 << 20

func (r *articleRows) reset() {
	for _, c := range []*csvRows{&r.paras, &r.article, &r.matches} {
		if cap(c.buf) > maxKeptRows {
			c.buf = nil
		}
		c.reset()
	}
	clear(r.body) // the paragraphs' Frames and Targets
	clear(r.comments)
	r.body, r.comments = r.body[:0], r.comments[:0]
	clear(r.hits) // the article's terms and rules
	r.hits = r.hits[:0]
	if cap(r.scratch) > maxKeptRows {
		r.scratch = nil
	}
}

// format formats article a into r, which it resets first.
func (f rowFormat) format(a *Article, r *articleRows) {
	r.reset()
	year := a.YearString()
	f.paragraphs(a, year, r)
	f.articleRow(a, year, &r.article)
	f.matchRows(a, year, r)
	f.aggregateParas(a, r)
}

// paragraphs formats a's rows of paragraphs.csv.
func (f rowFormat) paragraphs(a *Article, year string, r *articleRows) {
	c := &r.paras
	r.prefix.reset() // the fields every row of the article begins with
	r.prefix.str(a.Doc)
	r.prefix.str(a.Source.Value)
	r.prefix.str(a.Date.Value)
	r.prefix.str(year)
	for i := range a.Paras {
		p := &a.Paras[i]
		c.fields(r.prefix.buf)
		c.int(p.Index)
		c.int(p.Span.Start)
		c.int(p.Span.End)
		c.str(string(p.Role))
		c.str(string(p.Voice))
		c.num(p.Tone)
		for i := range f.cb.Frames {
			if p.Frames == nil {
				c.str("0")
				c.str("")
				continue
			}
			d := p.Frames[i]
			c.str(bit(d.On))
			c.num(d.Score)
		}
		r.scratch = appendTerms(r.scratch[:0], p.Frames, f.cb)
		c.bytes(r.scratch)
		c.num(p.ToneOut)
		c.num(p.ToneQuote)
		r.scratch = appendJoined(r.scratch[:0], p.Speakers, "; ")
		c.bytes(r.scratch)
		c.str(p.Rule)
		for i := range f.cb.Actors {
			if p.Toward == nil {
				c.str("")
				continue
			}
			c.num(p.Toward[i])
		}
		c.end()
	}
}

// articleRow formats a's row of articles.csv.
func (f rowFormat) articleRow(a *Article, year string, c *csvRows) {
	c.str(a.Doc)
	c.str(a.Input)
	c.int(a.Line)
	for _, s := range [...]string{a.Encoding, a.Source.Value, a.Source.From, a.Date.Value, a.Date.From, year,
		a.Title.Value, a.Title.From, a.URL.Value, a.URL.From} {
		c.str(s)
	}
	var counts [4]int
	for _, p := range a.Paras {
		for i, r := range roles {
			if p.Role == r {
				counts[i]++
			}
		}
	}
	for _, n := range counts {
		c.int(n)
	}
	var extra []byte
	for i, x := range a.Extra {
		if i > 0 {
			extra = append(extra, "; "...)
		}
		extra = append(append(append(extra, x.Name...), '='), x.Value...)
	}
	c.bytes(extra)
	c.end()
}

// matchRows formats a's rows of matches.csv: each paragraph's hits frame by
// frame, in order of offset.
func (f rowFormat) matchRows(a *Article, year string, r *articleRows) {
	c := &r.matches
	r.prefix.reset()
	r.prefix.str(a.Doc)
	r.prefix.str(a.Source.Value)
	r.prefix.str(year)
	for pi := range a.Paras {
		p := &a.Paras[pi]
		for i, d := range p.Frames {
			r.hits = append(r.hits[:0], d.Hits...)
			slices.SortStableFunc(r.hits, func(x, y frames.Hit) int { return x.Start - y.Start })
			for _, h := range r.hits {
				c.fields(r.prefix.buf)
				c.int(p.Index)
				c.str(string(p.Role))
				c.str(string(p.Voice))
				c.str(f.cb.Frames[i].ID)
				c.str(bit(d.On))
				c.str(h.Rule)
				c.str(h.Term)
				c.int(h.Start)
				c.int(h.End)
				c.int(h.Sentence.Start)
				c.int(h.Sentence.End)
				c.num(h.Weight)
				c.str(bit(h.Negated))
				r.scratch = frames.AppendKWIC(r.scratch[:0], a.Text, h, 60)
				c.bytes(r.scratch)
				c.end()
			}
		}
	}
}

// aggregateParas lists a's scored paragraphs as the aggregators take them:
// body paragraphs in r.body, comments in r.comments.
func (f rowFormat) aggregateParas(a *Article, r *articleRows) {
	nf := 0
	for i := range a.Paras {
		if p := &a.Paras[i]; p.Scored {
			nf += len(p.Frames)
		}
	}
	on := make([]bool, nf) // every paragraph's Frames, in one allocation
	for i := range a.Paras {
		p := &a.Paras[i]
		if !p.Scored {
			continue
		}
		fr := on[:len(p.Frames):len(p.Frames)]
		on = on[len(p.Frames):]
		for j, d := range p.Frames {
			fr[j] = d.On
		}
		ap := aggregate.Para{Voice: string(p.Voice), Tone: p.Tone, ToneOutlet: p.ToneOut, ToneQuote: p.ToneQuote,
			Frames: fr, Targets: p.Toward}
		if p.Role == clean.Comment {
			r.comments = append(r.comments, ap)
		} else {
			r.body = append(r.body, ap)
		}
	}
}

// appendTerms appends a paragraph's matched terms as "frame:term" in order of
// appearance, each once per frame, separated by "; ".
func appendTerms(buf []byte, ds []frames.Decision, cb *frames.Codebook) []byte {
	start := len(buf)
	for i, d := range ds {
		var seen map[string]bool // for paragraphs with many hits
		if len(d.Hits) > 16 {
			seen = map[string]bool{}
		}
		for j, h := range d.Hits {
			if h.Negated {
				continue
			}
			if seen != nil {
				if seen[h.Term] {
					continue
				}
				seen[h.Term] = true
			} else if termBefore(d.Hits[:j], h.Term) {
				continue
			}
			if len(buf) > start {
				buf = append(buf, "; "...)
			}
			buf = append(append(append(buf, cb.Frames[i].ID...), ':'), h.Term...)
		}
	}
	return buf
}

// termBefore reports whether a hit that is not negated in hits has term.
func termBefore(hits []frames.Hit, term string) bool {
	for _, h := range hits {
		if !h.Negated && h.Term == term {
			return true
		}
	}
	return false
}

// terms is appendTerms as a string.
func terms(ds []frames.Decision, cb *frames.Codebook) string {
	return string(appendTerms(nil, ds, cb))
}

// appendJoined appends ss separated by sep, as strings.Join joins them.
func appendJoined(buf []byte, ss []string, sep string) []byte {
	for i, s := range ss {
		if i > 0 {
			buf = append(buf, sep...)
		}
		buf = append(buf, s...)
	}
	return buf
}

// paragraphStrings is paragraph p's row of paragraphs.csv as strings, for
// the Parquet writer.
func paragraphStrings(row []string, cb *frames.Codebook, a *Article, year string, p *Paragraph) []string {
	row = append(row[:0], a.Doc, a.Source.Value, a.Date.Value, year,
		strconv.Itoa(p.Index), strconv.Itoa(p.Span.Start), strconv.Itoa(p.Span.End),
		string(p.Role), string(p.Voice), num(p.Tone))
	for i := range cb.Frames {
		if p.Frames == nil {
			row = append(row, "0", "")
			continue
		}
		d := p.Frames[i]
		row = append(row, bit(d.On), num(d.Score))
	}
	row = append(row, terms(p.Frames, cb), num(p.ToneOut), num(p.ToneQuote), strings.Join(p.Speakers, "; "), p.Rule)
	for i := range cb.Actors {
		if p.Toward == nil {
			row = append(row, "")
			continue
		}
		row = append(row, num(p.Toward[i]))
	}
	return row
}

// newParquet writes the Parquet copy of paragraphs.csv to w.
func newParquet(w io.Writer, cb *frames.Codebook) (*parquetout.Writer, error) {
	h := paragraphHeader(cb)
	return parquetout.NewWriter(w, h, parquetout.ParagraphKinds(h, cb.FrameIDs()))
}
