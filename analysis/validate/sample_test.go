package validate

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestAllocate(t *testing.T) {
	tests := []struct {
		name  string
		sizes []int
		n     int
		want  []int // nil: check only the invariants
	}{
		{"exactly proportional", []int{10, 30, 60}, 10, []int{1, 3, 6}},
		{"small strata get one", []int{1, 1, 98}, 10, []int{1, 1, 8}},
		{"one each when n equals strata", []int{3, 50, 7}, 3, []int{1, 1, 1}},
		{"largest strata when n is short", []int{2, 9, 5, 1}, 2, []int{0, 1, 1, 0}},
		{"everything when n exceeds total", []int{2, 3}, 10, []int{2, 3}},
		{"capped at stratum size", []int{1, 1, 10}, 11, []int{1, 1, 9}},
		{"rounding", []int{7, 7, 7}, 10, nil},
		{"many strata", []int{40, 1, 1, 1, 1, 1, 1, 1, 1, 52}, 20, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := allocate(tc.sizes, tc.n, rand.New(rand.NewPCG(1, 2)))
			if tc.want != nil && !slices.Equal(got, tc.want) {
				t.Errorf("allocate(%v, %d) = %v, want %v", tc.sizes, tc.n, got, tc.want)
			}
			total, sum := 0, 0
			for h, s := range tc.sizes {
				total += s
				sum += got[h]
				if got[h] > s || got[h] < 0 || (tc.n >= len(tc.sizes) && got[h] < 1) {
					t.Errorf("stratum %d of size %d gets %d", h, s, got[h])
				}
			}
			if sum != min(tc.n, total) {
				t.Errorf("allocated %d, want %d", sum, min(tc.n, total))
			}
		})
	}
}

// seedText reads a seed article for the seeds-run fixture.
func seedText(doc string, start, end int) (string, error) {
	b, err := os.ReadFile(filepath.Join("..", "..", "seeds", path.Base(doc)))
	if err != nil {
		return "", err
	}
	if end > len(b) || start < 0 || start > end {
		return "", fmt.Errorf("offsets [%d,%d) outside %s", start, end, doc)
	}
	return string(b[start:end]), nil
}

