//go:build !unix

package frames

// cpuSeconds is not measured on this system; the benchmark then omits MB/cpu-s.
func cpuSeconds() float64 { return 0 }
