package tone

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/golden"

	"github.com/framescope/framescope/analysis/token"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

type devRow struct {
	label         int
	mention, text string
}

// readDev reads "label<TAB>[mention<TAB>]text" lines; # starts a comment.
func readDev(t *testing.T, name string, fields int) []devRow {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var rows []devRow
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != fields {
			t.Fatalf("%s:%d: want %d tab-separated fields", name, line, fields)
		}
		l, err := strconv.Atoi(f[0])
		if err != nil {
			t.Fatalf("%s:%d: %v", name, line, err)
		}
		r := devRow{label: l, text: f[len(f)-1]}
		if fields == 3 {
			r.mention = f[1]
			if !strings.Contains(r.text, r.mention) {
				t.Fatalf("%s:%d: mention %q not in the sentence", name, line, r.mention)
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// TestDevSet scores framescope's own dev sets (testdata/devset-*.tsv, written
// for this package, never fitted on) and checks every score against
// testdata/devset.golden (refresh with -update), and the 3-class macro F1 of
// each scorer against floors just below what was measured.
func TestDevSet(t *testing.T) {
	var out strings.Builder
	f1 := map[string]float64{}
	tone := readDev(t, "devset-tone.tsv", 2)
	gold := make([]int, len(tone))
	for i, r := range tone {
		gold[i] = r.label
	}
	for _, s := range allScorers(t) {
		pred := make([]int, len(tone))
		for i, r := range tone {
			x := s.Score(r.text, token.All(r.text))
			pred[i] = class3(x)
			fmt.Fprintf(&out, "%s\t%+d\t%+.3f\t%.50s\n", s.Name(), r.label, x, r.text)
		}
		f1[s.Name()] = macroF1(gold, pred, classesPNZ)
	}
	targets := readDev(t, "devset-targets.tsv", 3)
	gold = make([]int, len(targets))
	pred := make([]int, len(targets))
	for i, r := range targets {
		toks := token.All(r.text)
		k := strings.Index(r.text, r.mention)
		x := Toward(r.text, toks, token.Span{Start: 0, End: len(r.text)}, k, k+len(r.mention))
		gold[i], pred[i] = r.label, class3(x)
		fmt.Fprintf(&out, "toward\t%+d\t%+.3f\t%s | %.50s\n", r.label, x, r.mention, r.text)
	}
	f1["toward"] = macroF1(gold, pred, classesPNZ)
	for _, n := range append(Names(), "toward") {
		fmt.Fprintf(&out, "macro F1\t%s\t%.3f\n", n, f1[n])
	}
	checkGolden(t, "devset.golden", out.String())

	floors := map[string]float64{"news": 0.75, "news1": 0.75, "newsvec": 0.84, "rules": 0.78, "vader": 0.78, "toward": 0.55}
	for n, f := range floors {
		if f1[n] < f {
			t.Errorf("%s: macro F1 %.3f on the own dev set, want at least %.2f", n, f1[n], f)
		}
	}
}

// golden compares got with testdata/name, rewriting it under -update and
// writing testdata/name.got on a mismatch.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), []byte(got), *update)
}
