package frames

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/evaldata"
	"github.com/framescope/framescope/analysis/token"
)

// unit is one coded unit of an article: its bytes, whether it is decided (a
// body unit), and its gold labels per frame of the default codebook.
type unit struct {
	id     string
	span   token.Span
	decide bool
	gold   [3]bool
}

type codedArticle struct {
	name  string
	text  string
	units []unit
}

var goldFrames = [3]string{"us_israel_threat", "muslim_unity", "border_security"}

// prf holds one frame's confusion counts.
type prf struct{ tp, fp, fn, tn int }

// empty reports a frame with neither gold positives nor decisions in a set:
// its F1 is undefined, and the macro average leaves it out.
func (c prf) empty() bool { return c.tp+c.fp+c.fn == 0 }

func (c prf) scores() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// evaluate runs the matcher over every article, each unit one paragraph (its
// one sentence), and counts decisions against the gold labels of decided
// units. It returns the counts and the macro F1, and lists the errors.
func evaluate(m *Matcher, arts []codedArticle) ([3]prf, float64, []string) {
	var c [3]prf
	var errs []string
	idx := [3]int{}
	for i, id := range goldFrames {
		idx[i] = m.Codebook().FrameIndex(id)
	}
	for _, a := range arts {
		paras := make([]Para, len(a.units))
		for i, u := range a.units {
			paras[i] = Para{Span: u.span, Sentences: []token.Span{u.span}, Tokens: token.Tokenize(a.text, u.span, nil), Decide: u.decide}
		}
		res := m.Article(a.text, paras)
		for i, u := range a.units {
			if !u.decide {
				continue
			}
			for k := range goldFrames {
				got := res[i].Frames[idx[k]].On
				switch {
				case got && u.gold[k]:
					c[k].tp++
				case got:
					c[k].fp++
					errs = append(errs, fmt.Sprintf("FP %s %s: %s %v", goldFrames[k], u.id, a.text[u.span.Start:u.span.End], hitTerms(res[i].Frames[idx[k]].Hits)))
				case u.gold[k]:
					c[k].fn++
					errs = append(errs, fmt.Sprintf("FN %s %s: %s %v", goldFrames[k], u.id, a.text[u.span.Start:u.span.End], hitTerms(res[i].Frames[idx[k]].Hits)))
				default:
					c[k].tn++
				}
			}
		}
	}
	var macro float64
	n := 0
	for k := range c {
		if c[k].empty() {
			continue
		}
		_, _, f := c[k].scores()
		macro += f
		n++
	}
	if n > 0 {
		macro /= float64(n)
	}
	return c, macro, errs
}

func hitTerms(hs []Hit) []string {
	var out []string
	for _, h := range hs {
		s := h.Term
		if h.Negated {
			s = "¬" + s
		}
		out = append(out, s)
	}
	return out
}

// frameFloor is the project's goal for every frame's F1.
const frameFloor = 0.80

func reportPRF(t *testing.T, set string, c [3]prf, macro float64) {
	t.Helper()
	for k, id := range goldFrames {
		if c[k].empty() {
			t.Logf("%s %-17s no gold positives and no decisions (%d true negatives)", set, id, c[k].tn)
			continue
		}
		p, r, f := c[k].scores()
		t.Logf("%s %-17s P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", set, id, p, r, f, c[k].tp, c[k].fp, c[k].fn)
		if f < frameFloor {
			t.Errorf("%s: %s F1 %.3f < %.2f", set, id, f, frameFloor)
		}
	}
	t.Logf("%s macro F1 = %.3f", set, macro)
}

// readSeedsGold reads the seeds' gold units from the shared folder and the
// seed files from the repository.
func readSeedsGold(t *testing.T) []codedArticle {
	t.Helper()
	col, rows := evaldata.ReadCSV(t, "eval/frames-seeds-gold.csv")
	var arts []codedArticle
	byFile := map[string]int{}
	for _, r := range rows {
		file := r[col["file"]]
		ai, ok := byFile[file]
		if !ok {
			data, err := os.ReadFile(filepath.Join("..", "..", "seeds", file))
			if err != nil {
				t.Fatal(err)
			}
			ai = len(arts)
			byFile[file] = ai
			arts = append(arts, codedArticle{name: file, text: string(data)})
		}
		start, _ := strconv.Atoi(r[col["start"]])
		end, _ := strconv.Atoi(r[col["end"]])
		u := unit{id: r[col["unit"]], span: token.Span{Start: start, End: end}, decide: r[col["role"]] == "body"}
		for k, id := range goldFrames {
			u.gold[k] = r[col[id]] == "1"
		}
		arts[ai].units = append(arts[ai].units, u)
	}
	return arts
}

