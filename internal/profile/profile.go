package profile

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Profile is one saved PBX connection. It holds nothing secret.
type Profile struct {
	// Name identifies the profile, for example "总部" or "Branch office".
	Name string `json:"name"`
	// URL is the PBX address, like "https://192.168.1.150:8088".
	URL string `json:"url"`
	// User is the API user name.
	User string `json:"user"`
	// APIVersion is "auto", "v2.0.0", "v1.1.0" or "v0.0.1".
	APIVersion string `json:"apiVersion"`
	// Fingerprint is the SHA-256 of the trusted certificate in lowercase
	// hex; "" until a certificate has been trusted.
	Fingerprint string `json:"fingerprint"`
	// FailedLogins counts consecutive failed logins, to warn before the
	// PBX locks the user out after 5.
	FailedLogins int `json:"failedLogins"`
	// SN is the PBX's serial number (the CSV's sn column) once a sync has seen it:
	// the archive keeps this PBX's records under it; "" until then.
	SN string `json:"sn,omitempty"`
	// Extensions are the PBX's extensions as the last connection listed them, so the
	// window's extension picker works offline (not a secret).
	Extensions []Extension `json:"extensions,omitempty"`
}

// Extension is one of the PBX's extensions as the picker shows it.
type Extension struct {
	Number string `json:"number"`
	Name   string `json:"name,omitempty"`
}

// same reports whether a and b hold the same settings (the extensions make Profile
// not comparable with ==).
func same(a, b Profile) bool { return reflect.DeepEqual(a, b) }

// MaxNameLength is the longest profile name, in characters.
const MaxNameLength = 64

// Errors about profiles; the returned errors wrap them with details.
var (
	// ErrInvalidName: a profile name is empty, too long or holds
	// invisible or control characters.
	ErrInvalidName = errors.New("invalid profile name")
	// ErrInvalidProfile: a field other than the name is malformed.
	ErrInvalidProfile = errors.New("invalid profile")
	// ErrProfileNotFound: no profile has the given name.
	ErrProfileNotFound = errors.New("no such profile")
	// ErrProfileExists: a rename would replace another profile.
	ErrProfileExists = errors.New("a profile with this name already exists")
)

// ValidateName reports whether name can name a profile: 1 to MaxNameLength
// characters of valid UTF-8, without control, format or line-separator
// characters (they could hide or reorder text in lists and file names) and
// without leading or trailing white space (which makes "--profile NAME"
// fail to match for no visible reason).
func ValidateName(name string) error {
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		return fmt.Errorf("%w: the name is empty", ErrInvalidName)
	case n > MaxNameLength:
		return fmt.Errorf("%w: the name is longer than %d characters", ErrInvalidName, MaxNameLength)
	case !utf8.ValidString(name):
		return fmt.Errorf("%w: the name is not valid UTF-8", ErrInvalidName)
	case strings.TrimSpace(name) != name:
		return fmt.Errorf("%w: the name starts or ends with a space", ErrInvalidName)
	}
	for _, r := range name {
		if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp) {
			return fmt.Errorf("%w: the name contains the invisible character %U", ErrInvalidName, r)
		}
	}
	return nil
}

// normalize validates p and returns it in canonical form: an empty API
// version means "auto"; the fingerprint is lowercase hex without
// separators, as certificate viewers often show "AB:CD:…".
func normalize(p Profile) (Profile, error) {
	if err := ValidateName(p.Name); err != nil {
		return p, err
	}
	if p.APIVersion == "" {
		p.APIVersion = "auto"
	}
	if p.FailedLogins < 0 {
		return p, fmt.Errorf("%w %q: negative failed-login count", ErrInvalidProfile, p.Name)
	}
	fp := strings.ToLower(strings.NewReplacer(":", "", " ", "").Replace(p.Fingerprint))
	if fp != "" && !isHex(fp, 64) {
		return p, fmt.Errorf("%w %q: the certificate fingerprint is not a SHA-256 in hex", ErrInvalidProfile, p.Name)
	}
	p.Fingerprint = fp
	return p, nil
}

// isHex reports whether s is exactly n lowercase hex digits.
func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
