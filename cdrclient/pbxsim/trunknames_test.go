package pbxsim

import (
	"strings"
	"testing"
)

// TestTrunkNames: a renamed trunk is written under its new name, in the CSV's
// encoding; with GBK, 太原 gives bytes that are valid UTF-8 too.
func TestTrunkNames(t *testing.T) {
	const start, end = "2024-03-01 00:00:00", "2024-03-03 23:59:59"
	for _, tt := range []struct {
		gbk  bool
		want string
	}{
		{false, ",太原,"},
		{true, ",\xcc\xab\xd4\xad,"},
	} {
		s := New(Options{GBK: tt.gbk, TrunkNames: map[string]string{"MEO": "太原", "Unicom, Beijing": "联通,北京"}})
		csv := expectedCSV(t, s, nil, start, end)
		if !strings.Contains(csv, tt.want) || strings.Contains(csv, ",MEO,") || strings.Contains(csv, "Unicom") {
			t.Errorf("GBK %v: renamed trunks missing or old names left", tt.gbk)
		}
	}
	if names := TrunkNames(); len(names) != len(trunks) || names[len(names)-1] != "MEO" {
		t.Errorf("TrunkNames() = %q", names)
	}
}
