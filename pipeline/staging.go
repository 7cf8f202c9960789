package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// staging is the temporary folder a run writes into, beside its -out folder.
// Only commit puts it in place, so an interrupted or failed run (Ctrl-C,
// SIGTERM, kill -9, a full disk) leaves the previous -out complete and
// unchanged; a killed run leaves at most a hidden ".NAME.tmp-*" folder beside
// it, which the next run removes.
type staging struct {
	dir, out  string
	committed bool
}

func newStaging(out string) (*staging, error) {
	out = filepath.Clean(out)
	parent, base := filepath.Dir(out), filepath.Base(out)
	if base == "." || base == string(filepath.Separator) {
		return nil, fmt.Errorf("-out %q must name a folder", out)
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	if fi, err := os.Stat(out); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("-out %s exists and is not a folder", out)
	}
	removeStale(parent, base)
	dir, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	return &staging{dir: dir, out: out}, nil
}

// removeStale removes staging folders that a killed run left behind.
func removeStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() && (strings.HasPrefix(n, "."+base+".tmp-") || strings.HasPrefix(n, "."+base+".old-")) {
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}

// commit puts the staging folder in place of out: the old folder is first
// renamed aside, then the new one renamed in, then the old one removed.
func (s *staging) commit() error {
	old := ""
	if _, err := os.Stat(s.out); err == nil {
		base := filepath.Base(s.out)
		suffix := strings.TrimPrefix(filepath.Base(s.dir), "."+base+".tmp-")
		old = filepath.Join(filepath.Dir(s.out), "."+base+".old-"+suffix)
		if err := os.Rename(s.out, old); err != nil {
			return err
		}
	}
	if err := os.Rename(s.dir, s.out); err != nil {
		if old != "" {
			os.Rename(old, s.out)
		}
		return err
	}
	s.committed = true
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

func (s *staging) cleanup() {
	if !s.committed {
		os.RemoveAll(s.dir)
	}
}
