package validate

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/evaldata"
)

var update = flag.Bool("update", false, "rerun score_run.py (python3) and rewrite the golden files")

// scoreRunGolden returns score_run.py's --json line for (run, gold), from
// testdata/golden/name.json, regenerated with python3 under -update.
func scoreRunGolden(t *testing.T, name, run, gold string) string {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		script := evaldata.Path(t, "eval/score_run.py")
		py, err := exec.LookPath("python3")
		if err != nil {
			t.Fatalf("-update needs python3: %v", err)
		}
		out, err := exec.Command(py, script, run, gold, "--json").Output()
		if err != nil {
			t.Fatalf("score_run.py %s %s: %v", run, gold, err)
		}
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	return strings.TrimSpace(string(b))
}

func evalFiles(t *testing.T, run, gold string, resamples int) *Report {
	t.Helper()
	pf, err := os.Open(run)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	gf, err := os.Open(gold)
	if err != nil {
		t.Fatal(err)
	}
	defer gf.Close()
	rep, err := Eval(pf, gf, resamples, 1)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// checkAgainstScoreRun compares Eval's JSON with score_run.py's: the keys
// score_run.py writes must come first, in its order and with the same text
// (NaN, which is not JSON, written as null).
func checkAgainstScoreRun(t *testing.T, rep *Report, want string) {
	t.Helper()
	var buf bytes.Buffer
	if err := rep.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	var v map[string]any
	if err := json.Unmarshal([]byte(got), &v); err != nil {
		t.Fatalf("WriteJSON is not JSON: %v\n%s", err, got)
	}
	i := strings.Index(got, `, "docs": `)
	if i < 0 {
		t.Fatalf("no docs key in %s", got)
	}
	prefix := got[:i] + "}"
	want = strings.ReplaceAll(want, "NaN", "null")
	if prefix != want {
		t.Errorf("Eval disagrees with score_run.py\n got: %s\nwant: %s", prefix, want)
	}
}

func TestEvalAgreesWithScoreRun(t *testing.T) {
	gold := filepath.Join("testdata", "gold-small.csv")
	for _, name := range []string{"run-tricky", "run-units", "run-sparse"} {
		t.Run(name, func(t *testing.T) {
			run := filepath.Join("testdata", name+".csv")
			want := scoreRunGolden(t, name, run, gold)
			checkAgainstScoreRun(t, evalFiles(t, run, gold, 0), want)
		})
	}
}

func TestEvalSeedsGold(t *testing.T) {
	gold := evaldata.Path(t, "eval/frames-seeds-gold.csv")
	run := filepath.Join("testdata", "seeds-run.csv")
	want := scoreRunGolden(t, "seeds-run", run, gold)
	rep := evalFiles(t, run, gold, 200)
	checkAgainstScoreRun(t, rep, want)
	if rep.Docs != 5 {
		t.Errorf("Docs = %d, want the 5 seed files", rep.Docs)
	}
	for _, m := range []Measure{rep.RoleAccuracy, rep.MacroF1, rep.ToneR, rep.VoiceAccuracy} {
		if !(m.Lo <= m.Value+1e-9 || m.Hi >= m.Value-1e-9) || m.Lo > m.Hi {
			t.Errorf("interval [%v, %v] is not an interval around %v", m.Lo, m.Hi, m.Value)
		}
	}
}
