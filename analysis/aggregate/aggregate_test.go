package aggregate

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/golden"

	"github.com/framescope/framescope/analysis/stats"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var nan = math.NaN()

// handArticles is a small corpus whose rows are computed by hand below.
func handArticles() []Article {
	return []Article{
		{Doc: "a1", Source: "S", Year: 2017, Paras: []Para{
			{Voice: "outlet", Tone: 0.5, ToneOutlet: 0.5, ToneQuote: nan, Frames: []bool{true}, Targets: []float64{nan}},
			{Voice: "quote", Tone: -0.5, ToneOutlet: nan, ToneQuote: -0.5, Frames: []bool{false}, Targets: []float64{0.2}},
			{Voice: "mixed", Tone: 0, ToneOutlet: 0.3, ToneQuote: -0.3, Frames: []bool{true}, Targets: []float64{nan}},
		}},
		{Doc: "a2", Source: "S", Year: 2017, Paras: []Para{
			{Voice: "outlet", Tone: 1, ToneOutlet: 1, ToneQuote: nan, Frames: []bool{false}, Targets: nil},
		}},
		{Doc: "a3", Source: "T", Year: 0, Paras: []Para{
			{Voice: "quote", Tone: -1, ToneOutlet: nan, ToneQuote: -1, Frames: []bool{true}, Targets: []float64{-0.4}},
			{Voice: "outlet", Tone: 0, ToneOutlet: 0, ToneQuote: nan},
		}},
		{Doc: "empty", Source: "T", Year: 2018},
	}
}

func find(rows []Row, src, year, voice, measure string) (Row, bool) {
	for _, r := range rows {
		if r.Source == src && r.Year == year && r.Voice == voice && r.Measure == measure {
			return r, true
		}
	}
	return Row{}, false
}

func TestRowsByHand(t *testing.T) {
	// t interval for two article values 0 and 1: 0.5 ± t(.975, 1)·0.5, clipped to [-1, 1].
	wl, wh := stats.WilsonP(1.0/3, 2, stats.Z95)
	cl, ch := stats.WilsonP(0.5, 16.0/10, stats.Z95) // n = (3+1)²/(3²+1²)
	for _, tc := range []struct {
		name, weight, src, year, voice, measure string
		value, lo, hi                           float64
		interval                                string
		nArt, nPara                             int
	}{
		{"tone article", WeightArticle, "S", "2017", "all", "tone_mean", 0.5, -1, 1, "t", 2, 4},
		{"share article", WeightArticle, "S", "2017", "all", "f_share", 1.0 / 3, wl, wh, "wilson", 2, 4},
		{"outlet sentences", WeightArticle, "S", "2017", "all", "tone_outlet_mean", 0.7, -1, 1, "t", 2, 3},
		{"one article: no interval", WeightArticle, "S", "2017", "all", "tone_quote_mean", -0.4, nan, nan, "none", 1, 2},
		{"actor", WeightArticle, "S", "2017", "all", "tone_toward_x", 0.2, nan, nan, "none", 1, 1},
		{"outlet voice", WeightArticle, "S", "2017", "outlet", "tone_mean", 0.75, -1, 1, "t", 2, 2},
		{"outlet voice share", WeightArticle, "S", "2017", "outlet", "f_share", 0.5, nan, nan, "wilson", 2, 2},
		{"quote voice", WeightArticle, "S", "2017", "quote", "tone_mean", -0.5, nan, nan, "none", 1, 1},
		{"unknown year", WeightArticle, "T", "unknown", "all", "f_share", 0.5, nan, nan, "none", 1, 2},
		{"pooled", WeightArticle, "all", "all", "all", "tone_mean", (0 + 1 - 0.5) / 3, nan, nan, "t", 3, 6},
		{"pooled actor", WeightArticle, "all", "all", "all", "tone_toward_x", -0.1, nan, nan, "t", 2, 2},
		{"tone paragraph", WeightParagraph, "S", "2017", "all", "tone_mean", 0.25, nan, nan, "t", 2, 4},
		{"share paragraph", WeightParagraph, "S", "2017", "all", "f_share", 0.5, cl, ch, "wilson", 2, 4},
		{"pooled paragraph", WeightParagraph, "all", "all", "all", "tone_mean", 0, nan, nan, "t", 3, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := New(Options{Frames: []string{"f"}, Actors: []string{"x"}, Weight: tc.weight})
			for _, art := range handArticles() {
				a.Add(art)
			}
			r, ok := find(a.Rows(), tc.src, tc.year, tc.voice, tc.measure)
			if !ok {
				t.Fatalf("no row %s/%s/%s/%s", tc.src, tc.year, tc.voice, tc.measure)
			}
			if math.Abs(r.Value-tc.value) > 1e-12 || r.Interval != tc.interval ||
				r.NArticles != tc.nArt || r.NParagraphs != tc.nPara || r.Weight != tc.weight {
				t.Errorf("got %+v, want value %v interval %s n %d/%d", r, tc.value, tc.interval, tc.nArt, tc.nPara)
			}
			if r.Interval == "none" {
				if !math.IsNaN(r.Low) || !math.IsNaN(r.High) {
					t.Errorf("interval none but bounds %v %v", r.Low, r.High)
				}
				return
			}
			if !(r.Low <= r.Value && r.Value <= r.High) {
				t.Errorf("value %v outside [%v, %v]", r.Value, r.Low, r.High)
			}
			if !math.IsNaN(tc.lo) && (math.Abs(r.Low-tc.lo) > 1e-9 || math.Abs(r.High-tc.hi) > 1e-9) {
				t.Errorf("interval [%v, %v], want [%v, %v]", r.Low, r.High, tc.lo, tc.hi)
			}
		})
	}
}

