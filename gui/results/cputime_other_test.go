//go:build !unix

package results

import "time"

// processCPU is not measured here: benchmarks report the wall clock only.
func processCPU() (time.Duration, bool) { return 0, false }
