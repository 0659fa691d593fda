package callreport

import (
	"strconv"
	"strings"
	"testing"
)

func TestNumberKey(t *testing.T) {
	for _, tc := range []struct{ number, cc, want string }{
		{"+8613812345678", "86", "13812345678"},
		{"008613812345678", "86", "13812345678"},
		{"013812345678", "86", "13812345678"},
		{"13812345678", "86", "13812345678"},
		{"02158889999", "86", "2158889999"},
		{"+862158889999", "86", "2158889999"},
		{"+86 138-1234-5678", "86", "13812345678"},
		{"(010) 6529-1234", "86", "1065291234"},
		{"0086 (21) 5888-9999", "86", "2158889999"},
		{"+4412345678", "86", "+4412345678"},  // another country: kept
		{"004412345678", "86", "04412345678"}, // only one leading 0 goes
		{"+4412345678", "44", "12345678"},
		{"0", "86", ""},
		{"+86", "86", ""},
		{"00", "86", "0"},
		{"", "86", ""},
		{"anonymous", "86", "anonymous"},
		{"086138", "86", "86138"}, // "0" then 86: one 0 removed, not a country code
	} {
		if got := NumberKey(tc.number, tc.cc); got != tc.want {
			t.Errorf("NumberKey(%q, %q) = %q, want %q", tc.number, tc.cc, got, tc.want)
		}
	}
}

// FuzzNumberKey checks NumberKey against the reference's reading of the rule, and that
// the packed form of a comparison form gives back the same digits.
func FuzzNumberKey(f *testing.F) {
	for _, s := range []string{"+8613812345678", "008613812345678", "013812345678", "(010) 6529-1234", "+44 20", "0", "00860", ""} {
		f.Add(s, "86")
	}
	f.Add("+1 415 555 0100", "1")
	f.Fuzz(func(t *testing.T, number, cc string) {
		if !validCountryCode(cc) {
			return
		}
		got := NumberKey(number, cc)
		if want := refKey(number, cc); got != want {
			t.Fatalf("NumberKey(%q, %q) = %q, reference %q", number, cc, got, want)
		}
		// The fold's reader packs the form without writing it out when it can.
		rr := rowReader{cc: cc}
		wantKey, wantOK := packedOrDict([]byte(got))
		k, ok, form := rr.numberKey([]byte(number))
		if k != wantKey || ok != wantOK {
			t.Fatalf("numberKey(%q, %q) = %x, %v; the packed form of %q is %x, %v", number, cc, k, ok, got, wantKey, wantOK)
		}
		if form != formOther {
			if again := string(form.appendNumber(nil, k, cc)); again != number {
				t.Fatalf("numberKey(%q, %q): form %d writes %q", number, cc, form, again)
			}
		}
		if k, ok := packDigits([]byte(got)); ok {
			if back := string(appendUnpacked(nil, k)); back != got {
				t.Fatalf("packed %q, unpacked %q", got, back)
			}
		}
	})
}

// TestPackedKeysOrderAndDistinguish: leading zeros and lengths make different keys.
func TestPackedKeysDistinguish(t *testing.T) {
	seen := map[uint64]string{}
	for _, s := range []string{"0", "00", "000", "1", "01", "10", "100", "12345678901234567", "02345678901234567", "99999999999999999"} {
		k, ok := packDigits([]byte(s))
		if !ok || k == 0 || k&dictBit != 0 {
			t.Fatalf("packDigits(%q) = %x, %v", s, k, ok)
		}
		if other, dup := seen[k]; dup {
			t.Errorf("%q and %q pack alike", s, other)
		}
		seen[k] = s
	}
	for _, s := range []string{"", "123456789012345678", "12a", "+1", " 1"} {
		if _, ok := packDigits([]byte(s)); ok {
			t.Errorf("packDigits(%q) packed", s)
		}
	}
}

// FuzzDigitsValue compares the word-at-a-time digit reader with strconv on any bytes.
func FuzzDigitsValue(f *testing.F) {
	for _, s := range []string{"0", "9", "12345678", "123456789", "1735663249", "99999999", "00000000", "1234567890123456789", "12345678901234567890",
		"1234567/", "1234567:", "/2345678", ":2345678", "123 5678", "1234\x805678", "12345678\xff", "", "+1", "1e5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := digitsValue([]byte(s))
		want, err := strconv.ParseUint(s, 10, 64)
		wantOK := err == nil && len(s) <= 19 && !strings.ContainsAny(s, "+-_")
		if ok != wantOK || ok && got != want {
			t.Fatalf("digitsValue(%q) = %d, %v; strconv %d, %v", s, got, ok, want, err)
		}
	})
}
