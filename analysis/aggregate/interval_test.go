package aggregate

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/stats"
)

// switchCorpus has n articles in one cell; article i has tone (i%7)/7 − 0.4
// in two paragraphs, frame "common" in one of them when i is even, and
// frame "rare" in both when i < rare.
func switchCorpus(n, rare int) ([]Article, []float64) {
	var arts []Article
	var tones []float64
	for i := range n {
		tone := float64(i%7)/7 - 0.4
		tones = append(tones, tone)
		ps := []Para{
			{Tone: tone, Frames: []bool{i%2 == 0, i < rare}},
			{Tone: tone, Frames: []bool{false, i < rare}},
		}
		arts = append(arts, Article{Doc: fmt.Sprintf("d%04d", i), Source: "S", Year: 2020, Paras: ps})
	}
	return arts, tones
}

func TestIntervalSwitch(t *testing.T) {
	m := DefaultMaxBootstrapArticle
	for _, tc := range []struct {
		name         string
		n, rare, max int
		weight       string
		want         map[string]string // measure → interval
	}{
		{"small", 5, 5, 0, WeightArticle,
			map[string]string{"tone_mean": IntervalT, "common_share": IntervalWilson, "rare_share": IntervalWilson}},
		{"just below the switch", m - 1, 20, 0, WeightArticle,
			map[string]string{"tone_mean": IntervalBootstrap, "common_share": IntervalBootstrap, "rare_share": IntervalBootstrap}},
		{"at the switch", m, 20, 0, WeightArticle,
			map[string]string{"tone_mean": IntervalClusterT, "common_share": IntervalClusterWilson, "rare_share": IntervalClusterWilson}},
		{"rare frame stays wilson", m, 9, 0, WeightArticle,
			map[string]string{"rare_share": IntervalWilson}},
		{"frame in every paragraph of nearly all articles", m, m - 9, 0, WeightArticle,
			map[string]string{"rare_share": IntervalWilson}},
		{"paragraph weighting switches later", m, 20, 0, WeightParagraph,
			map[string]string{"tone_mean": IntervalBootstrap, "common_share": IntervalBootstrap}},
		{"bootstrap forced", 3 * m, 40, math.MaxInt, WeightArticle,
			map[string]string{"tone_mean": IntervalBootstrap, "common_share": IntervalBootstrap}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := New(Options{Frames: []string{"common", "rare"}, Weight: tc.weight, MaxBootstrap: tc.max, Resamples: 200})
			arts, tones := switchCorpus(tc.n, tc.rare)
			for _, art := range arts {
				a.Add(art)
			}
			rows := a.Rows()
			for measure, want := range tc.want {
				r, ok := find(rows, "S", "2020", "all", measure)
				if !ok {
					t.Fatalf("no row for %s", measure)
				}
				if r.Interval != want {
					t.Errorf("%s: interval %s, want %s", measure, r.Interval, want)
				}
				if !(r.Low <= r.Value && r.Value <= r.High) {
					t.Errorf("%s: value %v outside [%v, %v]", measure, r.Value, r.Low, r.High)
				}
			}
			// cluster-t under article weighting is the t interval of the
			// article means.
			if r, _ := find(rows, "S", "2020", "all", "tone_mean"); r.Interval == IntervalClusterT || r.Interval == IntervalT {
				lo, hi := stats.MeanCI(tones, 0.95)
				if math.Abs(r.Low-lo) > 1e-12 || math.Abs(r.High-hi) > 1e-12 {
					t.Errorf("tone interval [%v, %v], want [%v, %v]", r.Low, r.High, lo, hi)
				}
			}
		})
	}
}

