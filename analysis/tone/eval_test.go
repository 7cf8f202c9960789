package tone

import (
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/evaldata"
)

func allScorers(t testing.TB) []Scorer {
	var ss []Scorer
	for _, n := range Names() {
		s, err := New(n)
		if err != nil {
			t.Fatal(err)
		}
		ss = append(ss, s)
	}
	return ss
}

// Floors just below what was measured (regression guards, not goals).
func TestEvalNYT(t *testing.T) {
	path := evaldata.Path(t, "eval/nyt-editorial-snippets-dev.tsv")
	res, err := EvalNYT(path, allScorers(t), 20, 1)
	if err != nil {
		t.Fatal(err)
	}
	floors := map[string][2]float64{ // r, F1
		"nb":    {0.15, 0.35},
		"vader": {0.48, 0.51},
		"rules": {0.50, 0.52},
	}
	var b strings.Builder
	WriteTable(&b, res, nil)
	t.Logf("\n%s", b.String())
	for _, r := range res {
		if r.N != 2568 {
			t.Errorf("%s: N = %d, want 2568", r.Scorer, r.N)
		}
		if !(r.RLow <= r.R && r.R <= r.RHigh && r.F1Low <= r.F1 && r.F1 <= r.F1High) {
			t.Errorf("%s: estimate outside its interval: %+v", r.Scorer, r)
		}
		if f, ok := floors[r.Scorer]; ok && (r.R < f[0] || r.F1 < f[1]) {
			t.Errorf("%s: r %.3f F1 %.3f, want at least %.2f and %.2f", r.Scorer, r.R, r.F1, f[0], f[1])
		}
	}
}

func TestCrossValidateNYT(t *testing.T) {
	path := evaldata.Path(t, "eval/nyt-editorial-snippets-dev.tsv")
	res, err := CrossValidateNYT(path, 4, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	WriteTable(&b, res, nil)
	t.Logf("\n%s", b.String())
	floors := map[string][2]float64{ // r, F1 with 4 folds; just below what was measured
		"cv:news1":   {0.53, 0.53},
		"cv:news":    {0.55, 0.53},
		"cv:newsvec": {0.575, 0.565},
	}
	for _, r := range res {
		f, ok := floors[r.Scorer]
		if !ok {
			f = [2]float64{0.45, 0.45}
		}
		if r.R < f[0] || r.F1 < f[1] {
			t.Errorf("%s: cross-validated r %.3f F1 %.3f, want at least %.3f and %.3f", r.Scorer, r.R, r.F1, f[0], f[1])
		}
	}
}

func TestEvalTargets(t *testing.T) {
	path := evaldata.Path(t, "eval/newsmtsc/devtest_rw.jsonl")
	res, err := EvalTargets(path, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	WriteTable(&b, nil, res)
	t.Logf("\n%s", b.String())
	floors := map[string]float64{"sentence:vader": 0.50, "sentence:rules": 0.52, "sentence:news": 0.54, "sentence:news1": 0.54, "sentence:newsvec": 0.56, "toward": 0.59}
	for _, r := range res {
		if r.N != 1146 {
			t.Errorf("%s: N = %d, want 1146", r.Scorer, r.N)
		}
		if f, ok := floors[r.Scorer]; ok && r.F1 < f {
			t.Errorf("%s: F1 %.3f, want at least %.2f", r.Scorer, r.F1, f)
		}
	}
}
