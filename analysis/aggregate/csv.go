package aggregate

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
)

// formatFloat writes v with strconv's 'g' format and 6 significant digits;
// NaN and ±Inf become an empty field.
func formatFloat(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	if v == 0 {
		return "0" // no "-0"
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}

// RowsHeader is the header line WriteRowsCSV writes.
var RowsHeader = []string{"source", "year", "voice", "measure", "value", "ci_low", "ci_high", "interval", "n_articles", "n_paragraphs", "weight"}

// WriteRowsCSV writes rows as CSV with RowsHeader.
func WriteRowsCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(RowsHeader); err != nil {
		return err
	}
	for _, r := range rows {
		rec := []string{r.Source, r.Year, r.Voice, r.Measure,
			formatFloat(r.Value), formatFloat(r.Low), formatFloat(r.High), r.Interval,
			strconv.Itoa(r.NArticles), strconv.Itoa(r.NParagraphs), r.Weight}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ComparisonsHeader is the header line WriteComparisonsCSV writes.
var ComparisonsHeader = []string{"measure", "voice", "a", "b", "test", "statistic", "df", "p", "p_holm",
	"effect_name", "effect", "effect_low", "effect_high", "cramers_v", "value_a", "value_b", "n_a", "n_b"}

// WriteComparisonsCSV writes comparisons as CSV with ComparisonsHeader.
func WriteComparisonsCSV(w io.Writer, cs []Comparison) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ComparisonsHeader); err != nil {
		return err
	}
	for _, c := range cs {
		rec := []string{c.Measure, c.Voice, c.A, c.B, c.Test,
			formatFloat(c.Statistic), formatFloat(c.DF), formatFloat(c.P), formatFloat(c.PHolm),
			c.EffectName, formatFloat(c.Effect), formatFloat(c.EffectLow), formatFloat(c.EffectHigh),
			formatFloat(c.CramersV), formatFloat(c.ValueA), formatFloat(c.ValueB),
			strconv.Itoa(c.NA), strconv.Itoa(c.NB)}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
