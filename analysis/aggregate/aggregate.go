package aggregate

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/framescope/framescope/analysis/packed"
)

// Para is one body paragraph of a scored article.
type Para struct {
	Voice                 string    // "outlet", "quote" or "mixed"; anything else counts in voice "all" only
	Tone                  float64   // in [-1, 1]; NaN (or ±Inf) when unscored: left out of the tone measures
	ToneOutlet, ToneQuote float64   // tone of the outlet's own sentences / of quoted ones; NaN when none (0 is a tone)
	Frames                []bool    // indexed like Options.Frames; missing entries count as false
	Targets               []float64 // tone toward each actor, indexed like Options.Actors; NaN when not mentioned
}

// Article is one scored article: its body paragraphs only.
type Article struct {
	Doc, Source string // Source "" is reported as "unknown"
	Year        int    // 0 = unknown
	Paras       []Para
}

// Weight values.
const (
	WeightArticle   = "article"
	WeightParagraph = "paragraph"
)

// Options configure an Aggregator. The zero value of each field but
// Frames and Actors picks its default.
type Options struct {
	Frames, Actors []string // ids, in output order
	Weight         string   // WeightArticle (default) or WeightParagraph
	Resamples      int      // bootstrap resamples; default 2000
	Seed           uint64   // bootstrap seed; each group derives its own from it and the group key
	MinBootstrap   int      // fewer contributing articles → Wilson (shares) or t (tone) interval; default 10
	MaxBootstrap   int      // at least this many → cluster-wilson (shares) or cluster-t (tone); default DefaultMaxBootstrapArticle or …Paragraph; math.MaxInt bootstraps every group
	Level          float64  // confidence level; default 0.95
	Workers        int      // goroutines Rows and Comparisons use; default 1 (the output does not depend on it)
}

func (o Options) withDefaults() Options {
	if o.Weight == "" {
		o.Weight = WeightArticle
	}
	if o.Resamples <= 0 {
		o.Resamples = 2000
	}
	if o.MinBootstrap <= 0 {
		o.MinBootstrap = 10
	}
	if o.MaxBootstrap <= 0 {
		o.MaxBootstrap = DefaultMaxBootstrapArticle
		if o.Weight == WeightParagraph {
			o.MaxBootstrap = DefaultMaxBootstrapParagraph
		}
	}
	if o.Level == 0 {
		o.Level = 0.95
	}
	if o.Workers <= 0 {
		o.Workers = 1
	}
	return o
}

// Default Options.MaxBootstrap by Weight: from this many contributing
// articles on, a group's interval is analytic. They are the sizes from
// which the analytic intervals covered at least 94% in simulation (see the
// package comment); ratios of paragraph sums, whose article lengths vary,
// need more articles than means of article values.
const (
	DefaultMaxBootstrapArticle   = 50
	DefaultMaxBootstrapParagraph = 100
)

// Voices in output order.
var voices = [...]string{"all", "outlet", "quote"}

const (
	kindTone = iota
	kindShare
)

// measure is one column of the per-article summary.
type measure struct {
	name  string
	voice int // index into voices
	kind  int
	frame int // for kindShare
}

// layout lists the measures in output order: per voice tone_mean, the
// frame shares, (voice all) tone_outlet_mean and tone_quote_mean, then the
// actors.
func layout(frames, actors []string) (ms []measure, base [len(voices)]int) {
	for v := range voices {
		base[v] = len(ms)
		ms = append(ms, measure{name: "tone_mean", voice: v, kind: kindTone})
		for f, id := range frames {
			ms = append(ms, measure{name: id + "_share", voice: v, kind: kindShare, frame: f})
		}
		if v == 0 {
			ms = append(ms,
				measure{name: "tone_outlet_mean", voice: v, kind: kindTone},
				measure{name: "tone_quote_mean", voice: v, kind: kindTone})
		}
		for _, id := range actors {
			ms = append(ms, measure{name: "tone_toward_" + id, voice: v, kind: kindTone})
		}
	}
	return ms, base
}

