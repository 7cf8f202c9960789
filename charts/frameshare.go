package charts

import (
	"fmt"
	"math"
)

// defaultShare is the measure used when Data.Measure is empty.
const defaultShare = "frame share (share of articles with the frame)"

// NewFrameShare returns grouped horizontal bars: one row per outlet
// (Group), one bar per frame (Series) with its 95% interval. Values and
// intervals must lie in [0,1]; measure names them (Data.Measure).
func NewFrameShare(est []Estimate, measure string, opt Options) (*Figure, error) {
	in, err := shareInput(est, measure, opt, estimateRules{chart: "frame share", group: "outlet", series: "frame", min: 0, max: 1})
	if err != nil {
		return nil, err
	}
	fl, fAl := labelSet(in.opt.labels, in.series, style(fontSmall), 1e9, 1)
	bc := barChart{name: "frame_share", groups: in.groups, opt: in.opt, aliases: fAl}
	missing := 0
	for s, fr := range in.series {
		ser := barSeries{style: barStyle{color: seriesColor(s), hatch: seriesHatch(s)}}
		missing += bc.fill(&ser, in.at, fr)
		bc.series = append(bc.series, ser)
		bc.legend = append(bc.legend, legendItem{label: fl[s], thumb: barThumb(ser.style)})
	}
	return bc.finishShare(in.measure, "by outlet", missing, "outlet × frame pair")
}

// shareData is a share chart's checked input.
type shareData struct {
	groups, series []string
	at             map[[2]string]Estimate
	measure        string
	opt            Options
}

// shareInput checks est against rules and sorts it into groups and series,
// with the default measure and labels filled in.
func shareInput(est []Estimate, measure string, opt Options, rules estimateRules) (shareData, error) {
	if err := checkEstimates(est, rules); err != nil {
		return shareData{}, err
	}
	if measure == "" {
		measure = defaultShare
	}
	if opt.labels == nil {
		opt.labels = labelerFor(est, nil, nil)
	}
	groups, series, at := groupsAndSeries(est)
	return shareData{groups: groups, series: series, at: at, measure: measure, opt: opt}, nil
}

// fill appends each group's estimate for series key to ser (a NaN bar
// where there is none, or where key is "") and returns how many were
// missing.
func (bc *barChart) fill(ser *barSeries, at map[[2]string]Estimate, key string) (missing int) {
	for _, g := range bc.groups {
		e, ok := at[[2]string{g, key}]
		if !ok || key == "" {
			missing++
			e = Estimate{Value: math.NaN(), Low: math.NaN(), High: math.NaN()}
		}
		bc.hasCI = bc.hasCI || !math.IsNaN(e.Low)
		ser.vals, ser.lo, ser.hi = append(ser.vals, e.Value), append(ser.lo, e.Low), append(ser.hi, e.High)
	}
	return missing
}

// finishShare titles a share chart "<measure> <by>", labels its axis, and
// warns of the cells without an estimate.
func (bc *barChart) finishShare(measure, by string, missing int, cell string) (*Figure, error) {
	name, def := measureParts(measure)
	bc.title = upperFirst(name) + " " + by
	bc.xLabel = upperFirst(def)
	if bc.hasCI {
		bc.xLabel += " (95% CI)"
		bc.legend = append(bc.legend, legendItem{label: "95% CI", thumb: ciThumb})
	}
	if missing > 0 {
		bc.warnings = append(bc.warnings, fmt.Sprintf("%s: %s without an estimate left blank", bc.name, count(missing, cell)))
	}
	bc.note = bc.opt.note
	return bc.build()
}
