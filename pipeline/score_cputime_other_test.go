//go:build !linux

package pipeline

import "time"

func threadCPU() time.Duration { return 0 }
