package tone

import (
	"strings"
	"testing"
)

func TestParseWeightsNeutral(t *testing.T) {
	for _, c := range []struct {
		name, data string
		neutral    bool
		err        string // part of the error, "" for none
	}{
		{"without a stage", "bias 0.1\ncomp 1\ncalib_tau 0.04\n", false, ""},
		{"with a stage", "bias 0.1\ncomp 1\nneutral.bias 0.3\nneutral.absscore -2\nneutral_threshold -0.3\n", true, ""},
		{"threshold only", "neutral_threshold 0.2\n", true, ""},
		{"unknown stage weight", "bias 0\n# c\nneutral.comp 1\n", false, "w.txt:3: unknown weight \"neutral.comp\""},
		{"unknown weight", "vecmean 1\nabsscore 1\n", false, "w.txt:2: unknown weight \"absscore\""},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := parseWeights([]byte(c.data), "w.txt")
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one with %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if (m.neu != nil) != c.neutral {
				t.Fatalf("neutral stage %v, want %v", m.neu != nil, c.neutral)
			}
		})
	}
	m, err := parseWeights([]byte("neutral.bias 0.3\nneutral.absscore -2\nneutral_threshold -0.3\n"), "w.txt")
	if err != nil {
		t.Fatal(err)
	}
	if m.neu.m.bias != 0.3 || m.neu.m.w[nAbsScore] != -2 || m.neu.threshold != -0.3 {
		t.Errorf("stage %+v, want bias 0.3, absscore -2, threshold -0.3", *m.neu)
	}
}

// TestNeutralStageApply: a text the stage calls neutral is moved into the
// neutral band in order; any other keeps its score.
func TestNeutralStageApply(t *testing.T) {
	always := neutralStage{m: linear{bias: 1, w: make([]float64, nNeuFeat)}, threshold: 0}
	never := neutralStage{m: linear{bias: -1, w: make([]float64, nNeuFeat)}, threshold: 0}
	var f [nFeat]float64
	scores := []float64{-1, -0.3, -0.05, -0.01, 0, 0.02, 0.05, 0.4, 1}
	prev := -1.0
	for _, s := range scores {
		got := always.apply(&f, s, s)
		if class3(got) != 0 {
			t.Errorf("neutral: %v -> %v, outside the band", s, got)
		}
		if got < prev || (s != scores[0] && got == prev) {
			t.Errorf("neutral: %v -> %v, not above the previous %v", s, got, prev)
		}
		prev = got
		if got := never.apply(&f, s, s); got != s {
			t.Errorf("not neutral: %v -> %v, want it unchanged", s, got)
		}
	}
}
