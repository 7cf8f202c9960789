package validate

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Agreement is the reliability of one label across coders.
type Agreement struct {
	Label string
	// Alpha is Krippendorff's alpha at Level over all coders; NaN when fewer
	// than two values are pairable or the values do not vary at all.
	Alpha float64
	// Kappa is Cohen's kappa over the units both coders coded; NaN unless
	// there are exactly two coders.
	Kappa float64
	// Units is the number of units coded by at least two coders (the units
	// alpha uses); Coders the number of coders who coded the label at least once.
	Units, Coders int
	Level         string // "nominal" or "interval"
}

// Agree reads coding sheets (the units coded by different coders: one sheet
// per coder, or sheets with a coder column naming each row's coder) and
// gives, per label, Krippendorff's alpha (nominal for the frames, voice and
// role; interval for tone) and, with exactly two coders, Cohen's kappa.
//
// A sheet has the gold files' columns (unit, …, end, <frames…>, tone, voice,
// role); its frames are the columns between end and tone, and every sheet
// must have the same. Units are matched across sheets by their unit column.
// An empty cell is a missing value. A row's coder is its coder column when
// that is not empty, else the sheet's name; names[i] names sheets[i] (in
// errors too). A coder coding a unit twice is an error. Labels come in the
// sheets' order: frames, tone, voice, role.
func Agree(sheets []io.Reader, names []string) ([]Agreement, error) {
	cs, err := readSheets(sheets, names)
	if err != nil {
		return nil, err
	}
	labels, values := cs.labels, cs.values
	type key = codeKey
	unitIDs := sortedKeys(cs.units)
	coderIDs := sortedKeys(cs.coders)
	out := make([]Agreement, 0, len(labels))
	for _, l := range labels {
		data := make([][]string, len(coderIDs))
		active := 0
		for c, cid := range coderIDs {
			data[c] = make([]string, len(unitIDs))
			coded := false
			for u, uid := range unitIDs {
				data[c][u] = values[l][key{cid, uid}]
				coded = coded || data[c][u] != ""
			}
			if coded {
				active++
			}
		}
		level := "nominal"
		if l == "tone" {
			level = "interval"
		}
		a := Agreement{Label: l, Level: level, Coders: active, Kappa: math.NaN()}
		for u := range unitIDs {
			m := 0
			for c := range coderIDs {
				if data[c][u] != "" {
					m++
				}
			}
			if m >= 2 {
				a.Units++
			}
		}
		a.Alpha = KrippendorffAlpha(data, level)
		if len(coderIDs) == 2 {
			a.Kappa = CohenKappa(data[0], data[1])
		}
		out = append(out, a)
	}
	return out, nil
}

// codeKey is one coder's coding of one unit.
type codeKey struct{ coder, unit string }

// codedSheets are coding sheets read and checked.
type codedSheets struct {
	frames, labels []string                      // frames, then tone, voice, role
	values         map[string]map[codeKey]string // label → (coder, unit) → value ("" absent)
	units, coders  map[string]bool
	where          map[string]unitPlace // unit → its file and offsets, as first seen
}

type unitPlace struct {
	file, start, end string
	at               string // file:line where first seen
}

// readSheets reads coding sheets as Agree describes them.
func readSheets(sheets []io.Reader, names []string) (*codedSheets, error) {
	if len(sheets) == 0 {
		return nil, errors.New("validate: no coding sheets")
	}
	if len(names) != len(sheets) {
		return nil, fmt.Errorf("validate: %d sheets but %d names", len(sheets), len(names))
	}
	cs := &codedSheets{values: map[string]map[codeKey]string{}, units: map[string]bool{},
		coders: map[string]bool{}, where: map[string]unitPlace{}}
	seen := map[codeKey]string{} // where each (coder, unit) was coded
	for s, r := range sheets {
		t, err := newTable(r, names[s])
		if err != nil {
			return nil, err
		}
		if err := t.require("unit", "end", "tone", "voice", "role"); err != nil {
			return nil, err
		}
		fr, err := frameColumns(t)
		if err != nil {
			return nil, err
		}
		if cs.labels == nil {
			cs.frames = fr
			cs.labels = append(slices.Clone(fr), "tone", "voice", "role")
			for _, l := range cs.labels {
				cs.values[l] = map[codeKey]string{}
			}
		} else if !slices.Equal(fr, cs.frames) {
			return nil, &ParseError{File: t.name, Line: 1, Err: fmt.Errorf("frames %v differ from the first sheet's %v", fr, cs.frames)}
		}
		for {
			ok, err := t.next()
			if err != nil {
				return nil, err
			}
			if !ok {
				break
			}
			u := strings.TrimSpace(t.get("unit"))
			if u == "" {
				return nil, t.errf("unit", "empty unit id")
			}
			c := strings.TrimSpace(t.get("coder"))
			if c == "" {
				c = names[s]
			}
			k := codeKey{c, u}
			at := fmt.Sprintf("%s:%d", t.name, t.line)
			if first, dup := seen[k]; dup {
				return nil, t.errf("unit", "coder %q codes unit %q twice (first at %s)", c, u, first)
			}
			seen[k] = at
			place := unitPlace{strings.TrimSpace(t.get("file")), strings.TrimSpace(t.get("start")), strings.TrimSpace(t.get("end")), at}
			if p, ok := cs.where[u]; !ok {
				cs.where[u] = place
			} else if p.file != place.file || p.start != place.start || p.end != place.end {
				return nil, t.errf("unit", "unit %q is %s [%s,%s) here but %s [%s,%s) at %s", u,
					place.file, place.start, place.end, p.file, p.start, p.end, p.at)
			}
			cs.units[u] = true
			cs.coders[c] = true
			for _, l := range cs.labels {
				v := strings.TrimSpace(t.get(l))
				if v == "" {
					continue
				}
				switch l {
				case "tone":
					x, err := strconv.ParseFloat(v, 64)
					if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
						return nil, t.errf(l, "%w: %q", ErrBadNumber, v)
					}
					v = strconv.FormatFloat(x, 'g', -1, 64)
				case "voice", "role":
					v = strings.ToLower(v)
				default: // a frame
					if v != "0" && v != "1" {
						return nil, t.errf(l, "frame value %q is not 0 or 1", v)
					}
				}
				cs.values[l][k] = v
			}
		}
	}
	return cs, nil
}

