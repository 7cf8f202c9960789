package validate

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
	"slices"
	"sort"
	"strings"
)

// Measure is one figure with its bootstrap 95% interval.
//
// The interval comes from resampling the gold file's documents with
// replacement: Efron's BCa interval (bias-corrected and accelerated, the
// acceleration from leaving out one document at a time) with Hesterberg's
// small-sample expansion of its critical value to sqrt(n/(n−1))·t(0.975,
// n−1) for n documents (in a simulation with documents of varying accuracy,
// it covered the truth 93–94% of the time with 5 to 40 documents, where the
// plain percentile interval covered it 86–92%), or the plain percentile
// interval where BCa cannot be computed. Few documents need many
// resamples: with 5 the bounds are the 0.1% and 99.9% quantiles.
//
// Value follows score_run.py: NaN when the measure is undefined (a Pearson r
// over fewer than three paragraphs or without variation; a voice accuracy
// where the run attributes no voice), and 0 for a precision, recall or F1
// with a zero denominator. Lo and Hi use
// the resamples where the measure is defined (there a precision,
// recall or F1 with a zero denominator is undefined rather than 0, and a
// macro average is over the frames whose F1 is defined); NaN when no
// interval was computed (zero resamples) or it was never defined.
type Measure struct {
	Value, Lo, Hi float64
}

// FrameScores are the figures of one frame.
type FrameScores struct {
	ID string
	// P, R and F1 at the paragraph level: over the run's paragraphs that
	// hold at least one gold body unit; gold is 1 when any of those units has
	// the frame, the prediction is the paragraph's 0/1 column when its role is
	// body and 0 otherwise.
	P, R, F1 Measure
	// UnitF1 is the F1 per gold body unit, each predicted by its paragraph's
	// decision (it penalises oversized paragraphs).
	UnitF1 Measure
	// GoldPos is the number of scored paragraphs whose gold has the frame.
	GoldPos int
}

// RoleScore is the F1 of one role: the unit's paragraph has the role
// against the unit has it (an unmatched unit has no role).
type RoleScore struct {
	Role string
	F1   Measure
}

// Report holds every measure of score_run.py, with bootstrap intervals.
type Report struct {
	Units            int // gold units
	UnmatchedUnits   int // gold units no paragraph overlaps
	ParagraphsInRun  int
	ParagraphsScored int // paragraphs holding at least one gold body unit
	Docs             int // gold files (the bootstrap's resampling unit)

	RoleAccuracy Measure     // per gold unit, its paragraph's role equals the gold role (unmatched units count as wrong)
	BodyF1       Measure     // F1 of "the unit's paragraph is body" against "the unit is body"
	RoleF1       []RoleScore // per role (sorted), as body F1 is for body; not in score_run.py
	Frames       []FrameScores
	MacroF1      Measure // mean of the frames' paragraph-level F1
	UnitMacroF1  Measure // mean of the frames' unit-level F1
	ToneR        Measure // Pearson r of paragraph tone against the mean gold tone of its body units
	// VoiceAccuracy is the agreement with the gold voice of the units whose
	// paragraph says quote or outlet; VoiceCoverage is their share of all units.
	VoiceAccuracy Measure
	VoiceCoverage Measure

	Resamples int    // bootstrap resamples of the gold files
	Seed      uint64 // the bootstrap's seed
}

// para is what Eval keeps of a row of paragraphs.csv.
type para struct {
	start, end  int
	role, voice string
	tone        string // parsed only when used, as score_run.py does
	frames      []bool // column == "1"
}

// unit is a row of the gold file.
type unit struct {
	file        string
	start, end  int
	frames      []bool
	tone        string
	voice, role string
	line        int
}

type span struct{ start, end, i int }

// conf counts a binary decision's outcomes.
type conf struct{ tp, fp, fn int }

func (c *conf) add(pred, gold bool) {
	switch {
	case pred && gold:
		c.tp++
	case pred:
		c.fp++
	case gold:
		c.fn++
	}
}

