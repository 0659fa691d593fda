package connect

import (
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/profile"
)

// versionValues are the API version choices, in the order of the version Select.
var versionValues = []string{cdrclient.VersionAuto, cdrclient.VersionV2, cdrclient.VersionV1, cdrclient.VersionOEM}

// form holds the fields of one connection.
type form struct {
	name, host, port, user, password *widget.Entry
	https                            *widget.Check
	version                          *widget.Select
	widget                           *widget.Form

	hostBefore string // the host text before its last change, to tell a paste from typing
}

func newForm() *form {
	f := &form{name: widget.NewEntry(), host: widget.NewEntry(), port: widget.NewEntry(),
		user: widget.NewEntry(), password: widget.NewPasswordEntry()}
	f.name.SetPlaceHolder(i18n.L("e.g. Head office"))
	f.host.SetPlaceHolder("192.168.1.150")
	f.host.OnChanged = f.hostChanged
	f.user.SetPlaceHolder("api")
	f.https = widget.NewCheck(i18n.L("Use HTTPS"), f.httpsChanged)
	f.version = widget.NewSelect(append([]string{i18n.L("Automatic")}, versionValues[1:]...), nil)

	address := widget.NewFormItem(i18n.L("PBX address"), f.host)
	address.HintText = i18n.L("Host name or IP address; a whole address can be pasted")
	user := widget.NewFormItem(i18n.L("API user"), f.user)
	user.HintText = i18n.L("As set on the PBX under Settings → PBX → General → API")
	f.widget = widget.NewForm(
		widget.NewFormItem(i18n.L("Name"), f.name),
		address,
		widget.NewFormItem("", f.https),
		widget.NewFormItem(i18n.L("Port"), f.port),
		user,
		widget.NewFormItem(i18n.L("Password"), f.password),
		widget.NewFormItem(i18n.L("API version"), f.version),
	)
	f.clear()
	return f
}

// clear shows a new connection: HTTPS on its default port, automatic API version.
func (f *form) clear() {
	f.name.SetText("")
	f.name.Enable()
	f.setHost("")
	f.https.SetChecked(true)
	f.port.SetText(defaultPort(true))
	f.user.SetText("")
	f.showPasswordSaved(false)
	f.version.SetSelectedIndex(0)
}

// fill shows a saved profile; its name is changed with Rename…, not here.
func (f *form) fill(p profile.Profile) {
	a := splitURL(p.URL)
	f.lockName(p.Name)
	f.setHost(a.host)
	f.https.SetChecked(a.scheme == "https")
	f.port.SetText(a.port)
	f.user.SetText(p.User)
	f.showPasswordSaved(false)
	f.version.SetSelectedIndex(max(slices.Index(versionValues, p.APIVersion), 0))
}

// lockName shows the name of a saved profile, which the field no longer edits.
func (f *form) lockName(name string) {
	f.name.SetText(name)
	f.name.Disable()
}

// showPasswordSaved empties the password field and says whether leaving it empty keeps
// a password saved in the keyring.
func (f *form) showPasswordSaved(saved bool) {
	f.password.SetText("")
	f.password.SetPlaceHolder("")
	if saved {
		f.password.SetPlaceHolder(i18n.L("Saved; leave empty to keep it"))
	}
}

// read returns the connection the form describes, or the first problem with it.
// current is the saved profile shown ("" for a new one); a new one without a name is
// named after its host.
func (f *form) read(current string) (settings, error) {
	url, err := baseURL(f.host.Text, f.https.Checked, f.port.Text)
	if err != nil {
		return settings{}, err
	}
	s := settings{name: current, url: url, user: strings.TrimSpace(f.user.Text),
		version: versionValues[max(f.version.SelectedIndex(), 0)], password: f.password.Text}
	if current == "" {
		s.name = strings.TrimSpace(f.name.Text)
		if s.name == "" {
			s.name = splitURL(url).host
		}
		if err := checkName(s.name); err != nil {
			return settings{}, err
		}
	}
	if s.user == "" {
		return settings{}, inputError("user", msgNoUser)
	}
	return s, nil
}

// httpsChanged moves the port to the new default, unless the person chose another port.
func (f *form) httpsChanged(on bool) {
	if p := strings.TrimSpace(f.port.Text); p == "" || p == defaultPort(!on) {
		f.port.SetText(defaultPort(on))
	}
}

// hostChanged spreads a pasted URL or "host:port" over the address fields. Only a paste
// (several characters at once) is split: splitting while someone types "pbx:80" would
// move the port away under their fingers.
func (f *form) hostChanged(text string) {
	pasted := utf8.RuneCountInString(text) > utf8.RuneCountInString(f.hostBefore)+1
	f.hostBefore = text
	if a, split := splitAddress(text); pasted && split {
		f.setAddress(a)
	}
}

// setAddress shows an address; a scheme given without a port gets its default port.
func (f *form) setAddress(a address) {
	f.setHost(a.host)
	if a.scheme != "" {
		f.https.SetChecked(a.scheme == "https")
	}
	if a.port != "" {
		f.port.SetText(a.port)
	}
}

func (f *form) setHost(host string) {
	f.hostBefore = host // so that this change is not taken for a paste
	f.host.SetText(host)
}
