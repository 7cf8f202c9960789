package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxFloatRows is the number of body rows above which WriteTeX sets a table
// as a longtable, which breaks across pages, rather than as a float, which
// must fit on one.
const MaxFloatRows = 30

// WriteTeX writes tables for \input in a LaTeX document, with booktabs rules
// (\toprule, \midrule, \bottomrule). A table of up to MaxFloatRows rows is a
// table float, scaled down to \linewidth when it is wider (graphicx); a
// longer one is a longtable in small type whose header repeats on every page.
// The first line names the packages the file needs.
//
// Every cell, caption and note is escaped: the ten LaTeX special characters
// (& % $ # _ { } ~ ^ \) and < > | print as themselves, a cell starting with [
// or * cannot be read as an argument of the preceding \\, line breaks become
// spaces, control characters are dropped, and the typographic characters,
// Greek letters and signs that pdfLaTeX lacks by default (− – — ‘ ’ “ ” … × ±
// Δ α χ ² ≤ ≥ · and no-break spaces, among others) are written as LaTeX
// commands. Other non-ASCII text is left as UTF-8: accented Latin letters
// compile with pdfLaTeX, but names in other scripts (Urdu, Persian, Arabic)
// need XeLaTeX or LuaLaTeX with a font that has them.
//
// Columns whose body cells are all numbers are right-aligned, with a leading
// minus set as a true minus sign, so numbers with the same number of decimals
// align. A table's ID becomes \label{tab:ID} when it is a plain identifier.
func WriteTeX(w io.Writer, tables []Table) error {
	bw := bufio.NewWriter(w)
	long := false
	for i := range tables {
		long = long || len(tables[i].Rows) > MaxFloatRows
	}
	pkgs := "booktabs, graphicx"
	if long {
		pkgs += ", longtable"
	}
	fmt.Fprintf(bw, "%% Tables written by framescope. Requires \\usepackage{%s}.\n", pkgs)
	for i := range tables {
		if len(tables[i].Rows) > MaxFloatRows {
			writeLongTable(bw, &tables[i])
		} else {
			writeTeXTable(bw, &tables[i])
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: writing TeX: %w", err)
	}
	return nil
}

// texSpec returns t's column count, numeric columns and column spec.
func texSpec(t *Table) (int, []bool, string) {
	n := max(t.width(), 1)
	num := numericColumns(t.Rows, n)
	spec := make([]byte, n)
	for j := range spec {
		spec[j] = 'l'
		if num[j] {
			spec[j] = 'r'
		}
	}
	return n, num, "@{}" + string(spec) + "@{}"
}

// writeTeXTable writes t as a float, its tabular set first in the scratch box
// 0 (local to the float's group, so each table stands alone when copied) and
// scaled down to the line width when it is wider.
func writeTeXTable(w *bufio.Writer, t *Table) {
	n, num, spec := texSpec(t)
	fmt.Fprintf(w, "\n\\begin{table}[htbp]\n\\centering\n")
	if t.Caption != "" {
		fmt.Fprintf(w, "\\caption{%s}\n", texEscape(t.Caption))
	}
	if id := safeID(t.ID, ""); id != "" {
		fmt.Fprintf(w, "\\label{tab:%s}\n", id)
	}
	fmt.Fprintf(w, "\\setbox0=\\hbox{%%\n\\begin{tabular}{%s}\n\\toprule\n", spec)
	if len(t.Header) > 0 {
		writeTeXRow(w, t.Header, n, nil)
		w.WriteString("\\midrule\n")
	}
	for _, r := range t.Rows {
		writeTeXRow(w, r, n, num)
	}
	w.WriteString("\\bottomrule\n\\end{tabular}}%\n")
	w.WriteString("\\ifdim\\wd0>\\linewidth\\resizebox{\\linewidth}{!}{\\box0}\\else\\box0\\fi\n")
	if t.Note != "" {
		fmt.Fprintf(w, "\\par\\smallskip\n{\\footnotesize %s\\par}\n", texEscape(t.Note))
	}
	w.WriteString("\\end{table}\n")
}

// wideLongTable is the estimated width, in characters, above which a
// longtable is set in \scriptsize rather than \footnotesize: about what
// \footnotesize fits on a one-column article page (345 pt at ~3.5 pt a
// character).
const wideLongTable = 95

// writeLongTable writes t as a longtable in small type, its header repeated
// on each page. A longtable cannot be scaled: when its widest cells add up
// to more than wideLongTable characters it is set smaller still. (longtable
// needs a one-column page; in a two-column document, set such a table in a
// table* float or split it.)
func writeLongTable(w *bufio.Writer, t *Table) {
	n, num, spec := texSpec(t)
	size := "\\footnotesize"
	if texWidth(t, n) > wideLongTable {
		size = "\\scriptsize"
	}
	fmt.Fprintf(w, "\n{%s\\setlength{\\tabcolsep}{4pt}\n\\begin{longtable}{%s}\n", size, spec)
	caption := ""
	if t.Caption != "" {
		caption = "\\caption{" + texEscape(t.Caption) + "}"
	}
	if id := safeID(t.ID, ""); id != "" {
		caption += "\\label{tab:" + id + "}"
	}
	if caption != "" {
		w.WriteString(caption + "\\\\\n")
	}
	header := func() {
		w.WriteString("\\toprule\n")
		if len(t.Header) > 0 {
			writeTeXRow(w, t.Header, n, nil)
			w.WriteString("\\midrule\n")
		}
	}
	header()
	w.WriteString("\\endfirsthead\n")
	header()
	w.WriteString("\\endhead\n")
	fmt.Fprintf(w, "\\midrule\n\\multicolumn{%d}{@{}r@{}}{\\textit{continued}} \\\\\n\\endfoot\n", n)
	w.WriteString("\\bottomrule\n\\endlastfoot\n")
	for _, r := range t.Rows {
		writeTeXRow(w, r, n, num)
	}
	w.WriteString("\\end{longtable}\n")
	if t.Note != "" {
		fmt.Fprintf(w, "\\par\\smallskip\n%s\\par\n", texEscape(t.Note))
	}
	w.WriteString("}\n")
}

// texWidth estimates the width of t's n columns in characters: the longest
// cell of each column (header included) plus two characters between
// columns.
func texWidth(t *Table, n int) int {
	total := 2 * (n - 1)
	for j := range n {
		widest := 0
		if j < len(t.Header) {
			widest = utf8.RuneCountInString(t.Header[j])
		}
		for _, r := range t.Rows {
			if j < len(r) {
				widest = max(widest, utf8.RuneCountInString(r[j]))
			}
		}
		total += widest
	}
	return total
}

// writeTeXRow writes one row of n cells; num marks numeric columns (nil for a
// header).
func writeTeXRow(w *bufio.Writer, cells []string, n int, num []bool) {
	for j := range n {
		if j > 0 {
			w.WriteString(" & ")
		}
		if j >= len(cells) {
			continue
		}
		s := texEscape(cells[j])
		if num != nil && num[j] {
			s = texMinus(s)
		}
		w.WriteString(s)
	}
	w.WriteString(" \\\\\n")
}

// texMinus writes the hyphen or U+2212 that starts a number (at the start of
// an already escaped cell, or after a space or opening bracket) as $-$.
func texMinus(s string) string { return minusSign(s, "$-$") }

// minusSign replaces each hyphen that starts a number in s (at the start, or
// after a space, an opening bracket or a closing brace as in "{[}-0.3") with
// minus.
func minusSign(s, minus string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '-' && i+1 < len(s) && '0' <= s[i+1] && s[i+1] <= '9' &&
			(i == 0 || s[i-1] == ' ' || s[i-1] == '[' || s[i-1] == '(' || s[i-1] == '}') {
			b.WriteString(minus)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// texReplace maps characters that must not reach LaTeX as themselves.
var texReplace = map[rune]string{
	'\\':     `\textbackslash{}`,
	'&':      `\&`,
	'%':      `\%`,
	'$':      `\$`,
	'#':      `\#`,
	'_':      `\_`,
	'{':      `\{`,
	'}':      `\}`,
	'~':      `\textasciitilde{}`,
	'^':      `\textasciicircum{}`,
	'<':      `\textless{}`,
	'>':      `\textgreater{}`,
	'|':      `\textbar{}`,
	'\u2212': `-`, // minus sign: numeric cells turn a leading one into $-$
	'\u2013': `--`,
	'\u2014': `---`,
	'\u2018': "`",
	'\u2019': `'`,
	'\u201c': "``",
	'\u201d': `''`,
	'\u2026': `\ldots{}`,
	'\u00d7': `\texttimes{}`,
	'\u00b1': `\textpm{}`,
	'\u00a0': `~`,
	'\u2009': `\,`,
	'\u202f': `\,`,
	// Statistics' Greek letters and signs, which pdfLaTeX's default setup lacks.
	'Γ': `$\Gamma$`,
	'Δ': `$\Delta$`,
	'Θ': `$\Theta$`,
	'Λ': `$\Lambda$`,
	'Ξ': `$\Xi$`,
	'Π': `$\Pi$`,
	'Σ': `$\Sigma$`,
	'Υ': `$\Upsilon$`,
	'Φ': `$\Phi$`,
	'Ψ': `$\Psi$`,
	'Ω': `$\Omega$`,
	'α': `$\alpha$`,
	'β': `$\beta$`,
	'γ': `$\gamma$`,
	'δ': `$\delta$`,
	'ε': `$\epsilon$`,
	'ζ': `$\zeta$`,
	'η': `$\eta$`,
	'θ': `$\theta$`,
	'ι': `$\iota$`,
	'κ': `$\kappa$`,
	'λ': `$\lambda$`,
	'μ': `$\mu$`,
	'ν': `$\nu$`,
	'ξ': `$\xi$`,
	'π': `$\pi$`,
	'ρ': `$\rho$`,
	'σ': `$\sigma$`,
	'τ': `$\tau$`,
	'υ': `$\upsilon$`,
	'φ': `$\phi$`,
	'χ': `$\chi$`,
	'ψ': `$\psi$`,
	'ω': `$\omega$`,
	'µ': `$\mu$`,
	'²': `\textsuperscript{2}`,
	'³': `\textsuperscript{3}`,
	'¹': `\textsuperscript{1}`,
	'≤': `$\leq$`,
	'≥': `$\geq$`,
	'≠': `$\neq$`,
	'≈': `$\approx$`,
	'∞': `$\infty$`,
	'√': `$\surd$`,
	'·': `\textperiodcentered{}`,
	'•': `\textbullet{}`,
	'°': `\textdegree{}`,
	'§': `\S{}`,
	'¶': `\P{}`,
	'†': `\dag{}`,
	'‡': `\ddag{}`,
}

// texEscape escapes s so LaTeX prints it as text.
func texEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	lead := true // no printing character yet: a [ or * here would follow \\
	for _, r := range s {
		if lead && (r == '[' || r == '*') {
			b.WriteString("{" + string(r) + "}")
			lead = false
			continue
		}
		if !unicode.IsSpace(r) && !unicode.IsControl(r) {
			lead = false
		}
		if rep, ok := texReplace[r]; ok {
			b.WriteString(rep)
			continue
		}
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
