package validate

import (
	"errors"
	"io"
	"math"
	"strings"
	"testing"
)

// krippendorff2011 is the reliability data of Krippendorff (2011),
// "Computing Krippendorff's Alpha-Reliability", section C: 4 observers × 12
// units with missing values.
var krippendorff2011 = [][]string{
	{"1", "2", "3", "3", "2", "1", "4", "1", "2", "", "", ""},
	{"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", "", "3"},
	{"", "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", ""},
	{"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", ""},
}

func TestKrippendorffAlpha(t *testing.T) {
	tests := []struct {
		name  string
		data  [][]string
		level string
		want  float64 // NaN: undefined
		tol   float64
	}{
		// Published values: nominal 0.743, interval 0.849.
		{"Krippendorff 2011 nominal", krippendorff2011, "nominal", 0.743, 5e-4},
		{"Krippendorff 2011 interval", krippendorff2011, "interval", 0.849, 5e-4},
		// Section A of the same paper: 2 observers × 10 binary units, alpha 0.095.
		{"Krippendorff 2011 two observers binary", [][]string{
			{"0", "1", "0", "0", "0", "0", "0", "0", "1", "0"},
			{"1", "1", "1", "0", "0", "1", "0", "0", "0", "0"},
		}, "nominal", 0.095, 5e-4},
		{"perfect agreement", [][]string{{"a", "b", "a"}, {"a", "b", "a"}}, "nominal", 1, 1e-12},
		{"no variation", [][]string{{"a", "a"}, {"a", "a"}}, "nominal", math.NaN(), 0},
		{"nothing pairable", [][]string{{"a", ""}, {"", "b"}}, "nominal", math.NaN(), 0},
		{"interval value not a number", [][]string{{"1", "x"}, {"1", "2"}}, "interval", math.NaN(), 0},
		{"no coders", nil, "nominal", math.NaN(), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := KrippendorffAlpha(tc.data, tc.level)
			if math.IsNaN(tc.want) != math.IsNaN(got) || math.Abs(got-tc.want) > tc.tol {
				t.Errorf("alpha = %.4f, want %.3f", got, tc.want)
			}
		})
	}
}

// pairs expands a 2×2 table of two raters' yes/no into code slices.
func pairs(yy, yn, ny, nn int) (a, b []string) {
	add := func(n int, x, y string) {
		for range n {
			a, b = append(a, x), append(b, y)
		}
	}
	add(yy, "yes", "yes")
	add(yn, "yes", "no")
	add(ny, "no", "yes")
	add(nn, "no", "no")
	return a, b
}

func TestCohenKappa(t *testing.T) {
	tests := []struct {
		name string
		a, b []string
		want float64
	}{}
	// Textbook examples (Wikipedia, "Cohen's kappa", worked example and the
	// "same percentages but different numbers" pair): κ = 0.4, 0.1304, 0.2593.
	for _, c := range []struct {
		name           string
		yy, yn, ny, nn int
		want           float64
	}{
		{"grant proposals 20/5/10/15", 20, 5, 10, 15, 0.4},
		{"45/15/25/15", 45, 15, 25, 15, 0.1304},
		{"25/35/5/35", 25, 35, 5, 35, 0.2593},
	} {
		a, b := pairs(c.yy, c.yn, c.ny, c.nn)
		tests = append(tests, struct {
			name string
			a, b []string
			want float64
		}{c.name, a, b, c.want})
	}
	tests = append(tests, []struct {
		name string
		a, b []string
		want float64
	}{
		{"missing values left out", []string{"x", "", "y", "x"}, []string{"x", "y", "y", ""}, 1},
		{"one category only", []string{"x", "x"}, []string{"x", "x"}, math.NaN()},
		{"nothing coded by both", []string{"x", ""}, []string{"", "y"}, math.NaN()},
	}...)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := CohenKappa(tc.a, tc.b)
			if math.IsNaN(tc.want) != math.IsNaN(got) || math.Abs(got-tc.want) > 5e-5 {
				t.Errorf("kappa = %.4f, want %.4f", got, tc.want)
			}
		})
	}
}

