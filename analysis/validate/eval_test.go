package validate

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/golden"

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
	i := strings.Index(got, `, "role_f1": `)
	if i < 0 {
		t.Fatalf("no role_f1 key in %s", got)
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
	for name, m := range map[string]Measure{"role": rep.RoleAccuracy, "macro F1": rep.MacroF1, "tone r": rep.ToneR, "voice": rep.VoiceAccuracy} {
		if math.IsNaN(m.Lo) || math.IsNaN(m.Hi) || m.Lo > m.Hi || m.Lo < -1 || m.Hi > 1 {
			t.Errorf("%s: [%v, %v] is not an interval (value %v)", name, m.Lo, m.Hi, m.Value)
		}
	}
}

// named is an input with a name, as an *os.File has.
type named struct {
	io.Reader
	name string
}

func (n named) Name() string { return n.name }

func TestEvalFramesFromGoldHeader(t *testing.T) {
	gold := "unit,file,start,end,alpha,beta,tone,voice,role\n" +
		"g1,x.txt,0,10,1,0,1,quote,body\n" +
		"g2,x.txt,10,20,0,1,-1,outlet,body\n" +
		"g3,x.txt,20,30,0,0,0,outlet,headline\n" +
		"g4,y.txt,0,10,1,1,2,quote,body\n"
	run := "doc,start,end,role,voice,tone,alpha,beta\n" +
		"d/x.txt,0,20,body,quote,0.5,1,0\n" +
		"d/x.txt,20,30,headline,outlet,0,0,0\n" +
		"y.txt,0,10,body,outlet,1,0,1\n"
	rep, err := Eval(strings.NewReader(run), strings.NewReader(gold), 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	near := func(name string, got, want float64) {
		t.Helper()
		if math.IsNaN(want) != math.IsNaN(got) || math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	if len(rep.Frames) != 2 || rep.Frames[0].ID != "alpha" || rep.Frames[1].ID != "beta" {
		t.Fatalf("frames = %+v, want alpha, beta from the gold header", rep.Frames)
	}
	near("role accuracy", rep.RoleAccuracy.Value, 1)
	if len(rep.RoleF1) != 2 || rep.RoleF1[0].Role != "body" || rep.RoleF1[1].Role != "headline" {
		t.Errorf("role F1 for %+v, want body and headline", rep.RoleF1)
	} else {
		near("body role F1", rep.RoleF1[0].F1.Value, 1)
		near("headline role F1", rep.RoleF1[1].F1.Value, 1)
	}
	near("body F1", rep.BodyF1.Value, 1)
	near("alpha P", rep.Frames[0].P.Value, 1)
	near("alpha R", rep.Frames[0].R.Value, 0.5)
	near("alpha F1", rep.Frames[0].F1.Value, 2.0/3)
	near("alpha unit F1", rep.Frames[0].UnitF1.Value, 0.5)
	near("beta F1", rep.Frames[1].F1.Value, 2.0/3)
	near("beta unit F1", rep.Frames[1].UnitF1.Value, 2.0/3)
	near("macro F1", rep.MacroF1.Value, 2.0/3)
	near("unit macro F1", rep.UnitMacroF1.Value, (0.5+2.0/3)/2)
	near("tone r (two pairs)", rep.ToneR.Value, math.NaN())
	near("voice accuracy", rep.VoiceAccuracy.Value, 0.5)
	near("voice coverage", rep.VoiceCoverage.Value, 1)
	if rep.ParagraphsScored != 2 || rep.Frames[0].GoldPos != 2 || rep.Frames[1].GoldPos != 2 {
		t.Errorf("scored %d, gold_pos %d %d; want 2, 2, 2", rep.ParagraphsScored, rep.Frames[0].GoldPos, rep.Frames[1].GoldPos)
	}
	if !math.IsNaN(rep.MacroF1.Lo) {
		t.Errorf("interval %v with 0 resamples, want NaN", rep.MacroF1.Lo)
	}
}

func TestEvalErrors(t *testing.T) {
	const gold = "unit,file,start,end,f,tone,voice,role\ng1,a.txt,0,10,1,1,quote,body\n"
	const run = "doc,start,end,role,voice,tone,f\n"
	tests := []struct {
		name      string
		run, gold string
		want      string
	}{
		{"gold lacks role", run, "unit,file,start,end,f,tone,voice\n", "gold.csv:1: missing column: role"},
		{"gold without frames", run, "unit,file,start,end,tone,voice,role\n", "gold.csv:1: no frame columns between end and tone"},
		{"gold without units", run, "unit,file,start,end,f,tone,voice,role\n", "gold.csv: no data rows"},
		{"gold empty", run, "", "gold.csv:1: empty file"},
		{"run without paragraphs", run, gold, "run.csv: no data rows"},
		{"gold bad start", run, gold + "g2,a.txt,x1,10,1,1,quote,body\n", `gold.csv:3: column "start": not a number: "x1" is not an integer`},
		{"gold short row", run, gold + "g2,a.txt,0\n", "gold.csv:3: wrong number of fields"},
		{"gold bad tone where used", run + "a.txt,0,10,body,quote,0.5,1\n", strings.Replace(gold, ",1,quote", ",high,quote", 1), `gold.csv:2: column "tone": not a number: "high"`},
		{"run lacks frame", "doc,start,end,role,voice,tone\n", gold, "run.csv:1: missing column: f"},
		{"run bad end", run + "a.txt,0,10,body,quote,0.5,1\na.txt,10,1.5,body,quote,0.5,1\n", gold, `run.csv:3: column "end": not a number: "1.5" is not an integer`},
		{"run duplicate column", "doc,start,end,role,voice,tone,f,f\n", gold, `run.csv:1: column "f": duplicate column`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Eval(named{strings.NewReader(tc.run), "run.csv"}, named{strings.NewReader(tc.gold), "gold.csv"}, 0, 1)
			var pe *ParseError
			if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.As(err, &pe) {
				t.Errorf("err = %v, want a ParseError containing %q", err, tc.want)
			}
		})
	}
	if _, err := Eval(strings.NewReader(run), strings.NewReader(gold), -1, 1); err == nil {
		t.Error("negative resamples accepted")
	}
}

func TestEvalBootstrapSeeded(t *testing.T) {
	gold := filepath.Join("testdata", "gold-small.csv")
	run := filepath.Join("testdata", "run-units.csv")
	var outs [3]string
	for i, seed := range []uint64{7, 7, 8} {
		pf, _ := os.Open(run)
		gf, _ := os.Open(gold)
		rep, err := Eval(pf, gf, 300, seed)
		pf.Close()
		gf.Close()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := rep.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		outs[i] = b.String()
		for _, m := range []Measure{rep.RoleAccuracy, rep.BodyF1, rep.MacroF1, rep.ToneR, rep.VoiceAccuracy, rep.VoiceCoverage} {
			if math.IsNaN(m.Lo) || m.Lo > m.Hi || m.Lo < -1 || m.Hi > 1 {
				t.Errorf("seed %d: interval [%v, %v] around %v", seed, m.Lo, m.Hi, m.Value)
			}
		}
	}
	if outs[0] != outs[1] {
		t.Errorf("same seed, different reports:\n%s\n%s", outs[0], outs[1])
	}
	if outs[0] == outs[2] {
		t.Errorf("seeds 7 and 8 gave the same intervals")
	}
}

func TestWriteText(t *testing.T) {
	rep := evalFiles(t, filepath.Join("testdata", "run-tricky.csv"), filepath.Join("testdata", "gold-small.csv"), 200)
	var b bytes.Buffer
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join("testdata", "golden", "run-tricky.txt"), b.Bytes())
}