// readDevSet reads testdata/dev.txt: articles separated by "=== name" lines;
// each unit a line "LLL | text" with L the 0/1 labels of us_israel_threat,
// muslim_unity and border_security, or "H | text" for a headline (context only).
func readDevSet(t testing.TB, path string) []codedArticle {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var arts []codedArticle
	var b strings.Builder
	sc := bufio.NewScanner(f)
	line := 0
	flush := func() {
		if len(arts) > 0 {
			arts[len(arts)-1].text = b.String()
		}
		b.Reset()
	}
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if name, ok := strings.CutPrefix(s, "=== "); ok {
			flush()
			arts = append(arts, codedArticle{name: name})
			continue
		}
		labels, text, ok := strings.Cut(s, " | ")
		if !ok || len(arts) == 0 {
			t.Fatalf("%s:%d: want \"LLL | text\" inside an article", path, line)
		}
		a := &arts[len(arts)-1]
		u := unit{id: fmt.Sprintf("%s:%d", filepath.Base(path), line), decide: labels != "H"}
		if u.decide {
			if len(labels) != 3 || strings.Trim(labels, "01") != "" {
				t.Fatalf("%s:%d: labels %q: want three 0/1 digits or H", path, line, labels)
			}
			for k := range goldFrames {
				u.gold[k] = labels[k] == '1'
			}
		}
		u.span.Start = b.Len()
		b.WriteString(text)
		u.span.End = b.Len()
		b.WriteString("\n\n")
		a.units = append(a.units, u)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	flush()
	return arts
}

// The floors sit just below what the default codebook reached when it was
// written (see the report in CODEBOOK.md), so that a regression fails.
const (
	seedsMacroFloor     = 0.97 // measured 1.000
	devMacroFloor       = 0.98 // measured 0.986, 1.000 after round 2
	devTestMacroFloor   = 0.96 // measured 0.960 (first runs of its batches: see CODEBOOK.md); 0.972 after round 3
	heldOut3MacroFloor  = 0.98 // first (untuned) run 0.849; 0.958 after the fixes it prompted; 0.980 after round 3; 1.000 after round 4
	heldOut4MacroFloor  = 0.97 // measured 0.905 once; 0.974 after changes prompted by heldout6; 1.000 after round 3
	heldOut5MacroFloor  = 0.96 // first (untuned) run 0.884 (0.906 with one unit recoded); 0.943 after its fixes; 0.980 after round 3
	heldOut6MacroFloor  = 0.97 // untuned run 0.811 (0.841 recoded); 1.000 after its fixes
	heldOut2MacroFloor  = 0.96 // first run 0.844 (untuned); 0.983 after round 2 fixed its errors
	heldOut7MacroFloor  = 0.98 // first (untuned) run 0.848; 1.000 after round 3
	heldOut8MacroFloor  = 0.95 // first (untuned) run 0.933; 0.970 after round 3
	heldOut9MacroFloor  = 0.97 // first (untuned) run 0.897 (0.927 with one unit recoded); 1.000 after its fixes
	heldOut10MacroFloor = 0.97 // first (untuned) run 0.806 (threat 0.667); 0.986 after its fixes
	heldOut11MacroFloor = 0.91 // first (untuned) run 0.833; 0.927 after its fixes
	heldOut12MacroFloor = 0.97 // first (untuned) run 0.830; 1.000 after its fixes and round 3's later ones
	heldOut13MacroFloor = 0.97 // first (untuned) run 0.974; 1.000 after its one fix
)

func TestAccuracySeedsGold(t *testing.T) {
	arts := readSeedsGold(t)
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "seeds", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < seedsMacroFloor {
		t.Errorf("seeds gold macro F1 %.3f < floor %.3f", macro, seedsMacroFloor)
	}
}

func TestAccuracyDevSet(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "dev.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "dev", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < devMacroFloor {
		t.Errorf("dev set macro F1 %.3f < floor %.3f", macro, devMacroFloor)
	}
}

func TestAccuracyDevTestSet(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "devtest.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "devtest", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < devTestMacroFloor {
		t.Errorf("held-out dev set macro F1 %.3f < floor %.3f", macro, devTestMacroFloor)
	}
}

func TestAccuracyHeldOut3(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "heldout3.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "heldout3", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < heldOut3MacroFloor {
		t.Errorf("held-out set 3 macro F1 %.3f < floor %.3f", macro, heldOut3MacroFloor)
	}
}

func TestAccuracyHeldOut4(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "heldout4.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "heldout4", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < heldOut4MacroFloor {
		t.Errorf("held-out set 4 macro F1 %.3f < floor %.3f", macro, heldOut4MacroFloor)
	}
}