// TestCombineMoments checks that moments pooled from parts equal the
// moments of the union computed directly, under both weightings.
func TestCombineMoments(t *testing.T) {
	arts := synth(90, 3, 2, 13)
	for _, w := range []string{WeightArticle, WeightParagraph} {
		t.Run(w, func(t *testing.T) {
			opt := synthOptions(10)
			opt.Weight = w
			a := New(opt)
			for _, art := range arts {
				a.Add(art)
			}
			k := len(a.ms)
			all := make([]int, a.Len())
			for i := range all {
				all[i] = i
			}
			want := make([]moments, k)
			a.cellMoments(all, want)
			var parts [][]moments
			for _, cut := range [][2]int{{0, 7}, {7, 8}, {8, 50}, {50, 90}} {
				p := make([]moments, k)
				a.cellMoments(all[cut[0]:cut[1]], p)
				parts = append(parts, p)
			}
			for j := range k {
				ms := make([]moments, len(parts))
				for c, p := range parts {
					ms[c] = p[j]
				}
				got := combine(ms)
				wj := want[j]
				if got.n != wj.n || got.nPara != wj.nPara || got.nPos != wj.nPos || got.nFull != wj.nFull {
					t.Fatalf("measure %d: counts %+v, want %+v", j, got, wj)
				}
				for _, f := range [][2]float64{{got.sy, wj.sy}, {got.sm, wj.sm}, {got.sm2, wj.sm2}, {got.q, wj.q}, {got.p, wj.p}} {
					if math.Abs(f[0]-f[1]) > 1e-9*(1+math.Abs(f[1])) {
						t.Errorf("measure %d: got %+v, want %+v", j, got, wj)
						break
					}
				}
			}
		})
	}
}

// TestWorkersDeterminism checks that the CSVs do not depend on Workers on
// a corpus with many groups, bootstrapped and analytic.
func TestWorkersDeterminism(t *testing.T) {
	arts := synth(1200, 8, 4, 21)
	var want [2][]byte
	for _, workers := range []int{1, 2, 5} {
		opt := synthOptions(100)
		opt.Workers = workers
		a := New(opt)
		for _, art := range arts {
			a.Add(art)
		}
		rows, comps := csvs(t, a)
		if workers == 1 {
			want = [2][]byte{rows, comps}
			continue
		}
		if string(rows) != string(want[0]) || string(comps) != string(want[1]) {
			t.Errorf("workers %d: CSV differs from workers 1", workers)
		}
	}
	for _, label := range []string{IntervalBootstrap, IntervalClusterT, IntervalClusterWilson} {
		if !strings.Contains(string(want[0]), ","+label+",") {
			t.Errorf("no %s interval in the corpus: the test does not cover it", label)
		}
	}
}

func TestIntervalsNote(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  Options
		want []string
	}{
		{"paragraph default", Options{Weight: WeightParagraph}, []string{"from 10 to 99", "from 100"}},
		{"bootstrap forced", Options{MaxBootstrap: math.MaxInt}, []string{"(2000 resamples, seed 0) from 10;"}},
		{"no bootstrap", Options{MaxBootstrap: 5, Level: 0.9}, []string{"90% intervals", "under 5 articles", "from 5"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.opt.IntervalsNote()
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("%q lacks %q", got, w)
				}
			}
			if tc.opt.MaxBootstrap == 5 && strings.Contains(got, "bootstrap") {
				t.Errorf("%q mentions a bootstrap no group gets", got)
			}
		})
	}
}

// TestConstantTonePooled: articles that all have the same tone, spread
// over cells, have zero variance; pooling the cells' moments must not
// round it below zero into a NaN interval.
func TestConstantTonePooled(t *testing.T) {
	a := New(Options{})
	for i := range 120 {
		a.Add(Article{Doc: fmt.Sprint(i), Source: fmt.Sprint("o", i%3), Year: 2000 + i%7,
			Paras: []Para{{Tone: 0.1}, {Tone: 0.1}, {Tone: 0.1}}})
	}
	for _, r := range a.Rows() {
		if r.Measure != "tone_mean" || r.NArticles < 2 {
			continue
		}
		if r.Interval == IntervalNone || math.Abs(r.Low-r.Value) > 1e-12 || math.Abs(r.High-r.Value) > 1e-12 {
			t.Errorf("%s/%s: %s [%v, %v], want the point %v", r.Source, r.Year, r.Interval, r.Low, r.High, r.Value)
		}
	}
}
