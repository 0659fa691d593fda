package query

import (
	"errors"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
)

// groupBar keeps named sets of extensions ("Sales", "前台") so a selection made once
// is one click the next time.
type groupBar struct {
	pick   *widget.Select
	save   *widget.Button
	remove *widget.Button

	win     fyne.Window
	groups  map[string][]string
	current func() []string        // the extensions a new group would hold; empty = none
	apply   func(numbers []string) // selects a group's extensions
	quiet   bool                   // set while the program changes pick
	dialog  dialog.Dialog          // the dialog last opened, for tests
}

func newGroupBar(win fyne.Window, current func() []string, apply func([]string)) *groupBar {
	g := &groupBar{win: win, groups: map[string][]string{}, current: current, apply: apply}
	g.pick = widget.NewSelect(nil, g.chosen)
	g.pick.PlaceHolder = i18n.L("Saved groups")
	g.save = widget.NewButtonWithIcon(i18n.L("Save as group…"), theme.DocumentSaveIcon(), g.askName)
	g.remove = widget.NewButtonWithIcon(i18n.L("Delete group"), theme.DeleteIcon(), g.confirmDelete)
	g.refresh()
	return g
}

// chosen selects the extensions of the group picked.
func (g *groupBar) chosen(name string) {
	if !g.quiet && name != "" {
		g.apply(g.groups[name])
	}
	g.refresh()
}

// setGroups replaces all groups (restoring them from the preferences).
func (g *groupBar) setGroups(groups map[string][]string) {
	g.groups = make(map[string][]string, len(groups))
	for name, numbers := range groups {
		if name = strings.TrimSpace(name); name != "" {
			g.groups[name] = slices.Clone(numbers)
		}
	}
	g.show("")
}

// all returns a copy of the groups.
func (g *groupBar) all() map[string][]string {
	out := make(map[string][]string, len(g.groups))
	for name, numbers := range g.groups {
		out[name] = slices.Clone(numbers)
	}
	return out
}

// show lists the groups and shows name as chosen ("" for none) without applying it.
func (g *groupBar) show(name string) {
	g.quiet = true
	g.pick.SetOptions(slices.Sorted(maps.Keys(g.groups)))
	if name == "" {
		g.pick.ClearSelected()
	} else {
		g.pick.SetSelected(name)
	}
	g.quiet = false
	g.refresh()
}

// refresh enables what can be done: saving needs a selection, deleting a chosen group.
func (g *groupBar) refresh() {
	if len(g.current()) == 0 {
		g.save.Disable()
	} else {
		g.save.Enable()
	}
	if g.pick.Selected == "" {
		g.remove.Disable()
	} else {
		g.remove.Enable()
	}
	if len(g.groups) == 0 {
		g.pick.Disable()
	} else {
		g.pick.Enable()
	}
}

// selectionEdited forgets the chosen group: what is selected is no longer that group.
func (g *groupBar) selectionEdited() {
	if g.pick.Selected != "" {
		g.show("")
	}
	g.refresh()
}

// askName asks for the new group's name; a group of the same name is replaced.
func (g *groupBar) askName() {
	numbers := g.current()
	if len(numbers) == 0 {
		return
	}
	name := widget.NewEntry()
	name.SetPlaceHolder(i18n.L("For example: Sales"))
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(i18n.L("Give the group a name."))
		}
		return nil
	}
	items := []*widget.FormItem{{Text: i18n.L("Name"), Widget: name,
		HintText: i18n.L("{{.N}} extensions. A group with the same name is replaced.", map[string]any{"N": len(numbers)})}}
	d := dialog.NewForm(i18n.L("Save as group"), i18n.L("Save"), i18n.L("Cancel"), items, func(ok bool) {
		if ok {
			n := strings.TrimSpace(name.Text)
			g.groups[n] = numbers
			g.show(n)
		}
	}, g.win)
	d.Resize(fyne.NewSize(360, 0))
	g.dialog = d
	d.Show()
	g.win.Canvas().Focus(name)
}

// confirmDelete deletes the chosen group after asking.
func (g *groupBar) confirmDelete() {
	name := g.pick.Selected
	if name == "" {
		return
	}
	msg := widget.NewLabel(i18n.L("Delete the group “{{.Name}}”? The extensions stay selected.", map[string]any{"Name": name}))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(i18n.L("Delete group"), i18n.L("Delete"), i18n.L("Cancel"), msg, func(ok bool) {
		if ok {
			delete(g.groups, name)
			g.show("")
		}
	}, g.win)
	d.Resize(fyne.NewSize(360, 0))
	g.dialog = d
	d.Show()
}