func TestRowsAbsent(t *testing.T) {
	empty := New(Options{Frames: []string{"f"}})
	if rows, cs := empty.Rows(), empty.Comparisons(); len(rows) != 0 || len(cs) != 0 {
		t.Errorf("empty aggregator: %d rows, %d comparisons", len(rows), len(cs))
	}
	a := New(Options{Frames: []string{"f"}, Actors: []string{"x"}})
	for _, art := range handArticles() {
		a.Add(art)
	}
	rows := a.Rows()
	for _, q := range [][4]string{
		{"S", "2017", "outlet", "tone_toward_x"}, // nobody mentions x in outlet paragraphs of S
		{"T", "2018", "all", "tone_mean"},        // the only 2018 article has no paragraphs
	} {
		if r, ok := find(rows, q[0], q[1], q[2], q[3]); ok {
			t.Errorf("%v: got row %+v, want none", q, r)
		}
	}
	for _, r := range rows {
		if math.IsNaN(r.Value) || math.IsInf(r.Value, 0) {
			t.Errorf("non-finite value in %+v", r)
		}
	}
}

// synth makes a reproducible corpus where each outlet has its own tone and
// frame rate and articles vary around it (so paragraphs cluster).
func synth(n, outlets, years int, seed uint64) []Article {
	r := rand.New(rand.NewPCG(seed, 1))
	arts := make([]Article, n)
	for i := range arts {
		o := r.IntN(outlets)
		year := 2010 + r.IntN(years)
		if r.IntN(20) == 0 {
			year = 0
		}
		artTone := math.Tanh(float64(o)/float64(outlets) - 0.5 + r.NormFloat64()*0.4)
		artFrame := 0.1 + 0.6*float64(o)/float64(outlets) + 0.2*r.Float64()
		paras := make([]Para, 1+r.IntN(12))
		for j := range paras {
			p := &paras[j]
			p.Voice = [...]string{"outlet", "outlet", "quote", "mixed"}[r.IntN(4)]
			p.Tone = math.Max(-1, math.Min(1, artTone+r.NormFloat64()*0.3))
			p.ToneOutlet, p.ToneQuote = nan, nan
			if p.Voice != "quote" {
				p.ToneOutlet = p.Tone
			}
			if p.Voice != "outlet" {
				p.ToneQuote = math.Max(-1, p.Tone-0.2)
			}
			p.Frames = []bool{r.Float64() < artFrame, r.Float64() < 0.05}
			p.Targets = []float64{nan, nan}
			if r.IntN(3) == 0 {
				p.Targets[0] = math.Max(-1, math.Min(1, artTone-0.3))
			}
			if r.IntN(10) == 0 {
				p.Targets[1] = 0.5
			}
		}
		arts[i] = Article{Doc: fmt.Sprintf("doc%05d", i), Source: fmt.Sprintf("outlet%02d", o), Year: year, Paras: paras}
	}
	return arts
}

