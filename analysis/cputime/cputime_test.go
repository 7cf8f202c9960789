package cputime

import (
	"runtime"
	"testing"
	"time"
)

// spin burns CPU until d of wall time has passed.
func spin(d time.Duration) int {
	n := 0
	for start := time.Now(); time.Since(start) < d; n++ {
	}
	return n
}

func TestCPUTimeAdvancesWithWork(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("Thread is read on Linux only")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	p0, t0 := Process(), Thread()
	spin(50 * time.Millisecond)
	p1, t1 := Process(), Thread()
	for _, tc := range []struct {
		name        string
		before, now time.Duration
	}{{"Process", p0, p1}, {"Thread", t0, t1}} {
		if tc.now <= tc.before {
			t.Errorf("%s did not advance over 50 ms of work: %v then %v", tc.name, tc.before, tc.now)
		}
	}
	if t1-t0 > p1-p0+time.Millisecond {
		t.Errorf("the thread used %v, more than the process's %v", t1-t0, p1-p0)
	}
}
