package clean

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// indepSets are page sets written by someone who had not read the role
// rules (see each set's README). The test has no floor: it logs each set's
// accuracy, every miss, and the figure pooled over all sets and over those
// never tuned on. A set is tuned on once a rule is changed for its misses
// (its README then gives the first run and says from when): its figure then
// guards against regressions, and only the others still measure how the
// rules generalise.
var indepSets = []struct {
	name  string
	tuned bool
}{
	{"indep1", true}, {"indep2", true}, {"indep3", true}, {"indep4", true},
	{"indep5", true}, {"indep6", true}, {"indep7", true}, {"indep8", true},
	{"indep9", true}, {"indep10", true}, {"indep11", true}, {"indep12", true},
	{"indep13", true}, {"indep14", true}, {"indep15", true}, {"indep16", true},
	{"indep17", false}, {"indep18", false}, {"indep19", true}, {"indep20", true},
	{"indep21", true}, {"indep22", true},
	{"indep23", false}, {"indep24", false},
}

func TestIndepRoles(t *testing.T) {
	var all, untuned []pageScore
	var untunedNames []string
	for _, set := range indepSets {
		t.Run(set.name, func(t *testing.T) {
			pages := scoreRoleSet(t, set.name)
			all = append(all, pages...)
			if !set.tuned {
				untuned = append(untuned, pages...)
				untunedNames = append(untunedNames, set.name)
			}
		})
	}
	logPooled(t, "all sets", all)
	logPooled(t, fmt.Sprintf("the sets never tuned on %v", untunedNames), untuned)
}

// logPooled logs the accuracy pooled over pages, with its bootstrap
// interval.
func logPooled(t *testing.T, what string, pages []pageScore) {
	t.Helper()
	n, ok := sumPages(pages)
	if n == 0 {
		t.Fatalf("%s: no units scored", what)
	}
	lo, hi := pageBootstrap(pages, 2000)
	t.Logf("role accuracy pooled over %s: %d/%d = %.3f (95%% interval over pages %.3f–%.3f)",
		what, ok, n, float64(ok)/float64(n), lo, hi)
}

// pageBootstrap returns the 2.5th and 97.5th percentiles of pooled accuracy
// over reps resamples of whole pages (units of one page are not
// independent), with a fixed seed.
func pageBootstrap(pages []pageScore, reps int) (lo, hi float64) {
	r := rand.New(rand.NewPCG(1, 2))
	accs := make([]float64, reps)
	for i := range accs {
		n, ok := 0, 0
		for range pages {
			p := pages[r.IntN(len(pages))]
			n, ok = n+p.n, ok+p.ok
		}
		accs[i] = float64(ok) / float64(n)
	}
	slices.Sort(accs)
	return accs[reps*25/1000], accs[reps*975/1000-1]
}

func TestPageBootstrap(t *testing.T) {
	tests := []struct {
		name   string
		pages  []pageScore
		lo, hi float64
	}{
		{"all right", []pageScore{{10, 10}, {5, 5}}, 1, 1},
		{"all wrong", []pageScore{{10, 0}, {5, 0}}, 0, 0},
		{"mixed", []pageScore{{10, 10}, {10, 0}}, 0, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lo, hi := pageBootstrap(tc.pages, 1000)
			if lo != tc.lo || hi != tc.hi {
				t.Errorf("pageBootstrap = %v–%v, want %v–%v", lo, hi, tc.lo, tc.hi)
			}
		})
	}
}
