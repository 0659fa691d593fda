package results

import (
	"strings"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
)

// statusText says what is shown: how many of how many records, which range, which PBX.
func statusText(shown, total int, filtered bool, info Info) string {
	var parts []string
	switch {
	case total == 0:
		parts = append(parts, i18n.L("No calls in this range"))
	case filtered:
		parts = append(parts, i18n.L("Showing {{.Shown}} of {{.Total}} records", map[string]any{
			"Shown": i18n.Count(shown), "Total": i18n.Count(total)}))
	default:
		parts = append(parts, i18n.L("Showing all {{.Total}} records", map[string]any{"Total": i18n.Count(total)}))
	}
	if q := info.Query; !q.Start.IsZero() && !q.End.IsZero() {
		parts = append(parts, q.Start.Format(cdrclient.TimeLayout)+" – "+q.End.Format(cdrclient.TimeLayout))
	}
	if name := pbxName(info); name != "" {
		parts = append(parts, i18n.L("PBX {{.Name}}", map[string]any{"Name": name}))
	}
	return strings.Join(parts, " · ")
}

// pbxName names the PBX as the user knows it: the profile's name, else its address.
func pbxName(info Info) string {
	if info.Profile != "" {
		return info.Profile
	}
	return info.PBX
}