func (c *conf) plus(o conf) { c.tp += o.tp; c.fp += o.fp; c.fn += o.fn }

// prf is score_run.py's prf: precision, recall and F1, 0 when undefined.
func (c conf) prf() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// tally holds the sufficient statistics of every measure over a set of gold
// units; tallies of disjoint sets of documents add up.
type tally struct {
	units, unmatched, roleOK int
	body                     conf
	roles                    []conf // per role of roleNames
	paras                    int
	para, unit               []conf // per frame
	goldPos                  []int
	toneX, toneY             []float64 // the pairs, in score_run.py's order
	tone                     moments   // their sums, for the bootstrap
	voiceN, voiceOK          int
}

// moments are the sums a Pearson r needs; they add across documents.
type moments struct{ n, x, y, xx, yy, xy float64 }

func (m *moments) add(x, y float64) {
	m.n++
	m.x += x
	m.y += y
	m.xx += x * x
	m.yy += y * y
	m.xy += x * y
}

func (m *moments) plus(o moments) {
	m.n += o.n
	m.x += o.x
	m.y += o.y
	m.xx += o.xx
	m.yy += o.yy
	m.xy += o.xy
}

// r is Pearson's r from the sums: NaN below three pairs or when either
// variable does not vary (up to rounding).
func (m moments) r() float64 {
	if m.n < 3 {
		return math.NaN()
	}
	vx := m.xx - m.x*m.x/m.n
	vy := m.yy - m.y*m.y/m.n
	if vx <= 1e-12*m.xx || vy <= 1e-12*m.yy || vx <= 0 || vy <= 0 {
		return math.NaN()
	}
	return max(-1, min(1, (m.xy-m.x*m.y/m.n)/math.Sqrt(vx*vy)))
}

func newTally(nf, nr int) *tally {
	return &tally{para: make([]conf, nf), unit: make([]conf, nf), goldPos: make([]int, nf), roles: make([]conf, nr)}
}

func (t *tally) plus(o *tally) {
	t.units += o.units
	t.unmatched += o.unmatched
	t.roleOK += o.roleOK
	t.body.plus(o.body)
	for r := range t.roles {
		t.roles[r].plus(o.roles[r])
	}
	t.paras += o.paras
	for f := range t.para {
		t.para[f].plus(o.para[f])
		t.unit[f].plus(o.unit[f])
		t.goldPos[f] += o.goldPos[f]
	}
	t.tone.plus(o.tone) // the pairs themselves are not needed in resamples
	t.voiceN += o.voiceN
	t.voiceOK += o.voiceOK
}

// figures are the measures computed from a tally.
type figures struct {
	role, body           float64
	roleF1               []float64
	p, r, f, uf          []float64
	macro, unitMacro     float64
	tone, voice, voiceCo float64
}

// figures computes the measures. With strict false they follow
// score_run.py: a precision, recall or F1 with a zero denominator is 0, and
// the macro averages divide by the number of frames. With strict true (the
// bootstrap's resamples) an undefined precision, recall or F1 (an F1 is
// undefined when the resample has neither a gold nor a predicted positive)
// is NaN, and the macro averages are over the frames whose F1 is defined,
// so that a resample without a frame does not count as a miss; tone r comes
// from the pairs' sums rather than the pairs.
func (t *tally) figures(strict bool) figures {
	nf := len(t.para)
	g := figures{p: make([]float64, nf), r: make([]float64, nf), f: make([]float64, nf), uf: make([]float64, nf)}
	g.role = math.NaN()
	g.voiceCo = math.NaN()
	if t.units > 0 {
		g.role = float64(t.roleOK) / float64(t.units)
		g.voiceCo = float64(t.voiceN) / float64(t.units)
	}
	g.body = t.body.f1(strict)
	g.roleF1 = make([]float64, len(t.roles))
	for r, c := range t.roles {
		g.roleF1[r] = c.f1(strict)
	}
	var nm, nu int
	for f := range nf {
		g.p[f], g.r[f], _ = t.para[f].prf()
		g.f[f] = t.para[f].f1(strict)
		g.uf[f] = t.unit[f].f1(strict)
		if strict {
			c := t.para[f]
			if c.tp+c.fp == 0 {
				g.p[f] = math.NaN()
			}
			if c.tp+c.fn == 0 {
				g.r[f] = math.NaN()
			}
			if !math.IsNaN(g.f[f]) {
				g.macro += g.f[f]
				nm++
			}
			if !math.IsNaN(g.uf[f]) {
				g.unitMacro += g.uf[f]
				nu++
			}
			continue
		}
		g.macro += g.f[f] / float64(nf)
		g.unitMacro += g.uf[f] / float64(nf)
	}
	if strict {
		g.macro /= float64(nm) // NaN when no frame is defined
		g.unitMacro /= float64(nu)
	}
	if strict {
		g.tone = t.tone.r()
	} else {
		g.tone = pearson(t.toneX, t.toneY)
	}
	g.voice = math.NaN()
	if t.voiceN > 0 {
		g.voice = float64(t.voiceOK) / float64(t.voiceN)
	}
	return g
}