func TestAccuracyHeldOut5(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "heldout5.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "heldout5", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < heldOut5MacroFloor {
		t.Errorf("held-out set 5 macro F1 %.3f < floor %.3f", macro, heldOut5MacroFloor)
	}
}

func TestAccuracyHeldOut6(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "heldout6.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "heldout6", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < heldOut6MacroFloor {
		t.Errorf("held-out set 6 macro F1 %.3f < floor %.3f", macro, heldOut6MacroFloor)
	}
}

func TestAccuracyHeldOut2(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "heldout2.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "heldout2", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < heldOut2MacroFloor {
		t.Errorf("held-out set 2 macro F1 %.3f < floor %.3f", macro, heldOut2MacroFloor)
	}
}

// Out of domain: how often the frames fire on New York Times editorial
// sentences (US domestic and world news, none about Iran–Pakistan relations).
// Each snippet "A_S" is sentence S of article A; the sentences of one article
// are read together, so that context rules see their article.
const (
	nytThreatCeiling = 17 // measured 16 (the same before and after rounds 2 and 3)
	nytUnityCeiling  = 1  // measured 0
	nytBorderCeiling = 2  // measured 1
)

func TestOutOfDomainNYT(t *testing.T) {
	path := evaldata.Path(t, "eval/nyt-editorial-snippets-dev.tsv")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var arts []codedArticle
	var b strings.Builder
	last := ""
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 {
			t.Fatalf("%s:%d: want id, score and text", path, i+1)
		}
		art, _, _ := strings.Cut(f[0], "_")
		if art != last || len(arts) == 0 {
			if len(arts) > 0 {
				arts[len(arts)-1].text = b.String()
			}
			b.Reset()
			arts = append(arts, codedArticle{name: art})
			last = art
		}
		a := &arts[len(arts)-1]
		u := unit{id: f[0], decide: true}
		u.span.Start = b.Len()
		b.WriteString(f[2])
		u.span.End = b.Len()
		b.WriteString("\n\n")
		a.units = append(a.units, u)
	}
	arts[len(arts)-1].text = b.String()
	c, _, errs := evaluate(NewMatcher(Default()), arts)
	n := 0
	for _, a := range arts {
		n += len(a.units)
	}
	ceil := [3]int{nytThreatCeiling, nytUnityCeiling, nytBorderCeiling}
	for k, id := range goldFrames {
		t.Logf("nyt %-17s fires on %d of %d sentences", id, c[k].fp, n)
		if c[k].fp > ceil[k] {
			t.Errorf("nyt: %s fires on %d sentences > ceiling %d", id, c[k].fp, ceil[k])
		}
	}
	for _, e := range errs {
		t.Log(e)
	}
}

func TestAccuracyHeldOut7(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "heldout7.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "heldout7", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < heldOut7MacroFloor {
		t.Errorf("held-out set 7 macro F1 %.3f < floor %.3f", macro, heldOut7MacroFloor)
	}
}

func TestAccuracyHeldOut8(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "heldout8.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "heldout8", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < heldOut8MacroFloor {
		t.Errorf("held-out set 8 macro F1 %.3f < floor %.3f", macro, heldOut8MacroFloor)
	}
}

func TestAccuracyHeldOut9(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "heldout9.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "heldout9", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < heldOut9MacroFloor {
		t.Errorf("held-out set 9 macro F1 %.3f < floor %.3f", macro, heldOut9MacroFloor)
	}
}

func TestAccuracyHeldOut10(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "heldout10.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "heldout10", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < heldOut10MacroFloor {
		t.Errorf("held-out set 10 macro F1 %.3f < floor %.3f", macro, heldOut10MacroFloor)
	}
}

func TestAccuracyHeldOut11(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "heldout11.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "heldout11", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < heldOut11MacroFloor {
		t.Errorf("held-out set 11 macro F1 %.3f < floor %.3f", macro, heldOut11MacroFloor)
	}
}

func TestAccuracyHeldOut12(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "heldout12.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "heldout12", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < heldOut12MacroFloor {
		t.Errorf("held-out set 12 macro F1 %.3f < floor %.3f", macro, heldOut12MacroFloor)
	}
}

func TestAccuracyHeldOut13(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "heldout13.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "heldout13", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < heldOut13MacroFloor {
		t.Errorf("held-out set 13 macro F1 %.3f < floor %.3f", macro, heldOut13MacroFloor)
	}
}

