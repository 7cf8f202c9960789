package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestTeXEscape(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "Dawn", "Dawn"},
		{"specials", `& % $ # _ { } ~ ^ \`, `\& \% \$ \# \_ \{ \} \textasciitilde{} \textasciicircum{} \textbackslash{}`},
		{"angle and bar", "a<b>c|d", `a\textless{}b\textgreater{}c\textbar{}d`},
		{"command injection", `\input{/etc/passwd}`, `\textbackslash{}input\{/etc/passwd\}`},
		{"leading bracket", "[0.20, 0.60]", "{[}0.20, 0.60]"},
		{"leading star", "*p < 0.05", `{*}p \textless{} 0.05`},
		{"inner bracket kept", "CI [0.2, 0.6]", "CI [0.2, 0.6]"},
		{"line breaks", "a\nb\r\n\tc", "a b   c"},
		{"bracket after spaces", " \n[x]", "  {[}x]"},
		{"control dropped", "a\x00b\x1bc", "abc"},
		{"typography", "−0.3 – “x” … ×2 ±1", "-0.3 -- ``x'' \\ldots{} \\texttimes{}2 \\textpm{}1"},
		{"nbsp", "10\u00a0%", `10~\%`},
		{"greek and signs", "Δ share, χ² ≤ 0.05, α·β", `$\Delta$ share, $\chi$\textsuperscript{2} $\leq$ 0.05, $\alpha$\textperiodcentered{}$\beta$`},
		{"other UTF-8 kept", "Tehrān ڈان", "Tehrān ڈان"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := texEscape(tc.in); got != tc.want {
				t.Errorf("texEscape(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTeXMinus(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"-0.15", "$-$0.15"},
		{"{[}-0.3, 0.1]", "{[}$-$0.3, 0.1]"},
		{"0.2 [-0.1, 0.5]", "0.2 [$-$0.1, 0.5]"},
		{"1e-5", "1e-5"},
		{"-", "-"},
		{"3-4", "3-4"},
	} {
		if got := texMinus(tc.in); got != tc.want {
			t.Errorf("texMinus(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWriteTeXColumns(t *testing.T) {
	for _, tc := range []struct {
		name string
		tab  Table
		want string // the tabular line
	}{
		{"numbers right", Table{Header: []string{"Outlet", "Share"}, Rows: [][]string{{"Dawn", "0.4"}, {"TT", "−0.2"}}}, `\begin{tabular}{@{}lr@{}}`},
		{"intervals right", Table{Rows: [][]string{{"a", "0.4 [0.2, 0.6]"}}}, `\begin{tabular}{@{}lr@{}}`},
		{"missing values ignored", Table{Rows: [][]string{{"a", "—"}, {"b", "0.3"}, {"c", ""}}}, `\begin{tabular}{@{}lr@{}}`},
		{"text left", Table{Rows: [][]string{{"a", "0.4"}, {"b", "n/a"}}}, `\begin{tabular}{@{}ll@{}}`},
		{"ragged rows padded", Table{Header: []string{"x"}, Rows: [][]string{{"a", "1", "2"}}}, `\begin{tabular}{@{}lrr@{}}`},
		{"empty table", Table{}, `\begin{tabular}{@{}l@{}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteTeX(&buf, []Table{tc.tab}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), tc.want+"\n") {
				t.Errorf("output lacks %s:\n%s", tc.want, buf.String())
			}
			// Every row has as many cells as the spec has columns.
			for _, line := range strings.Split(buf.String(), "\n") {
				if strings.HasSuffix(line, `\\`) {
					spec := strings.TrimSuffix(strings.TrimPrefix(tc.want, `\begin{tabular}{@{}`), `@{}}`)
					if got, want := strings.Count(line, " & ")+1, len(spec); got != want {
						t.Errorf("row %q has %d cells, want %d", line, got, want)
					}
				}
			}
		})
	}
}

func TestWriteTeXHostile(t *testing.T) {
	var buf bytes.Buffer
	tab := Table{ID: `x}\input{evil`, Caption: hostile(`\end{table}`), Note: `100% \\ #1`,
		Header: []string{`\\`, "&"}, Rows: [][]string{{`}\bottomrule{`, "$x$"}}}
	if err := WriteTeX(&buf, []Table{tab}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, `\label`) {
		t.Error("an unsafe ID became a label")
	}
	if n := strings.Count(out, `\end{table}`); n != 1 {
		t.Errorf("%d \\end{table}, want 1", n)
	}
	if n := strings.Count(out, `\bottomrule`); n != 1 {
		t.Errorf("%d \\bottomrule, want 1", n)
	}
}

// texSafe are the sequences texEscape writes that contain special
// characters, longest first.
var texSafe = func() []string {
	var s []string
	for _, v := range texReplace {
		s = append(s, v)
	}
	s = append(s, "{[}", "{*}")
	slices.SortFunc(s, func(a, b string) int { return len(b) - len(a) })
	return s
}()

// checkTeXText reports the first special character in s that is not part of
// an escape sequence.
func checkTeXText(s string) error {
	for i := 0; i < len(s); {
		if j := slices.IndexFunc(texSafe, func(e string) bool { return strings.HasPrefix(s[i:], e) }); j >= 0 {
			i += len(texSafe[j])
			continue
		}
		if strings.IndexByte("\\{}&%$#_~^<>|\n\r", s[i]) >= 0 {
			return errors.New("unescaped " + string(s[i]) + " at " + s[i:])
		}
		i++
	}
	return nil
}

func FuzzTeXEscape(f *testing.F) {
	for _, p := range payloads {
		f.Add(p)
	}
	f.Add(`\input{x} & 100% $5 #1 a_b ~^ [x] *y`)
	f.Fuzz(func(t *testing.T, s string) {
		out := texEscape(s)
		if err := checkTeXText(out); err != nil {
			t.Fatalf("texEscape(%q) = %q: %v", s, out, err)
		}
		if rest := strings.TrimLeft(out, " "); strings.HasPrefix(rest, "[") || strings.HasPrefix(rest, "*") {
			t.Fatalf("texEscape(%q) = %q starts with [ or *", s, out)
		}
	})
}

// TestTeXCompiles runs pdflatex on tables.tex, with every LaTeX special and
// the typographic characters texEscape maps, and fails on any LaTeX error or
// undefined command, overfull box or float too large for the page. It skips
// when pdflatex is absent, and fails instead when FRAMESCOPE_REQUIRE_LATEX=1.
func TestTeXCompiles(t *testing.T) {
	pdflatex, err := exec.LookPath("pdflatex")
	if err != nil {
		msg := "pdflatex not found (Debian: texlive-latex-base texlive-latex-recommended)"
		if os.Getenv("FRAMESCOPE_REQUIRE_LATEX") == "1" {
			t.Fatal(msg + "; FRAMESCOPE_REQUIRE_LATEX=1 makes this a failure")
		}
		t.Skip(msg)
	}
	tables := append([]Table{sampleData().Charts[0].Table}, sampleData().Tables...)
	tables = append(tables, Table{
		ID:      "hostile",
		Caption: `Specials & % $ # _ { } ~ ^ \ < > | "quoted" \end{table}`,
		Header:  []string{"[x]", "*y", `\\`, "Share"},
		Rows: [][]string{
			{`\input{/etc/passwd}`, "a\nb", "“Tehrān” – café … ±1 ×2\u00a0%", "−0.31"},
			{"}{", "$x$", "#1", "0.2 [−0.1, 0.5]"},
		},
		Note: "100% of \\ notes; ~ ^ _",
	})
	// Too wide for the line: scaled down. Too long for a page: a longtable.
	wide := Table{ID: "wide", Caption: "Wide", Header: strings.Fields("outlet year voice measure value interval articles paragraphs extra1 extra2")}
	long := Table{ID: "long", Caption: "Long", Header: []string{"Outlet", "Measure", "Value"}, Note: "A long table."}
	for i := range 3 * MaxFloatRows {
		wide.Rows = append(wide.Rows, []string{"Apadana Freedom Foundation", "2023", "outlet", "us_israel_threat_share", "0.667 [0.500, 0.800]", "bootstrap", "12", "123", "more text here", "and more"})
		long.Rows = append(long.Rows, []string{fmt.Sprintf("Outlet %d", i), "tone_mean", fmt.Sprintf("%.3f", float64(i-40)/100)})
	}
	wide.Rows = wide.Rows[:5]
	tables = append(tables, wide, long)
	dir := t.TempDir()
	var tex bytes.Buffer
	if err := WriteTeX(&tex, tables); err != nil {
		t.Fatal(err)
	}
	doc := "\\documentclass{article}\n\\usepackage{booktabs,graphicx,longtable}\n\\begin{document}\n\\input{tables}\n\\end{document}\n"
	for name, body := range map[string][]byte{"tables.tex": tex.Bytes(), "main.tex": []byte(doc)} {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, pdflatex, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "main.tex")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("pdflatex failed: %v\n%s", err, out)
	}
	log, err := os.ReadFile(filepath.Join(dir, "main.log"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"Undefined control sequence", "Missing character", "not set up for use with LaTeX", "! ",
		"Overfull \\hbox", "Float too large"} {
		if bytes.Contains(log, []byte(bad)) {
			t.Errorf("pdflatex log has %q:\n%s", bad, log)
		}
	}
	if bytes.Contains(log, []byte("(/etc/passwd")) { // TeX logs "(file" for every file it reads
		t.Error("\\input{/etc/passwd} was executed")
	}
}

func TestWriteTeXLayout(t *testing.T) {
	rows := func(n int, cells ...string) [][]string {
		var r [][]string
		for range n {
			r = append(r, cells)
		}
		return r
	}
	for _, tc := range []struct {
		name          string
		tab           Table
		want, notWant []string
	}{
		{"short is a float", Table{Rows: rows(MaxFloatRows, "a", "1")},
			[]string{`\begin{table}[htbp]`, `\resizebox{\linewidth}`, "Requires \\usepackage{booktabs, graphicx}."}, []string{"longtable"}},
		{"long is a longtable", Table{ID: "x", Caption: "C", Header: []string{"h", "v"}, Rows: rows(MaxFloatRows+1, "a", "1")},
			[]string{`\begin{longtable}{@{}lr@{}}`, `\caption{C}\label{tab:x}\\`, `\endhead`, `\endlastfoot`, `{\footnotesize`, "longtable}."},
			[]string{`\begin{table}`, `\scriptsize`}},
		{"long and wide is smaller", Table{Rows: rows(MaxFloatRows+1, strings.Repeat("x", 60), strings.Repeat("y", 40))},
			[]string{`{\scriptsize`}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteTeX(&buf, []Table{tc.tab}); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("output lacks %q", w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(buf.String(), w) {
					t.Errorf("output has %q", w)
				}
			}
		})
	}
}