// f1 is prf's F1; with strict, NaN when there is no positive at all.
func (c conf) f1(strict bool) float64 {
	if strict && c.tp+c.fp+c.fn == 0 {
		return math.NaN()
	}
	_, _, f := c.prf()
	return f
}

// pearson is score_run.py's: NaN below three pairs or without variation.
// Sums run left to right, as Python's sum() does (CPython ≤ 3.11), so that
// the figures round the same way.
func pearson(x, y []float64) float64 {
	n := len(x)
	if n < 3 {
		return math.NaN()
	}
	var mx, my float64
	for i := range n {
		mx += x[i]
	}
	for i := range n {
		my += y[i]
	}
	mx /= float64(n)
	my /= float64(n)
	var sxx, syy, sxy float64
	for _, a := range x {
		sxx += (a - mx) * (a - mx)
	}
	for _, b := range y {
		syy += (b - my) * (b - my)
	}
	sx, sy := math.Sqrt(sxx), math.Sqrt(syy)
	if sx == 0 || sy == 0 {
		return math.NaN()
	}
	for i := range n {
		sxy += (x[i] - mx) * (y[i] - my)
	}
	return sxy / (sx * sy)
}

// Eval scores a run's paragraphs.csv against a sentence-level gold file as
// ../shared/eval/score_run.py does, and adds 95% intervals (see Measure)
// from resamples bootstrap draws of the gold file's documents (with
// replacement, seeded by seed; resamples 0 computes no interval; 2000 is a
// good number). Its WriteJSON reproduces score_run.py --json.
//
// The frames are the gold file's columns between end and tone; the run must
// have a 0/1 column for each. Inputs that have a Name method (an *os.File)
// are named by it in errors, which give the line of a bad record.
func Eval(paragraphsCSV, goldCSV io.Reader, resamples int, seed uint64) (*Report, error) {
	if resamples < 0 {
		return nil, fmt.Errorf("validate: negative number of resamples %d", resamples)
	}
	gold, frames, err := readGold(goldCSV, nameOf(goldCSV, "gold CSV"))
	if err != nil {
		return nil, err
	}
	paras, bydoc, err := readParagraphs(paragraphsCSV, nameOf(paragraphsCSV, "paragraphs CSV"), frames)
	if err != nil {
		return nil, err
	}
	nf := len(frames)

	// Match every unit to the paragraph of its doc that overlaps it most.
	match := make([]int, len(gold))
	for k, g := range gold {
		best, bo := -1, 0
		for _, s := range bydoc[g.file] {
			if o := min(g.end, s.end) - max(g.start, s.start); o > bo {
				best, bo = s.i, o
			}
		}
		match[k] = best
	}

	// The roles of the gold units and of the paragraphs holding them.
	roleSet := map[string]bool{}
	for k, g := range gold {
		roleSet[g.role] = true
		if match[k] >= 0 {
			roleSet[paras[match[k]].role] = true
		}
	}
	delete(roleSet, "")
	roleNames := sortedKeys(roleSet)

	score := func(units []int) (*tally, error) {
		t := newTally(nf, len(roleNames))
		var held []int // paragraphs in order of their first body unit
		heldUnits := map[int][]int{}
		for _, k := range units {
			g, i := gold[k], match[k]
			t.units++
			if i < 0 {
				t.unmatched++
				t.body.add(false, g.role == "body")
				for r, name := range roleNames {
					t.roles[r].add(false, g.role == name)
				}
				continue
			}
			p := paras[i]
			if p.role == g.role {
				t.roleOK++
			}
			t.body.add(p.role == "body", g.role == "body")
			for r, name := range roleNames {
				t.roles[r].add(p.role == name, g.role == name)
			}
			if g.role == "body" {
				if _, ok := heldUnits[i]; !ok {
					held = append(held, i)
				}
				heldUnits[i] = append(heldUnits[i], k)
				for f := range nf {
					t.unit[f].add(p.role == "body" && p.frames[f], g.frames[f])
				}
			}
			if p.voice == "quote" || p.voice == "outlet" {
				t.voiceN++
				if p.voice == g.voice {
					t.voiceOK++
				}
			}
		}
		t.paras = len(held)
		for _, i := range held {
			p, us := paras[i], heldUnits[i]
			for f := range nf {
				has := false
				for _, k := range us {
					has = has || gold[k].frames[f]
				}
				t.para[f].add(p.role == "body" && p.frames[f], has)
				if has {
					t.goldPos[f]++
				}
			}
			x, ok := parseFloat(p.tone)
			if !ok || math.IsNaN(x) {
				continue
			}
			var y float64
			for _, k := range us {
				v, ok := parseFloat(gold[k].tone)
				if !ok {
					return nil, &ParseError{File: nameOf(goldCSV, "gold CSV"), Line: gold[k].line, Column: "tone",
						Err: fmt.Errorf("%w: %q", ErrBadNumber, gold[k].tone)}
				}
				y += v
			}
			y /= float64(len(us))
			t.toneX = append(t.toneX, x)
			t.toneY = append(t.toneY, y)
			t.tone.add(x, y)
		}
		return t, nil
	}

	all := make([]int, len(gold))
	for k := range all {
		all[k] = k
	}
	whole, err := score(all)
	if err != nil {
		return nil, err
	}

	// One tally per gold file, in sorted order, for the bootstrap.
	byFile := map[string][]int{}
	for k, g := range gold {
		byFile[g.file] = append(byFile[g.file], k)
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	docs := make([]*tally, len(files))
	for d, f := range files {
		if docs[d], err = score(byFile[f]); err != nil {
			return nil, err
		}
	}

	rep := &Report{
		Units:            whole.units,
		UnmatchedUnits:   whole.unmatched,
		ParagraphsInRun:  len(paras),
		ParagraphsScored: whole.paras,
		Docs:             len(files),
		Resamples:        resamples,
		Seed:             seed,
	}
	point := whole.figures(false)
	boots := make([]figures, 0, resamples)
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	for range resamples {
		t := newTally(nf, len(roleNames))
		for range docs {
			t.plus(docs[rng.IntN(len(docs))])
		}
		boots = append(boots, t.figures(true))
	}
	// The leave-one-document-out figures give BCa's acceleration.
	var strictPoint figures
	var jack []figures
	if resamples > 0 && intervalMethod == "bca" {
		all := newTally(nf, len(roleNames))
		for _, d := range docs {
			all.plus(d)
		}
		strictPoint = all.figures(true)
		for i := range docs {
			t := newTally(nf, len(roleNames))
			for j, d := range docs {
				if j != i {
					t.plus(d)
				}
			}
			jack = append(jack, t.figures(true))
		}
	}
	m := func(v float64, get func(figures) float64) Measure {
		xs := make([]float64, 0, len(boots))
		for _, b := range boots {
			if x := get(b); !math.IsNaN(x) {
				xs = append(xs, x)
			}
		}
		slices.Sort(xs)
		lo, hi := quantile(xs, 0.025), quantile(xs, 0.975)
		if jack != nil {
			js := make([]float64, len(jack))
			for i, j := range jack {
				js[i] = get(j)
			}
			if l, h, ok := bcaInterval(xs, get(strictPoint), js, zCrit(len(docs))); ok {
				lo, hi = l, h
			}
		}
		return Measure{Value: v, Lo: lo, Hi: hi}
	}
	rep.RoleAccuracy = m(point.role, func(g figures) float64 { return g.role })
	rep.BodyF1 = m(point.body, func(g figures) float64 { return g.body })
	for r, name := range roleNames {
		rep.RoleF1 = append(rep.RoleF1, RoleScore{Role: name, F1: m(point.roleF1[r], func(g figures) float64 { return g.roleF1[r] })})
	}
	for f, id := range frames {
		rep.Frames = append(rep.Frames, FrameScores{
			ID:      id,
			P:       m(point.p[f], func(g figures) float64 { return g.p[f] }),
			R:       m(point.r[f], func(g figures) float64 { return g.r[f] }),
			F1:      m(point.f[f], func(g figures) float64 { return g.f[f] }),
			UnitF1:  m(point.uf[f], func(g figures) float64 { return g.uf[f] }),
			GoldPos: whole.goldPos[f],
		})
	}
	rep.MacroF1 = m(point.macro, func(g figures) float64 { return g.macro })
	rep.UnitMacroF1 = m(point.unitMacro, func(g figures) float64 { return g.unitMacro })
	rep.ToneR = m(point.tone, func(g figures) float64 { return g.tone })
	rep.VoiceAccuracy = m(point.voice, func(g figures) float64 { return g.voice })
	rep.VoiceCoverage = m(point.voiceCo, func(g figures) float64 { return g.voiceCo })
	return rep, nil
}

// intervalMethod is "bca" (Efron's bias-corrected and accelerated
// percentile interval) or "percentile"; a variable so that the coverage
// simulation can compare them.
var intervalMethod = "bca"

// quantile returns the p-quantile of sorted xs with linear interpolation
// between order statistics (R's type 7); NaN for none.
func quantile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	h := p * float64(len(xs)-1)
	i := int(h)
	if i+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	return xs[i] + (h-float64(i))*(xs[i+1]-xs[i])
}

