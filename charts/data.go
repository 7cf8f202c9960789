package charts

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Estimate is one point estimate with its 95% interval. Low and High are NaN
// when there is no interval (too few articles, or no interval method).
type Estimate struct {
	Group, Series    string
	Value, Low, High float64
	N                int
}

// Dist is a distribution of values for one label (an outlet). N is the
// number of units the values stand for; it may exceed len(Values) when Values
// is a sample.
type Dist struct {
	Label  string
	Values []float64
	N      int
}

// Data holds the inputs of every figure. Empty slices produce no figure.
type Data struct {
	// Measure names what FrameShare, Heat and FrameByVoice measure, e.g.
	// "frame share (share of articles with the frame)"; used in titles.
	Measure string

	// FrameShare: Group = outlet, Series = frame, Value in [0,1].
	FrameShare []Estimate
	// ToneByYear: Group = year ("2017"), Series = outlet, Value in [-1,1].
	ToneByYear []Estimate
	// Heat: Group = outlet, Series = frame; any finite values.
	Heat []Estimate
	// ToneDist: one distribution of paragraph tone per outlet, in [-1,1].
	ToneDist []Dist
	// FrameByVoice: Group = outlet, Series = "<frame> · outlet voice" or
	// "<frame> · quoted"; Value in [0,1].
	FrameByVoice []Estimate

	// Note is the method line (unit, weighting, interval method), drawn
	// small under each plot unless Options.OmitNote is set.
	Note string
}

// Options control the size and formats of the figures.
type Options struct {
	// Width is "1col" (3.5 in, the default when empty) or "2col" (7.16 in).
	Width string
	// Formats lists the formats WriteAll writes when it is given none:
	// any of "pdf", "svg", "eps", "png". Empty means all four.
	Formats []string
	// OmitNote leaves Data.Note out of the figures (for a report that
	// prints it in the caption instead).
	OmitNote bool

	labels *labeler // shared by all figures of one Figures call
	note   string   // Data.Note unless OmitNote
}

// Formats lists the formats every figure can be written in, in the order
// WriteAll writes them.
var Formats = []string{"pdf", "svg", "eps", "png"}

// ErrNoData is wrapped by the constructors' error when their input is empty.
var ErrNoData = errors.New("no data")

func (o Options) width() (float64, error) {
	switch o.Width {
	case "", "1col":
		return 3.5 * 72, nil
	case "2col":
		return 7.16 * 72, nil
	}
	return 0, fmt.Errorf("charts: width %q: want \"1col\" or \"2col\"", o.Width)
}

func (o Options) formats() ([]string, error) {
	if len(o.Formats) == 0 {
		return Formats, nil
	}
	for _, f := range o.Formats {
		if !slices.Contains(Formats, f) {
			return nil, fmt.Errorf("charts: format %q: want one of %s", f, strings.Join(Formats, ", "))
		}
	}
	return o.Formats, nil
}

// estimateRules say what a chart accepts.
type estimateRules struct {
	chart         string // "frame share", used in errors
	group, series string // what Group and Series are, used in errors
	min, max      float64
	yearGroups    bool
}

