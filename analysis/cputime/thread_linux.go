package cputime

import (
	"syscall"
	"time"
)

// Thread is the CPU time the calling OS thread has used so far (Linux), for
// a benchmark that runs on one goroutine locked to its thread.
func Thread() time.Duration { return rusage(syscall.RUSAGE_THREAD) }
