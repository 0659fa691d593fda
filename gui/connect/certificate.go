package connect

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/alert"
	"cdrdesk/gui/i18n"
)

// showUnknownCertificate shows the fingerprint of a certificate seen for the first time,
// how to check it, and a button that trusts it. Trusting pins exactly the fingerprint
// shown, so a different certificate slipped in meanwhile is still refused.
func (d *connectDialog) showUnknownCertificate(a action, s settings, cert *cdrclient.CertificateError) {
	trust := widget.NewButtonWithIcon(i18n.L("Trust this certificate"), theme.ConfirmIcon(), func() {
		s.trust = cert.Fingerprint
		d.run(a, s)
	})
	trust.Importance = widget.HighImportance
	d.showStatus(
		withIcon(theme.WarningIcon(), bold(alert.Explain(cert).What)),
		wrapped(i18n.L("Compare this fingerprint with the one shown in the PBX's web interface (or ask your PBX administrator) and trust it only if they match.")),
		fingerprintLabel(cert.Fingerprint),
		container.NewHBox(trust))
}

// showChangedCertificate warns that the PBX's certificate is not the one trusted before.
// Trusting the new one takes two deliberate steps: this button, then a confirmation
// that names both fingerprints.
func (d *connectDialog) showChangedCertificate(a action, s settings, cert *cdrclient.CertificateError) {
	trust := widget.NewButtonWithIcon(i18n.L("Trust the new certificate…"), theme.WarningIcon(), func() {
		d.confirmNewCertificate(a, s, cert)
	})
	trust.Importance = widget.DangerImportance
	d.showStatus(
		withIcon(theme.ErrorIcon(), bold(alert.Explain(cert).What)),
		wrapped(i18n.L("Someone may be intercepting the connection. Continue only if your PBX administrator replaced the certificate on purpose.")),
		widget.NewLabel(i18n.L("Trusted until now:")), fingerprintLabel(cert.Pinned),
		widget.NewLabel(i18n.L("Presented now:")), fingerprintLabel(cert.Fingerprint),
		container.NewHBox(trust))
}

// confirmNewCertificate is the second step: only its confirm button trusts the new
// certificate and connects.
func (d *connectDialog) confirmNewCertificate(a action, s settings, cert *cdrclient.CertificateError) {
	content := container.NewVBox(
		wrapped(i18n.L("Only continue if you know that the PBX's certificate was replaced on purpose.")),
		widget.NewLabel(i18n.L("Old fingerprint:")), fingerprintLabel(cert.Pinned),
		widget.NewLabel(i18n.L("New fingerprint:")), fingerprintLabel(cert.Fingerprint))
	c := dialog.NewCustomConfirm(i18n.L("Trust the new certificate?"), i18n.L("Trust the new certificate"), i18n.L("Cancel"),
		content, func(ok bool) {
			if ok {
				s.trust = cert.Fingerprint
				d.run(a, s)
			}
		}, d.win)
	c.SetConfirmImportance(widget.DangerImportance)
	c.Resize(fyne.NewSize(560, 0))
	d.sub = c
	c.Show()
}
