//go:build !race

package cdrclient

const raceEnabled = false
