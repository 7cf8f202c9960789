package validate

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readTestdata(f *testing.F, name string) string {
	f.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		f.Fatal(err)
	}
	return string(b)
}

// FuzzEval feeds arbitrary paragraphs and gold files to Eval: it must not
// panic, and what it accepts must give measures in range and valid JSON.
func FuzzEval(f *testing.F) {
	gold := readTestdata(f, "gold-small.csv")
	for _, run := range []string{"run-tricky.csv", "run-units.csv", "run-sparse.csv"} {
		f.Add(readTestdata(f, run), gold)
	}
	f.Add("doc,start,end,role,voice,tone,f\na,0,5,body,quote,nan,1\n", "unit,file,start,end,f,tone,voice,role\nu,a,0,9,1,1,quote,body\n")
	f.Add("doc,start,end,role,voice,tone,f\n\"a\"b,0,5,body,,inf,1\n", "unit,file,start,end,f,tone,voice,role\nu,a,3,1,1,1,quote,body\n")
	f.Fuzz(func(t *testing.T, run, gold string) {
		rep, err := Eval(strings.NewReader(run), strings.NewReader(gold), 3, 1)
		if err != nil {
			return
		}
		if rep.UnmatchedUnits > rep.Units || rep.ParagraphsScored > rep.ParagraphsInRun {
			t.Errorf("counts: %+v", rep)
		}
		in01 := func(name string, m Measure) {
			for _, v := range []float64{m.Value, m.Lo, m.Hi} {
				if !math.IsNaN(v) && (v < -1e-9 || v > 1+1e-9) {
					t.Errorf("%s = %v outside [0, 1]", name, v)
				}
			}
		}
		in01("role", rep.RoleAccuracy)
		in01("body", rep.BodyF1)
		in01("macro", rep.MacroF1)
		in01("voice", rep.VoiceAccuracy)
		in01("coverage", rep.VoiceCoverage)
		for _, fr := range rep.Frames {
			in01(fr.ID, fr.F1)
			in01(fr.ID, fr.UnitF1)
		}
		var b bytes.Buffer
		if err := rep.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		if err := json.Unmarshal(b.Bytes(), &v); err != nil {
			t.Errorf("WriteJSON wrote invalid JSON: %v\n%s", err, b.String())
		}
		if err := rep.WriteText(io.Discard); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzAgree feeds an arbitrary coding sheet to Agree and Consensus, which
// must accept and refuse the same sheets.
func FuzzAgree(f *testing.F) {
	f.Add("unit,file,start,end,f1,tone,voice,role,coder\nu1,a,0,1,1,1,quote,body,ann\nu1,a,0,1,0,2,quote,body,bob\nu2,a,1,2,0,-1,outlet,body,ann\nu2,a,1,2,0,,outlet,body,bob\n")
	f.Add("unit,file,start,end,f1,f2,tone,voice,role\nu1,a,0,1,1,,0.5,Quote,BODY\n")
	f.Fuzz(func(t *testing.T, sheet string) {
		got, err := Agree([]io.Reader{strings.NewReader(sheet)}, []string{"sheet.csv"})
		var gold bytes.Buffer
		errC := Consensus([]io.Reader{strings.NewReader(sheet)}, []string{"sheet.csv"}, &gold)
		if (err == nil) != (errC == nil) {
			t.Fatalf("Agree: %v; Consensus: %v", err, errC)
		}
		if err != nil {
			return
		}
		recs, err := csv.NewReader(&gold).ReadAll()
		if err != nil || len(recs) < 1 {
			t.Fatalf("consensus is not CSV: %v", err)
		}
		for _, a := range got {
			if a.Alpha > 1+1e-9 || a.Kappa > 1+1e-9 || a.Units < 0 || a.Coders < 0 {
				t.Errorf("%+v", a)
			}
			if a.Coders != 2 && !math.IsNaN(a.Kappa) {
				t.Errorf("kappa with %d coders: %+v", a.Coders, a)
			}
		}
	})
}

// FuzzSample feeds an arbitrary run to Sample: the sheet it writes must be
// CSV with one row per drawn paragraph, never more than asked.
func FuzzSample(f *testing.F) {
	f.Add(readTestdata(f, "run-tricky.csv"), 5, uint64(1))
	f.Add("doc,source,year,start,end,f,f_score\na,S,2020,0,1,1,0.5\nb,S,2021,0,1,0,0.1\n", 1, uint64(2))
	text := func(doc string, start, end int) (string, error) { return doc, nil }
	f.Fuzz(func(t *testing.T, run string, n int, seed uint64) {
		n %= 1000
		var b bytes.Buffer
		if err := Sample(strings.NewReader(run), text, n, seed, &b); err != nil {
			return
		}
		recs, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatalf("sheet is not CSV: %v", err)
		}
		if len(recs)-1 > n || len(recs) < 2 {
			t.Errorf("%d rows for n = %d", len(recs)-1, n)
		}
	})
}
