//go:build !linux

package cputime

import "time"

// Thread is 0 where the CPU time of a thread is not read (it is on Linux).
func Thread() time.Duration { return 0 }
