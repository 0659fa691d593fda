package connect

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/profile"
)

// refreshProfiles lists the saved profiles and selects the one shown.
func (d *connectDialog) refreshProfiles() {
	var names []string
	for _, p := range d.deps.Store.List() {
		names = append(names, p.Name)
	}
	d.profiles.SetOptions(names)
	if d.current == "" {
		d.profiles.ClearSelected()
	} else {
		d.profiles.SetSelected(d.current) // profileChosen ignores it: already shown
	}
	d.updateProfileButtons()
}

// profileChosen shows the profile picked in the list.
func (d *connectDialog) profileChosen(name string) {
	if name != "" && name != d.current {
		d.load(name)
	}
}

// newProfile shows an empty form for a new connection.
func (d *connectDialog) newProfile() {
	d.current = ""
	d.refreshProfiles()
	d.form.clear()
	d.showStatus()
	d.showFailedLogins(0)
}

// load shows a saved profile, then asks the keyring (off the UI goroutine: it may
// hang until its timeout) whether its password is saved.
func (d *connectDialog) load(name string) {
	p, ok := d.deps.Store.Get(name)
	if !ok {
		d.newProfile()
		return
	}
	d.current = name
	d.refreshProfiles()
	d.form.fill(p)
	d.showStatus()
	d.showFailedLogins(p.FailedLogins)
	d.start("load", i18n.L("Reading the saved connection…"), func(context.Context) func() {
		_, err := d.deps.Store.PasswordMD5(name)
		return func() {
			if d.current != name {
				return
			}
			d.form.showPasswordSaved(err == nil)
			if errors.Is(err, profile.ErrKeyringUnavailable) {
				d.tellKeyring()
			}
			d.showReason()
		}
	})
}

// renameTapped asks for the profile's new name and renames it, secrets included.
func (d *connectDialog) renameTapped() {
	from := d.current
	entry := widget.NewEntry()
	entry.SetText(from)
	items := []*widget.FormItem{widget.NewFormItem(i18n.L("New name"), entry)}
	fd := dialog.NewForm(i18n.L("Rename connection"), i18n.L("Rename"), i18n.L("Cancel"), items, func(ok bool) {
		to := strings.TrimSpace(entry.Text)
		if !ok || to == from {
			return
		}
		if err := checkName(to); err != nil {
			d.showProblem(err)
			return
		}
		d.start("rename", i18n.L("Saving…"), func(context.Context) func() {
			err := d.deps.Store.Rename(from, to)
			return func() { d.renamed(from, to, err) }
		})
	}, d.win)
	d.sub = fd
	fd.Show()
}

// renamed shows the outcome of a rename. When only the keyring failed the rename
// stands, but the password stayed behind under the old name.
func (d *connectDialog) renamed(from, to string, err error) {
	keyring := errors.Is(err, profile.ErrKeyringUnavailable)
	if err != nil && !keyring {
		d.showProblem(renameProblem(err))
		return
	}
	d.profileChanged(from, to)
	d.current = to
	d.refreshProfiles()
	d.form.lockName(to)
	if keyring {
		d.form.showPasswordSaved(false)
		d.tellKeyring()
	}
}

// deleteTapped asks, then deletes the profile and its saved password and token.
func (d *connectDialog) deleteTapped() {
	name := d.current
	msg := i18n.L("Delete the saved connection {{.Name}} and its saved password?", map[string]any{"Name": name})
	c := dialog.NewConfirm(i18n.L("Delete connection"), msg, func(ok bool) {
		if !ok {
			return
		}
		d.start("delete", i18n.L("Deleting…"), func(context.Context) func() {
			err := d.deps.Store.Delete(name)
			return func() { d.deleted(name, err) }
		})
	}, d.win)
	c.SetConfirmText(i18n.L("Delete"))
	c.SetDismissText(i18n.L("Cancel"))
	c.SetConfirmImportance(widget.DangerImportance)
	d.sub = c
	c.Show()
}

// deleted shows the first remaining profile, or a new one.
func (d *connectDialog) deleted(name string, err error) {
	if err != nil && !errors.Is(err, profile.ErrKeyringUnavailable) {
		d.showProblem(err)
		return
	}
	d.profileChanged(name, "")
	if err != nil {
		d.tellKeyring()
	}
	if list := d.deps.Store.List(); len(list) > 0 {
		d.load(list[0].Name)
	} else {
		d.newProfile()
	}
}

// profileChanged tells the window about a rename or deletion that stands.
func (d *connectDialog) profileChanged(from, to string) {
	if d.deps.ProfileChanged != nil {
		d.deps.ProfileChanged(from, to)
	}
}
