package recordings

import (
	"strings"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/reportname"
)

// FileName is the name a call's recording is saved under (design §2):
// <yyyymmdd-hhmmss>_<from>_<to>_<recording file name>, with what Windows forbids in a
// name replaced by the rule of every saved file (reportname.Clean). The start comes
// first so that a folder sorts by time. A start that is not the PBX's time form is
// written with its digits only.
func FileName(c Call) string {
	start := digits(c.Start)
	if t, ok := cdrclient.ParsePBXTime(c.Start); ok {
		start = t.Format("20060102-150405")
	}
	return reportname.Clean(strings.Join([]string{start, c.From, c.To, c.Recording}, "_"))
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}
