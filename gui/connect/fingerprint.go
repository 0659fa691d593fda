package connect

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
)

// fingerprintText shows a SHA-256 fingerprint the way certificate viewers and the PBX's
// web interface do, "AB:CD:…", in two lines of 16 pairs so it fits the dialog. Anything
// that is not a fingerprint is returned unchanged.
func fingerprintText(fp string) string {
	hex := cdrclient.NormalizeFingerprint(fp)
	if hex == "" {
		return fp
	}
	hex = strings.ToUpper(hex)
	pairs := make([]string, 0, len(hex)/2)
	for i := 0; i < len(hex); i += 2 {
		pairs = append(pairs, hex[i:i+2])
	}
	return strings.Join(pairs[:16], ":") + ":\n" + strings.Join(pairs[16:], ":")
}

// fingerprintLabel shows a fingerprint in monospace, selectable so it can be copied and
// compared.
func fingerprintLabel(fp string) *widget.Label {
	l := widget.NewLabelWithStyle(fingerprintText(fp), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	l.Selectable = true
	return l
}
