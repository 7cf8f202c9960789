// Package report writes a run's human-readable outputs: report.html, one
// self-contained page for reading and printing, and tables.tex, booktabs tables
// ready for \input in a paper.
//
// The input is Data, a plain data model the pipeline fills from a run: every
// figure is already formatted as text, so this package decides only layout and
// escaping, never numbers.
//
// Everything that comes from the corpus or the user (article text, titles,
// outlet names, terms, file names, even frame IDs) is untrusted. The page is
// built with html/template, so every such string is escaped for its context;
// highlights are applied by cutting the text at byte offsets and escaping each
// piece; anchors are derived from indexes, never from text; charts are embedded
// as data: URLs in <img> elements, where an SVG cannot run script; and a strict
// Content-Security-Policy forbids every script, request and plugin.
package report

import (
	"fmt"
	"strconv"
)

// Data is everything report.html shows, in the order it is shown. Slices are
// shown in the order given: the caller sorts them.
type Data struct {
	Title   string
	Version string // program version, e.g. "framescope v0.3.0"
	// Method is one paragraph: unit of analysis, weighting, interval method,
	// resamples, seed, codebook hash.
	Method string
	Notes  []string // warnings shown at the top, e.g. outlet names that could not be drawn in charts
	Charts []Chart
	Tables []Table // aggregates and comparisons, in the order shown

	// Frames optionally gives the matrix's columns in order, with the labels
	// shown above the frame IDs; frames of Cells not listed follow in order
	// of first appearance.
	Frames []Frame
	// Cells are the outlet × frame figures. The matrix's rows are the distinct
	// Sources in order of first appearance; a (Source, Frame) pair may
	// appear once.
	Cells []Cell
	// CellsCaption says what a cell's Value is, e.g. "Share of paragraphs
	// with the frame, with a 95% bootstrap interval over articles".
	CellsCaption string
	// MaxParagraphs caps the paragraphs listed per cell (0 means
	// DefaultMaxParagraphs); the rest are counted in "and N more".
	MaxParagraphs int

	Record Record
}

// DefaultMaxParagraphs is the number of paragraphs listed per cell when
// Data.MaxParagraphs is 0.
const DefaultMaxParagraphs = 50

// MaxListedInputs is the number of inputs above which the run's record lists
// only the inputs that were not "processed" and counts the rest.
const MaxListedInputs = 500

// Chart is one chart with the numbers behind it.
type Chart struct {
	ID     string // short stable name, e.g. "frame-share-by-outlet"; used as an anchor when it is safe
	Title  string
	Method string // one line: what is plotted, interval, n
	SVG    []byte // the chart as SVG, embedded as an image
	Table  Table  // the chart's data
}

// Table is a table of preformatted cells. Rows shorter than the widest row (or
// the header) are padded with empty cells.
type Table struct {
	ID      string // short stable name; an anchor in HTML, a \label in TeX, when it is safe
	Caption string
	Header  []string
	Rows    [][]string
	Note    string // shown under the table: sources, abbreviations, tests
}

// Frame names a codebook frame.
type Frame struct {
	ID    string // as in Cell.Frame, e.g. "muslim_unity"
	Label string // e.g. "Unity of Muslims and the Muslim world"
}

// Cell is one outlet × frame figure with the paragraphs behind it.
type Cell struct {
	Source     string // outlet
	Frame      string // frame ID from the codebook
	Value      string // the figure as shown, e.g. "0.42 [0.31, 0.55]"
	N          int    // paragraphs behind the figure
	Paragraphs []Evidence
	More       int // paragraphs behind the figure not in Paragraphs
	// Command shows how to list every paragraph when some are not listed;
	// empty means "framescope kwic -frame <Frame> -source <Source>", each
	// quoted for the shell when needed (add -run DIR in Command when the
	// run's folder is not out/).
	Command string
}

