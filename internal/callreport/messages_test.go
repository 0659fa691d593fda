package callreport

import (
	"encoding/json"
	"io/fs"
	"testing"
	"time"

	"cdrdesk/assets"
	"cdrdesk/internal/explain"
)

// TestInputErrorsAreExplained: every error a setting or the business-hours parser
// gives reaches people through internal/explain as wrong input, in English and in
// Chinese, with what was typed.
func TestInputErrorsAreExplained(t *testing.T) {
	names, err := fs.Glob(assets.Translations, "translations/*.zh_Hans.json")
	if err != nil || len(names) == 0 {
		t.Fatal(names, err)
	}
	zh := map[string]string{}
	for _, name := range names {
		data, err := fs.ReadFile(assets.Translations, name)
		if err != nil {
			t.Fatal(err)
		}
		var part map[string]json.RawMessage
		if err := json.Unmarshal(data, &part); err != nil {
			t.Fatal(name, err)
		}
		for k, raw := range part {
			var v string
			if json.Unmarshal(raw, &v) == nil {
				zh[k] = v
			}
		}
	}
	chinese := func(key string, data map[string]any) string {
		if s, ok := zh[key]; ok {
			return explain.Fill(s, data)
		}
		return explain.Fill(key, data)
	}
	bad := DefaultSettings()
	var errs []error
	for _, s := range []string{"Mon-Fri", "Mon-Fry 09:00-18:00", "Mon-Fri 9-18", "Mon-Fri 18:00-09:00"} {
		_, err := ParseBusinessHours(s)
		errs = append(errs, err)
	}
	for _, edit := range []func(*Settings){
		func(s *Settings) { s.CountryCode = "+86" },
		func(s *Settings) { s.CallbackWindow = 0 },
		func(s *Settings) { s.IgnoreShorter = -time.Second },
	} {
		s := bad
		edit(&s)
		errs = append(errs, s.Validate())
	}
	seen := map[string]bool{}
	for _, err := range errs {
		if err == nil {
			t.Fatal("no error")
		}
		en, cn := explain.Error(err, explain.English), explain.Error(err, chinese)
		if en.Kind != explain.Input {
			t.Errorf("%v: kind %v, want input", err, en.Kind)
		}
		if cn.What == en.What {
			t.Errorf("%v: not translated: %q", err, cn.What)
		}
		seen[en.What] = true
	}
	if len(seen) != len(errs) {
		t.Errorf("%d errors gave %d messages", len(errs), len(seen))
	}
}