func synthOptions(resamples int) Options {
	return Options{Frames: []string{"threat", "rare"}, Actors: []string{"iran", "pakistan"}, Resamples: resamples, Seed: 42}
}

func csvs(t testing.TB, a *Aggregator) (rows, comps []byte) {
	t.Helper()
	var rb, cb bytes.Buffer
	if err := WriteRowsCSV(&rb, a.Rows()); err != nil {
		t.Fatal(err)
	}
	if err := WriteComparisonsCSV(&cb, a.Comparisons()); err != nil {
		t.Fatal(err)
	}
	return rb.Bytes(), cb.Bytes()
}

func TestMergeEquivalence(t *testing.T) {
	arts := synth(240, 3, 3, 7)
	arts = append(arts, Article{Doc: "doc00001", Source: "outlet09", Year: 2011, Paras: arts[5].Paras}) // a duplicate Doc
	opt := synthOptions(100)
	one := New(opt)
	for _, art := range arts {
		one.Add(art)
	}
	wantRows, wantComps := csvs(t, one)

	for _, tc := range []struct {
		name    string
		shards  int
		order   []int
		reverse bool
		workers int
	}{
		{"3 shards in order", 3, []int{0, 1, 2}, false, 1},
		{"3 shards shuffled", 3, []int{2, 0, 1}, false, 1},
		{"5 shards reversed adds", 5, []int{4, 3, 2, 1, 0}, true, 2},
		{"one shard, 3 workers", 1, []int{0}, true, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := opt
			o.Workers = tc.workers
			shards := make([]*Aggregator, tc.shards)
			for i := range shards {
				shards[i] = New(o)
			}
			for i := range arts {
				j := i
				if tc.reverse {
					j = len(arts) - 1 - i
				}
				shards[j%tc.shards].Add(arts[j])
			}
			m := New(o)
			for _, s := range tc.order {
				m.Merge(shards[s])
			}
			if m.Len() != len(arts) {
				t.Fatalf("Len = %d, want %d", m.Len(), len(arts))
			}
			gotRows, gotComps := csvs(t, m)
			if !bytes.Equal(gotRows, wantRows) {
				t.Error("rows CSV differs from one pass")
			}
			if !bytes.Equal(gotComps, wantComps) {
				t.Error("comparisons CSV differs from one pass")
			}
		})
	}
}

func TestMergeMismatchPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Merge of different frames did not panic")
		}
	}()
	New(Options{Frames: []string{"a"}}).Merge(New(Options{Frames: []string{"b"}}))
}

func TestNoNaNInCSV(t *testing.T) {
	for _, w := range []string{WeightArticle, WeightParagraph} {
		opt := synthOptions(100)
		opt.Weight = w
		a := New(opt)
		for _, art := range append(synth(80, 4, 4, 3), handArticles()...) {
			a.Add(art)
		}
		rows, comps := csvs(t, a)
		for _, b := range [][]byte{rows, comps} {
			if s := strings.ToLower(string(b)); strings.Contains(s, "nan") || strings.Contains(s, "inf") {
				t.Errorf("weight %s: CSV contains NaN or Inf", w)
			}
		}
		for _, r := range a.Rows() {
			if math.IsNaN(r.Value) {
				t.Errorf("NaN value in %+v", r)
			}
			if (r.Interval == "none") != math.IsNaN(r.Low) || math.IsNaN(r.Low) != math.IsNaN(r.High) {
				t.Errorf("interval label and bounds disagree in %+v", r)
			}
		}
	}
}

