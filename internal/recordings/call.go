package recordings

import (
	"cdrdesk/cdrclient"
)

// Call is a call with a recording: what its file is named after.
type Call struct {
	Start     string // timestart as the PBX writes it, yyyy-mm-dd hh:mm:ss
	From, To  string // callfrom and callto
	Recording string // the recording's file name on the PBX (the recording column)
}

// Collector is a cdrclient.RowHandler that keeps the calls with a recording, each
// recording once (the legs of one call may name the same file). Only those calls are
// kept, so a year of records streams through it in little memory.
type Collector struct {
	Calls []Call

	cols [4]int // timestart, callfrom, callto, recording; -1 when missing
	seen map[string]bool
}

// Header finds the columns by name.
func (c *Collector) Header(cols []string) error {
	want := [4]string{cdrclient.ColTimeStart, cdrclient.ColCallFrom, cdrclient.ColCallTo, cdrclient.ColRecording}
	for i, name := range want {
		c.cols[i] = -1
		for j, col := range cols {
			if cdrclient.CanonicalColumn(col) == name {
				c.cols[i] = j
				break
			}
		}
	}
	c.seen = map[string]bool{}
	return nil
}

// Row keeps the row when it names a recording not kept yet.
func (c *Collector) Row(fields []string) error {
	field := func(i int) string {
		if c.cols[i] < 0 {
			return ""
		}
		return fields[c.cols[i]]
	}
	rec := field(3)
	if rec == "" || c.seen[rec] {
		return nil
	}
	c.seen[rec] = true
	c.Calls = append(c.Calls, Call{Start: field(0), From: field(1), To: field(2), Recording: rec})
	return nil
}
