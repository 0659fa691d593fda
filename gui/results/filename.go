package results

import (
	"fmt"
	"strings"
	"time"

	"cdrdesk/internal/report"
)

// suggestName proposes a report's file name:
// CDR_<profile>_<extensions|all>_<from>_<to>.csv (or .xlsx), dates as yyyymmdd, with
// the characters Windows forbids in file names replaced.
func suggestName(info Info, f report.Format) string {
	parts := []string{"CDR"}
	if info.Profile != "" {
		parts = append(parts, info.Profile)
	}
	parts = append(parts, extensionsPart(info.Query.Extensions))
	if q := info.Query; !q.Start.IsZero() && !q.End.IsZero() {
		parts = append(parts, day(q.Start), day(q.End))
	}
	return safeFileName(strings.Join(parts, "_")) + f.Ext()
}

// extensionsPart names the extensions asked for: "all", "1000-1001", or the first
// three and how many more.
func extensionsPart(exts []string) string {
	switch {
	case len(exts) == 0:
		return "all"
	case len(exts) > 4:
		return fmt.Sprintf("%s-and-%d-more", strings.Join(exts[:3], "-"), len(exts)-3)
	}
	return strings.Join(exts, "-")
}

func day(t time.Time) string { return t.Format("20060102") }

// maxNameRunes keeps a suggested name short enough for every file system.
const maxNameRunes = 120

// safeFileName replaces what Windows does not allow in a file name (<>:"/\|?* and
// control characters) with '_' and drops trailing dots and spaces, which Windows
// strips silently.
func safeFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 32 || r == 127 || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, name)
	if r := []rune(name); len(r) > maxNameRunes {
		name = string(r[:maxNameRunes])
	}
	return strings.TrimRight(name, ". ")
}
