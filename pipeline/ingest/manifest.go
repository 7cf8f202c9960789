package ingest

import (
	"fmt"
	"hash/fnv"
	"io"
	"path"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// manifestName is the manifest's file name at a folder's root.
const manifestName = "manifest.csv"

// manifestRow is one file named by the manifest: where its row is, so that
// its metadata is read again from the manifest when the file is reached. A
// row costs 24 bytes and a slot in the index, not its path and metadata: a
// manifest of a million files stays small. A manifest whose bytes are not
// its text (UTF-16) cannot be read again; its rows' paths and metadata are
// held in manifest.held instead.
type manifestRow struct {
	off  int64 // where the row starts in the manifest file
	size int32
	line int32
	used bool // the walk read the file
}

// heldRow is a row's path and metadata, for a manifest that cannot be read
// again.
type heldRow struct {
	file string
	meta Meta
}

// manifest is a folder's manifest.csv: every row's position, and an index
// from the hash of each row's key (manifestKey of its path) to the row. The
// rare keys whose hash collides with an earlier row's are in overflow.
type manifest struct {
	rows     []manifestRow    // in manifest order
	held     []heldRow        // parallel to rows when at is nil
	index    map[uint64]int32 // key hash → row
	overflow map[string]int32
	at       io.ReaderAt // the manifest file, for reading rows again; nil when rows are held
	hash     func(string) uint64
	cols     columns
	comma    byte
}

// manifestHash is the hash of the manifest's index (tests make it collide).
var manifestHash = keyHash

func keyHash(key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()
}

// fields reads row i again and returns its parsed fields.
func (m *manifest) fields(i int) ([]string, error) {
	row := m.rows[i]
	raw := make([]byte, row.size)
	if n, err := m.at.ReadAt(raw, row.off); n < len(raw) {
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	text, _, _ := decodeRecord(raw)
	return parseRecord(text, m.comma)
}

// file returns row i's path, read again from the manifest when not held.
func (m *manifest) file(i int) (string, error) {
	file, _, err := m.row(i)
	return file, err
}

// add indexes row i under key. It returns the row already there, or -1.
func (m *manifest) add(key string, i int) int {
	if j, ok := m.overflow[key]; ok {
		return int(j)
	}
	h := m.hash(key)
	j, ok := m.index[h]
	if !ok {
		m.index[h] = int32(i)
		return -1
	}
	if f, err := m.file(int(j)); err == nil && manifestKey(f) == key {
		return int(j)
	}
	if m.overflow == nil {
		m.overflow = map[string]int32{}
	}
	m.overflow[key] = int32(i)
	return -1
}

// find returns the unused row for key, marking it used, with its metadata;
// i is -1 when the manifest has no such row. err says that the row could
// not be read again (its metadata is then empty).
func (m *manifest) find(key string) (i int, meta Meta, err error) {
	if j, ok := m.overflow[key]; ok {
		i = int(j)
	} else if j, ok := m.index[m.hash(key)]; ok {
		i = int(j)
	} else {
		return -1, Meta{}, nil
	}
	if m.rows[i].used {
		return -1, Meta{}, nil
	}
	file, meta, err := m.row(i)
	if err == nil && manifestKey(file) != key {
		return -1, Meta{}, nil // a hash collision with a key the manifest lacks
	}
	m.rows[i].used = true
	return i, meta, err
}

// row returns row i's path and metadata, read again from the manifest when
// they are not held.
func (m *manifest) row(i int) (file string, meta Meta, err error) {
	if m.held != nil {
		return m.held[i].file, m.held[i].meta, nil
	}
	fields, err := m.fields(i)
	if err != nil {
		return "", Meta{}, err
	}
	file, _ = m.cols.get(fields, "file")
	return cleanManifestPath(file), m.rowMeta(fields), nil
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
	m := &manifest{index: map[uint64]int32{}, hash: manifestHash, comma: ','}
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
		if w := setMeta(&Meta{}, FromManifest, func(f string) (string, bool) { return cols.get(row, f) }); w != "" {
			reasons = append(reasons, w)
		}
		m.rows = append(m.rows, manifestRow{off: rec.start, size: int32(rec.size), line: int32(rec.line)})
		if m.at == nil {
			// Clone the path: as a substring of the parsed record it would
			// keep the whole row in memory.
			m.held = append(m.held, heldRow{file: strings.Clone(clean), meta: m.rowMeta(row)})
		}
		if first := m.add(manifestKey(clean), len(m.rows)-1); first >= 0 {
			m.rows = m.rows[:len(m.rows)-1]
			if m.held != nil {
				m.held = m.held[:len(m.held)-1]
			}
			warn(rec.line, rec.size, strings.Join(append(reasons, fmt.Sprintf("duplicate row for %s (first at line %d, which is used): row ignored", clean, m.rows[first].line)), "; "))
			problems++
			continue
		}
		if len(reasons) > 0 {
			warn(rec.line, rec.size, strings.Join(reasons, "; "))
			problems++
		}
	}
	if !haveHeader {
		return m, StatusWarning, "manifest is empty"
	}
	m.rows = append([]manifestRow(nil), m.rows...) // its exact size: it lives as long as the scan
	summary := fmt.Sprintf("%smanifest: %d rows", info, len(m.rows))
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