func sampleSeeds(t *testing.T, n int, seed uint64) []byte {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "seeds-run.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b bytes.Buffer
	if err := Sample(f, seedText, n, seed, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSampleGolden(t *testing.T) {
	checkGolden(t, filepath.Join("testdata", "golden", "sample-seeds-20.csv"), sampleSeeds(t, 20, 1))
}

func TestSampleStrata(t *testing.T) {
	// Every stratum of the run, and the sheet's strata, for several sizes.
	f, err := os.Open(filepath.Join("testdata", "seeds-run.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	strata := map[string]bool{}
	for _, r := range recs[1:] {
		var dec []string
		for i, id := range []string{"us_israel_threat", "muslim_unity", "border_security"} {
			if r[10+2*i] == "1" {
				dec = append(dec, id)
			}
		}
		if dec == nil {
			dec = []string{"none"}
		}
		strata[r[1]+" | "+r[3]+" | "+strings.Join(dec, "+")] = true
	}
	rows := len(recs) - 1
	for _, n := range []int{5, len(strata), 30, rows, rows + 10} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			sheet, err := csv.NewReader(bytes.NewReader(sampleSeeds(t, n, 3))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"unit", "file", "start", "end", "us_israel_threat", "muslim_unity", "border_security",
				"tone", "voice", "role", "coder", "stratum", "weight", "text"}
			if !slices.Equal(sheet[0], want) {
				t.Fatalf("header %v, want %v", sheet[0], want)
			}
			if got := len(sheet) - 1; got != min(n, rows) {
				t.Errorf("%d rows, want %d", got, min(n, rows))
			}
			seen := map[string]bool{}
			units := map[string]bool{}
			for _, r := range sheet[1:] {
				if units[r[0]] {
					t.Errorf("unit %s drawn twice", r[0])
				}
				units[r[0]] = true
				seen[r[11]] = true
				for _, c := range r[4:11] {
					if c != "" {
						t.Errorf("label cell %q is not empty in %v", c, r[:11])
					}
				}
				if strings.TrimSpace(r[13]) == "" {
					t.Errorf("unit %s has no text", r[0])
				}
			}
			if n >= len(strata) && len(seen) != len(strata) {
				t.Errorf("%d of %d strata sampled with n = %d", len(seen), len(strata), n)
			}
		})
	}
}

func TestSampleDeterministic(t *testing.T) {
	a, b, c := sampleSeeds(t, 15, 42), sampleSeeds(t, 15, 42), sampleSeeds(t, 15, 43)
	if !bytes.Equal(a, b) {
		t.Error("same seed, different sheets")
	}
	if bytes.Equal(a, c) {
		t.Error("seeds 42 and 43 drew the same sheet")
	}
}

// TestSampleCodeEval runs the researcher's loop: sample, code (here: a coder
// who agrees with the run on every label), score the run against the coded
// sheet as gold. Role and voice must then agree perfectly, and every unit match.
func TestSampleCodeEval(t *testing.T) {
	runCSV, err := os.ReadFile(filepath.Join("testdata", "seeds-run.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(runCSV)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	byUnit := map[string][]string{}
	for _, r := range recs[1:] {
		byUnit[r[0]+"#"+r[4]] = r
	}
	sheet, err := csv.NewReader(bytes.NewReader(sampleSeeds(t, 25, 5))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range sheet[1:] {
		p := byUnit[r[0]]
		if p == nil {
			t.Fatalf("unit %s is not a paragraph of the run", r[0])
		}
		r[4], r[5], r[6] = p[10], p[12], p[14]
		r[7], r[8], r[9], r[10] = p[9], p[8], p[7], "run"
	}
	var gold bytes.Buffer
	if err := csv.NewWriter(&gold).WriteAll(sheet); err != nil {
		t.Fatal(err)
	}
	rep, err := Eval(bytes.NewReader(runCSV), &gold, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Units != 25 || rep.UnmatchedUnits != 0 || rep.RoleAccuracy.Value != 1 || rep.VoiceAccuracy.Value != 1 {
		t.Errorf("units %d unmatched %d role %v voice %v; want 25, 0, 1, 1",
			rep.Units, rep.UnmatchedUnits, rep.RoleAccuracy.Value, rep.VoiceAccuracy.Value)
	}
	for _, f := range rep.Frames {
		if f.GoldPos > 0 && f.F1.Value != 1 {
			t.Errorf("%s F1 = %v against its own labels", f.ID, f.F1.Value)
		}
	}
}

func TestSampleErrors(t *testing.T) {
	noText := func(string, int, int) (string, error) { return "", errors.New("no corpus") }
	okText := func(string, int, int) (string, error) { return "x", nil }
	const header = "doc,source,date,year,para,start,end,role,f,f_score\n"
	tests := []struct {
		name string
		run  string
		text func(string, int, int) (string, error)
		n    int
		want string
	}{
		{"no source", "doc,year,start,end\n", okText, 3, "run.csv:1: missing column: source"},
		{"bad start", header + "a.txt,S,2020-01-01,2020,0,zero,10,body,1,0.5\n", okText, 3, `run.csv:2: column "start": not a number`},
		{"no rows", header, okText, 3, "run.csv: no data rows"},
		{"n zero", header, okText, 0, "sample size 0"},
		{"text fails", header + "a.txt,S,2020-01-01,2020,0,0,10,body,1,0.5\n", noText, 3, "a.txt [0,10): no corpus"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Sample(named{strings.NewReader(tc.run), "run.csv"}, tc.text, tc.n, 1, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestCorpusText(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "a.txt"), []byte("Hello, world."), 0o644); err != nil {
		t.Fatal(err)
	}
	text := CorpusText(dir)
	tests := []struct {
		name       string
		doc        string
		start, end int
		want       string
		err        bool
	}{
		{"folder doc", "sub/a.txt", 7, 12, "world", false},
		{"whole", "sub/a.txt", 0, 13, "Hello, world.", false},
		{"past the end", "sub/a.txt", 7, 14, "", true},
		{"missing file", "sub/b.txt", 0, 1, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := text(tc.doc, tc.start, tc.end)
			if (err != nil) != tc.err || got != tc.want {
				t.Errorf("text(%q, %d, %d) = %q, %v; want %q (error %v)", tc.doc, tc.start, tc.end, got, err, tc.want, tc.err)
			}
		})
	}
	single := CorpusText(filepath.Join(dir, "sub", "a.txt"))
	if got, err := single("anything.txt", 0, 5); err != nil || got != "Hello" {
		t.Errorf("single-file corpus: %q, %v", got, err)
	}
}
