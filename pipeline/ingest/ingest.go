// Package ingest reads a corpus as a stream of articles and accounts for every
// input: each file (and each bad manifest row, JSONL line or CSV record) gets a
// Status saying whether it was read, converted, skipped or warned about, and
// why, with its line where it has one.
//
// A corpus is one of:
//   - a folder: every .txt file below it (the extension in any case),
//     recursively, in sorted order of the path, with an optional manifest.csv at
//     its root whose columns are file,source,date,url,title (other columns kept
//     as Extra metadata);
//   - a .jsonl (or .ndjson) file: one JSON object per line, "text" required,
//     "id", "source", "date", "title", "url" optional, other keys kept as Extra;
//   - a .csv file with a header and the same columns as the JSONL keys.
//
// Columns and keys are matched without regard to case, and a few common
// synonyms are taken when the usual name is absent: outlet, publication and
// publisher for source; published, pub_date, publish_date and published_at for
// date; headline for title; link for url; body and content for text; doc_id and
// article_id for id; filename and path for the manifest's file.
//
// Every Article's Text is UTF-8: inputs in UTF-16 (with a byte-order mark, or
// recognisably without one) and Windows-1252 are converted, a UTF-8
// byte-order mark is removed, HTML is stripped to text (and "&amp;"-style
// character references in plain text decoded), and NUL bytes are
// removed. Line ends are kept as read (CRLF, lone CR or LF). Every byte offset
// elsewhere in framescope is into this decoded Text, not into the file's bytes.
//
// Reading is a pull iterator in the style of bufio.Scanner: one article is in
// memory at a time, whatever the size of the corpus. What is held besides is
// per input, never its text: the statuses, each manifest row's path and
// position in the manifest (the row is read again when its file is reached),
// and, to report duplicates, an 8-byte hash per article (and each JSONL/CSV
// id). Bad input is never fatal: it is recorded and the reader moves on.
package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Status values.
const (
	StatusRead      = "read"      // read as it is
	StatusConverted = "converted" // read after a conversion the Reason names
	StatusSkipped   = "skipped"   // not an article; the Reason says why
	StatusWarning   = "warning"   // read (or a metadata row used) despite the problem the Reason names
	StatusIgnored   = "ignored"   // a file that is not part of a corpus (not .txt, a hidden folder)
)

// Where a Meta field came from.
const (
	FromManifest = "manifest"
	FromJSONL    = "jsonl"
	FromCSV      = "csv"
)

// DefaultMaxArticleBytes is the limit on one article's bytes (a file, a JSONL
// line, a CSV record) when Options.MaxArticleBytes is 0.
const DefaultMaxArticleBytes = 16 << 20

// Field is one item of extra metadata, kept in column or key order.
type Field struct{ Name, Value string }

// Meta is what the input says about an article. A field is "" when the input
// does not give it; its From field then is "" too, else FromManifest, FromJSONL
// or FromCSV. Date, when given, is valid for ParseDate and written in its
// canonical form ("2017-11-07", "2017-11", "2017").
type Meta struct {
	Source, Date, URL, Title                 string
	SourceFrom, DateFrom, URLFrom, TitleFrom string
	Extra                                    []Field
}

// Article is one article of a corpus.
type Article struct {
	// Doc names the article: for a folder, its path relative to the folder,
	// slash-separated; for JSONL and CSV, its id, or "<file>:<line>" when it has
	// none (or shares its id with an earlier article).
	Doc string
	// Input is the file it came from: relative to the folder for a folder,
	// the base name of the file for JSONL and CSV.
	Input string
	// Line is the JSONL line or the first line of the CSV record, 1-based; 0
	// for a .txt file.
	Line int
	// Text is the decoded UTF-8 text; every offset in framescope is into it.
	Text string
	Meta Meta
	// Encoding is UTF8, or what the text was converted from: UTF16LE,
	// UTF16BE or Windows1252.
	Encoding string
	// Status is the index in Reader.Statuses of the status of the file the
	// article came from (the .txt file, or the whole JSONL or CSV file), so
	// that a caller can count articles per input without a map of paths.
	Status int
}

// Status accounts for one input file, or one bad or converted manifest row,
// JSONL line or CSV record.
type Status struct {
	Path   string // as Article.Input
	Line   int    // 0 when about the whole file
	Status string // StatusRead, StatusConverted, StatusSkipped, StatusWarning, StatusIgnored
	Reason string // "" for StatusRead of a file with nothing to say
	Bytes  int64  // the file's, line's or record's size
}

