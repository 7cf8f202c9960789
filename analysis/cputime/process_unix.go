//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Process is the CPU time (user and system, all threads) this process has
// used so far.
func Process() time.Duration { return rusage(syscall.RUSAGE_SELF) }

func rusage(who int) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
