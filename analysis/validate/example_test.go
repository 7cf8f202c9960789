package validate_test

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/framescope/framescope/analysis/validate"
)

func ExampleEval() {
	run := `doc,source,date,year,para,start,end,role,voice,tone,threat,threat_score,terms
news/a.txt,Daily,2020-01-02,2020,0,0,40,headline,outlet,0.0,0,0.0,
news/a.txt,Daily,2020-01-02,2020,1,41,200,body,quote,-0.6,1,0.8,threat:plot
news/a.txt,Daily,2020-01-02,2020,2,201,300,body,outlet,0.4,0,0.1,
`
	gold := `unit,file,start,end,threat,tone,voice,role
a-1,a.txt,0,40,0,0,outlet,headline
a-2,a.txt,41,120,1,-2,quote,body
a-3,a.txt,121,200,0,-1,quote,body
a-4,a.txt,201,300,0,1,outlet,body
`
	rep, err := validate.Eval(strings.NewReader(run), strings.NewReader(gold), 0, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = rep.WriteJSON(os.Stdout)
	// Output:
	// {"units": 4, "unmatched_units": 0, "paragraphs_in_run": 3, "role_accuracy": 1.0, "body_f1": 1.0, "paragraphs_scored": 2, "threat": {"P": 1.0, "R": 1.0, "F1": 1.0, "unit_F1": 0.667, "gold_pos": 1}, "macro_F1": 1.0, "unit_macro_F1": 0.667, "tone_r": null, "voice_accuracy": 1.0, "voice_coverage": 1.0, "role_f1": {"body": 1.0, "headline": 1.0}, "docs": 1, "resamples": 0, "seed": 1, "ci": {"role_accuracy": [null, null], "body_f1": [null, null], "role_f1": {"body": [null, null], "headline": [null, null]}, "threat": {"P": [null, null], "R": [null, null], "F1": [null, null], "unit_F1": [null, null]}, "macro_F1": [null, null], "unit_macro_F1": [null, null], "tone_r": [null, null], "voice_accuracy": [null, null], "voice_coverage": [null, null]}}
}

func ExampleKrippendorffAlpha() {
	// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":
	// four observers, twelve units, "" where an observer gave no value.
	data := [][]string{
		{"1", "2", "3", "3", "2", "1", "4", "1", "2", "", "", ""},
		{"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", "", "3"},
		{"", "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", ""},
		{"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", ""},
	}
	fmt.Printf("nominal %.3f\n", validate.KrippendorffAlpha(data, "nominal"))
	fmt.Printf("interval %.3f\n", validate.KrippendorffAlpha(data, "interval"))
	// Output:
	// nominal 0.743
	// interval 0.849
}

func ExampleCohenKappa() {
	// Two readers judge ten paragraphs; they agree on eight.
	a := []string{"1", "1", "0", "0", "0", "1", "0", "0", "1", "0"}
	b := []string{"1", "0", "0", "0", "0", "1", "0", "1", "1", "0"}
	fmt.Printf("%.3f\n", validate.CohenKappa(a, b))
	// Output:
	// 0.583
}

func ExampleAgree() {
	sheet := `unit,file,start,end,threat,tone,voice,role,coder
a#1,a.txt,0,90,1,-1,quote,body,ann
a#2,a.txt,91,200,0,0.5,outlet,body,ann
a#3,a.txt,201,260,0,1,outlet,body,ann
a#4,a.txt,261,300,1,-2,quote,body,ann
a#1,a.txt,0,90,1,-1.5,quote,body,bob
a#2,a.txt,91,200,0,0,outlet,body,bob
a#3,a.txt,201,260,1,1,outlet,body,bob
a#4,a.txt,261,300,1,-2,,body,bob
`
	agr, err := validate.Agree([]io.Reader{strings.NewReader(sheet)}, []string{"sheet.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range agr {
		fmt.Printf("%-6s %-8s alpha %5.3f kappa %5.3f units %d\n", a.Label, a.Level, a.Alpha, a.Kappa, a.Units)
	}
	// Output:
	// threat nominal  alpha 0.533 kappa 0.500 units 4
	// tone   interval alpha 0.962 kappa 0.429 units 4
	// voice  nominal  alpha 1.000 kappa 1.000 units 3
	// role   nominal  alpha   NaN kappa   NaN units 4
}

func ExampleSample() {
	run := `doc,source,date,year,para,start,end,role,voice,tone,threat,threat_score,terms
a.txt,Daily,2020-01-02,2020,0,0,11,body,outlet,0.1,1,0.9,
a.txt,Daily,2020-01-02,2020,1,12,23,body,outlet,0.0,0,0.1,
b.txt,Weekly,2021-03-04,2021,0,0,11,body,quote,-0.2,0,0.0,
b.txt,Weekly,2021-03-04,2021,1,12,23,body,outlet,0.3,0,0.0,
`
	text := func(doc string, start, end int) (string, error) {
		return fmt.Sprintf("text of %s [%d,%d)", doc, start, end), nil
	}
	if err := validate.Sample(strings.NewReader(run), text, 3, 1, os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// unit,file,start,end,threat,tone,voice,role,coder,stratum,weight,text
	// a.txt#0,a.txt,0,11,,,,,,Daily | 2020 | threat,1.0000,"text of a.txt [0,11)"
	// a.txt#1,a.txt,12,23,,,,,,Daily | 2020 | none,1.0000,"text of a.txt [12,23)"
	// b.txt#1,b.txt,12,23,,,,,,Weekly | 2021 | none,2.0000,"text of b.txt [12,23)"
}

func ExampleConsensus() {
	ann := `unit,file,start,end,threat,tone,voice,role
a.txt#1,a.txt,0,90,1,-1,quote,body
a.txt#2,a.txt,91,200,0,0.5,outlet,body
`
	bob := `unit,file,start,end,threat,tone,voice,role
a.txt#1,a.txt,0,90,1,-2,quote,body
a.txt#2,a.txt,91,200,1,0,outlet,body
`
	cat := `unit,file,start,end,threat,tone,voice,role
a.txt#1,a.txt,0,90,0,-1.5,outlet,body
`
	sheets := []io.Reader{strings.NewReader(ann), strings.NewReader(bob), strings.NewReader(cat)}
	if err := validate.Consensus(sheets, []string{"ann", "bob", "cat"}, os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// unit,file,start,end,threat,tone,voice,role,coders,ties
	// a.txt#1,a.txt,0,90,1,-1.5,quote,body,3,
	// a.txt#2,a.txt,91,200,,0.25,outlet,body,2,threat
}
