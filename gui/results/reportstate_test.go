package results

import (
	"encoding/json"
	"testing"
	"time"

	"cdrdesk/internal/callreport"
)

// The report settings survive a restart, through the JSON the window keeps; what
// cannot be read gives the defaults rather than reports that fail.
func TestReportSettingsAreRemembered(t *testing.T) {
	hours, err := callreport.ParseBusinessHours("Mon-Sat 08:30-17:30")
	if err != nil {
		t.Fatal(err)
	}
	custom := callreport.Settings{CountryCode: "852", CallbackWindow: 48 * time.Hour, IgnoreShorter: 5 * time.Second, BusinessHours: hours}
	f := newFixture(t, "en")
	f.v.reportSettings = custom
	b, err := json.Marshal(f.v.State())
	if err != nil {
		t.Fatal(err)
	}
	var s State
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	g := newFixture(t, "en")
	g.v.Restore(s)
	if g.v.reportSettings != custom {
		t.Errorf("restored %v, want %v", g.v.reportSettings, custom)
	}

	for name, stored := range map[string]*ReportSettings{
		"none":           nil,
		"bad duration":   {CountryCode: "86", CallbackWindow: "a day", IgnoreShorter: "0s", BusinessHours: "Mon-Fri 09:00-18:00"},
		"bad hours":      {CountryCode: "86", CallbackWindow: "24h", IgnoreShorter: "0s", BusinessHours: "weekdays"},
		"invalid window": {CountryCode: "86", CallbackWindow: "-1h", IgnoreShorter: "0s", BusinessHours: "Mon-Fri 09:00-18:00"},
		"bad country":    {CountryCode: "china", CallbackWindow: "24h", IgnoreShorter: "0s", BusinessHours: "Mon-Fri 09:00-18:00"},
	} {
		g.v.reportSettings = custom
		g.v.Restore(State{Report: stored})
		if g.v.reportSettings != callreport.DefaultSettings() {
			t.Errorf("%s: restored %v, want the defaults", name, g.v.reportSettings)
		}
	}
}
