package ingest

import (
	"fmt"
	"io"
	"path"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// manifestName is the manifest's file name at a folder's root.
const manifestName = "manifest.csv"

// manifestRow is one file named by the manifest. Its metadata is read again
// from the manifest when the file is reached (at holds the file), so that a
// row costs memory for its path and position only; a manifest whose bytes are
// not its text (UTF-16) keeps each row's metadata instead.
type manifestRow struct {
	file string // the file, relative to the folder, slash-separated and clean
	line int
	off  int64 // where the row starts in the manifest file
	size int64
	meta *Meta // held metadata, when the manifest cannot be read again
	used bool  // the walk read the file
}

// manifest is a folder's manifest.csv: every row's path and position.
type manifest struct {
	rows  map[string]*manifestRow
	order []*manifestRow
	at    io.ReaderAt // the manifest file, for reading rows again; nil when rows hold their metadata
	cols  columns
	comma byte
}

// meta returns the metadata of a row, reading it again from the file when
// the row does not hold it.
func (m *manifest) meta(row *manifestRow) (Meta, error) {
	if row.meta != nil {
		return *row.meta, nil
	}
	raw := make([]byte, row.size)
	if n, err := m.at.ReadAt(raw, row.off); n < len(raw) {
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return Meta{}, err
	}
	text, _, _ := decodeRecord(raw)
	fields, err := parseRecord(text, m.comma)
	if err != nil {
		return Meta{}, err
	}
	return m.rowMeta(fields), nil
}

// rowMeta makes the metadata of a parsed row (a bad date is left empty; it
// was reported when the manifest was first read).
func (m *manifest) rowMeta(fields []string) Meta {
	var meta Meta
	setMeta(&meta, FromManifest, func(f string) (string, bool) { return m.cols.get(fields, f) })
	meta.Extra = m.cols.extras(fields)
	return meta
}

// parseManifest reads a manifest. Problems with single rows are recorded on r
// as statuses of the manifest with their line; the rows that can be used are
// kept. It returns the manifest (empty when unusable) and a summary for the
// manifest file's own status. The header's file column is required; source,
// date, url and title are optional; other columns become Extra fields.
//
// When in is also an io.ReaderAt (an *os.File) and the manifest is UTF-8, the
// rows' metadata is not held but read again as each file is reached.
func parseManifest(r *Reader, in io.Reader) (*manifest, string, string) {
	m := &manifest{rows: map[string]*manifestRow{}, comma: ','}
	stream := textReader(in)
	note := stream.note
	if at, ok := in.(io.ReaderAt); ok && !stream.transcoded {
		m.at = io.NewSectionReader(at, stream.prefix, 1<<62)
	}
	sp := newRecordSplitter(stream, r.opt.MaxArticleBytes)
	warn := func(line int, size int64, reason string) {
		r.record(Status{Path: manifestName, Line: line, Status: StatusWarning, Reason: reason, Bytes: size})
	}
	var cols columns
	info := ""
	haveHeader := false
	problems := 0
	for {
		rec, err := sp.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			warn(rec.line, rec.size, "cannot read the rest of the manifest: "+err.Error())
			problems++
			break
		}
		if rec.over {
			warn(rec.line, rec.size, fmt.Sprintf("row of %d bytes, over the limit of %d bytes: row ignored", rec.size, r.opt.MaxArticleBytes))
			problems++
			continue
		}
		raw, _, notes := decodeRecord(rec.raw)
		comma := sp.comma
		if !haveHeader {
			comma = sniffDelimiter(raw)
		}
		row, err := parseRecord(raw, comma)
		if err != nil {
			line, msg := parseErrorLine(rec, err)
			if rec.unclosed {
				msg = "unclosed quote: the rest of the manifest could not be read"
			}
			warn(line, rec.size, msg+": row ignored")
			problems++
			continue
		}
		if row == nil {
			continue // a blank line
		}
		if !haveHeader {
			haveHeader = true
			sp.comma, m.comma = comma, comma
			if comma != ',' {
				info = delimiterNote(comma) + "; "
			}
			cols = newColumns(row, []string{"file", "source", "date", "url", "title"})
			m.cols = cols
			if _, ok := cols.index["file"]; !ok {
				return m, StatusWarning, fmt.Sprintf("manifest has no file column (header %q): manifest not used", strings.Join(row, ","))
			}
			continue
		}
		var reasons []string
		reasons = append(reasons, notes...)
		if len(row) != len(cols.names) {
			reasons = append(reasons, fmt.Sprintf("row has %d fields, the header %d", len(row), len(cols.names)))
		}
		file, _ := cols.get(row, "file")
		clean := cleanManifestPath(file)
		if clean == "" {
			warn(rec.line, rec.size, strings.Join(append(reasons, fmt.Sprintf("file %q is not a path inside the folder: row ignored", file)), "; "))
			problems++
			continue
		}
		if first, dup := m.rows[manifestKey(clean)]; dup {
			warn(rec.line, rec.size, strings.Join(append(reasons, fmt.Sprintf("duplicate row for %s (first at line %d, which is used): row ignored", clean, first.line)), "; "))
			problems++
			continue
		}
		// Clone the path: as a substring of the parsed record it would keep
		// the whole row in memory.
		mr := &manifestRow{file: strings.Clone(clean), line: rec.line, off: rec.start, size: rec.size}
		if w := setMeta(&Meta{}, FromManifest, func(f string) (string, bool) { return cols.get(row, f) }); w != "" {
			reasons = append(reasons, w)
		}
		if m.at == nil {
			meta := m.rowMeta(row)
			mr.meta = &meta
		}
		m.rows[manifestKey(mr.file)] = mr
		m.order = append(m.order, mr)
		if len(reasons) > 0 {
			warn(rec.line, rec.size, strings.Join(reasons, "; "))
			problems++
		}
	}
	if !haveHeader {
		return m, StatusWarning, "manifest is empty"
	}
	summary := fmt.Sprintf("%smanifest: %d rows", info, len(m.order))
	if problems > 0 {
		summary += fmt.Sprintf(", %d with problems (see their lines)", problems)
	}
	if note != "" {
		return m, StatusConverted, note + "; " + summary
	}
	return m, StatusRead, summary
}

// cleanManifestPath makes a manifest's file cell a clean slash-separated path
// relative to the folder, or "" when it is empty or leaves the folder.
// Backslashes are taken as separators (manifests written on Windows).
func cleanManifestPath(file string) string {
	file = strings.TrimSpace(strings.ReplaceAll(file, `\`, "/"))
	if file == "" {
		return ""
	}
	p := path.Clean(file)
	if path.IsAbs(p) || p == "." || p == ".." || strings.HasPrefix(p, "../") {
		return ""
	}
	return p
}

// manifestKey is the key a path is looked up by: its NFC form, so that a
// manifest written with composed letters finds files whose names a file
// system (macOS) stores decomposed, and the other way round.
func manifestKey(p string) string {
	if norm.NFC.IsNormalString(p) {
		return p
	}
	return norm.NFC.String(p)
}
