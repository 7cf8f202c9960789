package cli

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Memory governance for `framescope run`. Go's collector lets the heap grow
// to twice what is live (GOGC=100) before collecting, which doubles a long
// run's peak memory for nothing: what a run holds live (the models and one
// small summary per article) is known to be small. governMemory keeps the
// heap limit at max(memoryFloor, 1.25 × the live heap), re-read a few times a
// second: small runs collect no more often than by default, and large ones
// keep peak memory near what they hold instead of twice it. The collector
// then works more often: on a 1 GB corpus, 197 MB instead of 372 MB at peak
// for 15% more CPU (see README, "Speed and memory"). A GOMEMLIMIT set in the
// environment wins: then governMemory does nothing.
const (
	memoryFloor    = 150 << 20
	memoryInterval = 100 * time.Millisecond
)

// governMemory starts the governor and returns the function that stops it
// and restores the previous limit.
func governMemory() (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(-1)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	update := func() {
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			debug.SetMemoryLimit(heapLimit(sample[0].Value.Uint64()))
		}
	}
	update()
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(memoryInterval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				update()
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		debug.SetMemoryLimit(prev)
	}
}

// heapLimit is the memory limit for a live heap of live bytes.
func heapLimit(live uint64) int64 {
	return int64(max(memoryFloor, live+live/4))
}
