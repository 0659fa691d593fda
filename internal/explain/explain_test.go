package explain

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/atomicfile"
	"cdrdesk/internal/profile"
	"cdrdesk/internal/report"
)

func TestError(t *testing.T) {
	fp := strings.Repeat("ab", 32)
	tests := []struct {
		name string
		err  error
		kind Kind
		what string // part of What
		act  string // part of Action
	}{
		{"cancel", fmt.Errorf("fetch: %w", context.Canceled), Canceled, "Cancelled", ""},
		{"input", &cdrclient.InputError{Field: "range", Msg: "the end is before the start"}, Input, "The end is before the start", ""},
		{"input value", &cdrclient.InputError{Field: "extensions", Msg: "an extension is a number like 1000", Value: "abc"}, Input, "like 1000: abc", ""},
		{"auth", &cdrclient.AuthError{User: "api"}, Auth, "password", "10 minutes"},
		{"locked", &cdrclient.LockedOutError{}, Auth, "locked", "Blocked IP Address"},
		{"new cert", &cdrclient.CertificateError{Fingerprint: fp}, Connection, "not trusted", fp},
		{"changed cert", &cdrclient.CertificateError{Fingerprint: fp, Pinned: "00"}, Connection, "changed", "intercepting"},
		{"version", &cdrclient.VersionError{Tried: []string{"v2.0.0"}}, Refused, "Yeastar API", "Settings → PBX → General → API"},
		{"service", &cdrclient.APIError{Endpoint: "login", Errno: "30003"}, Refused, "not running", "API"},
		{"extension", &cdrclient.APIError{Endpoint: "cdr/get_random", Errno: "10006"}, Refused, "does not exist", "Reload"},
		{"allowed ip", &cdrclient.APIError{Endpoint: "cdr/get_random", Errno: "20015"}, Input, "IPv4", ""},
		{"unsupported", &cdrclient.APIError{Endpoint: "cdr/get_random", Errno: "10003"}, Refused, "API version", "firmware"},
		{"other errno", &cdrclient.APIError{Endpoint: "cdr/get_random", Errno: "10001"}, Refused, "error 10001", "IT"},
		{"redirect", &cdrclient.HTTPError{Status: 302, Location: "https://pbx:8088/"}, Connection, "https://pbx:8088/", "HTTPS"},
		{"404", &cdrclient.HTTPError{Status: 404}, Refused, "Yeastar API", ""},
		{"502", &cdrclient.HTTPError{Status: 502}, Connection, "HTTP 502", "shorter"},
		{"timeout", &cdrclient.ConnectionError{Timeout: true, Err: errors.New("i/o timeout")}, Connection, "in time", ""},
		{"refused", &cdrclient.ConnectionError{Err: errors.New("connection refused")}, Connection, "Cannot reach", "port"},
		{"cut off", &cdrclient.TruncatedError{Line: 41, Msg: "its last row has fewer fields than the header"}, Connection, "broke off", "shorter date range"},
		{"csv", &cdrclient.CSVError{Line: 3, Msg: "bare quote"}, Other, "cannot be read", ""},
		{"unreadable answer", &cdrclient.UnreadableAnswerError{Endpoint: "cdr/get_random", Err: errors.New("unexpected end of JSON input")}, Connection, "answer could not be read", "proxy"},
		{"cell too long", &report.CellTooLongError{Row: 12, Column: "recording", Length: 40000}, Output, "Record 12 cannot be saved in an Excel workbook: its recording holds 40000 characters, and an Excel cell holds at most 32767.", "CSV"},
		{"header cell too long", &report.CellTooLongError{Column: "column 15", Length: 40000}, Output, "The header cannot be saved", "CSV"},
		{"redirect with a token", &cdrclient.HTTPError{Status: 302, Location: "https://pbx:8088/api/v2.0.0/heartbeat?token=abc"}, Connection, "https://pbx:8088/api/v2.0.0/heartbeat?token=***.", "HTTPS"},
		{"exists", &atomicfile.ExistsError{Path: "a.csv"}, Output, "a.csv already exists", "another name"},
		{"no folder", &fs.PathError{Op: "open", Path: "/x/a.csv", Err: fs.ErrNotExist}, Output, "/x/a.csv", "folder"},
		{"damaged profiles", &profile.CorruptFileError{Path: "/home/a/profiles.json", Err: errors.New("bad json")}, Other, "damaged: /home/a/profiles.json", "never overwrites"},
		{"no keyring", fmt.Errorf("saving: %w", profile.ErrKeyringUnavailable), Other, "keyring", "each time"},
		{"damaged archive", &archive.DamagedError{Location: "/d/archive.db", Err: errors.New("database disk image is malformed")}, Archive, "archive /d/archive.db is damaged", "never empties it"},
		{"foreign archive", &archive.DamagedError{Location: "/d/contacts.db", Foreign: true}, Archive, "/d/contacts.db is not a cdrdesk archive", "move this one away"},
		{"newer archive", &archive.NewerError{Location: "/d/archive.db", Version: 2, Newest: 1}, Archive, "newer version of cdrdesk", "Update cdrdesk"},
		{"archive not opened", &archive.OpenError{Location: "/d/archive.db", Err: &fs.PathError{Op: "open", Path: "/d/archive.db", Err: fs.ErrPermission}}, Archive, "could not be opened", "write there"},
		{"archive open cancelled", &archive.OpenError{Location: "/d/archive.db", Err: context.Canceled}, Canceled, "Cancelled", ""},
		{"unknown", errors.New("boom"), Other, "Something went wrong", "IT"},
	}
	for _, tt := range tests {
		m := Error(tt.err, English)
		if m.Kind != tt.kind || !strings.Contains(m.What, tt.what) || !strings.Contains(m.Action, tt.act) {
			t.Errorf("%s: got %+v; want kind %d, what ~%q, action ~%q", tt.name, m, tt.kind, tt.what, tt.act)
		}
		if m.Detail != cdrclient.Redact(tt.err.Error()) {
			t.Errorf("%s: detail %q", tt.name, m.Detail)
		}
		if strings.Contains(m.What+m.Action, "{{") {
			t.Errorf("%s: unfilled placeholder in %+v", tt.name, m)
		}
	}
}

func TestTranslatorIsUsed(t *testing.T) {
	zh := map[string]string{
		"The PBX has locked this computer out after 5 failed logins.": "登录失败 5 次后，电话系统已锁定这台电脑。",
		"A file named {{.Path}} already exists.":                      "文件 {{.Path}} 已存在。",
	}
	tr := func(key string, data map[string]any) string {
		if s, ok := zh[key]; ok {
			return Fill(s, data)
		}
		return Fill(key, data)
	}
	if m := Error(&cdrclient.LockedOutError{}, tr); m.What != zh["The PBX has locked this computer out after 5 failed logins."] {
		t.Errorf("not translated: %q", m.What)
	}
	if m := Error(&atomicfile.ExistsError{Path: "报表.csv"}, tr); m.What != "文件 报表.csv 已存在。" {
		t.Errorf("placeholder not filled: %q", m.What)
	}
}
