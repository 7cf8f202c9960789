package validate

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// round3 rounds as Python's round(x, 3) does: to the nearest multiple of
// 0.001 of the exact binary value, ties to even.
func round3(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return v
}

// pyFloat writes round(x, 3) as Python's json.dumps would, except that NaN
// and ±Inf, which are not JSON, become null.
func pyFloat(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "null"
	}
	s := strconv.FormatFloat(round3(x), 'f', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

func jsonString(s string) string { b, _ := json.Marshal(s); return string(b) }

// WriteJSON writes the report as one line of JSON with the keys of
// score_run.py --json, in its order and with its rounding to three
// decimals (NaN, which Python writes as the non-JSON NaN, is null), followed
// by "role_f1" (F1 per role), "docs", "resamples", "seed" and "ci": for each measure, its 95%
// interval as [lo, hi] (nested per frame like the point figures).
func (r *Report) WriteJSON(w io.Writer) error {
	var b strings.Builder
	kv := func(k, v string) { fmt.Fprintf(&b, "%s: %s, ", jsonString(k), v) }
	itoa := strconv.Itoa
	b.WriteString("{")
	kv("units", itoa(r.Units))
	kv("unmatched_units", itoa(r.UnmatchedUnits))
	kv("paragraphs_in_run", itoa(r.ParagraphsInRun))
	kv("role_accuracy", pyFloat(r.RoleAccuracy.Value))
	kv("body_f1", pyFloat(r.BodyF1.Value))
	kv("paragraphs_scored", itoa(r.ParagraphsScored))
	for _, f := range r.Frames {
		kv(f.ID, fmt.Sprintf(`{"P": %s, "R": %s, "F1": %s, "unit_F1": %s, "gold_pos": %d}`,
			pyFloat(f.P.Value), pyFloat(f.R.Value), pyFloat(f.F1.Value), pyFloat(f.UnitF1.Value), f.GoldPos))
	}
	kv("macro_F1", pyFloat(r.MacroF1.Value))
	kv("unit_macro_F1", pyFloat(r.UnitMacroF1.Value))
	kv("tone_r", pyFloat(r.ToneR.Value))
	kv("voice_accuracy", pyFloat(r.VoiceAccuracy.Value))
	kv("voice_coverage", pyFloat(r.VoiceCoverage.Value))
	roles := make([]string, len(r.RoleF1))
	for i, rs := range r.RoleF1 {
		roles[i] = jsonString(rs.Role) + ": " + pyFloat(rs.F1.Value)
	}
	kv("role_f1", "{"+strings.Join(roles, ", ")+"}")
	kv("docs", itoa(r.Docs))
	kv("resamples", itoa(r.Resamples))
	kv("seed", strconv.FormatUint(r.Seed, 10))
	ci := func(m Measure) string { return "[" + pyFloat(m.Lo) + ", " + pyFloat(m.Hi) + "]" }
	b.WriteString(`"ci": {`)
	parts := []string{
		`"role_accuracy": ` + ci(r.RoleAccuracy),
		`"body_f1": ` + ci(r.BodyF1),
	}
	roleCI := make([]string, len(r.RoleF1))
	for i, rs := range r.RoleF1 {
		roleCI[i] = jsonString(rs.Role) + ": " + ci(rs.F1)
	}
	parts = append(parts, `"role_f1": {`+strings.Join(roleCI, ", ")+"}")
	for _, f := range r.Frames {
		parts = append(parts, fmt.Sprintf(`%s: {"P": %s, "R": %s, "F1": %s, "unit_F1": %s}`,
			jsonString(f.ID), ci(f.P), ci(f.R), ci(f.F1), ci(f.UnitF1)))
	}
	parts = append(parts,
		`"macro_F1": `+ci(r.MacroF1),
		`"unit_macro_F1": `+ci(r.UnitMacroF1),
		`"tone_r": `+ci(r.ToneR),
		`"voice_accuracy": `+ci(r.VoiceAccuracy),
		`"voice_coverage": `+ci(r.VoiceCoverage))
	b.WriteString(strings.Join(parts, ", "))
	b.WriteString("}}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteText writes the report as a table: measure, value (three decimals)
// and 95% interval, with counts first.
func (r *Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	num := func(x float64) string {
		if math.IsNaN(x) {
			return "n/a"
		}
		return strconv.FormatFloat(round3(x), 'f', 3, 64)
	}
	row := func(name string, m Measure) {
		ci := ""
		if !math.IsNaN(m.Lo) {
			ci = "[" + num(m.Lo) + ", " + num(m.Hi) + "]"
		}
		fmt.Fprintf(bw, "%-32s %7s  %s\n", name, num(m.Value), ci)
	}
	count := func(name string, n int) { fmt.Fprintf(bw, "%-32s %7d\n", name, n) }
	fmt.Fprintf(bw, "%-32s %7s  %s\n", "measure", "value", "95% CI")
	count("units", r.Units)
	count("unmatched_units", r.UnmatchedUnits)
	count("paragraphs_in_run", r.ParagraphsInRun)
	count("paragraphs_scored", r.ParagraphsScored)
	count("docs", r.Docs)
	row("role_accuracy", r.RoleAccuracy)
	row("body_f1", r.BodyF1)
	for _, rs := range r.RoleF1 {
		row("role_f1 "+rs.Role, rs.F1)
	}
	for _, f := range r.Frames {
		row(f.ID+" P", f.P)
		row(f.ID+" R", f.R)
		row(f.ID+" F1", f.F1)
		row(f.ID+" unit_F1", f.UnitF1)
		count(f.ID+" gold_pos", f.GoldPos)
	}
	row("macro_F1", r.MacroF1)
	row("unit_macro_F1", r.UnitMacroF1)
	row("tone_r", r.ToneR)
	row("voice_accuracy", r.VoiceAccuracy)
	row("voice_coverage", r.VoiceCoverage)
	if r.Resamples > 0 {
		fmt.Fprintf(bw, "95%% CI: BCa bootstrap over %d gold documents (small-sample expanded), %d resamples, seed %d\n", r.Docs, r.Resamples, r.Seed)
	} else {
		fmt.Fprintf(bw, "no intervals (0 resamples)\n")
	}
	return bw.Flush()
}
