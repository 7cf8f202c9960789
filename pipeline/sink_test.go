package pipeline

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

func TestSinkWritesHashesAndLogs(t *testing.T) {
	for _, tc := range []struct {
		name   string
		chunks []int // sizes of successive writes
		bufio  bool  // behind a bufio.Writer, as the pipeline writes
	}{
		{"empty", nil, false},
		{"one write", []int{10}, false},
		{"more writes than buffers", []int{1, 2, 3, 4, 5, 6, 7, 8, 9}, false},
		{"large writes", []int{1 << 20, 3, 1 << 17}, false},
		{"through bufio", []int{100, 70000, 1, 65536, 12345}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			var log outputLog
			s, err := newSink(dir, "t.csv", &log)
			if err != nil {
				t.Fatal(err)
			}
			var want []byte
			var w interface{ Write([]byte) (int, error) } = s
			bw := bufio.NewWriterSize(s, 1<<16)
			if tc.bufio {
				w = bw
			}
			for i, n := range tc.chunks {
				p := bytes.Repeat([]byte{byte('a' + i)}, n)
				want = append(want, p...)
				if k, err := w.Write(p); err != nil || k != n {
					t.Fatalf("write %d: %d, %v", i, k, err)
				}
			}
			if err := bw.Flush(); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join(dir, "t.csv"))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("file has %d bytes, want %d (or they differ)", len(got), len(want))
			}
			sum := sha256.Sum256(want)
			wantRec := OutputFile{Name: "t.csv", Bytes: int64(len(want)), SHA256: hex.EncodeToString(sum[:])}
			if rec := log.files["t.csv"]; rec != wantRec {
				t.Errorf("logged %+v, want %+v", rec, wantRec)
			}
		})
	}
}

// A write error (here a full disk) is returned by a later Write or by Close,
// and the file is not logged as written.
func TestSinkReportsWriteErrors(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("needs /dev/full")
	}
	var log outputLog
	s, err := newSink("/dev", "full", &log)
	if err != nil {
		t.Skip(err)
	}
	var werr error
	for range 2 * sinkBuffers {
		if _, werr = s.Write([]byte("x")); werr != nil {
			break
		}
	}
	cerr := s.Close()
	if !errors.Is(cerr, syscall.ENOSPC) {
		t.Errorf("Close: %v, want ENOSPC", cerr)
	}
	if werr != nil && !errors.Is(werr, syscall.ENOSPC) {
		t.Errorf("Write: %v, want nil or ENOSPC", werr)
	}
	if len(log.files) != 0 {
		t.Errorf("a failed file was logged: %v", log.files)
	}
}

// list takes logged files from the log and hashes the others from disk, so a
// file written outside the log is still listed with its true hash.
func TestOutputLogList(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"a.csv": "alpha", "charts/b.svg": "<svg/>", "c.txt": "not logged"}
	var log outputLog
	for name, body := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if name != "c.txt" {
			log.addBytes(name, []byte(body))
		}
	}
	got, err := log.list(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range got {
		names = append(names, f.Name)
		sum := sha256.Sum256([]byte(files[f.Name]))
		if f.SHA256 != hex.EncodeToString(sum[:]) || f.Bytes != int64(len(files[f.Name])) {
			t.Errorf("%s: %+v", f.Name, f)
		}
	}
	if want := []string{"a.csv", "c.txt", "charts/b.svg"}; !slices.Equal(names, want) {
		t.Errorf("names %v, want %v", names, want)
	}
}

func BenchmarkSink(b *testing.B) {
	dir := b.TempDir()
	chunk := bytes.Repeat([]byte("doc,source,2020,0.125\n"), 3000)
	b.SetBytes(int64(len(chunk)) * 64)
	b.ReportAllocs()
	for b.Loop() {
		var log outputLog
		s, err := newSink(dir, "bench.csv", &log)
		if err != nil {
			b.Fatal(err)
		}
		for range 64 {
			s.Write(chunk)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
