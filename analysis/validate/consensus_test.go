package validate

import (
	"bytes"
	"io"
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