func TestAgree(t *testing.T) {
	const header = "unit,file,start,end,f1,f2,tone,voice,role,coder\n"
	one := header +
		"u1,a.txt,0,10,1,0,1,quote,body,\n" +
		"u2,a.txt,10,20,0,0,-1,outlet,body,\n" +
		"u3,a.txt,20,30,1,1,2,quote,headline,\n" +
		"u4,a.txt,30,40,0,,0,outlet,body,\n"
	two := header +
		"u1,a.txt,0,10,1,0,1.0,quote,body,\n" +
		"u2,a.txt,10,20,0,1,-2,outlet,body,\n" +
		"u3,a.txt,20,30,0,1,2,Quote,headline,\n" +
		"u4,a.txt,30,40,0,0,0,outlet,body,\n"
	got, err := Agree([]io.Reader{strings.NewReader(one), strings.NewReader(two)}, []string{"ann", "bob"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		units int
		level string
		alpha float64
		kappa float64
	}{
		// f1: ann 1 0 1 0, bob 1 0 0 0.
		"f1":    {4, "nominal", KrippendorffAlpha([][]string{{"1", "0", "1", "0"}, {"1", "0", "0", "0"}}, "nominal"), 0.5},
		"f2":    {3, "nominal", KrippendorffAlpha([][]string{{"0", "0", "1", ""}, {"0", "1", "1", "0"}}, "nominal"), 0.4},
		"tone":  {4, "interval", KrippendorffAlpha([][]string{{"1", "-1", "2", "0"}, {"1", "-2", "2", "0"}}, "interval"), 0.5625 / 0.8125},
		"voice": {4, "nominal", 1, 1},
		"role":  {4, "nominal", 1, 1},
	}
	if len(got) != 5 || got[0].Label != "f1" || got[2].Label != "tone" || got[4].Label != "role" {
		t.Fatalf("labels = %+v, want f1, f2, tone, voice, role", got)
	}
	for _, a := range got {
		w := want[a.Label]
		if a.Units != w.units || a.Level != w.level || a.Coders != 2 ||
			math.Abs(a.Alpha-w.alpha) > 1e-12 || math.Abs(a.Kappa-w.kappa) > 1e-12 {
			t.Errorf("%s: got %+v, want units %d level %s alpha %.4f kappa %.4f", a.Label, a, w.units, w.level, w.alpha, w.kappa)
		}
	}

	// The same codes in one sheet with a coder column give the same result.
	merged := header
	for _, l := range strings.Split(strings.TrimSpace(one), "\n")[1:] {
		merged += l + "ann\n"
	}
	for _, l := range strings.Split(strings.TrimSpace(two), "\n")[1:] {
		merged += l + "bob\n"
	}
	got2, err := Agree([]io.Reader{strings.NewReader(merged)}, []string{"merged.csv"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		if got[i] != got2[i] && !(math.IsNaN(got[i].Alpha) && math.IsNaN(got2[i].Alpha)) {
			t.Errorf("one sheet with a coder column: %+v, want %+v", got2[i], got[i])
		}
	}
}

func TestAgreeErrors(t *testing.T) {
	const header = "unit,file,start,end,f1,tone,voice,role\n"
	tests := []struct {
		name   string
		sheets []string
		want   string
	}{
		{"missing column", []string{"unit,file,start,end,f1,tone,voice\n"}, "s0:1: missing column: role"},
		{"no frames", []string{"unit,file,start,end,tone,voice,role\n"}, "s0:1: no frame columns"},
		{"bad tone", []string{header + "u1,a,0,1,1,bad,quote,body\n"}, `s0:2: column "tone": not a number`},
		{"bad frame", []string{header + "u1,a,0,1,yes,1,quote,body\n"}, `s0:2: column "f1": frame value "yes"`},
		{"twice", []string{header + "u1,a,0,1,1,1,quote,body\nu1,a,0,1,1,1,quote,body\n"}, `s0:3: column "unit": coder "s0" codes unit "u1" twice`},
		{"frames differ", []string{header, "unit,file,start,end,f2,tone,voice,role\n"}, "s1:1: frames [f2] differ"},
		{"short row", []string{header + "u1,a,0\n"}, "s0:2: wrong number of fields"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var rs []io.Reader
			var names []string
			for i, s := range tc.sheets {
				rs = append(rs, strings.NewReader(s))
				names = append(names, "s"+string(rune('0'+i)))
			}
			_, err := Agree(rs, names)
			var pe *ParseError
			if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.As(err, &pe) {
				t.Errorf("err = %v, want a ParseError containing %q", err, tc.want)
			}
		})
	}
}

func nan() float64 { return math.NaN() }
