package validate

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// sampled is a paragraph of a run as Sample sees it.
type sampled struct {
	doc, para  string
	start, end int
	stratum    string
	decision   []bool
}

// Sample draws a stratified, seeded sample of n paragraphs from a run's
// paragraphs.csv and writes a coding sheet for human coders.
//
// The strata are outlet (the source column) × year × frame decision (the set
// of frames the run gave the paragraph). Allocation is proportional to the
// strata's sizes, with at least one paragraph from every stratum while n
// allows; within a stratum paragraphs are drawn without replacement. With n
// at least the number of paragraphs, every paragraph is taken.
//
// The frames are the run's columns X that have an X_score column beside
// them. The sheet has the gold files' columns
// unit,file,start,end,<frames…>,tone,voice,role with the labels empty, then
// coder (empty, for the coder's name), stratum, weight (the stratum's
// paragraphs per sampled paragraph, for weighted estimates) and text, read
// with text(doc, start, end). unit is doc#para; file is the doc's base name,
// as gold files name them. Rows are sorted by doc and offset.
func Sample(paragraphsCSV io.Reader, text func(doc string, start, end int) (string, error), n int, seed uint64, w io.Writer) error {
	if n <= 0 {
		return fmt.Errorf("validate: sample size %d is not positive", n)
	}
	name := nameOf(paragraphsCSV, "paragraphs CSV")
	t, err := newTable(paragraphsCSV, name)
	if err != nil {
		return err
	}
	if err := t.require("doc", "source", "year", "start", "end"); err != nil {
		return err
	}
	var frames []string
	for _, h := range t.header {
		if h != "" && t.has(h+"_score") {
			frames = append(frames, h)
		}
	}
	var all []sampled
	for {
		ok, err := t.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		p := sampled{doc: t.get("doc"), para: strings.TrimSpace(t.get("para"))}
		if p.start, err = t.int("start"); err != nil {
			return err
		}
		if p.end, err = t.int("end"); err != nil {
			return err
		}
		var dec []string
		p.decision = make([]bool, len(frames))
		for f, id := range frames {
			if strings.TrimSpace(t.get(id)) == "1" {
				p.decision[f] = true
				dec = append(dec, id)
			}
		}
		if len(dec) == 0 {
			dec = []string{"none"}
		}
		p.stratum = strings.Join([]string{strings.TrimSpace(t.get("source")), strings.TrimSpace(t.get("year")), strings.Join(dec, "+")}, " | ")
		all = append(all, p)
	}
	if len(all) == 0 {
		return &ParseError{File: name, Err: ErrEmpty}
	}

	// Strata in sorted order, members in file order.
	members := map[string][]int{}
	for i, p := range all {
		members[p.stratum] = append(members[p.stratum], i)
	}
	keys := make([]string, 0, len(members))
	for k := range members {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	sizes := make([]int, len(keys))
	for h, k := range keys {
		sizes[h] = len(members[k])
	}
	rng := rand.New(rand.NewPCG(seed, 0x5851f42d4c957f2d))
	alloc := allocate(sizes, n, rng)

	var pick []int
	weight := map[string]float64{}
	for h, k := range keys {
		m := members[k]
		perm := rng.Perm(len(m))
		for _, j := range perm[:alloc[h]] {
			pick = append(pick, m[j])
		}
		if alloc[h] > 0 {
			weight[k] = float64(len(m)) / float64(alloc[h])
		}
	}
	slices.SortFunc(pick, func(a, b int) int {
		pa, pb := all[a], all[b]
		if c := strings.Compare(pa.doc, pb.doc); c != 0 {
			return c
		}
		if pa.start != pb.start {
			return pa.start - pb.start
		}
		if pa.end != pb.end {
			return pa.end - pb.end
		}
		return a - b
	})

	cw := csv.NewWriter(w)
	header := append([]string{"unit", "file", "start", "end"}, frames...)
	header = append(header, "tone", "voice", "role", "coder", "stratum", "weight", "text")
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, i := range pick {
		p := all[i]
		txt, err := text(p.doc, p.start, p.end)
		if err != nil {
			return fmt.Errorf("validate: text of %s [%d,%d): %w", p.doc, p.start, p.end, err)
		}
		id := p.doc + "#" + p.para
		if p.para == "" {
			id = p.doc + "@" + strconv.Itoa(p.start)
		}
		rec := []string{id, baseName(p.doc), strconv.Itoa(p.start), strconv.Itoa(p.end)}
		for range frames {
			rec = append(rec, "")
		}
		rec = append(rec, "", "", "", "", p.stratum, strconv.FormatFloat(weight[p.stratum], 'f', 4, 64), txt)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// allocate shares n draws among strata of the given sizes: one to each
// stratum first (to the largest strata when n is smaller than their number,
// ties broken at random), then one at a time to the stratum furthest below
// its proportional quota n·size/total, never more than a stratum holds.
func allocate(sizes []int, n int, rng *rand.Rand) []int {
	total := 0
	for _, s := range sizes {
		total += s
	}
	alloc := make([]int, len(sizes))
	if n >= total {
		copy(alloc, sizes)
		return alloc
	}
	order := rng.Perm(len(sizes)) // random tie-breaking among equal strata
	if n < len(sizes) {
		slices.SortStableFunc(order, func(a, b int) int { return sizes[b] - sizes[a] })
		for _, h := range order[:n] {
			alloc[h] = 1
		}
		return alloc
	}
	for h := range alloc {
		alloc[h] = 1
	}
	for left := n - len(sizes); left > 0; left-- {
		best, gap := -1, 0.0
		for _, h := range order {
			if alloc[h] >= sizes[h] {
				continue
			}
			g := float64(n)*float64(sizes[h])/float64(total) - float64(alloc[h])
			if best < 0 || g > gap {
				best, gap = h, g
			}
		}
		alloc[best]++
	}
	return alloc
}

// CorpusText returns a text function for Sample that reads paragraphs from
// the corpus a run read: doc is a slash-separated path relative to root, or,
// when root is a single file, any doc reads root itself. The last file read
// is kept, so a sample sorted by doc reads each file once.
func CorpusText(root string) func(doc string, start, end int) (string, error) {
	var lastPath string
	var last []byte
	fi, err := os.Stat(root)
	isDir := err == nil && fi.IsDir()
	return func(doc string, start, end int) (string, error) {
		path := root
		if isDir {
			path = filepath.Join(root, filepath.FromSlash(doc))
		}
		if path != lastPath {
			b, err := os.ReadFile(path)
			if err != nil {
				return "", err
			}
			lastPath, last = path, b
		}
		if start < 0 || end < start || end > len(last) {
			return "", errors.New("offsets outside the file (" + strconv.Itoa(len(last)) + " bytes)")
		}
		return string(last[start:end]), nil
	}
}
