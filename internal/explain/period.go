package explain

import "cdrdesk/cdrclient"

// OtherPeriod says, in the language of tr, that the PBX answered for another period than
// the one asked for (cdrclient.Summary.OtherPeriod): a warning, not an error, since the
// records are kept. The window and the command line show the same sentences.
func OtherPeriod(o *cdrclient.OtherPeriod, tr Translate) string {
	m := explained{data: map[string]any{"Asked": o.Asked.String(), "Answered": o.Answered.String()},
		what:   "The PBX answered for {{.Answered}}, not for the period asked for, {{.Asked}}.",
		action: "All its records are kept; check the report before you use it."}
	return tr(m.what, m.data) + " " + tr(m.action, m.data)
}
