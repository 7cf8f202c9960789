package report_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/framescope/framescope/pipeline/report"
)

func ExampleWriteTeX() {
	tables := []report.Table{{
		ID:      "shares",
		Caption: "Share of paragraphs with the muslim_unity frame (95% CI)",
		Header:  []string{"Outlet", "Share", "95% CI"},
		Rows: [][]string{
			{"Dawn", "0.40", "[0.20, 0.60]"},
			{"Tehran Times", "−0.05", "[−0.15, 0.05]"},
		},
		Note: "Bootstrap over articles; n = 2 outlets & 14 paragraphs.",
	}}
	if err := report.WriteTeX(os.Stdout, tables); err != nil {
		fmt.Println(err)
	}
	// Output:
	// % Tables written by framescope. Requires \usepackage{booktabs, graphicx}.
	//
	// \begin{table}[htbp]
	// \centering
	// \caption{Share of paragraphs with the muslim\_unity frame (95\% CI)}
	// \label{tab:shares}
	// \setbox0=\hbox{%
	// \begin{tabular}{@{}lrr@{}}
	// \toprule
	// Outlet & Share & 95\% CI \\
	// \midrule
	// Dawn & 0.40 & {[}0.20, 0.60] \\
	// Tehran Times & $-$0.05 & {[}$-$0.15, 0.05] \\
	// \bottomrule
	// \end{tabular}}%
	// \ifdim\wd0>\linewidth\resizebox{\linewidth}{!}{\box0}\else\box0\fi
	// \par\smallskip
	// {\footnotesize Bootstrap over articles; n = 2 outlets \& 14 paragraphs.\par}
	// \end{table}
}

func ExampleWriteHTML() {
	d := report.Data{
		Title: "Framing <test>",
		Cells: []report.Cell{{
			Source: "Dawn", Frame: "muslim_unity", Value: "0.40", N: 1,
			Paragraphs: []report.Evidence{{
				Doc: "dawn-1.txt", Para: 3, Text: "They spoke of <b>Muslim unity</b>.",
				Highlights: [][2]int{{17, 29}}, Terms: []string{"muslim unity"},
			}},
		}},
	}
	var buf bytes.Buffer
	if err := report.WriteHTML(&buf, d); err != nil {
		fmt.Println(err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.Contains(line, "<h1") || strings.Contains(line, "cell-1") || strings.Contains(line, "<mark>") {
			fmt.Println(line)
		}
	}
	// Output:
	// <h1 dir="auto">Framing &lt;test&gt;</h1>
	// <tr><th scope="row"><bdi>Dawn</bdi></th><td><a href="#cell-1">0.40 <span class="n">n=1</span></a></td></tr>
	// <section class="cell" id="cell-1">
	// <p class="text" dir="auto">They spoke of &lt;b&gt;<mark>Muslim unity</mark>&lt;/b&gt;.</p>
}
