//go:build linux

package ingest

import (
	"io"
	"io/fs"
	"syscall"
)

// textFile is a .txt file open for reading with plain system calls: open,
// fstat, read, close. os.Open would also set and clear O_NONBLOCK and try to
// register the descriptor with the network poller: five more system calls per
// file, the costliest part of reading a corpus of small files. It is opened
// with O_NONBLOCK, so that a named pipe put in place of a listed file cannot
// block the run (its fstat then says it is not a regular file).
type textFile struct {
	fd   int
	path string
}

// dirFD is an open folder whose files are opened by name (openat), which
// spares the kernel looking up every folder of their path again; -1 when the
// folder could not be opened (its files are then opened by path).
type dirFD int

func openDir(path string) dirFD {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_DIRECTORY, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return -1
		}
		return dirFD(fd)
	}
}

func (d dirFD) close() {
	if d >= 0 {
		syscall.Close(int(d))
	}
}

// openText opens the file name of folder dir, whose path is path.
func openText(dir dirFD, name, path string) (*textFile, error) {
	for {
		var fd int
		var err error
		if dir >= 0 {
			fd, err = syscall.Openat(int(dir), name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		} else {
			fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		}
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: path, Err: err}
		}
		return &textFile{fd: fd, path: path}, nil
	}
}

// stat returns the file's size and type bits.
func (f *textFile) stat() (int64, fs.FileMode, error) {
	var st syscall.Stat_t
	for {
		err := syscall.Fstat(f.fd, &st)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, 0, &fs.PathError{Op: "stat", Path: f.path, Err: err}
		}
		return st.Size, fileType(st.Mode), nil
	}
}

// fileType is the fs.FileMode type bits of a stat mode, as os sets them.
func fileType(m uint32) fs.FileMode {
	switch m & syscall.S_IFMT {
	case syscall.S_IFBLK:
		return fs.ModeDevice
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	}
	return 0
}

// Read reads as os.File.Read does: io.EOF at the end.
func (f *textFile) Read(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	for {
		n, err := syscall.Read(f.fd, b)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, &fs.PathError{Op: "read", Path: f.path, Err: err}
		}
		if n == 0 {
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f *textFile) Close() error {
	if err := syscall.Close(f.fd); err != nil {
		return &fs.PathError{Op: "close", Path: f.path, Err: err}
	}
	return nil
}