// bcaInterval is Efron's (1987) BCa 95% interval from sorted bootstrap
// values xs, the estimate theta and the leave-one-out (jackknife) estimates:
//
//	z0 = Φ⁻¹(share of xs below theta, ties counting half)
//	a  = Σ (m − θᵢ)³ / (6 (Σ (m − θᵢ)²)^{3/2}),  m the mean of the θᵢ
//	bounds: the Φ(z0 + (z0 + z)/(1 − a(z0 + z))) quantiles of xs, z = ±1.96
//
// ok is false when it cannot be computed (theta undefined, or every
// resample on one side of theta); the caller keeps the percentile interval.
func bcaInterval(xs []float64, theta float64, jack []float64, zc float64) (lo, hi float64, ok bool) {
	if len(xs) == 0 || math.IsNaN(theta) {
		return 0, 0, false
	}
	var below float64
	for _, x := range xs {
		switch {
		case math.Abs(x-theta) <= 1e-12:
			below += 0.5
		case x < theta:
			below++
		}
	}
	share := below / float64(len(xs))
	if share <= 0 || share >= 1 {
		return 0, 0, false
	}
	z0 := normQuantile(share)
	var js []float64
	for _, j := range jack {
		if !math.IsNaN(j) {
			js = append(js, j)
		}
	}
	var a float64
	if len(js) >= 3 {
		var mean float64
		for _, j := range js {
			mean += j
		}
		mean /= float64(len(js))
		var s2, s3 float64
		for _, j := range js {
			d := mean - j
			s2 += d * d
			s3 += d * d * d
		}
		if s2 > 0 {
			a = s3 / (6 * math.Pow(s2, 1.5))
		}
	}
	adjz := func(z float64) float64 {
		return normCDF(z0 + (z0+z)/(1-a*(z0+z)))
	}
	lo, hi = quantile(xs, adjz(-zc)), quantile(xs, adjz(zc))
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return 0, 0, false
	}
	return lo, hi, true
}