// Round 4's sets: heldout14-17 written before any round 4 change, 18-25 each
// after the previous set's fixes; each scored once untuned (the first-run
// figures are in each file's header). The floors sit just under what round
// 4's changes reached on them.
func TestAccuracyHeldOutRound4(t *testing.T) {
	tests := []struct {
		name  string
		floor float64
	}{
		{"heldout14", 0.98}, // first (untuned) run 0.814; 1.000 after round 4
		{"heldout15", 0.96}, // first (untuned) run 0.822; 0.982 after round 4
		{"heldout16", 0.98}, // first (untuned) run 0.833; 1.000 after round 4
		{"heldout17", 0.94}, // first (untuned) run 0.626; 0.963 after round 4
		{"heldout18", 0.93}, // written after round 4's changes: first run 0.915; 0.952 after its one fix
		{"heldout19", 0.96}, // written after round 4 and heldout18's fix: first run 0.947; 0.982 after its fix
		{"heldout20", 0.98}, // written after all of round 4: first run 0.937 (0.963 recoded); 1.000 after its fix
		{"heldout21", 0.88}, // Israeli, Indian, US think-tank outlets: first run 0.635; 0.896 after its fixes
		{"heldout22", 0.98}, // first run 0.866 (0.903 recoded); 1.000 after its fixes
		{"heldout23", 0.91}, // defence ties: first run 0.792 (0.889 recoded); 0.933 after its fix
		{"heldout24", 0.98}, // the corpus's outlets: first run 0.886 (0.933 recoded); 1.000 after its fixes
		{"heldout25", 0.98}, // unity-weighted: first run 0.971 (no border units); 1.000 after its fix
		{"heldout26", 0.98}, // border-region outlets: first run 0.900 (0.955 recoded); 1.000 after its fix
	}
	m := NewMatcher(Default())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := readDevSet(t, filepath.Join("testdata", tt.name+".txt"))
			c, macro, errs := evaluate(m, arts)
			reportPRF(t, tt.name, c, macro)
			for _, e := range errs {
				t.Log(e)
			}
			if macro < tt.floor {
				t.Errorf("%s macro F1 %.3f < floor %.3f", tt.name, macro, tt.floor)
			}
		})
	}
}

// Round 5's sets: an independent check written by a second helper from the
// shared coding instructions alone, before reading the default codebook or
// any earlier set; each scored once untuned (first-run figures in each file's
// header), then the misses fixed as cue families. heldout30 was written after
// those fixes, to probe them. The floors sit just under what round 5 reached.
func TestAccuracyHeldOutRound5(t *testing.T) {
	tests := []struct {
		name  string
		floor float64
		pool  bool // one of the independent sets, pooled in the log
	}{
		{"heldout27", 0.98, true},  // Iranian, Arab, Turkish outlets: first run 0.900; 1.000 after round 5
		{"heldout28", 0.92, true},  // Pakistani, Indian, Western outlets: first run 0.785 (threat 0.667); 0.933 after round 5
		{"heldout29", 0.98, true},  // near-misses, denials, hypotheticals: first run 0.963; 1.000 after round 5
		{"heldout30", 0.98, false}, // a probe of round 5's fixes, written after them: first run 0.974; 1.000 after its fix
	}
	m := NewMatcher(Default())
	var pooled [3]prf
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := readDevSet(t, filepath.Join("testdata", tt.name+".txt"))
			c, macro, errs := evaluate(m, arts)
			if tt.pool {
				for k := range c {
					pooled[k].tp += c[k].tp
					pooled[k].fp += c[k].fp
					pooled[k].fn += c[k].fn
					pooled[k].tn += c[k].tn
				}
			}
			reportPRF(t, tt.name, c, macro)
			for _, e := range errs {
				t.Log(e)
			}
			if macro < tt.floor {
				t.Errorf("%s macro F1 %.3f < floor %.3f", tt.name, macro, tt.floor)
			}
		})
	}
	var macro float64
	for k := range pooled {
		_, _, f := pooled[k].scores()
		macro += f
	}
	reportPRF(t, "heldout27-29 pooled", pooled, macro/3)
}

