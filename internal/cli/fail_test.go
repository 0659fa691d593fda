package cli

import (
	"bytes"
	"errors"
	"io/fs"
	"strings"
	"testing"

	"cdrdesk/internal/archive"
)

// TestFailArchive: an archive that cannot be used is exit 7 (design §2), with what to
// do and the driver's words for IT.
func TestFailArchive(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want []string
	}{
		{&archive.DamagedError{Location: "/d/archive.db", Err: errors.New("database disk image is malformed (11)")},
			[]string{"cdrdesk: The archive /d/archive.db is damaged.", "never empties it", "Details: the archive /d/archive.db is damaged: database disk image is malformed (11)"}},
		{&archive.DamagedError{Location: "/d/contacts.db", Foreign: true},
			[]string{"cdrdesk: /d/contacts.db is not a cdrdesk archive.", "--archive"}},
		{&archive.NewerError{Location: "/d/archive.db", Version: 2, Newest: 1},
			[]string{"newer version of cdrdesk", "schema 2; this one knows up to 1"}},
		{&archive.OpenError{Location: "/d/archive.db", Err: &fs.PathError{Op: "open", Path: "/d/archive.db", Err: fs.ErrPermission}},
			[]string{"could not be opened", "permission denied"}},
	} {
		var out bytes.Buffer
		if code := fail(&out, tt.err); code != ExitArchive || ExitArchive != 7 {
			t.Errorf("%v: exit %d, want 7", tt.err, code)
		}
		for _, w := range tt.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%v: stderr %q lacks %q", tt.err, out.String(), w)
			}
		}
	}
}
