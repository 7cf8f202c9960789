// Package golden compares test output with golden files under testdata/, the
// one way every framescope package does it: -update rewrites the file, and a
// mismatch leaves the output beside it as FILE.got for a diff.
package golden

import (
	"bytes"
	"os"
	"testing"
)

// Check compares got with the file at path. With update it writes got there
// instead. On a mismatch it writes path.got and reports an error.
func Check(tb testing.TB, path string, got []byte, update bool) {
	tb.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
		return
	}
	if !bytes.Equal(got, want) {
		if err := os.WriteFile(path+".got", got, 0o644); err != nil {
			tb.Fatal(err)
		}
		tb.Errorf("%s differs from the golden file; see %s.got (go test -update accepts it)", path, path)
	}
}