// Round 6's independent check: heldout31-33 written by a third helper from the
// shared coding instructions alone, before reading the default codebook or
// any other set, and scored once untuned at 9407f5b (first-run figures in each
// file's header; pooled macro 0.824: threat 0.842, unity 0.774, border 0.857).
// TUNED ON since: the families of their misses were added to default.yaml
// (round 6, after 88e3e0e: harm named by its effect, the actor's force in
// concrete words, paying for sectarian discord, a stand-in tied by the
// article, the West as a place, Israel's own politics; shared destiny, the
// Muslim world as no spectator, division as an aim, rejected calls, rulers'
// silence, division of states not named as Muslim; the response to a
// neighbour's strike, havens near the border, the border as a front line,
// traders' strikes, far countries' borders), so these figures are no longer
// held-out evidence. The floors sit just under what those changes reached.
func TestAccuracyHeldOutRound6Independent(t *testing.T) {
	tests := []struct {
		name  string
		floor float64
	}{
		{"heldout31", 0.98}, // Iranian outlets: first run 0.822 (threat 0.800, unity 0.833, border 0.833); 0.852 at 88e3e0e; 1.000 after round 6's families
		{"heldout32", 0.98}, // Pakistani outlets: first run 0.833 (threat 0.923, unity 0.667, border 0.909); 0.896 at 88e3e0e; 1.000 after
		{"heldout33", 0.98}, // Arab, Turkish, Indian, Western: first run 0.816 (threat 0.842, unity 0.857, border 0.750); 0.816 at 88e3e0e; 1.000 after
	}
	m := NewMatcher(Default())
	var pooled [3]prf
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := readDevSet(t, filepath.Join("testdata", tt.name+".txt"))
			c, macro, errs := evaluate(m, arts)
			for k := range c {
				pooled[k].tp += c[k].tp
				pooled[k].fp += c[k].fp
				pooled[k].fn += c[k].fn
				pooled[k].tn += c[k].tn
			}
			reportPRF(t, tt.name, c, macro)
			for _, e := range errs {
				t.Log(e)
			}
			if macro < tt.floor {
				t.Errorf("%s macro F1 %.3f < floor %.3f", tt.name, macro, tt.floor)
			}
		})
	}
	var macro float64
	for k := range pooled {
		_, _, f := pooled[k].scores()
		macro += f
	}
	reportPRF(t, "heldout31-33 pooled", pooled, macro/3)
	if macro/3 < 0.98 { // first run 0.824; 0.858 at 88e3e0e; 1.000 after round 6's families
		t.Errorf("heldout31-33 pooled macro F1 %.3f < floor 0.98", macro/3)
	}
}

// Round 6's own sets, written before any round 6 change (first-run figures
// in each file's header); the floors sit just under what round 6 reached.
func TestAccuracyHeldOutRound6(t *testing.T) {
	tests := []struct {
		name  string
		floor float64
	}{
		{"heldout40", 0.98}, // communiqués, press releases, snapback, Chabahar, Gaza: first run 0.955; 1.000 after its fixes
		{"heldout41", 0.98}, // fuel, pilgrims, deportations, floods, a sermon, a column: first run 0.847; 1.000 after its fixes
		{"heldout42", 0.98}, // a probe of round 6's fixes, written after them: first run 0.886; 1.000 after its fixes
		{"heldout43", 0.94}, // a second probe, neutral wire copy and border recall: first run 0.963; 0.952 after its fix
		{"heldout44", 0.93}, // a third probe, a weekly briefing, the OIC, Kayhan, the detente: first run 0.854 (0.889 recoded); 0.949 after
	}
	m := NewMatcher(Default())
	var pooled [3]prf
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := readDevSet(t, filepath.Join("testdata", tt.name+".txt"))
			c, macro, errs := evaluate(m, arts)
			for k := range c {
				pooled[k].tp += c[k].tp
				pooled[k].fp += c[k].fp
				pooled[k].fn += c[k].fn
				pooled[k].tn += c[k].tn
			}
			reportPRF(t, tt.name, c, macro)
			for _, e := range errs {
				t.Log(e)
			}
			if macro < tt.floor {
				t.Errorf("%s macro F1 %.3f < floor %.3f", tt.name, macro, tt.floor)
			}
		})
	}
	var macro float64
	for k := range pooled {
		_, _, f := pooled[k].scores()
		macro += f
	}
	reportPRF(t, "round 6 pooled", pooled, macro/3)
}

