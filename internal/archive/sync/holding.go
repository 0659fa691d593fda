package archivesync

import "cdrdesk/internal/archive"

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