// zCrit is the critical value of the intervals for n documents: 1.96, or
// with expandIntervals Hesterberg's (2015) small-sample expansion
// sqrt(n/(n−1))·t(0.975, n−1).
func zCrit(n int) float64 {
	if !expandIntervals || n < 2 {
		return normQuantile(0.975)
	}
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(0.975)
	return math.Sqrt(float64(n)/float64(n-1)) * t
}

var expandIntervals = true

func normCDF(x float64) float64      { return 0.5 * math.Erfc(-x/math.Sqrt2) }
func normQuantile(p float64) float64 { return -math.Sqrt2 * math.Erfcinv(2*p) }

// readGold reads a sentence-level gold file; its frames are the columns
// between end and tone.
func readGold(r io.Reader, name string) ([]unit, []string, error) {
	t, err := newTable(r, name)
	if err != nil {
		return nil, nil, err
	}
	if err := t.require("file", "start", "end", "tone", "voice", "role"); err != nil {
		return nil, nil, err
	}
	frames, err := frameColumns(t)
	if err != nil {
		return nil, nil, err
	}
	var gold []unit
	for {
		ok, err := t.next()
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			break
		}
		u := unit{file: t.get("file"), tone: t.get("tone"), voice: t.get("voice"), role: t.get("role"), line: t.line}
		if u.start, err = t.int("start"); err != nil {
			return nil, nil, err
		}
		if u.end, err = t.int("end"); err != nil {
			return nil, nil, err
		}
		u.frames = make([]bool, len(frames))
		for f, id := range frames {
			u.frames[f] = t.get(id) == "1"
		}
		gold = append(gold, u)
	}
	if len(gold) == 0 {
		return nil, nil, &ParseError{File: name, Err: ErrEmpty}
	}
	return gold, frames, nil
}

