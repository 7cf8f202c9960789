package validate

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// synthetic builds a run of docs×paras paragraphs and a gold file of two
// units per paragraph, with seeded random labels.
func synthetic(docs, paras int) (run, gold []byte) {
	rng := rand.New(rand.NewPCG(1, 1))
	var r, g strings.Builder
	r.WriteString("doc,source,date,year,para,start,end,role,voice,tone,a,a_score,b,b_score,terms\n")
	g.WriteString("unit,file,start,end,a,b,tone,voice,role\n")
	roles := []string{"body", "body", "body", "headline", "comment"}
	voices := []string{"quote", "outlet", "mixed"}
	for d := range docs {
		for p := range paras {
			s := p * 200
			fmt.Fprintf(&r, "dir/d%04d.txt,S%d,2020-01-01,%d,%d,%d,%d,%s,%s,%.3f,%d,0.5,%d,0.5,\n",
				d, d%7, 2015+d%5, p, s, s+199, roles[rng.IntN(5)], voices[rng.IntN(3)], rng.Float64()*2-1, rng.IntN(2), rng.IntN(2))
			for u := range 2 {
				fmt.Fprintf(&g, "d%04d-%d-%d,d%04d.txt,%d,%d,%d,%d,%.1f,%s,%s\n",
					d, p, u, d, s+u*100, s+u*100+99, rng.IntN(2), rng.IntN(2), rng.Float64()*4-2, voices[rng.IntN(2)], roles[rng.IntN(5)])
			}
		}
	}
	return []byte(r.String()), []byte(g.String())
}

func BenchmarkEval(b *testing.B) {
	run, gold := synthetic(200, 20) // 4,000 paragraphs, 8,000 units
	for _, resamples := range []int{0, 1000} {
		b.Run(fmt.Sprint("resamples=", resamples), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(run) + len(gold)))
			for b.Loop() {
				if _, err := Eval(bytes.NewReader(run), bytes.NewReader(gold), resamples, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSample(b *testing.B) {
	run, _ := synthetic(200, 20)
	text := func(string, int, int) (string, error) { return "text", nil }
	b.ReportAllocs()
	for b.Loop() {
		if err := Sample(bytes.NewReader(run), text, 400, 1, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkKrippendorffAlpha(b *testing.B) {
	rng := rand.New(rand.NewPCG(2, 2))
	data := make([][]string, 3)
	for c := range data {
		data[c] = make([]string, 2000)
		for u := range data[c] {
			data[c][u] = fmt.Sprint(rng.IntN(5) - 2)
		}
	}
	for _, level := range []string{"nominal", "interval"} {
		b.Run(level, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				KrippendorffAlpha(data, level)
			}
		})
	}
}

func BenchmarkAgree(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 3))
	var sb strings.Builder
	sb.WriteString("unit,file,start,end,a,b,tone,voice,role,coder\n")
	for u := range 500 {
		for _, c := range []string{"ann", "bob", "cat"} {
			fmt.Fprintf(&sb, "u%d,f.txt,%d,%d,%d,%d,%d,quote,body,%s\n", u, u*10, u*10+9, rng.IntN(2), rng.IntN(2), rng.IntN(5)-2, c)
		}
	}
	sheet := sb.String()
	b.ReportAllocs()
	b.SetBytes(int64(len(sheet)))
	for b.Loop() {
		if _, err := Agree([]io.Reader{strings.NewReader(sheet)}, []string{"s"}); err != nil {
			b.Fatal(err)
		}
	}
}