// Round 7's independent check: heldout34-36 written by a fourth helper from the
// shared coding instructions alone, before reading the default codebook or any
// other set, and scored once untuned at 88e3e0e (first-run figures in each
// file's header). This round changes no rule, so per-frame figures are logged,
// not held to frameFloor, and the floors sit just under the first run: whoever
// fixes the misses raises the floors and switches to reportPRF. Round 11
// (branch frames-tune) read heldout35's unity miss (sectarian strife stirred
// up) and border miss (the drug trade as terrorists' money) among others, so
// heldout35's later figures are partly tuned (0.918 after; pooled 0.949).
func TestAccuracyHeldOutRound7Independent(t *testing.T) {
	tests := []struct {
		name  string
		floor float64
	}{
		{"heldout34", 0.95}, // Gaza, OIC summit, UN speech, sermon, op-ed, Iran-Pakistan talks: first run 0.960 (threat 0.880)
		{"heldout35", 0.86}, // ISPR, Baloch insurgency, fuel smuggling, think-tank, Rask, ANF, Zahedan sermon: first run 0.863
		{"heldout36", 0.97}, // Taftan pilgrims, deportations, floods, quake, oil sanctions, op-ed, Leader's speech: first run 0.974
	}
	logPRF := func(t *testing.T, set string, c [3]prf, macro float64) {
		for k, id := range goldFrames {
			p, r, f := c[k].scores()
			t.Logf("%s %-17s P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", set, id, p, r, f, c[k].tp, c[k].fp, c[k].fn)
		}
		t.Logf("%s macro F1 = %.3f", set, macro)
	}
	m := NewMatcher(Default())
	var pooled [3]prf
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := readDevSet(t, filepath.Join("testdata", tt.name+".txt"))
			c, macro, errs := evaluate(m, arts)
			for k := range c {
				pooled[k].tp += c[k].tp
				pooled[k].fp += c[k].fp
				pooled[k].fn += c[k].fn
				pooled[k].tn += c[k].tn
			}
			logPRF(t, tt.name, c, macro)
			for _, e := range errs {
				t.Log(e)
			}
			if macro < tt.floor {
				t.Errorf("%s macro F1 %.3f < floor %.3f", tt.name, macro, tt.floor)
			}
		})
	}
	var macro float64
	for k := range pooled {
		_, _, f := pooled[k].scores()
		macro += f
	}
	logPRF(t, "heldout34-36 pooled", pooled, macro/3)
	if macro/3 < 0.92 { // first run 0.923
		t.Errorf("heldout34-36 pooled macro F1 %.3f < floor 0.92", macro/3)
	}
}

// Round 8's independent check: heldout37-39 written by a fifth helper from the
// shared coding instructions alone, before reading the default codebook or any
// other set, and scored once untuned at 2dc7dc9 (first-run figures in each
// file's header). This round changes no rule, so per-frame figures are logged,
// not held to frameFloor, and the floors sit just under the first run: whoever
// fixes the misses raises the floors and switches to reportPRF. Round 11
// (branch frames-tune) read the unity misses of heldout38-39 (a question to
// the Muslim states, a call to act each at home) and heldout37's threat miss
// (sanctions lifted), so their later figures are partly tuned (pooled 0.938:
// threat 0.895, unity 0.966, border 0.954).
func TestAccuracyHeldOutRound8Independent(t *testing.T) {
	tests := []struct {
		name  string
		floor float64
	}{
		{"heldout37", 0.96}, // Indian, Chinese, Russian, Afghan, Turkish outlets: first run 0.970 (threat 0.909)
		{"heldout38", 0.82}, // Urdu press, Senate, HRCP, IHC, envoy Q&A, letters: first run 0.827 (threat 0.667, unity 0.857)
		{"heldout39", 0.91}, // 2015-2019: Yemen vote, Raheel Sharif, Jadhav, Mirjaveh, Kayhan, Taftan: first run 0.917
	}
	logPRF := func(t *testing.T, set string, c [3]prf, macro float64) {
		for k, id := range goldFrames {
			p, r, f := c[k].scores()
			t.Logf("%s %-17s P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", set, id, p, r, f, c[k].tp, c[k].fp, c[k].fn)
		}
		t.Logf("%s macro F1 = %.3f", set, macro)
	}
	m := NewMatcher(Default())
	var pooled [3]prf
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := readDevSet(t, filepath.Join("testdata", tt.name+".txt"))
			c, macro, errs := evaluate(m, arts)
			for k := range c {
				pooled[k].tp += c[k].tp
				pooled[k].fp += c[k].fp
				pooled[k].fn += c[k].fn
				pooled[k].tn += c[k].tn
			}
			logPRF(t, tt.name, c, macro)
			for _, e := range errs {
				t.Log(e)
			}
			if macro < tt.floor {
				t.Errorf("%s macro F1 %.3f < floor %.3f", tt.name, macro, tt.floor)
			}
		})
	}
	var macro float64
	for k := range pooled {
		_, _, f := pooled[k].scores()
		macro += f
	}
	logPRF(t, "heldout37-39 pooled", pooled, macro/3)
	if macro/3 < 0.89 { // first run 0.900 (threat 0.842, unity 0.903, border 0.954)
		t.Errorf("heldout37-39 pooled macro F1 %.3f < floor 0.89", macro/3)
	}
}

