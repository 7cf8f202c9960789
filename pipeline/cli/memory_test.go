package cli

import (
	"runtime/debug"
	"testing"
)

func TestHeapLimit(t *testing.T) {
	for _, tc := range []struct {
		name string
		live uint64
		want int64
	}{
		{"empty heap: the floor", 0, memoryFloor},
		{"below the floor", 100 << 20, memoryFloor},
		{"at the floor's live heap", 120 << 20, 150 << 20},
		{"above: a quarter of headroom", 400 << 20, 500 << 20},
	} {
		if got := heapLimit(tc.live); got != tc.want {
			t.Errorf("%s: heapLimit(%d) = %d, want %d", tc.name, tc.live, got, tc.want)
		}
	}
}

func TestGovernMemoryRestoresTheLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetMemoryLimit(-1)
	stop := governMemory()
	during := debug.SetMemoryLimit(-1)
	stop()
	after := debug.SetMemoryLimit(-1)
	if during < memoryFloor || during == before {
		t.Errorf("while governing the limit is %d, want ≥ %d and not the previous %d", during, memoryFloor, before)
	}
	if after != before {
		t.Errorf("after stop the limit is %d, want the previous %d", after, before)
	}
}
