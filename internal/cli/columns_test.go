package cli

import (
	"strings"
	"testing"
)

func TestWriteColumnsAlignsChinese(t *testing.T) {
	var b strings.Builder
	writeColumns(&b, [][]string{{"NUMBER", "NAME", "STATUS"}, {"1000", "张伟", "Registered"}, {"1008", "Alice Chen", "Idle"}})
	want := "NUMBER  NAME        STATUS\n" +
		"1000    张伟        Registered\n" +
		"1008    Alice Chen  Idle\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