// Round 9's independent check: heldout60-62 written by a sixth helper from the
// shared coding instructions alone, before reading the default codebook or any
// other set, and scored once untuned at 6e8f6b0 (first-run figures in each
// file's header; pooled macro 0.930: threat 0.857, unity 0.957, border 0.977).
// TUNED ON since: the families of their misses were added to default.yaml
// (round 9: others named as the actor's next target or on its list, the actor
// as a cancer or a dagger in the body of the region or the ummah, the actor
// wishing to see others fight each other; an attribution to the actor that
// the sentence denies, Pakistan's enemies, a rift of one state with another;
// a border closed for disease), each checked on other wordings in
// testdata/dev9.txt (TestDevRound9), so these figures are no longer held-out
// evidence. The floors sit just under what those changes reached.
func TestAccuracyHeldOutRound9Independent(t *testing.T) {
	tests := []struct {
		name  string
		floor float64
	}{
		{"heldout60", 0.98}, // wire and business copy: IP pipeline, barter, power imports, Raisi 2024, COVID at Taftan, Gwadar-Chabahar: first run 0.970 (border 0.909); 1.000 after round 9's families
		{"heldout61", 0.98}, // 2025 war wire copy, Press TV debate, kabaddi, Iqbal evening, diaspora, Gaza sermon: first run 0.963 (threat 0.889); 1.000 after
		{"heldout62", 0.98}, // Jan 2024 strikes, a both-sides editorial, Jaish al-Adl, Torkham, a talk show: first run 0.790 (threat 0.571, unity 0.800); 1.000 after
	}
	m := NewMatcher(Default())
	var pooled [3]prf
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := readDevSet(t, filepath.Join("testdata", tt.name+".txt"))
			c, macro, errs := evaluate(m, arts)
			for k := range c {
				pooled[k].tp += c[k].tp
				pooled[k].fp += c[k].fp
				pooled[k].fn += c[k].fn
				pooled[k].tn += c[k].tn
			}
			reportPRF(t, tt.name, c, macro)
			for _, e := range errs {
				t.Log(e)
			}
			if macro < tt.floor {
				t.Errorf("%s macro F1 %.3f < floor %.3f", tt.name, macro, tt.floor)
			}
		})
	}
	var macro float64
	for k := range pooled {
		_, _, f := pooled[k].scores()
		macro += f
	}
	reportPRF(t, "heldout60-62 pooled", pooled, macro/3)
	if macro/3 < 0.98 { // first run 0.930 (threat 0.857, unity 0.957, border 0.977); 1.000 after round 9's families
		t.Errorf("heldout60-62 pooled macro F1 %.3f < floor 0.98", macro/3)
	}
}

// Round 10's independent check: heldout63-65 written from the shared coding
// instructions alone, before reading the default codebook or any other set's
// content, and scored once untuned at 8a688bc (first-run figures in each
// file's header; pooled macro 0.932: threat 0.895, unity 1.000, border 0.902).
// Round 10's families were then tuned on their misses (the actor's war with a
// third party or a third state's ties as background, an embargo of Muslim
// states, the actor gaining when Muslims fight; reciprocal strikes named by
// reference, control at a crossing, an attack named by its means in a border
// region, a figurative "attack on the poor"), each checked on other wordings
// in testdata/dev10.txt (TestDevRound10), so these figures are no longer
// held-out evidence. The floors sit just under what those changes reached.
func TestAccuracyHeldOutRound10Independent(t *testing.T) {
	tests := []struct {
		name  string
		floor float64
	}{
		{"heldout63", 0.98}, // Pakistani and Iranian daily news: first run 0.970 (border 0.909); 1.000 after round 10's families
		{"heldout64", 0.97}, // international coverage: first run 0.886 (threat 0.857, border 0.800); 0.980 after (one FP left: a bare Jaish al-Adl claim with no border, coded 0: the coder's call)
		{"heldout65", 0.98}, // op-eds, statements, sermons, near-misses: first run 0.970 (threat 0.909); 1.000 after
	}
	logPRF := func(t *testing.T, set string, c [3]prf, macro float64) {
		for k, id := range goldFrames {
			p, r, f := c[k].scores()
			t.Logf("%s %-17s P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", set, id, p, r, f, c[k].tp, c[k].fp, c[k].fn)
		}
		t.Logf("%s macro F1 = %.3f", set, macro)
	}
	m := NewMatcher(Default())
	var pooled [3]prf
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := readDevSet(t, filepath.Join("testdata", tt.name+".txt"))
			c, macro, errs := evaluate(m, arts)
			for k := range c {
				pooled[k].tp += c[k].tp
				pooled[k].fp += c[k].fp
				pooled[k].fn += c[k].fn
				pooled[k].tn += c[k].tn
			}
			logPRF(t, tt.name, c, macro)
			for _, e := range errs {
				t.Log(e)
			}
			if macro < tt.floor {
				t.Errorf("%s macro F1 %.3f < floor %.3f", tt.name, macro, tt.floor)
			}
		})
	}
	var macro float64
	for k := range pooled {
		_, _, f := pooled[k].scores()
		macro += f
	}
	logPRF(t, "heldout63-65 pooled", pooled, macro/3)
	if macro/3 < 0.98 { // first run 0.932; 0.994 after round 10's families (threat 1.000, unity 1.000, border 0.981)
		t.Errorf("heldout63-65 pooled macro F1 %.3f < floor 0.98", macro/3)
	}
}

