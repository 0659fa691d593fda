package results

import (
	"bytes"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
)

// words are the grid's texts in the language of the moment: built once per View,
// since a language switch rebuilds the window.
type words struct {
	columns  map[string]string // canonical column name → header
	statuses map[string]string // the PBX's status, as it spells it → plain words
	types    map[string]string // the PBX's call type, as it spells it → plain words
}

func newWords() *words {
	return &words{
		columns: map[string]string{
			cdrclient.ColTimeStart:    i18n.L("Time (PBX)"),
			cdrclient.ColCallFrom:     i18n.L("Caller"),
			cdrclient.ColCallTo:       i18n.L("Called"),
			cdrclient.ColStatus:       i18n.L("Status"),
			cdrclient.ColType:         i18n.L("Type"),
			cdrclient.ColTalkDuration: i18n.L("Talk time"),
			cdrclient.ColCallDuration: i18n.L("Total time"),
			cdrclient.ColSrcTrunk:     i18n.L("Trunk in"),
			cdrclient.ColDstTrunk:     i18n.L("Trunk out"),
			cdrclient.ColDIDNumber:    i18n.L("DID"),
			cdrclient.ColPinCode:      i18n.L("PIN"),
			cdrclient.ColRecording:    i18n.L("Recording"),
			cdrclient.ColCallID:       i18n.L("Call ID"),
			cdrclient.ColSN:           i18n.L("Serial number"),
		},
		statuses: map[string]string{
			"ANSWERED":  i18n.L("Answered"),
			"NO ANSWER": i18n.L("No answer"),
			"BUSY":      i18n.L("Busy"),
			"FAILED":    i18n.L("Failed"),
			"VOICEMAIL": i18n.L("Voicemail"),
		},
		types: map[string]string{
			"Inbound":  i18n.L("Incoming"),
			"Outbound": i18n.L("Outgoing"),
			"Internal": i18n.L("Internal"),
			"Transfer": i18n.L("Transfer"),
			"Callback": i18n.L("Callback"),
		},
	}
}

// column returns the header of a known column, "" for others.
func (w *words) column(canonical string) string { return w.columns[canonical] }

// status returns a status in plain words; an unknown one verbatim.
func (w *words) status(raw string) string { return translate(w.statuses, raw) }

// callType returns a call type in plain words; an unknown one verbatim.
func (w *words) callType(raw string) string { return translate(w.types, raw) }

func translate(m map[string]string, raw string) string {
	if s, ok := find(m, []byte(raw)); ok {
		return s
	}
	return raw
}

// find looks up the words for a field held in b, without allocating: first as the
// PBX spells its values, then ignoring ASCII case and surrounding spaces.
func find(m map[string]string, b []byte) (string, bool) {
	if s, ok := m[string(b)]; ok {
		return s, true
	}
	b = bytes.TrimSpace(b)
	for k, s := range m {
		if equalFold(k, b) {
			return s, true
		}
	}
	return "", false
}

// equalFold reports whether b equals s ignoring ASCII letter case.
func equalFold(s string, b []byte) bool {
	if len(s) != len(b) {
		return false
	}
	for i := range len(b) {
		if lowerASCII(s[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
