package validate

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConsensus(t *testing.T) {
	const header = "unit,file,start,end,f1,f2,tone,voice,role,coder,text\n"
	sheet := header +
		// u2 comes first in the sheet but after u1 in the output (offsets).
		"u2,a.txt,100,200,1,0,1,quote,body,ann,x\n" +
		"u2,a.txt,100,200,1,1,2,quote,body,bob,x\n" +
		"u2,a.txt,100,200,0,1,-0.5,outlet,body,cat,x\n" +
		"u1,a.txt,0,99,0,0,-1,outlet,headline,ann,x\n" +
		"u1,a.txt,0,99,1,0,-1,quote,headline,bob,x\n" +
		"u3,b.txt,0,50,1,,0.25,quote,body,ann,x\n" +
		"u3,b.txt,0,50,0,,-0.25,outlet,Body,bob,x\n"
	var b bytes.Buffer
	if err := Consensus([]io.Reader{strings.NewReader(sheet)}, []string{"s.csv"}, &b); err != nil {
		t.Fatal(err)
	}
	want := "unit,file,start,end,f1,f2,tone,voice,role,coders,ties\n" +
		"u1,a.txt,0,99,,0,-1,,headline,2,f1;voice\n" +
		"u2,a.txt,100,200,1,1,0.833,quote,body,3,\n" +
		"u3,b.txt,0,50,,,0,,body,2,f1;voice\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	// The consensus is a gold file Eval can read.
	run := "doc,start,end,role,voice,tone,f1,f2\n" +
		"x/a.txt,0,99,headline,outlet,-0.4,0,0\n" +
		"x/a.txt,100,200,body,quote,0.6,1,1\n" +
		"b.txt,0,50,body,outlet,0.1,0,0\n"
	rep, err := Eval(strings.NewReader(run), &b, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Units != 3 || rep.RoleAccuracy.Value != 1 || rep.Frames[0].F1.Value != 1 {
		t.Errorf("Eval on the consensus: units %d, role %v, f1 F1 %v", rep.Units, rep.RoleAccuracy.Value, rep.Frames[0].F1.Value)
	}
}

func TestConsensusErrors(t *testing.T) {
	const header = "unit,file,start,end,f1,tone,voice,role,coder\n"
	tests := []struct {
		name, sheet, want string
	}{
		{"unit moves", header + "u1,a.txt,0,10,1,0,quote,body,ann\nu1,a.txt,0,12,1,0,quote,body,bob\n",
			`s.csv:3: column "unit": unit "u1" is a.txt [0,12) here but a.txt [0,10) at s.csv:2`},
		{"missing column", "unit,file,start,end,f1,tone,voice\n", "s.csv:1: missing column: role"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Consensus([]io.Reader{strings.NewReader(tc.sheet)}, []string{"s.csv"}, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestWriteAgreement(t *testing.T) {
	var b bytes.Buffer
	agr := []Agreement{
		{Label: "border_security", Alpha: 0.81234, Kappa: 0.8, Units: 40, Coders: 2, Level: "nominal"},
		{Label: "tone", Alpha: 0.7, Kappa: nan(), Units: 38, Coders: 3, Level: "interval"},
	}
	if err := WriteAgreement(&b, agr); err != nil {
		t.Fatal(err)
	}
	want := "label                    level      alpha   kappa  units coders\n" +
		"border_security          nominal    0.812   0.800     40      2\n" +
		"tone                     interval   0.700     n/a     38      3\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const header = "unit,file,start,end,f,tone,voice,role\n"
	ann := write("ann.csv", header+"u1,a.txt,0,10,1,1,quote,body\nu2,a.txt,11,20,0,0,outlet,body\nu3,a.txt,21,30,1,-1,quote,body\n")
	bob := write("bob.csv", header+"u1,a.txt,0,10,1,2,quote,body\nu2,a.txt,11,20,0,0,outlet,body\nu3,a.txt,21,30,0,-1,quote,body\n")
	agr, err := AgreeFiles(ann, bob)
	if err != nil {
		t.Fatal(err)
	}
	if len(agr) != 4 || agr[0].Label != "f" || agr[0].Coders != 2 || agr[0].Units != 3 {
		t.Errorf("AgreeFiles: %+v", agr)
	}
	var gold bytes.Buffer
	if err := ConsensusFiles(&gold, ann, bob); err != nil {
		t.Fatal(err)
	}
	goldPath := write("gold.csv", gold.String())
	runPath := write("run.csv", "doc,start,end,role,voice,tone,f\nx/a.txt,0,30,body,quote,0.5,1\n")
	rep, err := EvalFiles(runPath, goldPath, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Units != 3 || rep.ParagraphsScored != 1 || rep.Frames[0].F1.Value != 1 {
		t.Errorf("EvalFiles: units %d scored %d F1 %v", rep.Units, rep.ParagraphsScored, rep.Frames[0].F1.Value)
	}
	// Errors name the file and line.
	bad := write("bad.csv", header+"u1,a.txt,zero,10,1,1,quote,body\n")
	if _, err := EvalFiles(runPath, bad, 0, 1); err == nil || !strings.Contains(err.Error(), bad+`:2: column "start"`) {
		t.Errorf("EvalFiles on a bad gold file: %v", err)
	}
	if _, err := AgreeFiles(ann, filepath.Join(dir, "missing.csv")); err == nil {
		t.Error("AgreeFiles with a missing file: no error")
	}
}
