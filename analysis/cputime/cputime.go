// Package cputime reads the CPU time a process or one of its threads has
// used. framescope's benchmarks report it beside wall time (as cpu-s/op or
// cpu-MB/s): on a shared machine wall time also counts the wait for a core,
// CPU time only the work.
package cputime
