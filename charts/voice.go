package charts

import (
	"fmt"
	"math"
	"strings"
)

// voiceSep separates frame and voice in FrameByVoice series labels.
const voiceSep = " · "

// NewFrameByVoice returns grouped horizontal bars of frame share by voice:
// one row per outlet (Group); Series is "<frame> · <voice>" (voices such as
// "outlet voice" and "quoted"). Colour and hatching tell the frame, a solid
// or an open hatched bar the voice. Values and intervals lie in [0,1].
func NewFrameByVoice(est []Estimate, measure string, opt Options) (*Figure, error) {
	err := checkEstimates(est, estimateRules{chart: "frame by voice", group: "outlet", series: "frame · voice", min: 0, max: 1})
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
	// Split series into frames and voices, each in first-appearance order.
	var frames, voices []string
	fi, vi := map[string]int{}, map[string]int{}
	type fv struct{ frame, voice string }
	split := make(map[string]fv, len(series))
	for _, s := range series {
		f, v, ok := strings.Cut(s, voiceSep)
		if !ok {
			f, v = s, ""
		}
		f, v = strings.TrimSpace(f), strings.TrimSpace(v)
		split[s] = fv{f, v}
		if _, ok := fi[f]; !ok {
			fi[f] = len(frames)
			frames = append(frames, f)
		}
		if _, ok := vi[v]; !ok {
			vi[v] = len(voices)
			voices = append(voices, v)
		}
	}
	if len(voices) > 2 {
		return nil, fmt.Errorf("charts: frame by voice: %d voices (%q): want at most 2, as \"<frame>%s<voice>\"", len(voices), voices, voiceSep)
	}
	fl, fAl := labelSet(opt.labels, frames, style(fontSmall), 1e9, 1)
	vl, vAl := labelSet(opt.labels, voices, style(fontSmall), 1e9, 1)
	bc := barChart{name: "frame_by_voice", groups: groups, opt: opt, aliases: append(fAl, vAl...)}
	missing := 0
	for f := range frames {
		for v := range voices {
			st := barStyle{color: seriesColor(f), hatch: seriesHatch(f), open: v == 1}
			ser := barSeries{style: st}
			key := ""
			for _, s := range series {
				if split[s] == (fv{frames[f], voices[v]}) {
					key = s
				}
			}
			for _, g := range groups {
				e, ok := at[[2]string{g, key}]
				if !ok || key == "" {
					missing++
					e = Estimate{Value: math.NaN(), Low: math.NaN(), High: math.NaN()}
				}
				bc.hasCI = bc.hasCI || !math.IsNaN(e.Low)
				ser.vals, ser.lo, ser.hi = append(ser.vals, e.Value), append(ser.lo, e.Low), append(ser.hi, e.High)
			}
			bc.series = append(bc.series, ser)
		}
		bc.legend = append(bc.legend, legendItem{label: fl[f], thumb: barThumb(barStyle{color: seriesColor(f), hatch: seriesHatch(f)})})
	}
	gray := barStyle{color: gray50}
	for v, lab := range vl {
		if lab == "" {
			continue
		}
		st := gray
		st.open = v == 1
		bc.legend = append(bc.legend, legendItem{label: lab, thumb: barThumb(st)})
	}
	name, def := measureParts(measure)
	bc.title = upperFirst(name) + " by voice and outlet"
	bc.xLabel = upperFirst(def)
	if bc.hasCI {
		bc.xLabel += " (95% CI)"
		bc.legend = append(bc.legend, legendItem{label: "95% CI", thumb: ciThumb})
	}
	if missing > 0 {
		bc.warnings = append(bc.warnings, fmt.Sprintf("frame_by_voice: %s without an estimate left blank", count(missing, "outlet × frame × voice cell")))
	}
	bc.note = opt.note
	return bc.build()
}
