//go:build unix

package results

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time the test process has used (user and system, all
// threads), for benchmarks on a machine that other work keeps busy: unlike the wall
// clock, it does not count the time spent waiting for a core.
func processCPU() (time.Duration, bool) {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0, false
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano()), true
}
