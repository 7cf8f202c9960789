package validate

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/evaldata"
)

var differential = flag.Int("differential", 0, "random run/gold pairs to score with both Eval and score_run.py (needs python3; 0 skips: the golden JSON files cover the fixtures)")

// randomCase writes a random gold file and run with the cases that trip a
// scorer: overlapping and tied paragraphs, units outside every paragraph,
// folders and backslashes in doc paths, NaN, empty and odd tones, voices
// other than quote/outlet, frame values other than 0/1.
func randomCase(rng *rand.Rand) (run, gold string) {
	frames := []string{"us_israel_threat", "muslim_unity", "border_security"}
	roles := []string{"body", "body", "body", "headline", "boilerplate", "comment"}
	var g, r strings.Builder
	g.WriteString("unit,file,start,end," + strings.Join(frames, ",") + ",tone,voice,role\n")
	r.WriteString("doc,source,date,year,para,start,end,role,voice,tone")
	for _, f := range frames {
		r.WriteString("," + f + "," + f + "_score")
	}
	r.WriteString(",terms\n")
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	bit := func(p float64) string {
		if rng.Float64() < p {
			return "1"
		}
		return "0"
	}
	ndocs := 1 + rng.IntN(5)
	for d := range ndocs {
		file := fmt.Sprintf("doc%d.txt", d)
		// Gold units tile [0, end) with random lengths.
		pos := 0
		for u := range 2 + rng.IntN(8) {
			l := 1 + rng.IntN(60)
			fmt.Fprintf(&g, "u%d-%d,%s,%d,%d", d, u, file, pos, pos+l)
			for range frames {
				g.WriteString("," + bit(0.3))
			}
			fmt.Fprintf(&g, ",%.2f,%s,%s\n", float64(rng.IntN(9)-4)/2, pick("quote", "outlet"), pick(roles...))
			pos += l + rng.IntN(3)
		}
		if rng.IntN(6) == 0 {
			continue // a gold file the run never saw
		}
		doc := pick("", "corpus/", "a/b/", `win\dir\`) + file
		ppos := rng.IntN(10)
		for p := range 1 + rng.IntN(6) {
			l := 1 + rng.IntN(120)
			start := ppos
			if rng.IntN(8) == 0 && ppos > 20 {
				start -= rng.IntN(20) // overlapping paragraphs
			}
			fmt.Fprintf(&r, "%s,S,2020-01-01,2020,%d,%d,%d,%s,%s,%s", doc, p, start, start+l, pick(roles...),
				pick("quote", "outlet", "mixed", ""), pick(fmt.Sprintf("%.3f", rng.Float64()*2-1), fmt.Sprintf("%.1f", rng.Float64()), "", "NaN", "nan", " 0.25"))
			for range frames {
				fmt.Fprintf(&r, ",%s,0.5", pick(bit(0.4), bit(0.4), bit(0.4), "1.0", ""))
			}
			r.WriteString(",\n")
			ppos += l + rng.IntN(15)
		}
	}
	return r.String(), g.String()
}

// TestEvalDifferential scores random run/gold pairs with Eval and with
// score_run.py and requires the same figures to the third decimal (the same
// JSON text). It needs python3 and the shared score_run.py; -differential N
// sets the number of pairs:
//
//	go test -run TestEvalDifferential -differential 400 ./analysis/validate/
func TestEvalDifferential(t *testing.T) {
	if *differential == 0 {
		t.Skip("run with -differential N (400 agreed on 2026-11-23)")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	script := evaldata.Path(t, "eval/score_run.py")
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(2026, 11))
	for i := range *differential {
		run, gold := randomCase(rng)
		rp, gp := filepath.Join(dir, "run.csv"), filepath.Join(dir, "gold.csv")
		if err := os.WriteFile(rp, []byte(run), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(gp, []byte(gold), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(py, script, rp, gp, "--json")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, pyErr := cmd.Output()
		rep, err := Eval(strings.NewReader(run), strings.NewReader(gold), 0, 1)
		if (err != nil) != (pyErr != nil) {
			t.Fatalf("case %d: Eval: %v; score_run.py: %v %s\nrun:\n%s", i, err, pyErr, stderr.String(), run)
		}
		if err != nil {
			continue // both refuse it
		}
		var b bytes.Buffer
		if err := rep.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		for _, rs := range rep.RoleF1 {
			if rs.Role == "body" && rs.F1.Value != rep.BodyF1.Value {
				t.Errorf("case %d: role_f1 body %v != body_f1 %v", i, rs.F1.Value, rep.BodyF1.Value)
			}
		}
		got := b.String()
		got = got[:strings.Index(got, `, "role_f1": `)] + "}"
		want := strings.ReplaceAll(strings.TrimSpace(string(out)), "NaN", "null")
		if got != want {
			t.Errorf("case %d disagrees\n got: %s\nwant: %s\nrun:\n%s\ngold:\n%s", i, got, want, run, gold)
		}
	}
}
