package pbxsim

import (
	"encoding/json"
	"maps"
	"net/url"
	"strings"
	"testing"
)

func FuzzParseRawQuery(f *testing.F) {
	f.Add("extid=1000%2C1001&starttime=2024-03-14%2000:00:00", "2024-03-14 00:00:00")
	f.Add("a=%zz&b=+&c", "x+y")
	f.Add("=&&=%", "%")
	f.Fuzz(func(t *testing.T, raw, value string) {
		for _, literal := range []bool{false, true} {
			parseRawQuery(raw, literal) // must not panic
		}
		// Values encoded as integrations do (url.QueryEscape, %20 for the
		// space) come back unchanged whatever the '+' quirk.
		esc := strings.ReplaceAll(url.QueryEscape(value), "+", "%20")
		for _, literal := range []bool{false, true} {
			if got := parseRawQuery("k="+esc+"&k=other", literal)["k"]; got != value {
				t.Fatalf("%q -> %q -> %q (plus literal %v)", value, esc, got, literal)
			}
		}
		// With '+' as a space the parser agrees with net/url on valid input.
		if want, err := url.ParseQuery(raw); err == nil && !strings.Contains(raw, ";") {
			got := parseRawQuery(raw, false)
			for k, vs := range want {
				if got[k] != vs[0] {
					t.Fatalf("%q: %q = %q, net/url says %q", raw, k, got[k], vs[0])
				}
			}
		}
	})
}

func FuzzParseWallTime(f *testing.F) {
	for _, s := range []string{"2024-03-14 00:00:00", "2024-02-29 23:59:59", "2023-02-29 00:00:00", "2024-3-14 00:00:00", "2024-03-14 24:00:00", "0000-01-01 00:00:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, ok := parseWallTime(s)
		if !ok {
			return
		}
		if back := string(appendWall(nil, w, false)); back != s {
			t.Fatalf("%q parsed, formats back as %q", s, back)
		}
	})
}

func FuzzParseBody(f *testing.F) {
	f.Add([]byte(`{"username":"api","password":"x","port":"8260"}`))
	f.Add([]byte(`{"port":8260}`))
	f.Add([]byte(` `))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		params, ok := parseBody(raw)
		if !ok {
			return
		}
		// Accepted bodies are objects of strings: they survive a round trip.
		again, err := json.Marshal(params)
		if err != nil {
			t.Fatal(err)
		}
		back, ok := parseBody(again)
		if !ok || !maps.Equal(back, params) {
			t.Fatalf("%q -> %v -> %q", raw, params, again)
		}
	})
}

func FuzzValidPort(f *testing.F) {
	for _, s := range []string{"8260", "0", "65535", "65536", "+80", " 80", "080"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !validPort(s) {
			return
		}
		if strings.Trim(s, "0123456789") != "" || s == "" {
			t.Fatalf("accepted %q", s)
		}
	})
}
