package ingest

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// folder walks a folder depth-first in sorted order, one directory listing
// per level of the current path in memory.
type folder struct {
	root     string
	mfile    *os.File // the manifest, open while rows are read again from it
	stack    []dirFrame
	manifest *manifest
	dedup    map[uint64]int32 // textKey → the status of the first file with the text
	buf      []byte
	finished bool
}

type dirFrame struct {
	rel     string // slash-separated, "" for the root
	entries []fs.DirEntry
	i       int
	dir     dirFD // the folder, open, for opening its files by name
}

func openFolder(r *Reader, root string) (*folder, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	f := &folder{root: root, stack: []dirFrame{{entries: entries, dir: openDir(root)}}, dedup: map[uint64]int32{}}
	mpath := filepath.Join(root, manifestName)
	if fi, err := os.Stat(mpath); err == nil && fi.Mode().IsRegular() {
		file, err := os.Open(mpath)
		if err != nil {
			r.record(Status{Path: manifestName, Status: StatusWarning, Reason: "cannot read the manifest: " + err.Error(), Bytes: fi.Size()})
		} else {
			i := r.record(Status{Path: manifestName, Status: StatusRead, Bytes: fi.Size()})
			m, st, reason := parseManifest(r, file)
			r.update(i, Status{Path: manifestName, Status: st, Reason: reason, Bytes: fi.Size()})
			f.manifest = m
			if m.at != nil {
				f.mfile = file
			} else {
				_ = file.Close()
			}
		}
	}
	return f, nil
}

func (f *folder) close() error {
	for i := range f.stack {
		f.stack[i].dir.close()
	}
	f.stack = nil
	if f.mfile == nil {
		return nil
	}
	err := f.mfile.Close()
	f.mfile = nil
	return err
}

func (f *folder) next(r *Reader) (Article, bool) {
	for len(f.stack) > 0 {
		top := &f.stack[len(f.stack)-1]
		if top.i >= len(top.entries) {
			top.dir.close()
			f.stack = f.stack[:len(f.stack)-1]
			continue
		}
		e := top.entries[top.i]
		top.i++
		rel := path.Join(top.rel, e.Name())
		full := filepath.Join(f.root, filepath.FromSlash(rel))
		if rel == manifestName {
			continue // read by openFolder
		}
		isTxt := strings.EqualFold(path.Ext(rel), ".txt")
		var fi fs.FileInfo
		if e.Type()&fs.ModeSymlink != 0 {
			target, err := os.Stat(full)
			switch {
			case err != nil:
				if isTxt {
					r.record(Status{Path: rel, Status: StatusSkipped, Reason: "broken symlink: " + errText(err)})
				} else {
					r.record(Status{Path: rel, Status: StatusIgnored, Reason: "broken symlink, not a .txt file"})
				}
				continue
			case target.IsDir():
				r.record(Status{Path: rel, Status: StatusSkipped, Reason: "symlink to a folder (not followed)"})
				continue
			}
			fi = target
		} else if e.IsDir() {
			if strings.HasPrefix(e.Name(), ".") {
				r.record(Status{Path: rel, Status: StatusIgnored, Reason: "hidden folder"})
				continue
			}
			entries, err := os.ReadDir(full)
			if err != nil {
				reason := "unreadable folder: " + errText(err)
				if len(entries) > 0 {
					reason += fmt.Sprintf(" (the %d entries listed before the error are read)", len(entries))
				}
				r.record(Status{Path: rel, Status: StatusSkipped, Reason: reason})
				if len(entries) == 0 {
					continue
				}
			}
			f.stack = append(f.stack, dirFrame{rel: rel, entries: entries, dir: openDir(full)})
			continue
		}
		if !isTxt {
			r.record(Status{Path: rel, Status: StatusIgnored, Reason: notTxtReason(f.root, rel)})
			continue
		}
		// The folder listing's type bits say whether a file is regular
		// without a stat per file (the costliest system call of a run).
		mode := e.Type()
		if fi != nil {
			mode = fi.Mode().Type()
		}
		if !mode.IsRegular() {
			r.record(Status{Path: rel, Status: StatusSkipped, Reason: "not a regular file (" + mode.String() + ")"})
			continue
		}
		if a, ok := f.read(r, rel, full, top.dir, e.Name()); ok {
			return a, true
		}
	}
	if !f.finished {
		f.finished = true
		f.finishManifest(r)
		_ = f.close()
		// What only reading needed goes now, not when the caller has
		// finished with the Reader (its statuses outlive the scan).
		f.manifest, f.dedup, f.buf = nil, nil, nil
	}
	return Article{}, false
}

