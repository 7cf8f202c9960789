//go:build !linux

package ingest

import (
	"io/fs"
	"os"
)

// textFile is a .txt file open for reading (see textfile_linux.go).
type textFile struct{ *os.File }

// dirFD stands for an open folder; files are opened by path here.
type dirFD struct{}

func openDir(string) dirFD { return dirFD{} }

func (dirFD) close() {}

// openText opens the file name of folder dir, whose path is path.
func openText(_ dirFD, _, path string) (*textFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return &textFile{f}, nil
}

// stat returns the file's size and type bits.
func (f *textFile) stat() (int64, fs.FileMode, error) {
	fi, err := f.Stat()
	if err != nil {
		return 0, 0, err
	}
	return fi.Size(), fi.Mode().Type(), nil
}
