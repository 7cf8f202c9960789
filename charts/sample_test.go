package charts

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
)

// sampleOutlets are outlet names of the kinds the charts must handle: short,
// long, Persian and Urdu.
var sampleOutlets = []string{
	"Dawn", "The Express Tribune", "Tehran Times", "خبرگزاری مهر", "روزنامہ جنگ",
	"The News International (Pakistan), Karachi edition", "Al Jazeera English", "Press TV",
}

var sampleFrames = []string{"us_israel_threat", "muslim_unity", "border_security"}

// sampleData returns deterministic data for nOutlets outlets and nYears
// years (from 2011), with Wilson-like intervals that shrink with n.
func sampleData(nOutlets, nYears int) Data {
	rng := rand.New(rand.NewPCG(1, 2))
	outlets := make([]string, nOutlets)
	for i := range outlets {
		if i < len(sampleOutlets) {
			outlets[i] = sampleOutlets[i]
		} else {
			outlets[i] = fmt.Sprintf("Regional Outlet %d", i+1)
		}
	}
	var d Data
	d.Measure = "frame share (share of articles with the frame)"
	d.Note = "Unit: article; unweighted; 95% Wilson intervals for shares, t intervals for mean tone."
	share := func(n int) Estimate {
		p := rng.Float64() * 0.6
		k := math.Round(p * float64(n))
		p = k / float64(n)
		h := 1.96 * math.Sqrt(p*(1-p)/float64(n)+0.25/float64(n*n))
		return Estimate{Value: p, Low: math.Max(0, p-h), High: math.Min(1, p+h), N: n}
	}
	for _, o := range outlets {
		for _, f := range sampleFrames {
			e := share(20 + rng.IntN(200))
			e.Group, e.Series = o, f
			d.FrameShare = append(d.FrameShare, e)
			h := e
			h.Low, h.High = math.NaN(), math.NaN()
			d.Heat = append(d.Heat, h)
			for _, v := range []string{"outlet voice", "quoted"} {
				e := share(10 + rng.IntN(100))
				e.Group, e.Series = o, f+" · "+v
				d.FrameByVoice = append(d.FrameByVoice, e)
			}
		}
		base := rng.Float64()*0.6 - 0.3
		for y := range nYears {
			n := 5 + rng.IntN(60)
			v := math.Max(-0.95, math.Min(0.95, base+rng.NormFloat64()*0.08))
			h := 0.5 / math.Sqrt(float64(n))
			d.ToneByYear = append(d.ToneByYear, Estimate{
				Group: strconv.Itoa(2011 + y), Series: o, Value: v,
				Low: math.Max(-1, v-h), High: math.Min(1, v+h), N: n,
			})
		}
		n := 40 + rng.IntN(300)
		vals := make([]float64, min(n, 200))
		for i := range vals {
			vals[i] = math.Max(-1, math.Min(1, base+rng.NormFloat64()*0.3))
		}
		d.ToneDist = append(d.ToneDist, Dist{Label: o, Values: vals, N: n})
	}
	return d
}
