//go:build !windows

package main

import "os"

// cliStreams: outside Windows a program always has its parent's standard streams.
func cliStreams([]string) (stdStreams, func(code int)) {
	return stdStreams{os.Stdin, os.Stdout, os.Stderr}, func(int) {}
}
