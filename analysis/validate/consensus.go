package validate

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Consensus merges coding sheets (read as Agree reads them) into one gold
// file that Eval can score a run against: one row per unit with the columns
// unit,file,start,end,<frames…>,tone,voice,role,coders,ties.
//
// A frame, voice or role takes the value more than half of the unit's coders
// gave it; without such a majority the cell is left empty and the label is
// named in ties (semicolon-separated), for the researcher to adjudicate
// (Eval reads an empty frame as 0 and an empty role as matching no
// paragraph). tone is the mean of the coders' tones, rounded to three
// decimals. coders is the number of coders of the unit. Rows are sorted by
// file, start, end and unit.
func Consensus(sheets []io.Reader, names []string, w io.Writer) error {
	cs, err := readSheets(sheets, names)
	if err != nil {
		return err
	}
	coders := sortedKeys(cs.coders)
	units := sortedKeys(cs.units)
	slices.SortStableFunc(units, func(a, b string) int {
		pa, pb := cs.where[a], cs.where[b]
		if c := strings.Compare(pa.file, pb.file); c != 0 {
			return c
		}
		if c := compareNumeric(pa.start, pb.start); c != 0 {
			return c
		}
		return compareNumeric(pa.end, pb.end)
	})
	cw := csv.NewWriter(w)
	header := append([]string{"unit", "file", "start", "end"}, cs.labels...)
	if err := cw.Write(append(header, "coders", "ties")); err != nil {
		return err
	}
	for _, u := range units {
		p := cs.where[u]
		rec := []string{u, p.file, p.start, p.end}
		n := 0
		for _, c := range coders {
			for _, l := range cs.labels {
				if cs.values[l][codeKey{c, u}] != "" {
					n++
					break
				}
			}
		}
		var ties []string
		for _, l := range cs.labels {
			var vals []string
			for _, c := range coders {
				if v := cs.values[l][codeKey{c, u}]; v != "" {
					vals = append(vals, v)
				}
			}
			if l == "tone" {
				rec = append(rec, meanTone(vals))
				continue
			}
			v, ok := majority(vals)
			if !ok && len(vals) > 0 {
				ties = append(ties, l)
			}
			rec = append(rec, v)
		}
		rec = append(rec, strconv.Itoa(n), strings.Join(ties, ";"))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// majority returns the value more than half of vals hold.
func majority(vals []string) (string, bool) {
	count := map[string]int{}
	for _, v := range vals {
		count[v]++
	}
	for _, v := range sortedCounts(count) {
		if 2*count[v] > len(vals) {
			return v, true
		}
	}
	return "", false
}

func meanTone(vals []string) string {
	if len(vals) == 0 {
		return ""
	}
	var sum float64
	for _, v := range vals {
		x, _ := strconv.ParseFloat(v, 64) // checked when read
		sum += x
	}
	m := round3(sum / float64(len(vals)))
	if m == 0 {
		m = math.Abs(m) // no "-0"
	}
	return strconv.FormatFloat(m, 'f', -1, 64)
}

// compareNumeric orders integers written as text numerically, others after
// them as text.
func compareNumeric(a, b string) int {
	x, errA := strconv.Atoi(a)
	y, errB := strconv.Atoi(b)
	switch {
	case errA == nil && errB == nil:
		return x - y
	case errA == nil:
		return -1
	case errB == nil:
		return 1
	}
	return strings.Compare(a, b)
}

// WriteAgreement writes Agree's results as a table: label, level, alpha,
// kappa, units and coders.
func WriteAgreement(w io.Writer, agr []Agreement) error {
	bw := bufio.NewWriter(w)
	num := func(x float64) string {
		if math.IsNaN(x) {
			return "n/a"
		}
		return strconv.FormatFloat(x, 'f', 3, 64)
	}
	fmt.Fprintf(bw, "%-24s %-8s %7s %7s %6s %6s\n", "label", "level", "alpha", "kappa", "units", "coders")
	for _, a := range agr {
		fmt.Fprintf(bw, "%-24s %-8s %7s %7s %6d %6d\n", a.Label, a.Level, num(a.Alpha), num(a.Kappa), a.Units, a.Coders)
	}
	return bw.Flush()
}
