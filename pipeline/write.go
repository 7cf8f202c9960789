package pipeline

import (
	"encoding/csv"
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
	w      *csv.Writer
	cb     *frames.Codebook
	header []string
	pq     *parquetout.Writer // paragraphs.parquet with the same rows; nil unless asked for
}

// newParagraphWriter writes paragraphs.csv to w, and the same rows to pq as
// Parquet when pq is not nil.
func newParagraphWriter(w, pq io.Writer, cb *frames.Codebook) (*paragraphWriter, error) {
	h := []string{"doc", "source", "date", "year", "para", "start", "end", "role", "voice", "tone"}
	for _, f := range cb.Frames {
		h = append(h, f.ID, f.ID+"_score")
	}
	h = append(h, "terms", "tone_outlet", "tone_quote", "speakers", "rule")
	for _, act := range cb.Actors {
		h = append(h, "toward_"+act.ID)
	}
	pw := &paragraphWriter{w: csv.NewWriter(w), cb: cb, header: h}
	if pq != nil {
		var err error
		pw.pq, err = parquetout.NewWriter(pq, h, parquetout.ParagraphKinds(h, cb.FrameIDs()))
		if err != nil {
			return nil, err
		}
	}
	return pw, pw.w.Write(h)
}

func (pw *paragraphWriter) write(a *Article) error {
	row := make([]string, 0, len(pw.header))
	for _, p := range a.Paras {
		row = append(row[:0], a.Doc, a.Source.Value, a.Date.Value, a.YearString(),
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
		row = append(row, terms(p.Frames, pw.cb), num(p.ToneOut), num(p.ToneQuote),
			strings.Join(p.Speakers, "; "), p.Rule)
		for i := range pw.cb.Actors {
			if p.Toward == nil {
				row = append(row, "")
				continue
			}
			row = append(row, num(p.Toward[i]))
		}
		if err := pw.w.Write(row); err != nil {
			return err
		}
		if pw.pq != nil {
			if err := pw.pq.Write(row); err != nil {
				return err
			}
		}
	}
	return nil
}

func (pw *paragraphWriter) flush() error {
	pw.w.Flush()
	err := pw.w.Error()
	if pw.pq != nil {
		if perr := pw.pq.Close(); err == nil {
			err = perr
		}
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
type articleWriter struct{ w *csv.Writer }

var roles = []clean.Role{clean.Body, clean.Headline, clean.Boilerplate, clean.Comment}

func newArticleWriter(w io.Writer) *articleWriter {
	aw := &articleWriter{w: csv.NewWriter(w)}
	h := []string{"doc", "input", "line", "encoding", "source", "source_from", "date", "date_from", "year",
		"title", "title_from", "url", "url_from"}
	for _, r := range roles {
		h = append(h, "n_"+string(r))
	}
	h = append(h, "extra")
	aw.w.Write(h)
	return aw
}

func (aw *articleWriter) write(a *Article) error {
	c := a.Counts()
	row := []string{a.Doc, a.Input, strconv.Itoa(a.Line), a.Encoding,
		a.Source.Value, a.Source.From, a.Date.Value, a.Date.From, a.YearString(),
		a.Title.Value, a.Title.From, a.URL.Value, a.URL.From}
	for _, r := range roles {
		row = append(row, strconv.Itoa(c[r]))
	}
	var extra []string
	for _, f := range a.Extra {
		extra = append(extra, f.Name+"="+f.Value)
	}
	row = append(row, strings.Join(extra, "; "))
	return aw.w.Write(row)
}

func (aw *articleWriter) flush() error { aw.w.Flush(); return aw.w.Error() }

// matchWriter writes matches.csv: every frame hit with its offsets and its
// keyword-in-context line, so that any figure can be traced to words.
type matchWriter struct {
	w  *csv.Writer
	cb *frames.Codebook
}

func newMatchWriter(w io.Writer, cb *frames.Codebook) *matchWriter {
	mw := &matchWriter{w: csv.NewWriter(w), cb: cb}
	mw.w.Write([]string{"doc", "source", "year", "para", "role", "voice", "frame", "on", "rule", "term",
		"start", "end", "sentence_start", "sentence_end", "weight", "negated", "context"})
	return mw
}

func (mw *matchWriter) write(a *Article) error {
	for _, p := range a.Paras {
		for i, d := range p.Frames {
			hits := append([]frames.Hit(nil), d.Hits...)
			sort.SliceStable(hits, func(x, y int) bool { return hits[x].Start < hits[y].Start })
			for _, h := range hits {
				err := mw.w.Write([]string{a.Doc, a.Source.Value, a.YearString(), strconv.Itoa(p.Index),
					string(p.Role), string(p.Voice), mw.cb.Frames[i].ID, bit(d.On), h.Rule, h.Term,
					strconv.Itoa(h.Start), strconv.Itoa(h.End), strconv.Itoa(h.Sentence.Start),
					strconv.Itoa(h.Sentence.End), num(h.Weight), bit(h.Negated),
					frames.KWIC(a.Text, h, 60)})
				if err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (mw *matchWriter) flush() error { mw.w.Flush(); return mw.w.Error() }
