package pipeline

import (
	"bufio"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

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

// paragraphWriter writes paragraphs.csv: one row per paragraph of every
// article, in input order.
type paragraphWriter struct {
	w      *csvRows
	cb     *frames.Codebook
	header []string
	pq     *parquetout.Writer // paragraphs.parquet with the same rows; nil unless asked for
	row    []string           // the row as strings, for pq
}

// newParagraphWriter writes paragraphs.csv to w, and the same rows to pq as
// Parquet when pq is not nil.
func newParagraphWriter(w *bufio.Writer, pq io.Writer, cb *frames.Codebook) (*paragraphWriter, error) {
	h := []string{"doc", "source", "date", "year", "para", "start", "end", "role", "voice", "tone"}
	for _, f := range cb.Frames {
		h = append(h, f.ID, f.ID+"_score")
	}
	h = append(h, "terms", "tone_outlet", "tone_quote", "speakers", "rule")
	for _, act := range cb.Actors {
		h = append(h, "toward_"+act.ID)
	}
	pw := &paragraphWriter{w: newCSVRows(w), cb: cb, header: h}
	if pq != nil {
		var err error
		pw.pq, err = parquetout.NewWriter(pq, h, parquetout.ParagraphKinds(h, cb.FrameIDs()))
		if err != nil {
			return nil, err
		}
	}
	for _, f := range h {
		pw.w.str(f)
	}
	return pw, pw.w.end()
}

func (pw *paragraphWriter) write(a *Article) error {
	year := a.YearString()
	c := pw.w
	for _, p := range a.Paras {
		c.str(a.Doc)
		c.str(a.Source.Value)
		c.str(a.Date.Value)
		c.str(year)
		c.int(p.Index)
		c.int(p.Span.Start)
		c.int(p.Span.End)
		c.str(string(p.Role))
		c.str(string(p.Voice))
		c.num(p.Tone)
		for i := range pw.cb.Frames {
			if p.Frames == nil {
				c.str("0")
				c.str("")
				continue
			}
			d := p.Frames[i]
			c.str(bit(d.On))
			c.num(d.Score)
		}
		ts := terms(p.Frames, pw.cb)
		speakers := strings.Join(p.Speakers, "; ")
		c.str(ts)
		c.num(p.ToneOut)
		c.num(p.ToneQuote)
		c.str(speakers)
		c.str(p.Rule)
		for i := range pw.cb.Actors {
			if p.Toward == nil {
				c.str("")
				continue
			}
			c.num(p.Toward[i])
		}
		if err := c.end(); err != nil {
			return err
		}
		if pw.pq != nil {
			if err := pw.pq.Write(pw.strings(a, year, &p, ts, speakers)); err != nil {
				return err
			}
		}
	}
	return nil
}

// strings is paragraph p's row as strings, for the Parquet writer.
func (pw *paragraphWriter) strings(a *Article, year string, p *Paragraph, terms, speakers string) []string {
	row := append(pw.row[:0], a.Doc, a.Source.Value, a.Date.Value, year,
		strconv.Itoa(p.Index), strconv.Itoa(p.Span.Start), strconv.Itoa(p.Span.End),
		string(p.Role), string(p.Voice), num(p.Tone))
	for i := range pw.cb.Frames {
		if p.Frames == nil {
			row = append(row, "0", "")
			continue
		}
		d := p.Frames[i]
		row = append(row, bit(d.On), num(d.Score))
	}
	row = append(row, terms, num(p.ToneOut), num(p.ToneQuote), speakers, p.Rule)
	for i := range pw.cb.Actors {
		if p.Toward == nil {
			row = append(row, "")
			continue
		}
		row = append(row, num(p.Toward[i]))
	}
	pw.row = row
	return row
}

func (pw *paragraphWriter) flush() error {
	var err error
	if pw.pq != nil {
		err = pw.pq.Close()
	}
	return err
}

// terms lists a paragraph's matched terms as "frame:term" in order of
// appearance, each once per frame.
func terms(ds []frames.Decision, cb *frames.Codebook) string {
	var parts []string
	for i, d := range ds {
		seen := map[string]bool{}
		for _, h := range d.Hits {
			if h.Negated || seen[h.Term] {
				continue
			}
			seen[h.Term] = true
			parts = append(parts, cb.Frames[i].ID+":"+h.Term)
		}
	}
	return strings.Join(parts, "; ")
}

// articleWriter writes articles.csv: one row per article with its metadata,
// where each field came from, and its paragraph counts per role.
type articleWriter struct{ w *csvRows }

var roles = []clean.Role{clean.Body, clean.Headline, clean.Boilerplate, clean.Comment}

func newArticleWriter(w *bufio.Writer) (*articleWriter, error) {
	aw := &articleWriter{w: newCSVRows(w)}
	h := []string{"doc", "input", "line", "encoding", "source", "source_from", "date", "date_from", "year",
		"title", "title_from", "url", "url_from"}
	for _, r := range roles {
		h = append(h, "n_"+string(r))
	}
	h = append(h, "extra")
	for _, f := range h {
		aw.w.str(f)
	}
	return aw, aw.w.end()
}

func (aw *articleWriter) write(a *Article) error {
	c := aw.w
	for _, f := range []string{a.Doc, a.Input} {
		c.str(f)
	}
	c.int(a.Line)
	for _, f := range []string{a.Encoding, a.Source.Value, a.Source.From, a.Date.Value, a.Date.From, a.YearString(),
		a.Title.Value, a.Title.From, a.URL.Value, a.URL.From} {
		c.str(f)
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
	var extra []string
	for _, f := range a.Extra {
		extra = append(extra, f.Name+"="+f.Value)
	}
	c.str(strings.Join(extra, "; "))
	return c.end()
}

// matchWriter writes matches.csv: every frame hit with its offsets and its
// keyword-in-context line, so that any figure can be traced to words.
type matchWriter struct {
	w    *csvRows
	cb   *frames.Codebook
	hits []frames.Hit
}

func newMatchWriter(w *bufio.Writer, cb *frames.Codebook) (*matchWriter, error) {
	mw := &matchWriter{w: newCSVRows(w), cb: cb}
	for _, f := range []string{"doc", "source", "year", "para", "role", "voice", "frame", "on", "rule", "term",
		"start", "end", "sentence_start", "sentence_end", "weight", "negated", "context"} {
		mw.w.str(f)
	}
	return mw, mw.w.end()
}

func (mw *matchWriter) write(a *Article) error {
	year := a.YearString()
	c := mw.w
	for _, p := range a.Paras {
		for i, d := range p.Frames {
			hits := append(mw.hits[:0], d.Hits...)
			sort.SliceStable(hits, func(x, y int) bool { return hits[x].Start < hits[y].Start })
			mw.hits = hits
			for _, h := range hits {
				c.str(a.Doc)
				c.str(a.Source.Value)
				c.str(year)
				c.int(p.Index)
				c.str(string(p.Role))
				c.str(string(p.Voice))
				c.str(mw.cb.Frames[i].ID)
				c.str(bit(d.On))
				c.str(h.Rule)
				c.str(h.Term)
				c.int(h.Start)
				c.int(h.End)
				c.int(h.Sentence.Start)
				c.int(h.Sentence.End)
				c.num(h.Weight)
				c.str(bit(h.Negated))
				c.str(frames.KWIC(a.Text, h, 60))
				if err := c.end(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
