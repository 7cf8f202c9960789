package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// sink writes a file from a goroutine of its own and hashes the bytes on their
// way out. The goroutine that fills a table (the collector) then neither waits
// on write calls nor hashes its bytes, and run.json need not read a gigabyte of
// tables back from disk to list their SHA-256: the sink records each file's
// size and hash in the run's outputLog when it is closed.
//
// A sink is written by one goroutine. Writes are copied into one of a few
// buffers, so a slow disk holds the writer back rather than letting memory
// grow.
type sink struct {
	name string // relative to the output folder, slash-separated
	f    *os.File
	log  *outputLog

	full chan []byte // buffers to hash and write, in order
	free chan []byte // buffers to fill
	done chan struct{}

	// Used by the draining goroutine; read by Close after done.
	h hash.Hash
	n int64

	mu  sync.Mutex
	err error // the first write error
}

// sinkBuffers bounds the bytes in flight per file: writes beyond it wait.
const sinkBuffers = 4

func newSink(dir, name string, log *outputLog) (*sink, error) {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	s := &sink{name: filepath.ToSlash(name), f: f, log: log, h: sha256.New(),
		full: make(chan []byte, sinkBuffers), free: make(chan []byte, sinkBuffers), done: make(chan struct{})}
	for range sinkBuffers {
		s.free <- nil
	}
	go s.drain()
	return s, nil
}

func (s *sink) drain() {
	defer close(s.done)
	var err error
	for b := range s.full {
		if err == nil {
			s.h.Write(b)
			var n int
			n, err = s.f.Write(b)
			s.n += int64(n)
			if err != nil {
				s.mu.Lock()
				s.err = err
				s.mu.Unlock()
			}
		}
		s.free <- b[:0]
	}
}

func (s *sink) failed() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Write queues a copy of p. An error from an earlier write is returned by a
// later Write or by Close.
func (s *sink) Write(p []byte) (int, error) {
	b := <-s.free
	if err := s.failed(); err != nil {
		s.free <- b
		return 0, err
	}
	s.full <- append(b, p...)
	return len(p), nil
}

// Close waits for the queued bytes, closes the file and records it in the log.
func (s *sink) Close() error {
	close(s.full)
	<-s.done
	err := s.failed()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		s.log.add(OutputFile{Name: s.name, Bytes: s.n, SHA256: hex.EncodeToString(s.h.Sum(nil))})
	}
	return err
}

// outputLog holds the size and SHA-256 of the files a run wrote through sinks
// (or whose bytes it hashed itself), keyed by name under the output folder.
type outputLog struct {
	mu    sync.Mutex
	files map[string]OutputFile
}

func (l *outputLog) add(f OutputFile) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.files == nil {
		l.files = map[string]OutputFile{}
	}
	l.files[f.Name] = f
}

// addBytes records a file written from b in one piece.
func (l *outputLog) addBytes(name string, b []byte) {
	sum := sha256.Sum256(b)
	l.add(OutputFile{Name: filepath.ToSlash(name), Bytes: int64(len(b)), SHA256: hex.EncodeToString(sum[:])})
}

// list returns every file under dir, sorted by name, with its size and
// SHA-256: from the log where the run recorded it, read from disk otherwise.
func (l *outputLog) list(dir string) ([]OutputFile, error) {
	var out []OutputFile
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		l.mu.Lock()
		f, ok := l.files[rel]
		l.mu.Unlock()
		if !ok {
			if f, err = hashFile(p, rel); err != nil {
				return err
			}
		}
		out = append(out, f)
		return nil
	})
	slices.SortFunc(out, func(a, b OutputFile) int { return strings.Compare(a.Name, b.Name) })
	return out, err
}

func hashFile(path, name string) (OutputFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return OutputFile{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return OutputFile{}, err
	}
	return OutputFile{Name: name, Bytes: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}
