//go:build unix

package ingest

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestSpecialFiles checks inputs a folder can hold besides files and folders:
// a named pipe (reading it would block forever) and symlinks that point at
// each other.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, l := range [][2]string{{"a.txt", "b.txt"}, {"b.txt", "a.txt"}, {"pipe-link.txt", "pipe.txt"}} {
		if err := os.Symlink(l[1], filepath.Join(dir, l[0])); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, dir, "dir.txt/inside.txt", []byte("A folder named like a file."))
	arts, sts, err := readAll(t, dir, Options{})
	if err != nil || len(arts) != 1 || arts[0].Doc != "dir.txt/inside.txt" {
		t.Fatalf("articles %v, err %v", arts, err)
	}
	checkStatuses(t, sts, []statusCase{
		{"symlink cycle a", "a.txt", 0, StatusSkipped, "broken symlink"},
		{"symlink cycle b", "b.txt", 0, StatusSkipped, "broken symlink"},
		{"folder named .txt", "dir.txt/inside.txt", 0, StatusRead, ""},
		{"named pipe", "pipe.txt", 0, StatusSkipped, "not a regular file"},
		{"symlink to a named pipe", "pipe-link.txt", 0, StatusSkipped, "not a regular file"},
	})
}
