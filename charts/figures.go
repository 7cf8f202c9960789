package charts

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Figures validates d and builds every figure that has data, in a fixed
// order: frame share, tone by year, heat map, tone distribution, frame by
// voice. A chart without data gets no figure (see Skipped). Invalid data
// for one chart does not stop the others: the error joins every problem
// found, and the figures returned are those that were valid.
func Figures(d Data, opt Options) ([]*Figure, error) {
	if _, err := opt.width(); err != nil {
		return nil, err
	}
	if _, err := opt.formats(); err != nil {
		return nil, err
	}
	opt.labels = labelerFor(append(append([]Estimate{}, d.FrameShare...), append(d.Heat, d.FrameByVoice...)...), d.ToneDist, d.ToneByYear)
	if !opt.OmitNote {
		opt.note = d.Note
	}
	type build func() (*Figure, error)
	builds := []build{
		func() (*Figure, error) { return NewFrameShare(d.FrameShare, d.Measure, opt) },
		func() (*Figure, error) { return NewToneByYear(d.ToneByYear, opt) },
		func() (*Figure, error) { return NewHeatMap(d.Heat, d.Measure, opt) },
		func() (*Figure, error) { return NewToneDist(d.ToneDist, opt) },
		func() (*Figure, error) { return NewFrameByVoice(d.FrameByVoice, d.Measure, opt) },
	}
	var (
		figs []*Figure
		errs []error
	)
	for _, b := range builds {
		f, err := b()
		switch {
		case errors.Unwrap(err) == ErrNoData: // nothing to draw: Skipped reports it
			continue
		case err != nil:
			errs = append(errs, err)
			continue
		}
		figs = append(figs, f)
	}
	return figs, errors.Join(errs...)
}

// Skipped says which charts of d get no figure for lack of data, one
// sentence each, for the report.
func Skipped(d Data) []string {
	var out []string
	add := func(empty bool, what string) {
		if empty {
			out = append(out, fmt.Sprintf("no %s figure: no estimates", what))
		}
	}
	add(len(d.FrameShare) == 0, "frame share")
	add(len(d.ToneByYear) == 0, "tone by year")
	add(len(d.Heat) == 0, "heat map")
	nonEmpty := false
	for _, x := range d.ToneDist {
		nonEmpty = nonEmpty || len(x.Values) > 0
	}
	if !nonEmpty {
		out = append(out, "no tone distribution figure: no paragraph tone values")
	}
	add(len(d.FrameByVoice) == 0, "frame by voice")
	return out
}

// labelerFor builds the labeler shared by the figures: outlets (groups of
// byGroup, labels of dists, series of bySeries) are coded "Outlet k";
// other labels (frames, voices) "Label k".
func labelerFor(byGroup []Estimate, dists []Dist, bySeries []Estimate) *labeler {
	kinds := map[string][]string{}
	for _, e := range byGroup {
		kinds["Outlet"] = append(kinds["Outlet"], e.Group)
		kinds["Label"] = append(kinds["Label"], e.Series)
	}
	for _, d := range dists {
		kinds["Outlet"] = append(kinds["Outlet"], d.Label)
	}
	for _, e := range bySeries {
		kinds["Outlet"] = append(kinds["Outlet"], e.Series)
	}
	return newLabeler(kinds)
}

// AliasWarnings announces the aliases of all figs, one sentence per reason,
// each alias once however many figures show it.
func AliasWarnings(figs []*Figure) []string {
	all := AllAliases(figs)
	var out []string
	for _, why := range []string{ReasonScript, ReasonLetters, ReasonShortened} {
		var list []string
		for _, a := range all {
			if a.Reason == why {
				list = append(list, a.Shown+" = "+a.Name)
			}
		}
		if len(list) > 0 {
			out = append(out, fmt.Sprintf("charts: %s (%s): %s", count(len(list), "label"), why, strings.Join(list, "; ")))
		}
	}
	return out
}

// AllAliases returns the aliases of all figs without repeats, sorted by the
// label shown: the table the report prints once under the figures.
func AllAliases(figs []*Figure) []Alias {
	seen := map[Alias]bool{}
	var out []Alias
	for _, f := range figs {
		for _, a := range f.Aliases {
			if !seen[a] {
				seen[a] = true
				out = append(out, a)
			}
		}
	}
	slices.SortFunc(out, func(a, b Alias) int {
		if c := strings.Compare(a.Shown, b.Shown); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}
