package pipeline

import (
	"syscall"
	"time"
)

// threadCPU is the CPU time of the calling OS thread (Linux), so that
// benchmarks on a shared machine can report CPU time next to wall time.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_THREAD, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
