package charts

import (
	"fmt"
	"strings"
)

// voiceSep separates frame and voice in FrameByVoice series labels.
const voiceSep = " · "

// NewFrameByVoice returns grouped horizontal bars of frame share by voice:
// one row per outlet (Group); Series is "<frame> · <voice>" (voices such as
// "outlet voice" and "quoted"). Colour and hatching tell the frame, a solid
// or an open hatched bar the voice. Values and intervals lie in [0,1].
func NewFrameByVoice(est []Estimate, measure string, opt Options) (*Figure, error) {
	in, err := shareInput(est, measure, opt, estimateRules{chart: "frame by voice", group: "outlet", series: "frame · voice", min: 0, max: 1})
	if err != nil {
		return nil, err
	}
	groups, series, at := in.groups, in.series, in.at
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
	fl, fAl := labelSet(in.opt.labels, frames, style(fontSmall), 1e9, 1)
	vl, vAl := labelSet(in.opt.labels, voices, style(fontSmall), 1e9, 1)
	bc := barChart{name: "frame_by_voice", groups: groups, opt: in.opt, aliases: append(fAl, vAl...)}
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
			missing += bc.fill(&ser, at, key)
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
	return bc.finishShare(in.measure, "by voice and outlet", missing, "outlet × frame × voice cell")
}
