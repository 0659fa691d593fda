package profile

import (
	"errors"
	"strings"
	"testing"
)

func TestValidateName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"Office", true},
		{"总部 PBX", true},
		{"分部/二楼", true},
		{"a", true},
		{strings.Repeat("字", MaxNameLength), true},
		{strings.Repeat("字", MaxNameLength+1), false},
		{"", false},
		{" leading", false},
		{"trailing ", false},
		{"\u3000全角空格", false}, // ideographic space at the start
		{"tab\there", false},
		{"new\nline", false},
		{"nul\x00", false},
		{"bidi\u202eoverride", false},
		{"zero\u200bwidth", false},
		{"line\u2028sep", false},
		{"bad\xffutf8", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateName(tt.name)
			if tt.ok && err != nil {
				t.Errorf("ValidateName(%q) = %v, want nil", tt.name, err)
			}
			if !tt.ok && !errors.Is(err, ErrInvalidName) {
				t.Errorf("ValidateName(%q) = %v, want ErrInvalidName", tt.name, err)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	fp := strings.Repeat("0123456789abcdef", 4)
	colons := strings.ToUpper(strings.Join(splitPairs(fp), ":"))
	tests := []struct {
		name string
		in   Profile
		want Profile
		err  error
	}{
		{name: "empty API version is auto", in: Profile{Name: "a"}, want: Profile{Name: "a", APIVersion: "auto"}},
		{name: "API version kept", in: Profile{Name: "a", APIVersion: "v2.0.0"}, want: Profile{Name: "a", APIVersion: "v2.0.0"}},
		{name: "fingerprint with colons", in: Profile{Name: "a", Fingerprint: colons}, want: Profile{Name: "a", APIVersion: "auto", Fingerprint: fp}},
		{name: "short fingerprint", in: Profile{Name: "a", Fingerprint: "abcd"}, err: ErrInvalidProfile},
		{name: "negative failures", in: Profile{Name: "a", FailedLogins: -1}, err: ErrInvalidProfile},
		{name: "bad name", in: Profile{Name: ""}, err: ErrInvalidName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := normalize(tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("normalize error = %v, want %v", err, tt.err)
			}
			if tt.err == nil && !same(got, tt.want) {
				t.Errorf("normalize = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// splitPairs cuts s into two-character pieces, as certificate viewers show
// fingerprints.
func splitPairs(s string) []string {
	var out []string
	for i := 0; i < len(s); i += 2 {
		out = append(out, s[i:i+2])
	}
	return out
}
