package aggregate

import (
	"encoding/binary"
	"math"
)

// The per-article summaries are packed (packed.Records), because an
// aggregator holds one per article of the corpus: most articles contribute to
// a fraction of the measures (an actor is rarely mentioned, a voice often
// absent), so a dense row of every measure's (Σ, count) wastes most of its
// bytes.
//
// An article's record is its Doc (uvarint length, bytes) and then, for each
// measure it contributes to in increasing order, the gap to the previous
// such measure (uvarint), the count (uvarint) and the sum: a uvarint for a
// share (a count of paragraphs) and the float64's 8 bytes, little-endian,
// for a tone, so every value reads back exactly.

// record appends the next article's record (its Doc and dense summary) to
// the store.
func (a *Aggregator) record(doc string, sums []float64, cnts []int32) {
	a.recs.Append(func(buf []byte) []byte {
		buf = binary.AppendUvarint(buf, uint64(len(doc)))
		buf = append(buf, doc...)
		prev := -1
		for j, c := range cnts {
			if c == 0 {
				continue
			}
			buf = binary.AppendUvarint(buf, uint64(j-prev-1))
			buf = binary.AppendUvarint(buf, uint64(c))
			if a.ms[j].kind == kindShare {
				buf = binary.AppendUvarint(buf, uint64(sums[j]))
			} else {
				buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(sums[j]))
			}
			prev = j
		}
		return buf
	})
}

// raw returns article i's record.
func (a *Aggregator) raw(i int) []byte { return a.recs.At(i) }

// appendRaw appends a record taken from another aggregator with the same
// measures.
func (a *Aggregator) appendRaw(rec []byte) {
	a.recs.Append(func(buf []byte) []byte { return append(buf, rec...) })
}

// docOf returns the Doc bytes of a record and the rest of it.
func docOf(rec []byte) (doc, rest []byte) {
	n, k := binary.Uvarint(rec)
	return rec[k : k+int(n)], rec[k+int(n):]
}

// doc returns article i's Doc, as bytes into the store (read-only).
func (a *Aggregator) doc(i int) []byte {
	d, _ := docOf(a.raw(i))
	return d
}

// row decodes article i's summary into sums and cnts (len(a.ms) each),
// zeroing the measures it does not contribute to.
func (a *Aggregator) row(i int, sums []float64, cnts []int32) {
	clear(sums)
	clear(cnts)
	_, rec := docOf(a.raw(i))
	j := -1
	for len(rec) > 0 {
		gap, k := binary.Uvarint(rec)
		j += int(gap) + 1
		c, k2 := binary.Uvarint(rec[k:])
		rec = rec[k+k2:]
		cnts[j] = int32(c)
		if a.ms[j].kind == kindShare {
			s, k3 := binary.Uvarint(rec)
			sums[j] = float64(s)
			rec = rec[k3:]
		} else {
			sums[j] = math.Float64frombits(binary.LittleEndian.Uint64(rec))
			rec = rec[8:]
		}
	}
}

// entries calls f for each measure j in [lo, hi) that article i
// contributes to, with its sum and count, in increasing j: a sparse read,
// for the passes that want a few measures of every article.
func (a *Aggregator) entries(i, lo, hi int, f func(j int, sum float64, cnt int32)) {
	_, rec := docOf(a.raw(i))
	j := -1
	for len(rec) > 0 {
		gap, k := binary.Uvarint(rec)
		j += int(gap) + 1
		if j >= hi {
			return
		}
		c, k2 := binary.Uvarint(rec[k:])
		rec = rec[k+k2:]
		var s float64
		if a.ms[j].kind == kindShare {
			u, k3 := binary.Uvarint(rec)
			s = float64(u)
			rec = rec[k3:]
		} else {
			s = math.Float64frombits(binary.LittleEndian.Uint64(rec))
			rec = rec[8:]
		}
		if j >= lo {
			f(j, s, int32(c))
		}
	}
}

// rowBuf is scratch space for decoding one article's summary.
type rowBuf struct {
	sums []float64
	cnts []int32
}

func (a *Aggregator) newRowBuf() rowBuf {
	return rowBuf{make([]float64, len(a.ms)), make([]int32, len(a.ms))}
}

// load decodes article i into r and returns its sums and counts.
func (a *Aggregator) load(i int, r rowBuf) ([]float64, []int32) {
	a.row(i, r.sums, r.cnts)
	return r.sums, r.cnts
}

// source interns an outlet name and returns its id.
func (a *Aggregator) source(s string) int32 {
	if id, ok := a.srcIndex[s]; ok {
		return id
	}
	id := int32(len(a.srcNames))
	a.srcNames = append(a.srcNames, s)
	a.srcIndex[s] = id
	return id
}
