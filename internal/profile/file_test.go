package profile

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestDecodeFile(t *testing.T) {
	tests := []struct {
		file    string
		wantErr string // substring of the error; "" = success
		want    []Profile
		last    string
	}{
		{
			file: "valid.json",
			last: "总部",
			want: []Profile{
				{Name: "Branch", URL: "http://10.0.0.2", User: "api", APIVersion: "v1.1.0"},
				{
					Name: "总部", URL: "https://192.168.1.150:8088", User: "cdrapi", APIVersion: "auto",
					Fingerprint:  strings.Repeat("abcdef0123456789", 4),
					FailedLogins: 2,
				},
			},
		},
		{file: "stale-last.json", want: []Profile{{Name: "a", APIVersion: "auto"}}},
		{file: "bom.json", want: []Profile{}},
		{file: "truncated.json", wantErr: "unexpected end of JSON input"},
		{file: "trailing.json", wantErr: "invalid character"},
		{file: "newer.json", wantErr: "newer cdrdesk"},
		{file: "no-version.json", wantErr: "format version 0"},
		{file: "duplicate.json", wantErr: "appears twice"},
		{file: "empty-name.json", wantErr: "name is empty"},
		{file: "bad-fingerprint.json", wantErr: "fingerprint"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			st, err := decodeFile(data)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("decodeFile error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("decodeFile: %v", err)
			}
			if got := st.sorted(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("profiles = %+v, want %+v", got, tt.want)
			}
			if st.last != tt.last {
				t.Errorf("last = %q, want %q", st.last, tt.last)
			}
		})
	}
}

// TestEncodeDecodeRoundTrip checks that a written file reads back the same.
func TestEncodeDecodeRoundTrip(t *testing.T) {
	data, err := os.ReadFile("testdata/valid.json")
	if err != nil {
		t.Fatal(err)
	}
	st, err := decodeFile(data)
	if err != nil {
		t.Fatal(err)
	}
	encoded, err := encodeFile(st)
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeFile(encoded)
	if err != nil {
		t.Fatalf("re-reading our own file: %v\n%s", err, encoded)
	}
	if !reflect.DeepEqual(back, st) {
		t.Errorf("round trip changed the profiles:\n%+v\n%+v", back, st)
	}
	if !strings.Contains(string(encoded), `"version": 1`) {
		t.Errorf("file lacks the version field:\n%s", encoded)
	}
}

// FuzzDecodeFile checks that any file content either fails cleanly or
// decodes to profiles that survive a write and re-read unchanged.
func FuzzDecodeFile(f *testing.F) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if data, err := os.ReadFile(filepath.Join("testdata", e.Name())); err == nil && filepath.Ext(e.Name()) == ".json" {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := decodeFile(data)
		if err != nil {
			return
		}
		encoded, err := encodeFile(st)
		if err != nil {
			t.Fatalf("encoding a decoded file: %v", err)
		}
		back, err := decodeFile(encoded)
		if err != nil {
			t.Fatalf("re-reading an encoded file: %v", err)
		}
		if !reflect.DeepEqual(back, st) {
			t.Fatalf("round trip changed the profiles:\n%+v\n%+v", back, st)
		}
	})
}

func TestCorruptFileErrorNamesFile(t *testing.T) {
	err := error(&CorruptFileError{Path: "/home/u/.config/cdrdesk/profiles.json", Err: errors.New("bad")})
	if !strings.Contains(err.Error(), "/home/u/.config/cdrdesk/profiles.json") {
		t.Errorf("message %q does not name the file", err)
	}
}