// Evidence is one paragraph behind a figure.
type Evidence struct {
	Doc        string // document ID or file name
	Para       int    // paragraph number within the document, from 1
	Text       string // the paragraph
	Highlights [][2]int
	// Highlights are half-open byte ranges [start, end) into Text to mark:
	// they may be unsorted or overlap; out-of-range parts are dropped and
	// ends falling inside a UTF-8 sequence are widened to whole runes.
	Terms []string // codebook terms that matched, as shown next to the paragraph
	Voice string
	Tone  string // formatted tone score or label
}

// Record is the run's record: what was read and what became of it.
type Record struct {
	Inputs []Input
	Counts [][2]string // label, value; e.g. {"articles", "5"}
	// OmittedProcessed counts the "processed" inputs left out of Inputs: a
	// caller with more than MaxListedInputs inputs may leave them out, as
	// the report would not list them.
	OmittedProcessed int
}

// Input is one input file or record and its fate.
type Input struct {
	Path   string
	Line   int    // line within Path for records of a .jsonl or .csv file; 0 for a whole file
	Status string // "processed", "converted", "skipped", …
	Reason string // why it was converted or skipped
}

// cellKey identifies a cell of the outlet × frame matrix.
type cellKey struct{ source, frame string }

// validate reports the first inconsistency in d that would make the page
// ambiguous.
func (d *Data) validate() error {
	seen := make(map[cellKey]int, len(d.Cells))
	for i, c := range d.Cells {
		k := cellKey{c.Source, c.Frame}
		if j, ok := seen[k]; ok {
			return fmt.Errorf("report: cells %d and %d are both source %q, frame %q", j, i, c.Source, c.Frame)
		}
		seen[k] = i
		if c.N < 0 || c.More < 0 {
			return fmt.Errorf("report: cell %d (source %q, frame %q) has a negative count", i, c.Source, c.Frame)
		}
	}
	if d.MaxParagraphs < 0 {
		return fmt.Errorf("report: MaxParagraphs is %d", d.MaxParagraphs)
	}
	return nil
}

// safeID returns id when it is a plain identifier that can serve as an HTML
// id or TeX label (a letter, then letters, digits, '-', '_', '.', ':' up to 64
// bytes), and fallback otherwise.
func safeID(id, fallback string) string {
	if id == "" || len(id) > 64 {
		return fallback
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':'):
		default:
			return fallback
		}
	}
	return id
}

// isNumeric reports whether s reads as a number or an interval of numbers,
// such as "0.42", "−1.3", "12%", "0.42 [0.31, 0.55]" or "<0.001", so that
// its column can be right-aligned.
func isNumeric(s string) bool {
	digits := false
	for _, r := range s {
		switch {
		case '0' <= r && r <= '9':
			digits = true
		case r == '.' || r == ',' || r == ' ' || r == '-' || r == '+' || r == '%' || r == '[' || r == ']' ||
			r == '(' || r == ')' || r == '<' || r == '>' || r == '=' || r == '−' || r == '–' || r == '±' ||
			r == 'e' || r == 'E' || r == '\u00a0' || r == '\u2009' || r == '*':
		default:
			return false
		}
	}
	return digits
}

// numericColumns reports, per column, whether every non-empty body cell is
// numeric (and at least one is).
func numericColumns(rows [][]string, ncol int) []bool {
	num := make([]bool, ncol)
	for j := range num {
		any, all := false, true
		for _, row := range rows {
			if j >= len(row) || row[j] == "" || row[j] == "—" || row[j] == "-" || row[j] == "NA" {
				continue
			}
			any = true
			if !isNumeric(row[j]) {
				all = false
				break
			}
		}
		num[j] = any && all
	}
	return num
}

// width is the number of columns of t: the longest of its header and rows.
func (t *Table) width() int {
	n := len(t.Header)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	return n
}

// itoa is strconv.Itoa, short for templates.
func itoa(i int) string { return strconv.Itoa(i) }
