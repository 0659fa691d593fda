// Package alert shows errors to a person: what happened and what to do, in their
// language, with the technical detail (error numbers, the URL without its token) folded
// away behind "Details" for whoever helps them.
package alert

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/explain"
)

// Explain returns err as sentences in the current language.
func Explain(err error) explain.Message { return explain.Error(err, i18n.Translate) }

// Show opens a dialog over w explaining err. It returns the dialog so tests can read
// and dismiss it.
func Show(err error, w fyne.Window) dialog.Dialog {
	m := Explain(err)
	d := dialog.NewCustom(title(m.Kind), i18n.L("Close"), Content(m), w)
	d.Resize(fyne.NewSize(520, 280)) // wrapped sentences need a width to wrap at
	d.Show()
	return d
}

// Content is the body of an error dialog or of an inline error area.
func Content(m explain.Message) fyne.CanvasObject {
	what := widget.NewLabelWithStyle(m.What, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what.Wrapping = fyne.TextWrapWord
	items := []fyne.CanvasObject{what}
	if m.Action != "" {
		action := widget.NewLabel(m.Action)
		action.Wrapping = fyne.TextWrapWord
		items = append(items, action)
	}
	if m.Detail != "" {
		detail := widget.NewEntry()
		detail.SetText(m.Detail)
		detail.MultiLine, detail.Wrapping = true, fyne.TextWrapBreak
		detail.TextStyle = fyne.TextStyle{Monospace: true}
		detail.SetMinRowsVisible(3)
		items = append(items, widget.NewAccordion(widget.NewAccordionItem(i18n.L("Details"), detail)))
	}
	return container.NewVBox(items...)
}

func title(k explain.Kind) string {
	switch k {
	case explain.Auth:
		return i18n.L("Cannot log in")
	case explain.Connection:
		return i18n.L("Connection problem")
	case explain.Refused:
		return i18n.L("The PBX refused")
	case explain.Output:
		return i18n.L("Not saved")
	case explain.Input:
		return i18n.L("Please check")
	case explain.Canceled:
		return i18n.L("Cancelled")
	case explain.Archive:
		return i18n.L("Archive problem")
	}
	return i18n.L("Something went wrong")
}
