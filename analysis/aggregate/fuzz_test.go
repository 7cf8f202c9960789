package aggregate

import (
	"bytes"
	"fmt"
	"math"
	"testing"
)

// articlesFrom decodes fuzz bytes into articles: each 4-byte chunk is one
// paragraph (outlet, year, tone and frame bits); a zero byte starts a new
// article.
func articlesFrom(data []byte) []Article {
	var arts []Article
	cur := -1
	for i := 0; i+3 < len(data); i += 4 {
		c := data[i : i+4]
		if cur < 0 || c[0] == 0 {
			arts = append(arts, Article{Doc: fmt.Sprint("d", c[1]%8), Source: fmt.Sprint("o", c[2]%3), Year: 2000 + int(c[3]%3)})
			cur = len(arts) - 1
			if c[0] == 0 {
				continue
			}
		}
		tone := float64(int(c[1])-128) / 128
		p := Para{Voice: [...]string{"outlet", "quote", "mixed", "other"}[c[0]%4], Tone: tone,
			ToneOutlet: math.NaN(), ToneQuote: tone, Frames: []bool{c[2]&1 == 1}, Targets: []float64{math.NaN()}}
		if c[3]%5 == 0 {
			p.Tone = math.NaN()
			p.Targets[0] = tone
		}
		arts[cur].Paras = append(arts[cur].Paras, p)
	}
	return arts
}

// FuzzMerge checks that any split of any corpus, merged in either order,
// gives the CSV of one pass, with no NaN written.
func FuzzMerge(f *testing.F) {
	f.Add([]byte("\x01\x80\x01\x00\x02\x10\x02\x01\x00\x03\x01\x02\x03\xff\x00\x00"), uint8(1))
	f.Add(bytes.Repeat([]byte{1, 7, 2, 3, 0, 1, 1, 1, 2, 200, 0, 2}, 12), uint8(5))
	f.Fuzz(func(t *testing.T, data []byte, split uint8) {
		arts := articlesFrom(data)
		opt := Options{Frames: []string{"f"}, Actors: []string{"x"}, Resamples: 20, MinBootstrap: 3}
		one := New(opt)
		for _, a := range arts {
			one.Add(a)
		}
		wantR, wantC := csvs(t, one)
		k := 0
		if len(arts) > 0 {
			k = int(split) % (len(arts) + 1)
		}
		x, y := New(opt), New(opt)
		for i, a := range arts {
			if i < k {
				x.Add(a)
			} else {
				y.Add(a)
			}
		}
		y.Merge(x)
		gotR, gotC := csvs(t, y)
		if !bytes.Equal(gotR, wantR) || !bytes.Equal(gotC, wantC) {
			t.Fatalf("merge at %d of %d differs from one pass", k, len(arts))
		}
		if s := string(wantR) + string(wantC); bytes.Contains([]byte(s), []byte("NaN")) {
			t.Fatal("NaN in CSV")
		}
	})
}