func TestWeighting(t *testing.T) {
	// One long negative article and two short positive ones: weighting by
	// article gives (−1+1+1)/3, by paragraph (−8+1+1)/10.
	arts := []Article{
		{Doc: "long", Source: "S", Year: 2020, Paras: make([]Para, 8)},
		{Doc: "s1", Source: "S", Year: 2020, Paras: []Para{{Tone: 1}}},
		{Doc: "s2", Source: "S", Year: 2020, Paras: []Para{{Tone: 1}}},
	}
	for i := range arts[0].Paras {
		arts[0].Paras[i].Tone = -1
	}
	for _, tc := range []struct {
		weight string
		want   float64
	}{
		{WeightArticle, 1.0 / 3},
		{WeightParagraph, -0.6},
	} {
		a := New(Options{Weight: tc.weight})
		for _, art := range arts {
			a.Add(art)
		}
		r, _ := find(a.Rows(), "all", "all", "all", "tone_mean")
		if math.Abs(r.Value-tc.want) > 1e-12 || r.NArticles != 3 || r.NParagraphs != 10 {
			t.Errorf("%s: got %+v, want %v", tc.weight, r, tc.want)
		}
	}
}

func TestBootstrapIsClustered(t *testing.T) {
	// 40 articles of 10 identical paragraphs each: the information is in 40
	// articles, not 400 paragraphs. The bootstrap interval must match the
	// article-level t interval (half-width ±25%), not one 1/√10 as wide.
	r := rand.New(rand.NewPCG(1, 2))
	var arts []Article
	var means []float64
	for i := range 40 {
		v := math.Max(-1, math.Min(1, r.NormFloat64()*0.4))
		means = append(means, v)
		ps := make([]Para, 10)
		for j := range ps {
			ps[j] = Para{Voice: "outlet", Tone: v}
		}
		arts = append(arts, Article{Doc: fmt.Sprint(i), Source: "S", Year: 2020, Paras: ps})
	}
	lo, hi := stats.MeanCI(means, 0.95)
	want := (hi - lo) / 2
	for _, w := range []string{WeightArticle, WeightParagraph} {
		a := New(Options{Weight: w, Seed: 9})
		for _, art := range arts {
			a.Add(art)
		}
		row, _ := find(a.Rows(), "all", "all", "all", "tone_mean")
		got := (row.High - row.Low) / 2
		if row.Interval != "bootstrap-articles" || math.Abs(got-want) > 0.25*want {
			t.Errorf("%s: %s half-width %.4f, want ≈ %.4f", w, row.Interval, got, want)
		}
	}
}

func TestSeedChangesOnlyIntervals(t *testing.T) {
	arts := synth(100, 2, 2, 5)
	var rows [2][]Row
	for s := range rows {
		opt := synthOptions(200)
		opt.Seed = uint64(s)
		a := New(opt)
		for _, art := range arts {
			a.Add(art)
		}
		rows[s] = a.Rows()
	}
	differ := false
	for i := range rows[0] {
		x, y := rows[0][i], rows[1][i]
		if x.Value != y.Value || x.NArticles != y.NArticles || x.Interval != y.Interval {
			t.Fatalf("seed changed an estimate: %+v vs %+v", x, y)
		}
		differ = differ || x.Low != y.Low
	}
	if !differ {
		t.Error("different seeds gave identical bootstrap intervals")
	}
}