// frameColumns returns the columns between end and tone.
func frameColumns(t *table) ([]string, error) {
	e, tn := t.col["end"], t.col["tone"]
	if tn <= e+1 {
		return nil, &ParseError{File: t.name, Line: 1, Err: errors.New("no frame columns between end and tone")}
	}
	return slices.Clone(t.header[e+1 : tn]), nil
}

// readParagraphs reads a run's paragraphs.csv, keeping what Eval needs, and
// indexes the paragraphs by their doc's base name.
func readParagraphs(r io.Reader, name string, frames []string) ([]para, map[string][]span, error) {
	t, err := newTable(r, name)
	if err != nil {
		return nil, nil, err
	}
	if err := t.require(append([]string{"doc", "start", "end", "role", "voice", "tone"}, frames...)...); err != nil {
		return nil, nil, err
	}
	var paras []para
	bydoc := map[string][]span{}
	for {
		ok, err := t.next()
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			break
		}
		p := para{role: t.get("role"), voice: t.get("voice"), tone: t.get("tone")}
		if p.start, err = t.int("start"); err != nil {
			return nil, nil, err
		}
		if p.end, err = t.int("end"); err != nil {
			return nil, nil, err
		}
		p.frames = make([]bool, len(frames))
		for f, id := range frames {
			p.frames[f] = t.get(id) == "1"
		}
		doc := baseName(t.get("doc"))
		bydoc[doc] = append(bydoc[doc], span{p.start, p.end, len(paras)})
		paras = append(paras, p)
	}
	if len(paras) == 0 { // score_run.py stops here too
		return nil, nil, &ParseError{File: name, Err: ErrEmpty}
	}
	return paras, bydoc, nil
}

// baseName is the last element of a slash- or backslash-separated path, as
// score_run.py takes it ("" for a path ending in a separator).
func baseName(doc string) string {
	doc = strings.ReplaceAll(doc, `\`, "/")
	return doc[strings.LastIndexByte(doc, '/')+1:]
}
