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
	err := checkEstimates(est, estimateRules{chart: "frame share", group: "outlet", series: "frame", min: 0, max: 1})
	if err != nil {
		return nil, err
	}
	if measure == "" {
		measure = defaultShare
	}
	if opt.labels == nil {
		opt.labels = labelerFor(est, nil, nil)
	}
	groups, series, at := groupsAndSeries(est)
	fl, fAl := labelSet(opt.labels, series, style(fontSmall), 1e9, 1)
	bc := barChart{name: "frame_share", groups: groups, opt: opt, aliases: fAl}
	missing := 0
	for s, fr := range series {
		ser := barSeries{style: barStyle{color: seriesColor(s), hatch: seriesHatch(s)}}
		for _, g := range groups {
			e, ok := at[[2]string{g, fr}]
			if !ok {
				missing++
				e = Estimate{Value: math.NaN(), Low: math.NaN(), High: math.NaN()}
			}
			bc.hasCI = bc.hasCI || !math.IsNaN(e.Low)
			ser.vals, ser.lo, ser.hi = append(ser.vals, e.Value), append(ser.lo, e.Low), append(ser.hi, e.High)
		}
		bc.series = append(bc.series, ser)
		bc.legend = append(bc.legend, legendItem{label: fl[s], thumb: barThumb(ser.style)})
	}
	name, def := measureParts(measure)
	bc.title = upperFirst(name) + " by outlet"
	bc.xLabel = upperFirst(def)
	if bc.hasCI {
		bc.xLabel += " (95% CI)"
		bc.legend = append(bc.legend, legendItem{label: "95% CI", thumb: ciThumb})
	}
	if missing > 0 {
		bc.warnings = append(bc.warnings, fmt.Sprintf("frame_share: %s without an estimate left blank", count(missing, "outlet × frame pair")))
	}
	bc.note = opt.note
	return bc.build()
}
