package validate

import (
	"errors"
	"io"
	"os"
)

// EvalFiles is Eval on the files at paragraphsPath and goldPath; errors name them.
func EvalFiles(paragraphsPath, goldPath string, resamples int, seed uint64) (*Report, error) {
	pf, err := os.Open(paragraphsPath)
	if err != nil {
		return nil, err
	}
	defer pf.Close()
	gf, err := os.Open(goldPath)
	if err != nil {
		return nil, err
	}
	defer gf.Close()
	return Eval(pf, gf, resamples, seed)
}

// AgreeFiles is Agree on the coding sheets at paths, each named by its path
// (the coder of rows without a coder column).
func AgreeFiles(paths ...string) ([]Agreement, error) {
	var agr []Agreement
	err := withFiles(paths, func(rs []io.Reader) (err error) {
		agr, err = Agree(rs, paths)
		return err
	})
	return agr, err
}

// ConsensusFiles is Consensus on the coding sheets at paths, written to w.
func ConsensusFiles(w io.Writer, paths ...string) error {
	return withFiles(paths, func(rs []io.Reader) error { return Consensus(rs, paths, w) })
}

func withFiles(paths []string, f func([]io.Reader) error) error {
	var rs []io.Reader
	var errs []error
	for _, p := range paths {
		fh, err := os.Open(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		defer fh.Close()
		rs = append(rs, fh)
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	return f(rs)
}
