package frames

import (
	"path/filepath"
	"testing"
)

// TestDevRound10 measures round 10's families on other wordings than the
// misses that prompted them: testdata/dev10.txt, written (ours) before the
// changes, with cases and near-misses for each family. It scored 0.762
// before the changes (threat 0.667, unity 0.857, border 0.762) and 0.952
// after (threat 1.000, border 1.000); the one error left is a unity miss
// outside round 10's families ("Muslim states went to war with each other").
// The floor sits just under that.
func TestDevRound10(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "dev10.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "dev10", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < 0.94 {
		t.Errorf("dev10 macro F1 %.3f < floor 0.94", macro)
	}
}

// TestDevRound11 measures round 11's families on other wordings than the
// misses that prompted them: testdata/dev11.txt, with cases and near-misses
// for each family. Its unity units, written before the unity changes,
// scored 0.522 before them and 1.000 after. Its first border units were
// written after the border changes (a check of their reach, not a held-out
// measure): 1.000 with them; of the smuggling-funds-militants units,
// written before that rule, two of four were missed before it and none
// after. Its threat units were written after the threat changes (a check of
// their reach): 1.000 with them, one unit recoded (see the file).
func TestDevRound11(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "dev11.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "dev11", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < 0.98 {
		t.Errorf("dev11 macro F1 %.3f < floor 0.98", macro)
	}
}
