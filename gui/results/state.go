package results

import (
	"errors"
	"slices"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/callreport"
	"cdrdesk/internal/records"
	"cdrdesk/internal/report"
)

// Info says where the records came from, for the status line and the suggested file
// name.
type Info struct {
	Profile, PBX string // the profile's name and the PBX's address
	Query        cdrclient.Query
}

// State is what the view remembers between runs (the window stores it as JSON in the
// preferences).
type State struct {
	// Hidden lists the columns not shown, by name (timestart, pincode, ...). nil means
	// the defaults (PIN, call ID and serial number hidden); an empty list shows all.
	Hidden []string `json:"hidden"`
	// Sort is the order of the grid.
	Sort records.Sort `json:"sort"`
	// Seconds shows durations as seconds instead of h:mm:ss (in the grid and in the
	// Excel reports).
	Seconds bool `json:"seconds"`
	// LastFolder is where the last report was saved.
	LastFolder string `json:"lastFolder"`
	// Format is the format the Save dialog offers: the last one saved ("csv",
	// "excel-csv", "xlsx", or "report" for the report workbook). Until then (and for
	// anything unknown) it is the Excel workbook: what an office opens, with numbers
	// kept as text and Chinese names shown right whatever the PBX's encoding.
	Format string `json:"format,omitempty"`
	// Report is how the call reports count (call-back window, short rings, country
	// code, business hours); nil means the defaults.
	Report *ReportSettings `json:"report,omitempty"`
	// Page is the page of the results shown last ("records", "missed", "extensions",
	// "days", "hours", "charts"): the window opens on it again.
	Page string `json:"page,omitempty"`
}

// ReportSettings is callreport.Settings in the words the preferences keep.
type ReportSettings struct {
	CountryCode    string `json:"countryCode"`
	CallbackWindow string `json:"callbackWindow"` // a Go duration: "24h0m0s"
	IgnoreShorter  string `json:"ignoreShorter"`  // a Go duration: "5s"
	BusinessHours  string `json:"businessHours"`  // "Mon-Fri 09:00-18:00"
}

// storedSettings turns s into its stored form.
func storedSettings(s callreport.Settings) *ReportSettings {
	return &ReportSettings{CountryCode: s.CountryCode, CallbackWindow: s.CallbackWindow.String(),
		IgnoreShorter: s.IgnoreShorter.String(), BusinessHours: s.BusinessHours.String()}
}

// settings reads the stored form back; anything unreadable or invalid (an older or
// hand-edited preference) gives the defaults, so the reports always work.
func (r *ReportSettings) settings() callreport.Settings {
	def := callreport.DefaultSettings()
	if r == nil {
		return def
	}
	s := callreport.Settings{CountryCode: r.CountryCode}
	var errs [3]error
	s.CallbackWindow, errs[0] = time.ParseDuration(r.CallbackWindow)
	s.IgnoreShorter, errs[1] = time.ParseDuration(r.IgnoreShorter)
	s.BusinessHours, errs[2] = callreport.ParseBusinessHours(r.BusinessHours)
	if errors.Join(errs[:]...) != nil || s.Validate() != nil {
		return def
	}
	return s
}

// State returns the view's settings, to restore them next time.
func (v *View) State() State {
	hidden := make([]string, 0, len(v.hidden))
	for name, off := range v.hidden {
		if off {
			hidden = append(hidden, name)
		}
	}
	slices.Sort(hidden)
	return State{Hidden: hidden, Sort: v.sort, Seconds: v.seconds, LastFolder: v.lastFolder, Format: formatName(v.lastFormat),
		Report: storedSettings(v.reportSettings), Page: v.tabs.page()}
}

// Restore applies settings saved by State.
func (v *View) Restore(s State) {
	if s.Hidden == nil {
		s.Hidden = defaultHidden()
	}
	v.hidden = make(map[string]bool, len(s.Hidden))
	for _, name := range s.Hidden {
		v.hidden[name] = true
	}
	v.sort, v.seconds, v.lastFolder = s.Sort, s.Seconds, s.LastFolder
	v.lastFormat = offeredFormat(s.Format)
	v.reportSettings = s.Report.settings()
	v.tabs.selectPage(s.Page)
	v.grid.sort = s.Sort
	v.grid.cells.seconds = s.Seconds
	v.bar.setSeconds(s.Seconds)
	v.tabs.setSeconds(s.Seconds)
	if v.table != nil {
		v.showColumns()
		v.request()
	}
}

// offeredFormat is the format the Save dialog offers for a saved choice: the workbook
// until a person has chosen another.
func offeredFormat(saved string) report.Format {
	if saved == reportWorkbookName {
		return reportWorkbook
	}
	if f, err := report.ParseFormat(saved); err == nil {
		return f
	}
	return report.XLSX
}
