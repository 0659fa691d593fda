package reports

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
	"cdrdesk/internal/records"
)

// Unreturned is the "Missed, not returned" view, the one many people open first: a
// headline with how many callers and missed calls are waiting for a call-back, the
// rule those figures follow, and one line per caller (newest missed call first).
// Double-tapping a line, or Show calls with a line selected, calls OnShowCalls with
// that caller's calls. Settings… calls OnSettings, which the window sets to open
// ShowSettings and fold the calls again with what is saved.
type Unreturned struct {
	// OnShowCalls is called with the calls (indexes into the Calls shown) of the
	// caller chosen; Calls.RowsOf gives their records.
	OnShowCalls func(calls []int)
	// OnSettings is called by the Settings… button.
	OnSettings func()

	headline  *widget.Label
	rule      *widget.Label
	open      *widget.Label
	showCalls *widget.Button
	sheet     *sheet
	box       fyne.CanvasObject

	lines []callreport.Caller
	names map[string]string // extension number → name, for the extensions that rang
}

// NewUnreturned makes an empty Missed, not returned view.
func NewUnreturned() *Unreturned {
	u := &Unreturned{}
	u.headline = widget.NewLabel("")
	u.headline.TextStyle.Bold = true
	u.headline.SizeName = theme.SizeNameSubHeadingText
	u.headline.Truncation = fyne.TextTruncateEllipsis
	u.rule = widget.NewLabel("")
	u.rule.Wrapping = fyne.TextWrapWord
	u.open = widget.NewLabel("")
	u.open.Wrapping = fyne.TextWrapWord
	u.open.Importance = widget.WarningImportance
	u.open.Hide()
	u.showCalls = widget.NewButtonWithIcon(i18n.L("Show calls"), theme.SearchIcon(), u.showSelected)
	u.showCalls.Disable()
	settings := widget.NewButtonWithIcon(i18n.L("Settings…"), theme.SettingsIcon(), func() {
		if u.OnSettings != nil {
			u.OnSettings()
		}
	})
	u.sheet = newSheet(u.columns())
	u.sheet.onDoubleTap = u.show
	u.sheet.onSelect = func(row int) {
		if row >= 0 {
			u.showCalls.Enable()
		} else {
			u.showCalls.Disable()
		}
	}
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(u.showCalls, settings), u.headline),
		u.rule, u.open)
	u.box = container.NewBorder(top, nil, nil, nil, u.sheet.box)
	return u
}

func (u *Unreturned) columns() []column {
	line := func(row int) *callreport.Caller { return &u.lines[row] }
	maybe := i18n.L("may still be returned")
	noNumber := i18n.L("(no number)")
	return []column{
		{title: i18n.L("Number"), text: func(row int) string {
			if n := line(row).Number; n != "" {
				return n
			}
			return noNumber
		}, samples: []string{noNumber}},
		{title: i18n.L("Missed calls"), align: fyne.TextAlignTrailing,
			text: func(row int) string { return i18n.Count(line(row).Missed) }},
		{title: i18n.L("First missed"), text: func(row int) string { return formatTime(line(row).First) },
			samples: []string{formatTime(sampleTime)}},
		{title: i18n.L("Last missed"), text: func(row int) string { return formatTime(line(row).Last) },
			samples: []string{formatTime(sampleTime)}},
		{title: i18n.L("Extensions that rang"), text: func(row int) string { return u.extensions(line(row)) },
			maxWidth: 320},
		{title: i18n.L("Call-back attempts"), align: fyne.TextAlignTrailing,
			text: func(row int) string { return i18n.Count(line(row).Attempts) }},
		{title: i18n.L("Last attempt"), text: func(row int) string { return formatTime(line(row).LastAttempt) },
			samples: []string{formatTime(sampleTime)}},
		{title: i18n.L("Note"), text: func(row int) string {
			if line(row).Open {
				return maybe
			}
			return ""
		}, samples: []string{maybe}},
	}
}

// sampleTime is a time as wide as any, to fit time columns before there are rows.
var sampleTime = time.Date(2026, 12, 28, 23, 58, 58, 0, time.UTC)

