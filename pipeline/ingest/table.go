package ingest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// table is what JSONL and CSV inputs share: one file of rows, each an article.
type table struct {
	file      io.ReadCloser
	name      string // the file's base name: Article.Input and Status.Path
	size      int64
	enc       string // the file's encoding
	note      string // what decoding the file took ("UTF-8 byte-order mark removed")
	info      string // how it was read, when unusual ("fields separated by ';'")
	statusIdx int    // the file's own status, completed at the end
	ids       map[string]int
	dedup     map[uint64]string // textKey → the first article's Doc
	articles  int
	skipped   int
	warned    int
	blank     int
	done      bool
	endReason string // why the file ended early, if it did
}

func openTable(r *Reader, path string) (*table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("ingest: %w", err)
	}
	return newTable(r, f, filepath.Base(path), fi.Size()), nil
}

// newTable starts reading a table from f, named name, of size bytes.
func newTable(r *Reader, f io.ReadCloser, name string, size int64) *table {
	t := &table{file: f, name: name, size: size, ids: map[string]int{}, dedup: map[uint64]string{}}
	t.statusIdx = r.record(Status{Path: t.name, Status: StatusRead, Bytes: t.size})
	return t
}

func (t *table) close() error {
	if t.file == nil {
		return nil
	}
	err := t.file.Close()
	t.file = nil
	return err
}

// skip records a row that is not an article.
func (t *table) skip(r *Reader, line int, size int64, reason string) {
	t.skipped++
	r.record(Status{Path: t.name, Line: line, Status: StatusSkipped, Reason: reason, Bytes: size})
}

// tableRow is one JSONL line or CSV record, parsed.
type tableRow struct {
	from  string // FromJSONL or FromCSV
	line  int
	size  int64
	get   func(field string) (string, bool) // a known field's value, and whether the row has it
	extra []Field
	text  string
	enc   string   // the encoding the row was decoded from; "" for the file's
	notes []string // what decoding it took
	warns []string // problems with the row
}

// row makes an article of one row; ok is false when it is not one (its
// status is then recorded).
func (t *table) row(r *Reader, row tableRow) (Article, bool) {
	if row.enc == "" {
		row.enc = t.enc
	}
	d := decoded{text: row.text, encoding: row.enc, notes: row.notes, warns: row.warns}
	finishText(&d)
	if d.skip != "" {
		t.skip(r, row.line, row.size, d.skip)
		return Article{}, false
	}
	a := Article{Input: t.name, Line: row.line, Text: d.text, Encoding: d.encoding, Status: t.statusIdx}
	if w := setMeta(&a.Meta, row.from, row.get); w != "" {
		d.warns = append(d.warns, w)
	}
	a.Meta.Extra = row.extra
	a.Doc = fmt.Sprintf("%s:%d", t.name, row.line)
	if id, _ := row.get("id"); strings.TrimSpace(id) != "" {
		id = strings.TrimSpace(id)
		if first, dup := t.ids[id]; dup {
			d.warns = append(d.warns, fmt.Sprintf("duplicate id %q (first at line %d): named %s", id, first, a.Doc))
		} else {
			t.ids[id] = row.line
			a.Doc = id
		}
	}
	if key := textKey(a.Text); t.dedup[key] != "" {
		d.warns = append(d.warns, "duplicate of "+t.dedup[key]+" (same text; both kept)")
	} else {
		t.dedup[key] = a.Doc
	}
	if st, reason := d.status(); st != StatusRead {
		t.warned++
		r.record(Status{Path: t.name, Line: row.line, Status: st, Reason: reason, Bytes: row.size})
	}
	t.articles++
	return a, true
}

// finish completes the file's own status.
func (t *table) finish(r *Reader, unit string) {
	if t.done {
		return
	}
	t.done = true
	parts := []string{fmt.Sprintf("%d articles", t.articles)}
	if t.info != "" {
		parts = append([]string{t.info}, parts...)
	}
	if t.skipped > 0 {
		parts = append(parts, fmt.Sprintf("%d %ss skipped", t.skipped, unit))
	}
	if t.warned > 0 {
		parts = append(parts, fmt.Sprintf("%d %ss converted or with warnings", t.warned, unit))
	}
	if t.blank > 0 {
		parts = append(parts, fmt.Sprintf("%d blank lines", t.blank))
	}
	st := StatusRead
	if t.note != "" {
		st = StatusConverted
		parts = append([]string{t.note}, parts...)
	}
	if t.endReason != "" {
		st = StatusWarning
		if t.articles == 0 {
			st = StatusSkipped
		}
		parts = append([]string{t.endReason}, parts...)
	}
	r.update(t.statusIdx, Status{Path: t.name, Status: st, Reason: strings.Join(parts, "; "), Bytes: t.size})
	t.ids, t.dedup = nil, nil // only reading needed them
}