// Round 11's independent check: heldout66-68 written from the shared coding
// instructions alone, before reading the default codebook or any other set's
// content, and scored once untuned at c5cbe87 (first-run figures in each
// file's header; pooled macro 0.883: threat 0.923, unity 0.818, border 0.909).
// TUNED ON since (branch frames-tune): round 11's families were written from
// their misses (members of a Muslim gathering told to act as one, "as one"
// quoted, sectarian strife sown; a party's rift, calls to act each at home,
// questions to the Muslim states; a restive border with Iran, two borders
// compared, smuggling as militants' money, a state's own territory; the
// actor alarmed by others' acts, sanctions lifted, blame laid on oneself),
// each checked on other wordings in testdata/dev11.txt (TestDevRound11), so
// these figures are no longer held-out evidence. Pooled after: 0.954 (threat
// 0.973, unity 0.909, border 0.979). The floors sit just under that; three
// misses are left as the coders' calls (see the files' headers).
func TestAccuracyHeldOutRound11Independent(t *testing.T) {
	tests := []struct {
		name  string
		floor float64
	}{
		{"heldout66", 0.98}, // Pakistani and Iranian daily news: first run 0.970 (border 0.909); 0.986 after round 11's families
		{"heldout67", 0.92}, // international coverage: first run 0.814 (threat 0.941, unity 0.500); 0.933 after (unity 0.800)
		{"heldout68", 0.93}, // statements, sermons, op-eds, near-misses: first run 0.830 (threat 0.833, unity 0.857, border 0.800); 0.944 after
	}
	logPRF := func(t *testing.T, set string, c [3]prf, macro float64) {
		for k, id := range goldFrames {
			p, r, f := c[k].scores()
			t.Logf("%s %-17s P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", set, id, p, r, f, c[k].tp, c[k].fp, c[k].fn)
		}
		t.Logf("%s macro F1 = %.3f", set, macro)
	}
	m := NewMatcher(Default())
	var pooled [3]prf
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := readDevSet(t, filepath.Join("testdata", tt.name+".txt"))
			c, macro, errs := evaluate(m, arts)
			for k := range c {
				pooled[k].tp += c[k].tp
				pooled[k].fp += c[k].fp
				pooled[k].fn += c[k].fn
				pooled[k].tn += c[k].tn
			}
			logPRF(t, tt.name, c, macro)
			for _, e := range errs {
				t.Log(e)
			}
			if macro < tt.floor {
				t.Errorf("%s macro F1 %.3f < floor %.3f", tt.name, macro, tt.floor)
			}
		})
	}
	var macro float64
	for k := range pooled {
		_, _, f := pooled[k].scores()
		macro += f
	}
	logPRF(t, "heldout66-68 pooled", pooled, macro/3)
	if macro/3 < 0.95 { // first run 0.883; 0.954 after round 11's families
		t.Errorf("heldout66-68 pooled macro F1 %.3f < floor 0.95", macro/3)
	}
}

// TestDevRound9 measures round 9's families on other wordings than the
// misses that prompted them: testdata/dev9.txt, written (ours) before the
// changes, with cases and near-misses for each family. As first coded it
// scored 0.430 before the changes (threat 0.320, unity 0.400, border 0.571)
// and 0.838 after; four unity codes were then corrected on review (see the
// file's header) and two lines moved to their own article. It scores 0.980:
// two false positives are left on purpose, "the US and China have warned
// each other" (an older cue) and hosts "quick to blame Israel" (a cue we
// dropped: "Iran was quick to blame Israel" is reported speech, which counts).
// The floor sits just under that.
func TestDevRound9(t *testing.T) {
	arts := readDevSet(t, filepath.Join("testdata", "dev9.txt"))
	c, macro, errs := evaluate(NewMatcher(Default()), arts)
	reportPRF(t, "dev9", c, macro)
	for _, e := range errs {
		t.Log(e)
	}
	if macro < 0.97 {
		t.Errorf("dev9 macro F1 %.3f < floor 0.97", macro)
	}
}
