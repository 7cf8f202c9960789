// Package packed holds many small byte records in a few large blocks: an
// append-only list for what a run keeps per article or per input (a million
// of them for a large corpus), where a slice or a struct per item would cost
// a header, a pointer the garbage collector scans, and the allocator's
// rounding. The callers encode and decode the records.
package packed

// Records is an append-only list of byte records. Records live in blocks of
// blockRecords; a full block is copied to its exact size, so growing the
// list never copies more than one block and leaves no spare capacity behind.
// The zero value is an empty list.
type Records struct {
	blocks [][]byte
	start  []uint32 // record i starts at start[i] in its block
}

const blockRecords = 1024

// Len is the number of records.
func (r *Records) Len() int { return len(r.start) }

// Append appends the record enc(buf) and returns its index. enc appends the
// record to buf (the current block) and returns the extended slice.
func (r *Records) Append(enc func(buf []byte) []byte) int {
	n := len(r.start)
	if n%blockRecords == 0 {
		if len(r.blocks) > 0 {
			last := &r.blocks[len(r.blocks)-1]
			*last = append([]byte(nil), *last...)
		}
		r.blocks = append(r.blocks, nil)
	}
	b := &r.blocks[len(r.blocks)-1]
	r.start = append(r.start, uint32(len(*b)))
	*b = enc(*b)
	return n
}

// At returns record i (read-only: it aliases the block).
func (r *Records) At(i int) []byte {
	b := r.blocks[i/blockRecords]
	end := len(b)
	if i+1 < len(r.start) && (i+1)%blockRecords != 0 {
		end = int(r.start[i+1])
	}
	return b[r.start[i]:end:end]
}
