// Package reportname names saved reports: the file name the window and the command
// line suggest, CDR_<profile>_<extensions>_<from>_<to>.csv, and the check that a name
// typed by a person is a plain file name. It holds no widgets.
package reportname

import (
	"fmt"
	"strings"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/report"
)

// maxRunes keeps a suggested name (without its extension) short enough for every file
// system and for Windows' 260-character paths in a deep folder.
const maxRunes = 120

// maxSourceRunes is as much of a profile's name as a suggested name holds.
const maxSourceRunes = 60

// Suggest proposes a report's file name: CDR_<source>_<extensions>_<from>_<to> and the
// format's extension. source is the profile's name (the CLI uses the PBX's host when
// no profile is given; "" leaves it out). Extensions are "all", "1000-1001", or the
// first three and how many more. A whole day is written yyyymmdd; an end that is not
// the day's first (from) or last (to) second adds the clock, yyyymmdd-hhmm, so two
// reports of parts of one day do not take the same name. Zero times are left out; a
// long profile name is cut so that the extensions and dates stay.
// Characters Windows forbids become '_'.
func Suggest(source string, q cdrclient.Query, f report.Format) string {
	return suggest("CDR", source, q) + f.Ext()
}

// SuggestWorkbook proposes the name of a report workbook (call figures, charts and
// every record): Report_<source>_<extensions>_<from>_<to>.xlsx, by the rules of
// Suggest, so it never takes the name of the plain xlsx export of the same range.
func SuggestWorkbook(source string, q cdrclient.Query) string {
	return suggest("Report", source, q) + report.XLSX.Ext()
}

// suggest is a suggested name without its extension, starting with kind.
func suggest(kind, source string, q cdrclient.Query) string {
	parts := []string{kind}
	if r := []rune(source); len(r) > maxSourceRunes {
		source = string(r[:maxSourceRunes]) // a long name keeps the dates in view
	}
	if source != "" {
		parts = append(parts, source)
	}
	parts = append(parts, extensions(q.Extensions))
	if !q.Start.IsZero() && !q.End.IsZero() {
		parts = append(parts, stamp(q.Start, 0, 0, 0), stamp(q.End, 23, 59, 59))
	}
	return safe(strings.Join(parts, "_"))
}

// extensions names the extensions asked for.
func extensions(exts []string) string {
	switch {
	case len(exts) == 0:
		return "all"
	case len(exts) > 4:
		return fmt.Sprintf("%s-and-%d-more", strings.Join(exts[:3], "-"), len(exts)-3)
	}
	return strings.Join(exts, "-")
}

// stamp writes t as yyyymmdd when its clock is h:m:s (the edge of a whole day), else
// as yyyymmdd-hhmm.
func stamp(t time.Time, h, m, s int) string {
	if th, tm, ts := t.Clock(); th == h && tm == m && ts == s {
		return t.Format("20060102")
	}
	return t.Format("20060102-1504")
}

// safe turns name into one that every file system takes: what Windows does not allow
// (<>:"/\|?* and control characters) becomes '_', it is cut to a length every file
// system takes, and trailing dots and spaces, which Windows drops silently, go.
func safe(name string) string {
	if r := []rune(name); len(r) > maxRunes {
		name = string(r[:maxRunes])
	}
	return Clean(name)
}

// Clean is the file-name rule every saved file follows (reports here, recordings in
// internal/recordings): what Windows does not allow in a name (<>:"/\|?* and control
// characters) becomes '_', and trailing dots and spaces, which Windows drops silently,
// go. A path separator is among the replaced characters, so the result never leaves
// its folder.
func Clean(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 32 || r == 127 || strings.ContainsRune(forbidden, r) {
			return '_'
		}
		return r
	}, name)
	return strings.TrimRight(name, ". ")
}

// forbidden are the printable characters Windows refuses in a file name.
const forbidden = `<>:"/\|?*`