// Aggregator accumulates per-article summaries. It is not safe for
// concurrent use; give each goroutine its own and Merge them.
type Aggregator struct {
	opt  Options
	ms   []measure
	base [len(voices)]int

	// Article i is record i of the store (see store.go), from its outlet
	// srcNames[src[i]] and year years[i].
	recs     packed.Records
	src      []int32
	years    []int32
	srcNames []string
	srcIndex map[string]int32
	scratch  rowBuf // Add's dense summary
	contrib  []int
}

// Validate reports options New would reject: an unknown Weight, a
// negative Resamples or MinBootstrap, a Level outside (0, 1) other than 0,
// or an empty or repeated frame or actor id. Call it on user input.
func (o Options) Validate() error {
	switch o.Weight {
	case "", WeightArticle, WeightParagraph:
	default:
		return fmt.Errorf("aggregate: weight %q: want %q or %q", o.Weight, WeightArticle, WeightParagraph)
	}
	if o.Resamples < 0 || o.MinBootstrap < 0 || o.MaxBootstrap < 0 || o.Workers < 0 {
		return fmt.Errorf("aggregate: negative resamples (%d), min-bootstrap (%d), max-bootstrap (%d) or workers (%d)",
			o.Resamples, o.MinBootstrap, o.MaxBootstrap, o.Workers)
	}
	if o.Level != 0 && !(o.Level > 0 && o.Level < 1) {
		return fmt.Errorf("aggregate: level %v: want a value in (0, 1)", o.Level)
	}
	seen := make(map[string]bool)
	for _, ids := range [][]string{o.Frames, o.Actors} {
		clear(seen)
		for _, id := range ids {
			if id == "" || seen[id] {
				return fmt.Errorf("aggregate: empty or repeated id %q in %v", id, ids)
			}
			seen[id] = true
		}
	}
	return nil
}

// New returns an empty Aggregator. It panics on options Validate rejects.
func New(opt Options) *Aggregator {
	if err := opt.Validate(); err != nil {
		panic(err)
	}
	opt = opt.withDefaults()
	opt.Frames = slices.Clone(opt.Frames)
	opt.Actors = slices.Clone(opt.Actors)
	a := &Aggregator{opt: opt}
	a.ms, a.base = layout(opt.Frames, opt.Actors)
	a.contrib = make([]int, len(a.ms))
	a.srcIndex = make(map[string]int32)
	a.scratch = a.newRowBuf()
	return a
}

// Len returns the number of articles added (or merged in).
func (a *Aggregator) Len() int { return a.recs.Len() }

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// Add adds one article. An article without paragraphs is counted in no
// measure.
func (a *Aggregator) Add(art Article) {
	sums, cnts := a.scratch.sums, a.scratch.cnts
	clear(sums)
	clear(cnts)
	src := art.Source
	if src == "" {
		src = "unknown"
	}

	nf := len(a.opt.Frames)
	for i := range art.Paras {
		p := &art.Paras[i]
		for v := range voices {
			if v == 1 && p.Voice != "outlet" || v == 2 && p.Voice != "quote" {
				continue
			}
			j := a.base[v]
			if finite(p.Tone) {
				sums[j] += p.Tone
				cnts[j]++
			}
			j++
			for f := 0; f < nf; f++ {
				if f < len(p.Frames) && p.Frames[f] {
					sums[j+f]++
				}
				cnts[j+f]++
			}
			j += nf
			if v == 0 {
				if finite(p.ToneOutlet) {
					sums[j] += p.ToneOutlet
					cnts[j]++
				}
				if finite(p.ToneQuote) {
					sums[j+1] += p.ToneQuote
					cnts[j+1]++
				}
				j += 2
			}
			for t := range a.opt.Actors {
				if t < len(p.Targets) && finite(p.Targets[t]) {
					sums[j+t] += p.Targets[t]
					cnts[j+t]++
				}
			}
		}
	}
	for j, c := range cnts {
		if c != 0 {
			a.contrib[j]++
		}
	}
	a.record(art.Doc, sums, cnts)
	a.src = append(a.src, a.source(src))
	a.years = append(a.years, int32(art.Year))
}

