package pbxsim

import (
	"slices"
	"strings"
	"testing"
)

func TestExtensionListDialects(t *testing.T) {
	tests := []struct {
		version, endpoint, key string
	}{
		{V2, "extension/list", "number"},
		{V1, "extensionlist/query", "extnumber"},
		{V0, "extensionlist/query", "extnumber"},
	}
	for _, tt := range tests {
		t.Run(tt.version, func(t *testing.T) {
			p := startPBX(t, tt.version, nil)
			token := p.login()
			m := p.api(tt.endpoint, token, "")
			wantErrno(t, m, "")
			list, _ := m["extlist"].([]any)
			want := p.srv.Extensions()
			if len(list) != len(want) || len(want) < 20 {
				t.Fatalf("%d extensions, want %d (>= 20)", len(list), len(want))
			}
			for i, item := range list {
				e := item.(map[string]any)
				w := want[i]
				if e[tt.key] != w.Number || e["username"] != w.Name || e["status"] != w.Status || e["type"] != w.Type || e["agentid"] != "" {
					t.Errorf("entry %d = %v, want %+v", i, e, w)
				}
				if port, has := e["port"]; has != (w.Type == "FXS") || has && port != w.Port {
					t.Errorf("entry %d port = %v, want FXS only", i, e)
				}
			}
			other := map[string]string{V2: "extensionlist/query", V1: "extension/list", V0: "extension/list"}[tt.version]
			wantErrno(t, p.api(other, token, ""), ErrnoUnsupported)
			if st := p.srv.Stats(); st.ExtensionLists != 1 {
				t.Errorf("ExtensionLists = %d, want 1", st.ExtensionLists)
			}
		})
	}
}

func TestExtensionsAreRealistic(t *testing.T) {
	exts := New(Options{}).Extensions()
	has := func(pred func(Extension) bool) bool { return slices.ContainsFunc(exts, pred) }
	checks := map[string]func(Extension) bool{
		"Chinese name":         func(e Extension) bool { return strings.ContainsRune(e.Name, '张') },
		"English name":         func(e Extension) bool { return e.Name == "Alice Chen" },
		"name equals number":   func(e Extension) bool { return e.Name == e.Number },
		"lower-case status":    func(e Extension) bool { return e.Status == "registered" },
		"Unavailable":          func(e Extension) bool { return e.Status == "Unavailable" },
		"Busy":                 func(e Extension) bool { return e.Status == "Busy" },
		"Ringing":              func(e Extension) bool { return e.Status == "Ringing" },
		"Idle":                 func(e Extension) bool { return e.Status == "Idle" },
		"FXS with port":        func(e Extension) bool { return e.Type == "FXS" && e.Port != "" },
		"IAX":                  func(e Extension) bool { return e.Type == "IAX" },
		"first number is 1000": func(e Extension) bool { return e.Number == "1000" },
	}
	for name, pred := range checks {
		if !has(pred) {
			t.Errorf("no extension with %s", name)
		}
	}
}
