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

// add adds o's counts to c.
func (c *prf) add(o prf) {
	c.tp += o.tp
	c.fp += o.fp
	c.fn += o.fn
	c.tn += o.tn
}

// logPRF logs a set's per-frame figures and macro F1.
func logPRF(t *testing.T, set string, c [3]prf, macro float64) {
	t.Helper()
	for k, id := range goldFrames {
		if c[k].empty() {
			t.Logf("%s %-17s no gold positives and no decisions (%d true negatives)", set, id, c[k].tn)
			continue
		}
		p, r, f := c[k].scores()
		t.Logf("%s %-17s P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", set, id, p, r, f, c[k].tp, c[k].fp, c[k].fn)
	}
	t.Logf("%s macro F1 = %.3f", set, macro)
}

// reportPRF logs as logPRF does and fails a frame whose F1 is below
// frameFloor.
func reportPRF(t *testing.T, set string, c [3]prf, macro float64) {
	t.Helper()
	logPRF(t, set, c, macro)
	for k, id := range goldFrames {
		if _, _, f := c[k].scores(); !c[k].empty() && f < frameFloor {
			t.Errorf("%s: %s F1 %.3f < %.2f", set, id, f, frameFloor)
		}
	}
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

// seedsMacroFloor sits just below what the default codebook reached on the
// seeds' gold when it was written (see the report in CODEBOOK.md), so that a
// regression fails.
const seedsMacroFloor = 0.97 // measured 1.000

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

// A codedSet is one coded file under testdata and the macro F1 below which
// it fails. The floors sit just under what the codebook reached on the set
// (for a set never tuned on, just under its first run), so that a
// regression fails; each comment gives the set's history.
type codedSet struct {
	name  string
	floor float64
	apart bool // left out of its round's pooled figure
}

// A codedRound is a batch of sets written together. When strict, each
// frame's F1 is held to frameFloor; a round no rule was changed for only
// logs them (whoever fixes its misses raises its floors and makes it strict).
type codedRound struct {
	name      string
	strict    bool
	pool      bool    // log the figure pooled over the round's sets
	poolFloor float64 // 0: the pooled figure is only logged
	sets      []codedSet
}

// ownRounds are the sets the codebook was written and tuned on: the dev
// sets, and held-out sets written by its authors after a round of changes,
// each scored once untuned (the first run is in each file's header) and then
// its misses fixed.
var ownRounds = []codedRound{
	{name: "dev", strict: true, sets: []codedSet{
		{"dev", 0.98, false},     // measured 0.986, 1.000 after round 2
		{"devtest", 0.96, false}, // measured 0.960 (first runs of its batches: see CODEBOOK.md); 0.972 after round 3
		// Round 9's families on other wordings than the misses that prompted
		// them, written (ours) before the changes, with cases and near-misses
		// for each family: 0.430 before the changes as first coded, 0.838
		// after; four unity codes were then corrected on review (see the
		// file's header). Two false positives are left on purpose, "the US
		// and China have warned each other" (an older cue) and hosts "quick
		// to blame Israel" (a cue we dropped: "Iran was quick to blame
		// Israel" is reported speech, which counts): 0.980.
		{"dev9", 0.97, false},
		// Round 10's families on other wordings, written likewise: 0.762
		// before the changes, 0.952 after (threat 1.000, border 1.000); the
		// one error left is a unity miss outside round 10's families
		// ("Muslim states went to war with each other").
		{"dev10", 0.94, false},
		// Round 11's families on other wordings: its unity units, written
		// before the unity changes, scored 0.522 before them and 1.000
		// after. Its first border units were written after the border
		// changes (a check of their reach, not a held-out measure): 1.000
		// with them; of the smuggling-funds-militants units, written before
		// that rule, two of four were missed before it and none after. Its
		// threat units were written after the threat changes: 1.000 with
		// them, one unit recoded (see the file).
		{"dev11", 0.98, false},
		// Rounds 12-13's families (frames-tune2) on other wordings, written
		// before the changes, with near-misses for each family: 0.500 as
		// first coded, 0.600 (threat 0.667, unity 0.533) with three codes
		// corrected on review before any change (see the file's header);
		// 0.986 after (one near-miss left: "Israel gained most from the 1967
		// war", an older israel + war hit). Its border units, written after
		// the border change as a check of reach: border 0.667 before, 1.000
		// after. A second probe appended (written after the threat and unity
		// changes): 0.414 before frames-tune2, 0.844 after its families,
		// 1.000 after their extension; the whole file 0.994.
		{"dev12", 0.98, false},
		// Round 14's families (frames-tune3) on other wordings, written
		// before the changes, with near-misses for each family: its threat
		// units 0.727 before (threat P 0.571: three denials of involvement
		// firing), 1.000 after the threat false-positive family; its border
		// units (appended before the border family) 0.714 before (R 0.556),
		// 0.941 after (one miss left: "work on the fence is expected to be
		// finished", where the article's border_security rule never fired);
		// the whole file 0.971 after both. Its third probe (a statement as
		// the source of reported speech, appended before the third family):
		// threat 2 false positives of 5 units before, none after; the whole
		// file 0.971 after the three families (its one miss the fence).
		// Its fourth probe (the actor backing a militant group named by
		// name; border codes corrected on review before the change, see
		// the file): threat 3 of 3 missed and none false before, all found
		// and none false after; the whole file 0.981.
		{"dev13", 0.97, false},
	}},
	{name: "rounds 2-3", strict: true, sets: []codedSet{
		{"heldout2", 0.96, false},  // first run 0.844 (untuned); 0.983 after round 2 fixed its errors
		{"heldout3", 0.98, false},  // first (untuned) run 0.849; 0.958 after the fixes it prompted; 0.980 after round 3; 1.000 after round 4
		{"heldout4", 0.97, false},  // measured 0.905 once; 0.974 after changes prompted by heldout6; 1.000 after round 3
		{"heldout5", 0.96, false},  // first (untuned) run 0.884 (0.906 with one unit recoded); 0.943 after its fixes; 0.980 after round 3
		{"heldout6", 0.97, false},  // untuned run 0.811 (0.841 recoded); 1.000 after its fixes
		{"heldout7", 0.98, false},  // first (untuned) run 0.848; 1.000 after round 3
		{"heldout8", 0.95, false},  // first (untuned) run 0.933; 0.970 after round 3
		{"heldout9", 0.97, false},  // first (untuned) run 0.897 (0.927 with one unit recoded); 1.000 after its fixes
		{"heldout10", 0.97, false}, // first (untuned) run 0.806 (threat 0.667); 0.986 after its fixes
		{"heldout11", 0.91, false}, // first (untuned) run 0.833; 0.927 after its fixes
		{"heldout12", 0.97, false}, // first (untuned) run 0.830; 1.000 after its fixes and round 3's later ones
		{"heldout13", 0.97, false}, // first (untuned) run 0.974; 1.000 after its one fix
	}},
	// heldout14-17 written before any round 4 change, 18-25 each after the
	// previous set's fixes.
	{name: "round 4", strict: true, sets: []codedSet{
		{"heldout14", 0.98, false}, // first (untuned) run 0.814; 1.000 after round 4
		{"heldout15", 0.96, false}, // first (untuned) run 0.822; 0.982 after round 4
		{"heldout16", 0.98, false}, // first (untuned) run 0.833; 1.000 after round 4
		{"heldout17", 0.94, false}, // first (untuned) run 0.626; 0.963 after round 4
		{"heldout18", 0.93, false}, // written after round 4's changes: first run 0.915; 0.952 after its one fix
		{"heldout19", 0.96, false}, // written after round 4 and heldout18's fix: first run 0.947; 0.982 after its fix
		{"heldout20", 0.98, false}, // written after all of round 4: first run 0.937 (0.963 recoded); 1.000 after its fix
		{"heldout21", 0.88, false}, // Israeli, Indian, US think-tank outlets: first run 0.635; 0.896 after its fixes
		{"heldout22", 0.98, false}, // first run 0.866 (0.903 recoded); 1.000 after its fixes
		{"heldout23", 0.91, false}, // defence ties: first run 0.792 (0.889 recoded); 0.933 after its fix
		{"heldout24", 0.98, false}, // the corpus's outlets: first run 0.886 (0.933 recoded); 1.000 after its fixes
		{"heldout25", 0.98, false}, // unity-weighted: first run 0.971 (no border units); 1.000 after its fix
		{"heldout26", 0.98, false}, // border-region outlets: first run 0.900 (0.955 recoded); 1.000 after its fix
	}},
	// An independent check written by a second helper from the shared coding
	// instructions alone, before reading the default codebook or any earlier
	// set, then the misses fixed as cue families; heldout30 was written after
	// those fixes, to probe them.
	{name: "round 5", strict: true, pool: true, sets: []codedSet{
		{"heldout27", 0.98, false}, // Iranian, Arab, Turkish outlets: first run 0.900; 1.000 after round 5
		{"heldout28", 0.92, false}, // Pakistani, Indian, Western outlets: first run 0.785 (threat 0.667); 0.933 after round 5
		{"heldout29", 0.98, false}, // near-misses, denials, hypotheticals: first run 0.963; 1.000 after round 5
		{"heldout30", 0.98, true},  // a probe of round 5's fixes, written after them: first run 0.974; 1.000 after its fix
	}},
	// Round 6's own sets, written before any round 6 change.
	{name: "round 6", strict: true, pool: true, sets: []codedSet{
		{"heldout40", 0.98, false}, // communiqués, press releases, snapback, Chabahar, Gaza: first run 0.955; 1.000 after its fixes
		{"heldout41", 0.98, false}, // fuel, pilgrims, deportations, floods, a sermon, a column: first run 0.847; 1.000 after its fixes
		{"heldout42", 0.98, false}, // a probe of round 6's fixes, written after them: first run 0.886; 1.000 after its fixes
		{"heldout43", 0.94, false}, // a second probe, neutral wire copy and border recall: first run 0.963; 0.952 after its fix
		{"heldout44", 0.93, false}, // a third probe, a weekly briefing, the OIC, Kayhan, the detente: first run 0.854 (0.889 recoded); 0.949 after
	}},
}

// independentRounds are sets each written by a helper from the shared
// coding instructions alone, before reading the default codebook or any
// other set's content, and scored once untuned (first-run figures in each
// file's header, with the commit). Round 15 was never tuned on, and its
// floors sit just under its first run. Rounds 7 and 8 were not tuned on but
// round 11's work read some of their misses, so their later figures are
// partly tuned. Rounds 6 and 9-14 were: the families of their misses were
// added to default.yaml (see CODEBOOK.md), so their figures are no longer
// held-out evidence. Each round was written while the previous one was
// tuned on: round 11's families left rounds 12-13 unchanged, rounds 12-13's
// lifted round 14 from 0.907 to 0.921, round 14's left round 15 at 0.935.
var independentRounds = []codedRound{
	// First run pooled 0.824 (threat 0.842, unity 0.774, border 0.857), 0.858
	// before round 6's families, 1.000 after them: harm named by its effect,
	// the actor's force in concrete words, paying for sectarian discord, a
	// stand-in tied by the article, the West as a place, Israel's own
	// politics; shared destiny, the Muslim world as no spectator, division
	// as an aim, rejected calls, rulers' silence, division of states not
	// named as Muslim; the response to a neighbour's strike, havens near the
	// border, the border as a front line, traders' strikes, far countries'
	// borders.
	{name: "round 6", strict: true, pool: true, poolFloor: 0.98, sets: []codedSet{
		{"heldout31", 0.98, false}, // Iranian outlets: first run 0.822 (threat 0.800, unity 0.833, border 0.833); 0.852 before round 6's families; 1.000 after
		{"heldout32", 0.98, false}, // Pakistani outlets: first run 0.833 (threat 0.923, unity 0.667, border 0.909); 0.896 before; 1.000 after
		{"heldout33", 0.98, false}, // Arab, Turkish, Indian, Western: first run 0.816 (threat 0.842, unity 0.857, border 0.750); 0.816 before; 1.000 after
	}},
	// Never tuned on: first run pooled 0.923. Round 11's work read
	// heldout35's unity miss (sectarian strife stirred up) and border miss
	// (the drug trade as terrorists' money) among others, so heldout35's
	// later figures are partly tuned (0.918 after; pooled 0.949).
	{name: "round 7", pool: true, poolFloor: 0.92, sets: []codedSet{
		{"heldout34", 0.95, false}, // Gaza, OIC summit, UN speech, sermon, op-ed, Iran-Pakistan talks: first run 0.960 (threat 0.880)
		{"heldout35", 0.86, false}, // ISPR, Baloch insurgency, fuel smuggling, think-tank, Rask, ANF, Zahedan sermon: first run 0.863
		{"heldout36", 0.97, false}, // Taftan pilgrims, deportations, floods, quake, oil sanctions, op-ed, Leader's speech: first run 0.974
	}},
	// Never tuned on: first run pooled 0.900 (threat 0.842, unity 0.903,
	// border 0.954). Round 11's work read the unity misses of heldout38-39
	// (a question to the Muslim states, a call to act each at home) and
	// heldout37's threat miss (sanctions lifted), so their later figures
	// are partly tuned (pooled 0.938: threat 0.895, unity 0.966, border
	// 0.954).
	{name: "round 8", pool: true, poolFloor: 0.89, sets: []codedSet{
		{"heldout37", 0.96, false}, // Indian, Chinese, Russian, Afghan, Turkish outlets: first run 0.970 (threat 0.909)
		{"heldout38", 0.82, false}, // Urdu press, Senate, HRCP, IHC, envoy Q&A, letters: first run 0.827 (threat 0.667, unity 0.857)
		{"heldout39", 0.91, false}, // 2015-2019: Yemen vote, Raheel Sharif, Jadhav, Mirjaveh, Kayhan, Taftan: first run 0.917
	}},
	// First run pooled 0.930 (threat 0.857, unity 0.957, border 0.977); 1.000
	// after round 9's families: others named as the actor's next target or on
	// its list, the actor as a cancer or a dagger in the body of the region or
	// the ummah, the actor wishing to see others fight each other; an
	// attribution to the actor that the sentence denies, Pakistan's enemies,
	// a rift of one state with another; a border closed for disease (each
	// checked on other wordings in dev9).
	{name: "round 9", strict: true, pool: true, poolFloor: 0.98, sets: []codedSet{
		{"heldout60", 0.98, false}, // wire and business copy: IP pipeline, barter, power imports, Raisi 2024, COVID at Taftan, Gwadar-Chabahar: first run 0.970 (border 0.909); 1.000 after round 9's families
		{"heldout61", 0.98, false}, // 2025 war wire copy, Press TV debate, kabaddi, Iqbal evening, diaspora, Gaza sermon: first run 0.963 (threat 0.889); 1.000 after
		{"heldout62", 0.98, false}, // Jan 2024 strikes, a both-sides editorial, Jaish al-Adl, Torkham, a talk show: first run 0.790 (threat 0.571, unity 0.800); 1.000 after
	}},
	// First run pooled 0.932 (threat 0.895, unity 1.000, border 0.902); 0.994
	// after round 10's families: the actor's war with a third party or a
	// third state's ties as background, an embargo of Muslim states, the
	// actor gaining when Muslims fight; reciprocal strikes named by
	// reference, control at a crossing, an attack named by its means in a
	// border region, a figurative "attack on the poor" (each checked on
	// other wordings in dev10).
	{name: "round 10", pool: true, poolFloor: 0.98, sets: []codedSet{
		{"heldout63", 0.98, false}, // Pakistani and Iranian daily news: first run 0.970 (border 0.909); 1.000 after round 10's families
		{"heldout64", 0.97, false}, // international coverage: first run 0.886 (threat 0.857, border 0.800); 0.980 after (one FP left: a bare Jaish al-Adl claim with no border, coded 0: the coder's call)
		{"heldout65", 0.98, false}, // op-eds, statements, sermons, near-misses: first run 0.970 (threat 0.909); 1.000 after
	}},
	// First run pooled 0.883 (threat 0.923, unity 0.818, border 0.909);
	// 0.954 (threat 0.973, unity 0.909, border 0.979) after round 11's
	// families: members of a Muslim gathering told to act as one, "as one"
	// quoted, sectarian strife sown; a party's rift, calls to act each at
	// home, questions to the Muslim states; a restive border with Iran, two
	// borders compared, smuggling as militants' money, a state's own
	// territory; the actor alarmed by others' acts, sanctions lifted, blame
	// laid on oneself (each checked on other wordings in dev11). Three
	// misses are left as the coders' calls (see the files' headers).
	{name: "round 11", pool: true, poolFloor: 0.95, sets: []codedSet{
		{"heldout66", 0.98, false}, // Pakistani and Iranian daily news: first run 0.970 (border 0.909); 0.986 after round 11's families
		{"heldout67", 0.92, false}, // international coverage: first run 0.814 (threat 0.941, unity 0.500); 0.933 after (unity 0.800)
		{"heldout68", 0.93, false}, // statements, sermons, op-eds, near-misses: first run 0.830 (threat 0.833, unity 0.857, border 0.800); 0.944 after
	}},
	// First run pooled 0.900 (threat 0.936, unity 0.833, border 0.930); two
	// units of heldout71 were then recoded as coding slips (cross-border
	// strikes coded 0), which makes its border 0.929 and the pooled macro
	// 0.909. Tuned on from frames-tune2: 0.995 after (threat 1.000, unity
	// 1.000, border 0.986) with rounds 12-13's families: hostility without a
	// cue word (gains from crises, the occupiers, working to damage others'
	// relations, harm brought or a next victim in a tied article), division
	// among Muslims as an enemy's gain, security tied to the Muslims',
	// event names as labels, compliance with sanctions, far places (each
	// checked on other wordings in dev12).
	{name: "round 12", strict: true, pool: true, poolFloor: 0.98, sets: []codedSet{
		{"heldout69", 0.98, false}, // Pakistani outlets: first run 0.943 (threat 0.941, unity 0.889); tuned on from frames-tune2: 1.000 after
		{"heldout70", 0.98, false}, // Iranian outlets: first run 0.901 (threat 0.941, unity 0.800, border 0.963); tuned on from frames-tune2: 1.000 after
		{"heldout71", 0.98, false}, // international outlets: first run 0.856 (threat 0.923, unity 0.800, border 0.846); 0.884 with two slips recoded; tuned on from frames-tune2: 0.988 after (border 0.963)
	}},
	// First run pooled 0.901 (threat 0.851, unity 0.882, border 0.969), at
	// 17b8708 (default.yaml as at af527d4); no unit recoded after the run.
	// Tuned on from frames-tune2 (the families above): 0.988 after (threat
	// 0.980, unity 1.000, border 0.984).
	{name: "round 13", strict: true, pool: true, poolFloor: 0.98, sets: []codedSet{
		{"heldout72", 0.98, false}, // Pakistani outlets, 2015-2023: first run 0.944 (threat 0.833); tuned on from frames-tune2: 1.000 after
		{"heldout73", 0.96, false}, // Iranian outlets, 2015-2025: first run 0.879 (threat 0.857, unity 0.833, border 0.947); tuned on from frames-tune2: 0.968 after (threat 0.957, border 0.947)
		{"heldout74", 0.98, false}, // international outlets, 2015-2024: first run 0.855 (threat 0.857, unity 0.750, border 0.957); tuned on from frames-tune2: 1.000 after
	}},
	// Tuned on from frames-tune3 (no longer held-out evidence): first run
	// pooled 0.907 (threat 0.863, unity 0.917, border 0.941), at e67557d
	// (default.yaml as there); no unit recoded after the run. Written while
	// rounds 12-13 were tuned on, unseen by that work: 0.921 after it
	// (threat 0.863, unity 0.960, border 0.941). After frames-tune3's threat
	// false-positive family: 0.933 (threat 0.898, unity 0.960, border 0.941);
	// after its border family too: 0.945 (border 0.977); after its third
	// (a statement as the source of reported speech): 0.951 (threat 0.917);
	// after its fourth (the actor backing a militant group named by name):
	// 0.959 (threat 0.939).
	{name: "round 14", pool: true, poolFloor: 0.95, sets: []codedSet{
		{"heldout75", 0.98, false}, // Pakistani outlets, 2015-2023: first run 0.944 (threat 0.923, unity 0.909); tuned on from frames-tune3: 1.000 after
		{"heldout76", 0.92, false}, // Iranian outlets, 2015-2025: first run 0.890 (threat 0.846, unity 0.857, border 0.968); tuned on from frames-tune3: 0.890 after its threat family, 0.901 after its border family (border 1.000), 0.912 after its third (threat 0.880), 0.927 after its fourth (threat 0.923)
		{"heldout77", 0.93, false}, // international outlets, 2015-2025: first run 0.900 (threat 0.833, border 0.867); tuned on from frames-tune3: 0.925 after its threat family (threat 0.909), 0.949 after its border family (border 0.938)
	}},
	// Never tuned on: first run pooled 0.935 (threat 0.895, unity 0.966,
	// border 0.943), at 3584e26 (default.yaml as there); no unit recoded
	// after the run. Written by frames-write4 while round 14 was tuned on
	// in parallel, unseen by that work: 0.935 after it too.
	{name: "round 15", pool: true, poolFloor: 0.93, sets: []codedSet{
		{"heldout78", 0.99, false}, // Pakistani outlets, 2015-2025: first run 1.000
		{"heldout79", 0.88, false}, // Iranian outlets, 2015-2024: first run 0.895 (threat 0.933, unity 0.909, border 0.842)
		{"heldout80", 0.90, false}, // international outlets, 2016-2025: first run 0.909 (threat 0.727)
	}},
}

func TestAccuracyHeldOut(t *testing.T) { testRounds(t, ownRounds) }

func TestAccuracyIndependent(t *testing.T) { testRounds(t, independentRounds) }

// testRounds scores every set of every round with the default codebook,
// logging its per-frame figures and errors, and fails a set (or a round's
// pooled figure) below its floor.
func testRounds(t *testing.T, rounds []codedRound) {
	m := NewMatcher(Default())
	for _, rd := range rounds {
		t.Run(strings.ReplaceAll(rd.name, " ", "_"), func(t *testing.T) {
			report := logPRF
			if rd.strict {
				report = reportPRF
			}
			var pooled [3]prf
			for _, set := range rd.sets {
				t.Run(set.name, func(t *testing.T) {
					arts := readDevSet(t, filepath.Join("testdata", set.name+".txt"))
					c, macro, errs := evaluate(m, arts)
					if !set.apart {
						for k := range c {
							pooled[k].add(c[k])
						}
					}
					report(t, set.name, c, macro)
					for _, e := range errs {
						t.Log(e)
					}
					if macro < set.floor {
						t.Errorf("%s macro F1 %.3f < floor %.3f", set.name, macro, set.floor)
					}
				})
			}
			if !rd.pool {
				return
			}
			var macro float64
			for k := range pooled {
				_, _, f := pooled[k].scores()
				macro += f
			}
			report(t, rd.name+" pooled", pooled, macro/3)
			if macro/3 < rd.poolFloor {
				t.Errorf("%s pooled macro F1 %.3f < floor %.2f", rd.name, macro/3, rd.poolFloor)
			}
		})
	}
}
