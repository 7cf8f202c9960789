package aggregate

import (
	"math"
	"slices"
	"sync"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/framescope/framescope/analysis/stats"
)

// Row is one estimate.
type Row struct {
	Source, Year, Voice string  // Source "all" pools outlets; Year "2017", "unknown" or "all"
	Measure             string  // see the package comment
	Value, Low, High    float64 // Low, High NaN when Interval is "none"
	Interval            string  // "bootstrap-articles", "wilson", "t" or "none"
	NArticles           int     // articles with at least one contributing paragraph
	NParagraphs         int     // contributing paragraphs
	Weight              string  // "article" or "paragraph"
}

// replicates holds a group's bootstrap sums: sy[b·K+j] = Σ wᵢ·yᵢⱼ and
// sm[b·K+j] = Σ wᵢ·mᵢⱼ over its articles on resample b.
type replicates struct{ sy, sm []float64 }

func (r *replicates) add(o *replicates) {
	if o == nil {
		return
	}
	for i := range r.sy {
		r.sy[i] += o.sy[i]
		r.sm[i] += o.sm[i]
	}
}

// cellReplicates runs the Poisson bootstrap of one outlet × year cell:
// article i (in Doc order) gets weight wᵢ_b ~ Poisson(1) on resample b,
// drawn from the cell's own seeded stream.
//
// It returns nil when the whole corpus has fewer than MinBootstrap
// articles: then no group reports a bootstrap interval.
func (a *Aggregator) cellReplicates(g groupKey, arts []int) *replicates {
	if len(a.docs) < a.opt.MinBootstrap {
		return nil
	}
	k, nr := len(a.ms), a.opt.Resamples
	reps := &replicates{sy: make([]float64, nr*k), sm: make([]float64, nr*k)}
	r := stats.NewRand(seedFor(a.opt.Seed, g))
	cols := make([]int, 0, k) // the measures article i contributes to
	ys := make([]float64, 0, k)
	ms := make([]float64, 0, k)
	w := make([]uint8, nr)
	for _, i := range arts {
		cols, ys, ms = cols[:0], ys[:0], ms[:0]
		for j := range k {
			if y, m := a.unit(i, j); m != 0 {
				cols, ys, ms = append(cols, j), append(ys, y), append(ms, m)
			}
		}
		// Draw the weights even when the article contributes nothing, so a
		// cell's stream does not depend on which measures exist.
		stats.PoissonOnes(r, w)
		if len(cols) == 0 {
			continue
		}
		for b, wb := range w {
			if wb == 0 {
				continue
			}
			fw := float64(wb)
			sy, sm := reps.sy[b*k:(b+1)*k], reps.sm[b*k:(b+1)*k]
			for c, j := range cols {
				sy[j] += fw * ys[c]
				sm[j] += fw * ms[c]
			}
		}
	}
	return reps
}

// outletResult is what one worker computes for one outlet: its rows (the
// outlet pooled over years, then its cells) and its cells' replicates, which
// the pooled year and all groups add up in a fixed order.
type outletResult struct {
	rows  []Row
	years []int
	reps  []*replicates
}

// Rows returns every estimate: groups outlet × year, outlet (Year "all"),
// year (Source "all") and all, each by voice, sorted as the package comment
// says. A measure no article contributes to in a group has no row; Value is
// never NaN.
//
// Bootstrap intervals come from a Poisson bootstrap over articles (see
// stats.PoissonOne): each outlet × year cell draws its articles' weights
// from its own seed, and a pooled group's resample is the sum of its
// cells', which is the same bootstrap as drawing the pooled group's
// articles directly. Cost: O(articles × Resamples × measures).
func (a *Aggregator) Rows() []Row {
	order := a.order()
	cells := make(map[groupKey][]int)
	years := make(map[int][]int)
	for _, i := range order {
		g := groupKey{src: a.srcs[i], year: a.years[i]}
		cells[g] = append(cells[g], i)
		years[g.year] = append(years[g.year], i)
	}
	cellKeys := make([]groupKey, 0, len(cells))
	for g := range cells {
		cellKeys = append(cellKeys, g)
	}
	slices.SortFunc(cellKeys, compareKeys)
	var outlets [][]groupKey // cell keys per outlet, in order
	for n, g := range cellKeys {
		if n == 0 || g.src != cellKeys[n-1].src {
			outlets = append(outlets, nil)
		}
		outlets[len(outlets)-1] = append(outlets[len(outlets)-1], g)
	}

	// Workers take outlets in order; the loop below consumes them in order,
	// so the pooled sums are added in one order whatever the scheduling. At
	// most 2·Workers outlets are in flight.
	results := make([]outletResult, len(outlets))
	done := make([]chan struct{}, len(outlets))
	for o := range done {
		done[o] = make(chan struct{})
	}
	jobs := make(chan int)
	slots := make(chan struct{}, 2*a.opt.Workers)
	var wg sync.WaitGroup
	for range a.opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for o := range jobs {
				results[o] = a.outletRows(outlets[o], cells)
				close(done[o])
			}
		}()
	}
	go func() {
		for o := range outlets {
			slots <- struct{}{}
			jobs <- o
		}
		close(jobs)
	}()

	k, nr := len(a.ms), a.opt.Resamples
	newReps := func() *replicates {
		if len(a.docs) < a.opt.MinBootstrap {
			return nil
		}
		return &replicates{sy: make([]float64, nr*k), sm: make([]float64, nr*k)}
	}
	all := newReps()
	yearReps := make(map[int]*replicates)
	var outletRows []Row
	for o := range outlets {
		<-done[o]
		res := results[o]
		for c, y := range res.years {
			if _, ok := yearReps[y]; !ok {
				yearReps[y] = newReps()
			}
			if all != nil {
				yearReps[y].add(res.reps[c])
				all.add(res.reps[c])
			}
		}
		outletRows = append(outletRows, res.rows...)
		results[o] = outletResult{}
		<-slots
	}
	wg.Wait()

	rows := a.groupRows(groupKey{allSrc: true, allYear: true}, order, all)
	yearKeys := make([]groupKey, 0, len(years))
	for y := range years {
		yearKeys = append(yearKeys, groupKey{allSrc: true, year: y})
	}
	slices.SortFunc(yearKeys, compareKeys)
	for _, g := range yearKeys {
		rows = append(rows, a.groupRows(g, years[g.year], yearReps[g.year])...)
	}
	return append(rows, outletRows...)
}