// Merge adds every article of b to a. Both must have been made with the
// same Frames, Actors and Weight; Merge panics otherwise (a caller's bug).
func (a *Aggregator) Merge(b *Aggregator) {
	if !slices.Equal(a.opt.Frames, b.opt.Frames) || !slices.Equal(a.opt.Actors, b.opt.Actors) || a.opt.Weight != b.opt.Weight {
		panic(fmt.Sprintf("aggregate: Merge of aggregators with different options (frames %v/%v, actors %v/%v, weight %s/%s)",
			a.opt.Frames, b.opt.Frames, a.opt.Actors, b.opt.Actors, a.opt.Weight, b.opt.Weight))
	}
	for i := range b.recs.Len() {
		a.appendRaw(b.raw(i))
		a.src = append(a.src, a.source(b.srcNames[b.src[i]]))
		a.years = append(a.years, b.years[i])
	}
	for j, n := range b.contrib {
		a.contrib[j] += n
	}
}

// groupKey names a group; the pooled flags keep a real source called "all"
// apart from the pooled rows.
type groupKey struct {
	allSrc  bool
	src     string
	allYear bool
	year    int
}

func (g groupKey) source() string {
	if g.allSrc {
		return "all"
	}
	return g.src
}

func (g groupKey) yearName() string {
	switch {
	case g.allYear:
		return "all"
	case g.year == 0:
		return "unknown"
	}
	return strconv.Itoa(g.year)
}

func compareKeys(x, y groupKey) int {
	if x.allSrc != y.allSrc {
		if x.allSrc {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(x.src, y.src); c != 0 {
		return c
	}
	if x.allYear != y.allYear {
		if x.allYear {
			return -1
		}
		return 1
	}
	if (x.year == 0) != (y.year == 0) { // unknown last
		if x.year == 0 {
			return 1
		}
		return -1
	}
	return cmp.Compare(x.year, y.year)
}

// unit returns an article's contribution to a measure from its summary
// (Σ values s of c contributing paragraphs) under the weighting: (mean, 1)
// per article or (sum, count) per paragraph; (0, 0) when c = 0.
func unit(byPara bool, s float64, c int32) (y, m float64) {
	switch {
	case c == 0:
		return 0, 0
	case byPara:
		return s, float64(c)
	}
	return s / float64(c), 1
}

// IntervalsNote describes in one sentence, for a table or chart caption,
// how the intervals of an Aggregator made with o are chosen (see the
// package comment), with o's defaults filled in.
func (o Options) IntervalsNote() string {
	o = o.withDefaults()
	level := strconv.FormatFloat(o.Level*100, 'f', -1, 64)
	boot := fmt.Sprintf("Poisson bootstrap over articles (%d resamples, seed %d)", o.Resamples, o.Seed)
	var parts []string
	parts = append(parts, fmt.Sprintf("%s%% intervals with articles as clusters: t (tone) or Wilson (shares) under %d articles",
		level, min(o.MinBootstrap, o.MaxBootstrap)))
	switch {
	case o.MaxBootstrap == math.MaxInt:
		parts = append(parts, fmt.Sprintf("%s from %d", boot, o.MinBootstrap))
	case o.MaxBootstrap > o.MinBootstrap:
		parts = append(parts, fmt.Sprintf("%s from %d to %d", boot, o.MinBootstrap, o.MaxBootstrap-1))
		fallthrough
	default:
		parts = append(parts, fmt.Sprintf("cluster-robust t (tone) or design-effect Wilson (shares) from %d", max(o.MaxBootstrap, 2)))
	}
	parts = append(parts, fmt.Sprintf("Wilson on the articles whenever fewer than %d articles carry a frame", minDesign),
		"one article: none.")
	return strings.Join(parts, "; ")
}