func TestComparisons(t *testing.T) {
	a := New(Options{Frames: []string{"f"}})
	// outlet A: article tones 0.1·i, frame in 2 of 6; B: −0.1·i, frame in 5 of 6; C: one article (left out)
	for i := range 6 {
		a.Add(Article{Doc: fmt.Sprint("a", i), Source: "A", Paras: []Para{{Tone: 0.1 * float64(i), Frames: []bool{i < 2}}}})
		a.Add(Article{Doc: fmt.Sprint("b", i), Source: "B", Paras: []Para{{Tone: -0.1 * float64(i), Frames: []bool{i < 5}}}})
	}
	a.Add(Article{Doc: "c", Source: "C", Paras: []Para{{Tone: 1}}})
	cs := a.Comparisons()
	x := []float64{0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5}
	y := []float64{0, -0.1, -0.2, -0.30000000000000004, -0.4, -0.5}
	wt, wdf, wp := stats.WelchT(x, y)
	mw, mp := stats.MannWhitney(x, y)
	want := map[string][3]float64{
		"tone_mean/all/" + TestWelch:       {wt, wdf, wp},
		"tone_mean/all/" + TestMannWhitney: {mw, nan, mp},
		"f_presence/all/" + TestFisher:     {nan, nan, stats.FisherExact2x2(2, 4, 5, 1)},
	}
	seen := 0
	for _, c := range cs {
		if c.A == "C" || c.B == "C" {
			t.Errorf("outlet with one article compared: %+v", c)
		}
		w, ok := want[c.Measure+"/"+c.Voice+"/"+c.Test]
		if !ok {
			continue
		}
		seen++
		if c.A != "A" || c.B != "B" || c.NA != 6 || c.NB != 6 ||
			!same(c.Statistic, w[0]) || !same(c.DF, w[1]) || !same(c.P, w[2]) || !same(c.PHolm, w[2]) {
			t.Errorf("%s: got %+v, want stat %v df %v p %v", c.Test, c, w[0], w[1], w[2])
		}
		if c.Test == TestFisher {
			d, lo, hi := stats.DiffProportions(2, 6, 5, 6, stats.Z95)
			if !same(c.Effect, d) || !same(c.EffectLow, lo) || !same(c.EffectHigh, hi) || c.EffectName != "diff_proportions" {
				t.Errorf("effect %+v, want %v [%v, %v]", c, d, lo, hi)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of %d expected comparisons in %d", seen, len(want), len(cs))
	}
}

func same(x, y float64) bool {
	return x == y || math.IsNaN(x) && math.IsNaN(y) || math.Abs(x-y) < 1e-12
}

func TestComparisonsHolm(t *testing.T) {
	arts := synth(300, 4, 2, 11)
	a := New(synthOptions(50))
	for _, art := range arts {
		a.Add(art)
	}
	cs := a.Comparisons()
	fam := map[string][]float64{}
	famHolm := map[string][]float64{}
	for _, c := range cs {
		k := c.Measure + "/" + c.Voice + "/" + family(c.Test)
		fam[k] = append(fam[k], c.P)
		famHolm[k] = append(famHolm[k], c.PHolm)
	}
	if len(fam) == 0 {
		t.Fatal("no comparisons")
	}
	for k, p := range fam {
		if len(p) != 6 { // 4 outlets → 6 pairs
			t.Errorf("%s: %d pairs, want 6", k, len(p))
		}
		for i, q := range stats.Holm(p) {
			if !same(q, famHolm[k][i]) {
				t.Errorf("%s: PHolm %v, want %v", k, famHolm[k][i], q)
			}
		}
	}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got, *update)
}

func TestGolden(t *testing.T) {
	for _, w := range []string{WeightArticle, WeightParagraph} {
		t.Run(w, func(t *testing.T) {
			opt := synthOptions(300)
			opt.Weight = w
			a := New(opt)
			for _, art := range synth(60, 3, 2, 1) {
				a.Add(art)
			}
			rows, comps := csvs(t, a)
			checkGolden(t, "rows-"+w+".csv", rows)
			checkGolden(t, "comparisons-"+w+".csv", comps)
		})
	}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  Options
		ok   bool
	}{
		{"zero", Options{}, true},
		{"full", Options{Frames: []string{"a", "b"}, Actors: []string{"a"}, Weight: WeightParagraph, Resamples: 10, Level: 0.9}, true},
		{"bad weight", Options{Weight: "words"}, false},
		{"negative resamples", Options{Resamples: -1}, false},
		{"negative max-bootstrap", Options{MaxBootstrap: -1}, false},
		{"level 1", Options{Level: 1}, false},
		{"repeated frame", Options{Frames: []string{"a", "a"}}, false},
		{"empty actor", Options{Actors: []string{""}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.opt.Validate(); (err == nil) != tc.ok {
				t.Errorf("Validate() = %v, want ok %v", err, tc.ok)
			}
		})
	}
}

