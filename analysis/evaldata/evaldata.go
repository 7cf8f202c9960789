// Package evaldata finds the shared gold data (../shared beside the project's
// root) for tests that measure framescope against people.
//
// A user's clone has no ../shared: tests that need it skip with a message that
// says so. CI sets FRAMESCOPE_REQUIRE_SHARED=1, which turns that skip into a
// failure, so a missing gold file can never pass unnoticed there.
// FRAMESCOPE_SHARED overrides where the shared folder is.
package evaldata

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// RequireEnv is the variable that turns a missing shared file into a failure.
const RequireEnv = "FRAMESCOPE_REQUIRE_SHARED"

// Dir returns the shared folder: $FRAMESCOPE_SHARED, or ../shared beside the
// module's root.
func Dir() string {
	if d := os.Getenv("FRAMESCOPE_SHARED"); d != "" {
		return d
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return filepath.Join("..", "shared")
	}
	// file is <root>/analysis/evaldata/evaldata.go
	root := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	return filepath.Join(filepath.Dir(root), "shared")
}

// Path returns the path of rel (e.g. "eval/frames-seeds-gold.csv") inside the
// shared folder. When it does not exist the test is skipped, or failed when
// FRAMESCOPE_REQUIRE_SHARED is set.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Dir(), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		if os.Getenv(RequireEnv) != "" {
			tb.Fatalf("shared gold data %s is missing (%v) and %s is set", p, err, RequireEnv)
		}
		tb.Skipf("skipping: shared gold data %s not found (a clone without ../shared); set %s=1 to make this a failure", p, RequireEnv)
	}
	return p
}

// ReadCSV reads the shared CSV file rel (see Path) and returns its rows after
// the header, with the header's column indexes by name.
func ReadCSV(tb testing.TB, rel string) (col map[string]int, rows [][]string) {
	tb.Helper()
	p := Path(tb, rel)
	f, err := os.Open(p)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatalf("%s: %v", p, err)
	}
	if len(recs) == 0 {
		tb.Fatalf("%s: empty", p)
	}
	col = make(map[string]int, len(recs[0]))
	for i, h := range recs[0] {
		col[h] = i
	}
	return col, recs[1:]
}