// golden compares got with the file at path, rewriting it under -update and
// writing path.got on a mismatch.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	golden.Check(t, path, got, *update)
}

func TestIntervalHelpers(t *testing.T) {
	near := func(name string, got, want, tol float64) {
		t.Helper()
		if math.Abs(got-want) > tol {
			t.Errorf("%s = %.6f, want %.6f", name, got, want)
		}
	}
	near("Φ⁻¹(0.975)", normQuantile(0.975), 1.959964, 1e-6)
	near("Φ(1.959964)", normCDF(1.959964), 0.975, 1e-6)
	// sqrt(5/4)·t(0.975, 4) = 1.118034·2.776445
	near("zCrit(5)", zCrit(5), 3.104157, 1e-5)
	near("zCrit(1000)", zCrit(1000), 1.963323, 1e-5) // t(0.975, 999) = 1.962341
	xs := []float64{1, 2, 3, 4, 5}
	near("quantile 0", quantile(xs, 0), 1, 0)
	near("quantile 0.5", quantile(xs, 0.5), 3, 0)
	near("quantile 0.1", quantile(xs, 0.1), 1.4, 1e-12)
	near("quantile 1", quantile(xs, 1), 5, 0)

	// Symmetric resamples around theta with a symmetric jackknife: z0 = a = 0,
	// so BCa is the percentile interval at Φ(±z).
	sym := make([]float64, 0, 1001)
	for i := -500; i <= 500; i++ {
		sym = append(sym, float64(i)/500)
	}
	lo, hi, ok := bcaInterval(sym, 0, []float64{-1, 0, 1}, 1.959964)
	if !ok {
		t.Fatal("BCa refused symmetric data")
	}
	near("BCa lo", lo, quantile(sym, 0.025), 1e-6)
	near("BCa hi", hi, quantile(sym, 0.975), 1e-6)
	if _, _, ok := bcaInterval([]float64{1, 2, 3}, 0.5, nil, 1.96); ok {
		t.Error("BCa with every resample above theta should fall back")
	}
}

func TestParseFloat(t *testing.T) {
	tests := []struct {
		in   string
		want float64 // NaN for NaN
		ok   bool
	}{
		{"0.5", 0.5, true},
		{" -1.25 ", -1.25, true},
		{"nan", math.NaN(), true},
		{"NaN", math.NaN(), true},
		{"inf", math.Inf(1), true},
		{"-Infinity", math.Inf(-1), true},
		{"1e400", math.Inf(1), true},
		{"", 0, false},
		{"high", 0, false},
		{"0x1p-2", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := parseFloat(tc.in)
			if ok != tc.ok || (ok && !(got == tc.want || math.IsNaN(got) && math.IsNaN(tc.want))) {
				t.Errorf("parseFloat(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}
