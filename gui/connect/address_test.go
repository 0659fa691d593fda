package connect

import (
	"strings"
	"testing"
)

func TestSplitAddress(t *testing.T) {
	for _, tc := range []struct {
		in    string
		want  address
		split bool
	}{
		{"192.168.1.150", address{host: "192.168.1.150"}, false},
		{" pbx.example.com ", address{host: "pbx.example.com"}, false},
		{"192.168.1.150:9000", address{host: "192.168.1.150", port: "9000"}, true},
		{"https://192.168.1.150:8088", address{host: "192.168.1.150", scheme: "https", port: "8088"}, true},
		{"HTTP://pbx/#/login?x=1", address{host: "pbx", scheme: "http"}, true},
		{"https://192.168.1.150:8088/api/v2.0.0/login", address{host: "192.168.1.150", scheme: "https", port: "8088"}, true},
		{"fe80::1", address{host: "fe80::1"}, false},
		{"[fe80::1]:8088", address{host: "fe80::1", port: "8088"}, true},
		{"[fe80::1]", address{host: "fe80::1"}, true},
		{"pbx:abc", address{host: "pbx:abc"}, false},
		{"pbx:70000", address{host: "pbx:70000"}, false},
		{"ftp://pbx:21", address{host: "pbx", port: "21"}, true},
		{"https://", address{host: "https://"}, false},
		{"", address{}, false},
	} {
		got, split := splitAddress(tc.in)
		if got != tc.want || split != tc.split {
			t.Errorf("splitAddress(%q) = %+v, %v; want %+v, %v", tc.in, got, split, tc.want, tc.split)
		}
	}
}

func TestBaseURL(t *testing.T) {
	for _, tc := range []struct {
		host  string
		https bool
		port  string
		want  string // "" = an error
	}{
		{"192.168.1.150", true, "8088", "https://192.168.1.150:8088"},
		{"192.168.1.150", false, "80", "http://192.168.1.150:80"},
		{"192.168.1.150", false, "", "http://192.168.1.150:80"},
		{"https://pbx:9443/login", false, "80", "https://pbx:9443"},
		{"http://pbx", true, "8088", "http://pbx:8088"},
		{"pbx:7000", true, "8088", "https://pbx:7000"},
		{"fe80::1", true, "8088", "https://[fe80::1]:8088"},
		{"", true, "8088", ""},
		{"pbx", true, "0", ""},
		{"pbx", true, "eighty", ""},
		{"pbx host", true, "8088", ""},
	} {
		got, err := baseURL(tc.host, tc.https, tc.port)
		if got != tc.want || (err != nil) != (tc.want == "") {
			t.Errorf("baseURL(%q, %v, %q) = %q, %v; want %q", tc.host, tc.https, tc.port, got, err, tc.want)
		}
	}
}

func TestSplitURLOfSavedProfiles(t *testing.T) {
	for in, want := range map[string]address{
		"https://192.168.1.150:8088": {host: "192.168.1.150", scheme: "https", port: "8088"},
		"http://pbx":                 {host: "pbx", scheme: "http", port: "80"},
		"pbx":                        {host: "pbx", scheme: "https", port: "8088"},
	} {
		if got := splitURL(in); got != want {
			t.Errorf("splitURL(%q) = %+v, want %+v", in, got, want)
		}
	}
}

// FuzzSplitAddress checks that whatever is pasted, splitting never panics, and that an
// address it accepts comes back the same through the form's fields.
func FuzzSplitAddress(f *testing.F) {
	for _, s := range []string{"192.168.1.150", "https://pbx:8088/#/", "[::1]:80", "fe80::1%eth0", "http://[::1]", "a:b:c", "::", "https://:80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, _ := splitAddress(s)
		if a.port != "" && !validPort(a.port) && !strings.Contains(s, "://") {
			t.Fatalf("%q: port %q", s, a.port)
		}
		url, err := baseURL(s, true, "8088")
		if err != nil {
			return
		}
		back := splitURL(url)
		again, err := baseURL(back.host, back.scheme == "https", back.port)
		if err != nil || again != url {
			t.Fatalf("%q → %q → %+v → %q, %v", s, url, back, again, err)
		}
	})
}