// extensions names the extensions that rang for a caller as the grid does: "1001 Anna".
func (u *Unreturned) extensions(l *callreport.Caller) string {
	parts := make([]string, len(l.Extensions))
	for k, n := range l.Extensions {
		parts[k] = records.Party(n, u.names)
	}
	return strings.Join(parts, ", ")
}

// SetNames gives the extensions' names (number → name, the PBX's extension list),
// shown beside the extensions that rang. Call it before Show.
func (u *Unreturned) SetNames(names map[string]string) { u.names = names }

// Widget implements View.
func (u *Unreturned) Widget() fyne.CanvasObject { return u.box }

// SetSeconds implements View; the view shows no durations.
func (u *Unreturned) SetSeconds(bool) {}

// Show implements View.
func (u *Unreturned) Show(c *callreport.Calls, r *callreport.Report) {
	u.lines = nil
	u.open.Hide()
	if r == nil || c == nil {
		u.headline.SetText("")
		u.rule.SetText("")
		u.sheet.setRows(0, "")
		u.sheet.box.Hide()
		return
	}
	u.lines = r.Unreturned
	missed := 0
	for k := range u.lines {
		missed += u.lines[k].Missed
	}
	u.headline.SetText(headline(len(u.lines), missed, r.Summary.All.Missed))
	set := c.Settings()
	u.rule.SetText(ruleText(set))
	if r.Summary.Open > 0 && len(u.lines) > 0 {
		u.open.SetText(i18n.L("{{.Open}} of these missed calls came less than {{.Window}} before the end of the range ({{.End}}): a call-back after it is not seen, so they may still be returned.",
			map[string]any{"Open": i18n.Count(r.Summary.Open), "Window": windowText(set.CallbackWindow), "End": formatTime(r.Summary.End)}))
		u.open.Show()
	}
	u.sheet.setRows(len(u.lines), "")
	if len(u.lines) == 0 {
		u.sheet.box.Hide()
	} else {
		u.sheet.box.Show()
	}
	u.box.Refresh() // lays out again: the note or the table may have appeared
}

// headline says how many callers wait for a call-back, or calmly that none does.
func headline(callers, missed, allMissed int) string {
	data := map[string]any{"Callers": i18n.Count(callers), "Missed": i18n.Count(missed)}
	switch {
	case callers == 0 && allMissed == 0:
		return i18n.L("No missed calls.")
	case callers == 0:
		return i18n.L("Every missed call was returned.")
	case callers == 1 && missed == 1:
		return i18n.L("1 caller · 1 missed call not returned")
	case callers == 1:
		return i18n.L("1 caller · {{.Missed}} missed calls not returned", data)
	}
	return i18n.L("{{.Callers}} callers · {{.Missed}} missed calls not returned", data)
}

// ruleText says, with the current settings, when a missed call counts as returned.
func ruleText(s callreport.Settings) string {
	t := i18n.L("A missed call counts as returned when someone talked with the same number within {{.Window}}; an unanswered call to it counts as an attempt.",
		map[string]any{"Window": windowText(s.CallbackWindow)})
	if sec := int((s.IgnoreShorter + time.Second - 1) / time.Second); sec > 0 {
		t += " " + i18n.L("Rings shorter than {{.Seconds}} s are not counted as missed.", map[string]any{"Seconds": sec})
	}
	return t
}

// windowText writes the call-back window in hours ("24 h"), or minutes when it is not
// a whole number of hours.
func windowText(d time.Duration) string {
	if d%time.Hour == 0 {
		return i18n.L("{{.Hours}} h", map[string]any{"Hours": int(d / time.Hour)})
	}
	return i18n.L("{{.Minutes}} min", map[string]any{"Minutes": int((d + time.Minute - 1) / time.Minute)})
}

// showSelected is Show calls: the selected line's calls.
func (u *Unreturned) showSelected() {
	if u.sheet.selected >= 0 {
		u.show(u.sheet.selected)
	}
}

func (u *Unreturned) show(row int) {
	if row < 0 || row >= len(u.lines) || u.OnShowCalls == nil {
		return
	}
	u.OnShowCalls(u.lines[row].Calls)
}