// checkEstimates validates est against r: names present, values finite and
// in range, intervals either absent or around the value, no duplicates.
func checkEstimates(est []Estimate, r estimateRules) error {
	if len(est) == 0 {
		return fmt.Errorf("charts: %s: %w", r.chart, ErrNoData)
	}
	seen := make(map[[2]string]bool, len(est))
	var errs []error
	for i, e := range est {
		at := fmt.Sprintf("charts: %s: %s %q, %s %q (estimate %d)", r.chart, r.group, e.Group, r.series, e.Series, i)
		bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(at+": "+format, a...)) }
		if strings.TrimSpace(e.Group) == "" {
			bad("empty %s", r.group)
		}
		if strings.TrimSpace(e.Series) == "" {
			bad("empty %s", r.series)
		}
		if r.yearGroups {
			if _, err := strconv.Atoi(strings.TrimSpace(e.Group)); err != nil {
				bad("%s is not a year", r.group)
			}
		}
		k := [2]string{e.Group, e.Series}
		if seen[k] {
			bad("duplicate estimate")
		}
		seen[k] = true
		switch {
		case math.IsNaN(e.Value):
			bad("value is NaN")
			continue
		case math.IsInf(e.Value, 0):
			bad("value is infinite")
			continue
		case e.Value < r.min || e.Value > r.max:
			bad("value %g outside [%g, %g]", e.Value, r.min, r.max)
		}
		if e.N < 0 {
			bad("negative N %d", e.N)
		}
		lo, hi := math.IsNaN(e.Low), math.IsNaN(e.High)
		if lo != hi {
			bad("interval has one NaN end (low %g, high %g)", e.Low, e.High)
			continue
		}
		if lo {
			continue
		}
		const eps = 1e-9
		switch {
		case math.IsInf(e.Low, 0) || math.IsInf(e.High, 0):
			bad("interval is infinite")
		case e.Low > e.Value+eps || e.High < e.Value-eps:
			bad("interval [%g, %g] does not contain the value %g", e.Low, e.High, e.Value)
		case e.Low < r.min-eps || e.High > r.max+eps:
			bad("interval [%g, %g] outside [%g, %g]", e.Low, e.High, r.min, r.max)
		}
	}
	return errors.Join(errs...)
}

// checkDists validates distributions: labels present and distinct, values
// finite and in [min, max]. Distributions without values are returned in
// empty (they are left out of the figure with a warning).
func checkDists(ds []Dist, chart string, min, max float64) (empty []string, err error) {
	if len(ds) == 0 {
		return nil, fmt.Errorf("charts: %s: %w", chart, ErrNoData)
	}
	seen := make(map[string]bool, len(ds))
	var errs []error
	for i, d := range ds {
		at := fmt.Sprintf("charts: %s: outlet %q (distribution %d)", chart, d.Label, i)
		if strings.TrimSpace(d.Label) == "" {
			errs = append(errs, fmt.Errorf("%s: empty label", at))
		}
		if seen[d.Label] {
			errs = append(errs, fmt.Errorf("%s: duplicate label", at))
		}
		seen[d.Label] = true
		if d.N < len(d.Values) {
			errs = append(errs, fmt.Errorf("%s: N %d is less than the %d values", at, d.N, len(d.Values)))
		}
		if len(d.Values) == 0 {
			empty = append(empty, d.Label)
		}
		for j, v := range d.Values {
			switch {
			case math.IsNaN(v):
				errs = append(errs, fmt.Errorf("%s: value %d is NaN", at, j))
			case math.IsInf(v, 0):
				errs = append(errs, fmt.Errorf("%s: value %d is infinite", at, j))
			case v < min || v > max:
				errs = append(errs, fmt.Errorf("%s: value %d (%g) outside [%g, %g]", at, j, v, min, max))
			default:
				continue
			}
			break
		}
	}
	if len(empty) == len(ds) && len(errs) == 0 {
		return empty, fmt.Errorf("charts: %s: every distribution is empty: %w", chart, ErrNoData)
	}
	return empty, errors.Join(errs...)
}

// groupsAndSeries returns the distinct groups and series of est, each in
// first-appearance order (the caller's order is the presentation order),
// and a lookup from (group, series) to the estimate.
func groupsAndSeries(est []Estimate) (groups, series []string, at map[[2]string]Estimate) {
	at = make(map[[2]string]Estimate, len(est))
	gs, ss := map[string]bool{}, map[string]bool{}
	for _, e := range est {
		if !gs[e.Group] {
			gs[e.Group] = true
			groups = append(groups, e.Group)
		}
		if !ss[e.Series] {
			ss[e.Series] = true
			series = append(series, e.Series)
		}
		at[[2]string{e.Group, e.Series}] = e
	}
	return groups, series, at
}