// outletRows bootstraps one outlet's cells and returns its rows.
func (a *Aggregator) outletRows(cellKeys []groupKey, cells map[groupKey][]int) outletResult {
	var res outletResult
	var cellRows []Row
	var arts []int
	var pooled *replicates
	for _, g := range cellKeys {
		reps := a.cellReplicates(g, cells[g])
		cellRows = append(cellRows, a.groupRows(g, cells[g], reps)...)
		res.years = append(res.years, g.year)
		res.reps = append(res.reps, reps)
		arts = append(arts, cells[g]...)
		switch {
		case reps == nil:
		case pooled == nil:
			pooled = &replicates{sy: slices.Clone(reps.sy), sm: slices.Clone(reps.sm)}
		default:
			pooled.add(reps)
		}
	}
	res.rows = append(a.groupRows(groupKey{src: cellKeys[0].src, allYear: true}, arts, pooled), cellRows...)
	return res
}

// acc sums one measure over a group's articles.
type acc struct {
	sy, sm float64 // Σ yᵢ, Σ mᵢ (see unit)
	nArt   int
	nPara  int
	sm2    float64 // Σ mᵢ², for the effective number of articles
}

// groupRows computes the rows of one group from its articles and its
// bootstrap replicates.
func (a *Aggregator) groupRows(g groupKey, arts []int, reps *replicates) []Row {
	opt := a.opt
	k := len(a.ms)
	accs := make([]acc, k)
	for _, i := range arts {
		for j := range k {
			y, m := a.unit(i, j)
			if m == 0 {
				continue
			}
			ac := &accs[j]
			ac.sy += y
			ac.sm += m
			ac.nArt++
			ac.nPara += int(a.cnts[i*k+j])
			ac.sm2 += m * m
		}
	}

	z := distuv.UnitNormal.Quantile((1 + opt.Level) / 2)
	var rows []Row
	var ratios []float64
	for j, ms := range a.ms {
		ac := accs[j]
		if ac.nArt == 0 {
			continue
		}
		r := Row{
			Source: g.source(), Year: g.yearName(), Voice: voices[ms.voice], Measure: ms.name,
			Value: ac.sy / ac.sm, Low: math.NaN(), High: math.NaN(), Interval: "none",
			NArticles: ac.nArt, NParagraphs: ac.nPara, Weight: opt.Weight,
		}
		switch {
		case ac.nArt < 2:
		case ac.nArt >= opt.MinBootstrap:
			ratios = ratios[:0]
			for b := range opt.Resamples {
				if sm := reps.sm[b*k+j]; sm > 0 {
					ratios = append(ratios, reps.sy[b*k+j]/sm)
				}
			}
			slices.Sort(ratios)
			r.Low, r.High = stats.PercentileInterval(ratios, opt.Level)
			r.Interval = "bootstrap-articles"
		case ms.kind == kindShare:
			// Kish's effective number of articles (Σm)²/Σm²: the article
			// count under Weight "article", fewer when lengths differ.
			r.Low, r.High = stats.WilsonP(r.Value, ac.sm*ac.sm/ac.sm2, z)
			r.Interval = "wilson"
		default:
			ys := make([]float64, 0, len(arts))
			ws := make([]float64, 0, len(arts))
			for _, i := range arts {
				y, m := a.unit(i, j)
				ys, ws = append(ys, y), append(ws, m)
			}
			_, r.Low, r.High = stats.RatioMeanCI(ys, ws, opt.Level)
			r.Low, r.High = math.Max(r.Low, -1), math.Min(r.High, 1) // tone lives in [-1, 1]
			r.Interval = "t"
		}
		if math.IsNaN(r.Low) || math.IsNaN(r.High) {
			r.Low, r.High, r.Interval = math.NaN(), math.NaN(), "none"
		}
		rows = append(rows, r)
	}
	return rows
}
