package stats

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// compact drops the rows and columns of table whose total is zero (they
// carry no information and would make an expected count zero) and returns
// the row totals, column totals and grand total of what remains.
func compact(table [][]float64) (t [][]float64, rows, cols []float64, n float64) {
	if len(table) == 0 {
		return nil, nil, nil, 0
	}
	nc := len(table[0])
	for _, r := range table {
		if len(r) != nc {
			return nil, nil, nil, 0
		}
	}
	colSum := make([]float64, nc)
	for _, r := range table {
		for j, v := range r {
			colSum[j] += v
		}
	}
	for _, r := range table {
		var s float64
		for _, v := range r {
			s += v
		}
		if s == 0 {
			continue
		}
		var row []float64
		for j, v := range r {
			if colSum[j] != 0 {
				row = append(row, v)
			}
		}
		t = append(t, row)
		rows = append(rows, s)
		n += s
	}
	for _, s := range colSum {
		if s != 0 {
			cols = append(cols, s)
		}
	}
	return t, rows, cols, n
}

// PearsonChiSquare is Pearson's chi-square test of independence for an r×c
// table of counts, optionally with Yates's continuity correction (applied
// only to 2×2 tables, as R does):
//
//	Eᵢⱼ = rowᵢ·colⱼ / N
//	X²  = Σ (|Oᵢⱼ − Eᵢⱼ| − c)² / Eᵢⱼ,  c = min(½, min |Oᵢⱼ − Eᵢⱼ|) with Yates, else 0
//	df  = (r−1)(c−1),  p = P(χ²_df ≥ X²)
//
// Rows and columns whose total is zero are dropped first (R would return
// NaN). Fewer than two rows or columns left, a ragged table, or a negative
// or NaN count gives NaN for all three.
func PearsonChiSquare(table [][]float64, yates bool) (stat, df, p float64) {
	nan := math.NaN()
	for _, r := range table {
		for _, v := range r {
			if !(v >= 0) {
				return nan, nan, nan
			}
		}
	}
	t, rows, cols, n := compact(table)
	if len(rows) < 2 || len(cols) < 2 {
		return nan, nan, nan
	}
	corr := 0.0
	if yates && len(rows) == 2 && len(cols) == 2 {
		corr = 0.5
		for i, r := range t {
			for j, o := range r {
				corr = math.Min(corr, math.Abs(o-rows[i]*cols[j]/n))
			}
		}
	}
	for i, r := range t {
		for j, o := range r {
			e := rows[i] * cols[j] / n
			d := math.Abs(o-e) - corr
			stat += d * d / e
		}
	}
	df = float64((len(rows) - 1) * (len(cols) - 1))
	p = distuv.ChiSquared{K: df}.Survival(stat)
	return stat, df, p
}

// ChiSquareTest is R's chisq.test(table) with its defaults: Pearson's
// chi-square test of independence, with Yates's continuity correction when
// the table is 2×2 (see PearsonChiSquare).
func ChiSquareTest(table [][]float64) (stat, df, p float64) {
	return PearsonChiSquare(table, true)
}

// MinExpected returns the smallest expected count Eᵢⱼ = rowᵢ·colⱼ/N of the
// table after dropping empty rows and columns (0 when fewer than two rows or
// columns are left). The usual rule: prefer Fisher's exact test when it is
// below 5.
func MinExpected(table [][]float64) float64 {
	_, rows, cols, n := compact(table)
	if len(rows) < 2 || len(cols) < 2 {
		return 0
	}
	return slices.Min(rows) * slices.Min(cols) / n
}

// CramersV is Cramér's V for an r×c table, from the uncorrected Pearson X²:
//
//	V = √(X² / (N·(min(r, c) − 1)))
//
// after dropping empty rows and columns; NaN when fewer than two rows or
// columns are left. For a 2×2 table V = |φ|.
func CramersV(table [][]float64) float64 {
	stat, _, _ := PearsonChiSquare(table, false)
	_, rows, cols, n := compact(table)
	k := min(len(rows), len(cols))
	if k < 2 || math.IsNaN(stat) {
		return math.NaN()
	}
	return math.Sqrt(stat / (n * float64(k-1)))
}

// Phi is the signed φ coefficient of the 2×2 table [[a, b], [c, d]]:
//
//	φ = (ad − bc) / √((a+b)(c+d)(a+c)(b+d))
//
// NaN when a margin is zero.
func Phi(a, b, c, d int) float64 {
	den := math.Sqrt(float64(a+b) * float64(c+d) * float64(a+c) * float64(b+d))
	if den == 0 {
		return math.NaN()
	}
	return (float64(a)*float64(d) - float64(b)*float64(c)) / den
}

// lchoose is log C(n, k).
func lchoose(n, k int) float64 {
	a, _ := math.Lgamma(float64(n + 1))
	b, _ := math.Lgamma(float64(k + 1))
	c, _ := math.Lgamma(float64(n - k + 1))
	return a - b - c
}

// FisherExact2x2 is the two-sided Fisher exact test of the 2×2 table
// [[a, b], [c, d]], as R's fisher.test: with the margins fixed, a follows
// the hypergeometric law
//
//	P(a = x) = C(a+b, x)·C(c+d, a+c−x) / C(N, a+c)
//
// and p sums P(x) over every x with P(x) ≤ P(a)·(1 + 10⁻⁷). Negative counts
// give NaN; a table with a zero margin gives 1.
func FisherExact2x2(a, b, c, d int) (p float64) {
	if a < 0 || b < 0 || c < 0 || d < 0 {
		return math.NaN()
	}
	r1, r2, c1 := a+b, c+d, a+c
	n := r1 + r2
	lo, hi := max(0, c1-r2), min(r1, c1)
	if lo == hi {
		return 1
	}
	logd := make([]float64, hi-lo+1)
	top := math.Inf(-1)
	for x := lo; x <= hi; x++ {
		l := lchoose(r1, x) + lchoose(r2, c1-x) - lchoose(n, c1)
		logd[x-lo] = l
		top = math.Max(top, l)
	}
	var total, tail float64
	obs := math.Exp(logd[a-lo] - top)
	for _, l := range logd {
		v := math.Exp(l - top)
		total += v
		if v <= obs*(1+1e-7) {
			tail += v
		}
	}
	return math.Min(tail/total, 1)
}
