package packed

import (
	"bytes"
	"fmt"
	"testing"
)

func TestRecordsReadBackWhatWasAppended(t *testing.T) {
	for _, n := range []int{0, 1, blockRecords - 1, blockRecords, blockRecords + 1, 3*blockRecords + 7} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var r Records
			for i := range n {
				rec := bytes.Repeat([]byte{byte(i)}, i%5) // records of 0 to 4 bytes
				if got := r.Append(func(buf []byte) []byte { return append(buf, rec...) }); got != i {
					t.Fatalf("Append #%d returned %d", i, got)
				}
			}
			if r.Len() != n {
				t.Fatalf("Len %d, want %d", r.Len(), n)
			}
			for i := range n {
				if got, want := r.At(i), bytes.Repeat([]byte{byte(i)}, i%5); !bytes.Equal(got, want) {
					t.Fatalf("At(%d) = %v, want %v", i, got, want)
				}
			}
		})
	}
}

func TestFullBlocksKeepNoSpareCapacity(t *testing.T) {
	var r Records
	for range blockRecords + 1 {
		r.Append(func(buf []byte) []byte { return append(buf, "abc"...) })
	}
	if c, l := cap(r.blocks[0]), len(r.blocks[0]); c != l {
		t.Errorf("a full block has capacity %d for %d bytes", c, l)
	}
}

func ExampleRecords() {
	var r Records
	for _, s := range []string{"Dawn", "", "Tasnim"} {
		r.Append(func(buf []byte) []byte { return append(buf, s...) })
	}
	fmt.Printf("%d records: %q %q %q\n", r.Len(), r.At(0), r.At(1), r.At(2))
	// Output: 3 records: "Dawn" "" "Tasnim"
}
