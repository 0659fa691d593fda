package archivesync

import (
	"time"

	"cdrdesk/internal/archive"
)

// A Connection names a PBX as a saved connection knows it, to find its records in the
// archive without contacting it (offline).
type Connection struct {
	SN      string // its serial number once a sync saw it; "" before
	Address string // its address, as cdrclient.ParseAddress gives it
	Name    string // the connection's name
}

// HoldingOf finds c's records among the holdings: under its serial number, else its
// address, else the one PBX of its name (as a sync names it: see Job.Name). It is the
// rule a sync follows to choose its key, so what a sync kept is found offline.
func HoldingOf(holdings []archive.Holding, c Connection) (archive.Holding, bool) {
	key := knownKey(Job{SN: c.SN, Address: c.Address, Name: c.Name}, holdings)
	return holdingOf(holdings, key)
}

// Missing returns the parts of r up to now that h does not hold completely, in order:
// what an answer from the archive alone may lack. The future is not missing.
func Missing(h archive.Holding, r archive.Range, now time.Time) []archive.Range {
	r.To = minTime(r.To, archive.Wall(now))
	if r.From.After(r.To) {
		return nil
	}
	return gaps(r, h.Coverage)
}
