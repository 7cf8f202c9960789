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

// manifestRow is the metadata of one file named by the manifest.
type manifestRow struct {
	file string // the file, relative to the folder, slash-separated and clean
	line int
	meta Meta
	used bool // the walk read the file
}

// manifest is a folder's manifest.csv, held whole (one row per file).
type manifest struct {
	rows  map[string]*manifestRow
	order []*manifestRow
}

// parseManifest reads a manifest. Problems with single rows are recorded on r
// as statuses of the manifest with their line; the rows that can be used are
// kept. It returns the manifest (empty when unusable) and a summary for the
// manifest file's own status. The header's file column is required; source,
// date, url and title are optional; other columns become Extra fields.
func parseManifest(r *Reader, in io.Reader) (*manifest, string, string) {
	m := &manifest{rows: map[string]*manifestRow{}}
	stream, _, note := textReader(in)
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
			sp.comma = comma
			if comma != ',' {
				info = delimiterNote(comma) + "; "
			}
			cols = newColumns(row, []string{"file", "source", "date", "url", "title"})
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
		mr := &manifestRow{file: clean, line: rec.line}
		if w := setMeta(&mr.meta, FromManifest, func(f string) (string, bool) { return cols.get(row, f) }); w != "" {
			reasons = append(reasons, w)
		}
		mr.meta.Extra = cols.extras(row)
		m.rows[manifestKey(clean)] = mr
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