func sortedKeys(m map[string]bool) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// CohenKappa returns Cohen's (1960) kappa of two coders' nominal codes of
// the same units, a[i] and b[i] being unit i; units either coder left empty
// ("") are left out:
//
//	κ = (p_o − p_e) / (1 − p_e),  p_e = Σ_c p_a(c)·p_b(c)
//
// where p_o is the share of units coded alike and p_a(c), p_b(c) the coders'
// shares of category c. NaN when no unit is coded by both or p_e = 1. It
// panics if a and b differ in length.
func CohenKappa(a, b []string) float64 {
	if len(a) != len(b) {
		panic("validate: CohenKappa of slices of different lengths")
	}
	ca, cb := map[string]int{}, map[string]int{}
	n, same := 0, 0
	for i := range a {
		if a[i] == "" || b[i] == "" {
			continue
		}
		n++
		ca[a[i]]++
		cb[b[i]]++
		if a[i] == b[i] {
			same++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	po := float64(same) / float64(n)
	var pe float64
	for _, c := range sortedCounts(ca) {
		pe += float64(ca[c]) / float64(n) * float64(cb[c]) / float64(n)
	}
	if pe == 1 {
		return math.NaN()
	}
	return (po - pe) / (1 - pe)
}

func sortedCounts(m map[string]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// KrippendorffAlpha returns Krippendorff's alpha of data[coder][unit] ("" is
// a missing value) at level "nominal" or "interval" (values are then
// numbers), computed from the coincidence matrix (Krippendorff 2011,
// "Computing Krippendorff's Alpha-Reliability"):
//
//	α = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
//
// with o_ck = Σ_u (number of c–k pairs of values in unit u) / (m_u − 1) over
// the units with m_u ≥ 2 values, n_c = Σ_k o_ck, n = Σ_c n_c, and δ²_ck = 0
// or 1 (nominal: c = k or not) or (c − k)² (interval). NaN when fewer than
// two values are pairable, when the values do not vary (the expected
// disagreement is 0), or when an interval value is not a number. It panics
// on an unknown level or rows of different lengths.
func KrippendorffAlpha(data [][]string, level string) float64 {
	if level != "nominal" && level != "interval" {
		panic("validate: KrippendorffAlpha level must be nominal or interval, not " + level)
	}
	if len(data) == 0 {
		return math.NaN()
	}
	nu := len(data[0])
	for _, row := range data {
		if len(row) != nu {
			panic("validate: KrippendorffAlpha rows of different lengths")
		}
	}
	// The distinct values, sorted, and their numbers.
	idx := map[string]int{}
	var vals []string
	for _, row := range data {
		for _, v := range row {
			if v == "" {
				continue
			}
			if _, ok := idx[v]; !ok {
				idx[v] = 0
				vals = append(vals, v)
			}
		}
	}
	slices.Sort(vals)
	num := make([]float64, len(vals))
	for i, v := range vals {
		idx[v] = i
		if level == "interval" {
			x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
				return math.NaN()
			}
			num[i] = x
		}
	}
	delta := func(c, k int) float64 {
		if level == "nominal" {
			if c == k {
				return 0
			}
			return 1
		}
		d := num[c] - num[k]
		return d * d
	}
	nv := len(vals)
	o := make([]float64, nv*nv)
	counts := make([]int, nv)
	for u := range nu {
		clear(counts)
		m := 0
		for _, row := range data {
			if v := row[u]; v != "" {
				counts[idx[v]]++
				m++
			}
		}
		if m < 2 {
			continue
		}
		for c := range nv {
			if counts[c] == 0 {
				continue
			}
			for k := range nv {
				pairs := counts[c] * counts[k]
				if c == k {
					pairs = counts[c] * (counts[c] - 1)
				}
				o[c*nv+k] += float64(pairs) / float64(m-1)
			}
		}
	}
	nc := make([]float64, nv)
	var n float64
	for c := range nv {
		for k := range nv {
			nc[c] += o[c*nv+k]
		}
		n += nc[c]
	}
	if n < 2 {
		return math.NaN()
	}
	var do, de float64
	for c := range nv {
		for k := range nv {
			d := delta(c, k)
			do += o[c*nv+k] * d
			de += nc[c] * nc[k] * d
		}
	}
	if de == 0 {
		return math.NaN()
	}
	return 1 - (n-1)*do/de
}
