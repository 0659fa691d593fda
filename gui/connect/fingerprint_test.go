package connect

import (
	"strings"
	"testing"
)

func TestFingerprintText(t *testing.T) {
	fp := "00112233445566778899aabbccddeeff" + "0123456789abcdef0123456789abcdef"
	want := "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:\n01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF"
	for _, in := range []string{fp, strings.ToUpper(fp), fingerprintText(fp)} {
		if got := fingerprintText(in); got != want {
			t.Errorf("fingerprintText(%q) = %q", in, got)
		}
	}
	for _, odd := range []string{"", "abc", strings.Repeat("z", 64)} {
		if got := fingerprintText(odd); got != odd {
			t.Errorf("fingerprintText(%q) = %q, want it unchanged", odd, got)
		}
	}
}
