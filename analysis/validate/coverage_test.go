package validate

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

var coverageSim = flag.Int("coversim", 0, "replications of the bootstrap coverage simulation (0 skips it; a measurement, not a check)")

// TestBootstrapCoverage measures how often Eval's 95% interval for role
// accuracy covers the true value when documents differ in how well the run
// does (each document's accuracy uniform on [0.6, 1], so the truth is 0.8).
// It asserts nothing beyond sanity: it prints the coverage for the report.
// Run: go test -run TestBootstrapCoverage -coversim 200 ./analysis/validate/
func TestBootstrapCoverage(t *testing.T) {
	if *coverageSim == 0 {
		t.Skip("measurement; run with -coversim N")
	}
	defer func(m string) { intervalMethod = m }(intervalMethod)
	defer func(e bool) { expandIntervals = e }(expandIntervals)
	for _, method := range []string{"percentile", "bca", "bca-expanded"} {
		intervalMethod = strings.TrimSuffix(method, "-expanded")
		expandIntervals = strings.HasSuffix(method, "-expanded")
		for _, docs := range []int{5, 15, 40} {
			rng := rand.New(rand.NewPCG(uint64(docs), 99))
			covered := 0
			var width float64
			for rep := range *coverageSim {
				var run, gold strings.Builder
				run.WriteString("doc,start,end,role,voice,tone,f\n")
				gold.WriteString("unit,file,start,end,f,tone,voice,role\n")
				for d := range docs {
					p := 0.6 + 0.4*rng.Float64()
					for u := range 5 + rng.IntN(11) {
						role := "body"
						if rng.Float64() >= p {
							role = "headline"
						}
						fmt.Fprintf(&run, "d%d.txt,%d,%d,%s,quote,0,0\n", d, u*10, u*10+9, role)
						fmt.Fprintf(&gold, "u,d%d.txt,%d,%d,0,0,quote,body\n", d, u*10, u*10+9)
					}
				}
				r, err := Eval(strings.NewReader(run.String()), strings.NewReader(gold.String()), 500, uint64(rep))
				if err != nil {
					t.Fatal(err)
				}
				if r.RoleAccuracy.Lo <= 0.8 && 0.8 <= r.RoleAccuracy.Hi {
					covered++
				}
				width += r.RoleAccuracy.Hi - r.RoleAccuracy.Lo
			}
			t.Logf("%-10s %2d documents: 95%% interval covers the truth in %.1f%% of %d replications, mean width %.3f",
				method, docs, 100*float64(covered)/float64(*coverageSim), *coverageSim, width/float64(*coverageSim))
		}
	}
}