func (s Status) String() string {
	loc := s.Path
	if s.Line > 0 {
		loc = fmt.Sprintf("%s:%d", s.Path, s.Line)
	}
	if s.Reason == "" {
		return fmt.Sprintf("%s: %s", loc, s.Status)
	}
	return fmt.Sprintf("%s: %s: %s", loc, s.Status, s.Reason)
}

// Options configure a Reader.
type Options struct {
	// MaxArticleBytes is the largest file, JSONL line or CSV record read as an
	// article; larger ones are skipped with their size, read in bounded memory.
	// 0 means DefaultMaxArticleBytes.
	MaxArticleBytes int64
	// Warn, when set, is called with each status other than StatusRead and
	// StatusIgnored as soon as it is known (to print it, say). Statuses has
	// them all at the end.
	Warn func(Status)
}

// Reader reads the articles of a corpus one at a time.
type Reader struct {
	opt      Options
	src      source
	statuses statusLog
	cur      Article
	err      error
	done     bool
}

// source is one kind of corpus.
type source interface {
	// next returns the next readable article, recording statuses on r as it
	// goes; false at the end, or on a fatal error it stores in r.err.
	next(r *Reader) (Article, bool)
	close() error
}

// Open opens a corpus: a folder, a .jsonl/.ndjson file or a .csv file. It
// fails only when path does not exist or is none of these; problems inside
// the corpus are Statuses.
func Open(path string, opt Options) (*Reader, error) {
	if opt.MaxArticleBytes <= 0 {
		opt.MaxArticleBytes = DefaultMaxArticleBytes
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	r := &Reader{opt: opt}
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case fi.IsDir():
		r.src, err = openFolder(r, path)
	case ext == ".jsonl" || ext == ".ndjson":
		r.src, err = openJSONL(r, path)
	case ext == ".csv":
		r.src, err = openCSV(r, path)
	default:
		return nil, fmt.Errorf("ingest: %s is not a folder, a .jsonl file or a .csv file", path)
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}

// Scan advances to the next readable article, recording every input it skips
// on the way. It returns false at the end of the corpus or after a fatal error
// (see Err).
func (r *Reader) Scan() bool {
	if r.done {
		return false
	}
	a, ok := r.src.next(r)
	if !ok {
		r.done = true
		r.cur = Article{}
		return false
	}
	r.cur = a
	return true
}

// Article is the article Scan advanced to.
func (r *Reader) Article() Article { return r.cur }

// Err is the fatal error that ended the scan early, if any: the folder itself
// became unreadable, say. A bad file is never fatal.
func (r *Reader) Err() error { return r.err }

// Statuses returns everything recorded so far, in input order: for a folder,
// the manifest's rows first, then every file in walk order, then manifest
// rows that named a file the walk did not read; for JSONL and CSV, the file
// first, then its bad or converted lines.
//
// It builds them all: a run over a million files should read them one at a
// time with NumStatuses and Status instead.
func (r *Reader) Statuses() []Status {
	out := make([]Status, r.statuses.len())
	for i := range out {
		out[i] = r.statuses.get(i)
	}
	return out
}

// NumStatuses is the number of statuses recorded so far.
func (r *Reader) NumStatuses() int { return r.statuses.len() }

// Status returns status i (0 ≤ i < NumStatuses), as Statuses()[i].
func (r *Reader) Status(i int) Status { return r.statuses.get(i) }

// Close releases the open file, if any. Scanning after Close ends the scan.
func (r *Reader) Close() error {
	r.done = true
	if r.src == nil {
		return nil
	}
	return r.src.close()
}

// record appends s to the statuses and calls Warn for it.
func (r *Reader) record(s Status) int {
	i := r.statuses.add(s)
	r.warn(s)
	return i
}

// update replaces status i (recorded earlier as a placeholder) and calls Warn.
func (r *Reader) update(i int, s Status) {
	r.statuses.set(i, s)
	r.warn(s)
}

func (r *Reader) warn(s Status) {
	if r.opt.Warn != nil && s.Status != StatusRead && s.Status != StatusIgnored {
		r.opt.Warn(s)
	}
}

// fatal ends the scan with err.
func (r *Reader) fatal(err error) {
	if r.err == nil {
		r.err = err
	}
}