// TestBootstrapCoverage simulates corpora whose articles differ (clustered
// paragraphs) and checks that the 95% bootstrap interval of the pooled tone
// covers the true mean about 95% of the time. Paragraph-level resampling
// would cover far less often here.
func TestBootstrapCoverage(t *testing.T) {
	const sims, nArt = 150, 30
	r := rand.New(rand.NewPCG(5, 6))
	covered := 0
	for s := range sims {
		a := New(Options{Weight: WeightParagraph, Resamples: 100, Seed: uint64(s)})
		for i := range nArt {
			mu := r.NormFloat64() * 0.3 // true mean 0
			ps := make([]Para, 2+r.IntN(8))
			for j := range ps {
				ps[j] = Para{Tone: mu + r.NormFloat64()*0.1}
			}
			a.Add(Article{Doc: fmt.Sprint(i), Source: fmt.Sprint("o", i%3), Year: 2000 + i%2, Paras: ps})
		}
		row, _ := find(a.Rows(), "all", "all", "all", "tone_mean")
		if row.Interval != "bootstrap-articles" {
			t.Fatalf("interval %s", row.Interval)
		}
		if row.Low <= 0 && 0 <= row.High {
			covered++
		}
	}
	t.Logf("coverage %d/%d", covered, sims)
	// Percentile intervals on 30 clusters run a little short of 95%.
	if c := float64(covered) / sims; c < 0.86 || c > 0.99 {
		t.Errorf("coverage %.3f, want ≈ 0.95", c)
	}
}

// TestSmallShareCoverage checks the claim behind the small-group share
// interval: with every paragraph of an article agreeing (the worst case for
// clustering) and articles of unequal length, Wilson on the effective
// number of articles still covers the true share at about the nominal
// rate, where treating the paragraphs as independent would not.
func TestSmallShareCoverage(t *testing.T) {
	const sims, truth = 400, 0.3
	r := rand.New(rand.NewPCG(8, 9))
	covered, naive := 0, 0
	for range sims {
		a := New(Options{Frames: []string{"f"}, Weight: WeightParagraph})
		k, n := 0, 0
		for i := range 6 {
			on := r.Float64() < truth
			ps := make([]Para, 1+r.IntN(15))
			for j := range ps {
				ps[j] = Para{Tone: nan, Frames: []bool{on}}
			}
			if on {
				k += len(ps)
			}
			n += len(ps)
			a.Add(Article{Doc: fmt.Sprint(i), Source: "S", Paras: ps})
		}
		row, _ := find(a.Rows(), "all", "all", "all", "f_share")
		if row.Interval != "wilson" {
			t.Fatalf("interval %s", row.Interval)
		}
		if row.Low <= truth && truth <= row.High {
			covered++
		}
		if lo, hi := stats.Wilson(k, n, stats.Z95); lo <= truth && truth <= hi {
			naive++
		}
	}
	t.Logf("coverage %d/%d; paragraphs as independent units %d/%d", covered, sims, naive, sims)
	if c := float64(covered) / sims; c < 0.92 {
		t.Errorf("coverage %.3f, want ≥ 0.92", c)
	}
	if naive >= covered {
		t.Errorf("paragraph-level interval covered as often (%d) as the article-level one (%d)", naive, covered)
	}
}

// family groups comparisons for Holm's adjustment.
func family(test string) string {
	if test == TestFisher {
		return TestChiSquare
	}
	return test
}