// read reads one .txt file, recording its status; ok when it is an article.
// The file is full, also name in the open folder dir.
func (f *folder) read(r *Reader, rel, full string, dir dirFD, name string) (Article, bool) {
	max := r.opt.MaxArticleBytes
	file, err := openText(dir, name, full)
	if err != nil {
		r.record(Status{Path: rel, Status: StatusSkipped, Reason: "cannot open: " + errText(err)})
		return Article{}, false
	}
	defer file.Close()
	size, typ, err := file.stat()
	if err != nil {
		r.record(Status{Path: rel, Status: StatusSkipped, Reason: "cannot stat: " + errText(err)})
		return Article{}, false
	}
	if !typ.IsRegular() { // replaced since it was listed
		r.record(Status{Path: rel, Status: StatusSkipped, Reason: "not a regular file (" + typ.String() + ")"})
		return Article{}, false
	}
	if size > max {
		r.record(Status{Path: rel, Status: StatusSkipped, Reason: tooBig(size, max), Bytes: size})
		return Article{}, false
	}
	// Read at most max+1 bytes: the file may have grown since it was listed.
	f.buf = f.buf[:0]
	if int64(cap(f.buf)) < size+1 {
		f.buf = make([]byte, 0, size+1)
	}
	for limit := max + 1; int64(len(f.buf)) < limit; {
		if len(f.buf) == cap(f.buf) {
			f.buf = slices.Grow(f.buf, 64<<10)
		}
		want := int(min(int64(cap(f.buf)-len(f.buf)), limit-int64(len(f.buf))))
		n, err := file.Read(f.buf[len(f.buf) : len(f.buf)+want])
		f.buf = f.buf[:len(f.buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			r.record(Status{Path: rel, Status: StatusSkipped, Reason: "read error: " + errText(err), Bytes: int64(len(f.buf))})
			return Article{}, false
		}
		if n < want && int64(len(f.buf)) >= size {
			break // a short read at or past the listed size is the end: spare the read that would say so
		}
	}
	n := int64(len(f.buf))
	if n > max {
		r.record(Status{Path: rel, Status: StatusSkipped, Reason: tooBig(n, max) + " (the file grew while being read)", Bytes: n})
		return Article{}, false
	}
	d := decodeBytes(f.buf)
	finishText(&d)
	if cap(f.buf) > 1<<20 {
		f.buf = nil // do not keep a large buffer for the next small file
	}
	a := Article{Doc: rel, Input: rel, Text: d.text, Encoding: d.encoding}
	var key uint64
	fresh := false
	if d.skip == "" {
		key = textKey(d.text)
		if first, dup := f.dedup[key]; dup {
			d.warns = append(d.warns, "duplicate of "+r.statuses.path(int(first))+" (same text; both kept)")
		} else {
			fresh = true
		}
	}
	if f.manifest != nil {
		i, meta, err := f.manifest.find(manifestKey(rel))
		if err != nil {
			row := f.manifest.rows[i]
			r.record(Status{Path: manifestName, Line: int(row.line), Status: StatusWarning, Bytes: int64(row.size),
				Reason: fmt.Sprintf("cannot read the row for %s again (did the manifest change?): %v; metadata left empty", rel, err)})
		}
		a.Meta = meta
	}
	st, reason := d.status()
	a.Status = r.record(Status{Path: rel, Status: st, Reason: reason, Bytes: n})
	if fresh {
		f.dedup[key] = int32(a.Status)
	}
	return a, d.skip == ""
}

// finishManifest records the manifest rows that named a file the walk did not
// read, in manifest order, saying why.
func (f *folder) finishManifest(r *Reader) {
	if f.manifest == nil {
		return
	}
	for i, row := range f.manifest.rows {
		if row.used {
			continue
		}
		file, err := f.manifest.file(i)
		if err != nil {
			r.record(Status{Path: manifestName, Line: int(row.line), Status: StatusWarning,
				Reason: fmt.Sprintf("cannot read the row again (did the manifest change?): %v", err)})
			continue
		}
		full := filepath.Join(f.root, filepath.FromSlash(file))
		var reason string
		fi, err := os.Stat(full)
		switch {
		case err != nil:
			reason = "manifest names a missing file: " + file
		case fi.IsDir():
			reason = "manifest names a folder, not a .txt file: " + file
		case !strings.EqualFold(path.Ext(file), ".txt"):
			reason = "manifest names a file that is not a .txt file: " + file
		default:
			reason = "manifest names a file that was not read (see its own status): " + file
		}
		r.record(Status{Path: manifestName, Line: int(row.line), Status: StatusWarning, Reason: reason})
	}
}

func tooBig(size, max int64) string {
	return fmt.Sprintf("%d bytes, over the limit of %d bytes (MaxArticleBytes)", size, max)
}

// errText is an error's message without the path, which the status names.
func errText(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// textKey is the key duplicate texts are found by (a folder remembers the
// status of the first file with each key, a JSONL or CSV file the first
// article's name): 64 bits of the text's SHA-256. Two different texts share one with odds of about 1 in 10^9 in a
// corpus of ten million; they would be reported as duplicates (and both
// kept, as every duplicate is).
func textKey(text string) uint64 {
	k := keyHashers.Get().(*keyHasher)
	defer keyHashers.Put(k)
	k.h.Reset()
	// in pieces through a kept buffer: []byte(text) would copy every
	// article's text once more
	for len(text) > 0 {
		n := copy(k.buf, text)
		k.h.Write(k.buf[:n])
		text = text[n:]
	}
	k.sum = k.h.Sum(k.sum[:0])
	return binary.LittleEndian.Uint64(k.sum[:8])
}

// keyHasher is textKey's SHA-256 and buffers, kept between calls.
type keyHasher struct {
	h        hash.Hash
	buf, sum []byte
}

var keyHashers = sync.Pool{New: func() any {
	return &keyHasher{h: sha256.New(), buf: make([]byte, 16<<10), sum: make([]byte, 0, sha256.Size)}
}}

// notTxtReason says why the file rel below the input folder root is not
// read, and for a corpus file that would be read on its own (a manifest below
// the top folder, a JSONL or CSV export) the -in that reads it.
func notTxtReason(root, rel string) string {
	name := path.Base(rel)
	switch {
	case strings.EqualFold(name, manifestName):
		return "not a .txt file: a manifest is read only from the input folder itself; to use this one, run with -in " + filepath.Join(root, filepath.FromSlash(path.Dir(rel)))
	case strings.EqualFold(path.Ext(name), ".jsonl"), strings.EqualFold(path.Ext(name), ".csv"):
		return "not a .txt file: a " + strings.ToUpper(strings.TrimPrefix(path.Ext(name), ".")) + " corpus is read when -in names it: -in " + filepath.Join(root, filepath.FromSlash(rel))
	}
	return "not a .txt file"
}
