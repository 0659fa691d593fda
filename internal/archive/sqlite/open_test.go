package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"cdrdesk/internal/archive"
)

// makeFile writes a file for Open to refuse or take; it returns its path.
type makeFile func(t *testing.T, path string)

func writeBytes(b []byte) makeFile {
	return func(t *testing.T, path string) {
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// sqliteFile makes an SQLite file with the driver alone, by the statements given.
func sqliteFile(stmts ...string) makeFile {
	return func(t *testing.T, path string) {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, s := range stmts {
			if _, err := db.Exec(s); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// archiveFile makes an archive of this version holding some records, then changes it
// by change (nil: none).
func archiveFile(change func(t *testing.T, path string)) makeFile {
	return func(t *testing.T, path string) {
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		p := testPBX()
		if _, err := s.Commit(context.Background(), p.window(t, testFrom, testTo)); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil { // the last connection moves the WAL into the file
			t.Fatal(err)
		}
		if change != nil {
			change(t, path)
		}
	}
}

// scribble overwrites the file's pages after the first with a pattern, as a disk or a
// copy cut short can leave them.
func scribble(t *testing.T, path string) { scribbleFrom(t, path, 1) }

// scribbleTail damages only the last pages (records, not the schema): opening and
// reading the marks still works; only checking the structure finds it.
func scribbleTail(t *testing.T, path string) { scribbleFrom(t, path, -2) }

// scribbleFrom overwrites every 7th byte from page first (negative: from the end).
func scribbleFrom(t *testing.T, path string, first int) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 4*pageSize {
		t.Fatalf("the archive has %d bytes, too few to damage", len(b))
	}
	start := first * pageSize
	if first < 0 {
		start = len(b) + first*pageSize
	}
	for i := start; i < len(b); i += 7 {
		b[i] = 0xA5
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefuses(t *testing.T) {
	newer := func(t *testing.T, path string) {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		name    string
		make    makeFile
		foreign bool
		newer   bool
	}{
		{"text file", writeBytes([]byte("callid,timestart\r\n1,2\r\n")), false, false},
		{"short file", writeBytes([]byte("SQLite f")), false, false},
		{"zeroes", writeBytes(make([]byte, 8192)), false, false},
		{"sqlite header then garbage", writeBytes(append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0xEE}, 8192)...)), false, false},
		{"another program's database", sqliteFile("CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('张伟')"), true, false},
		{"another application id", sqliteFile("PRAGMA application_id = 1234"), true, false},
		{"damaged archive", archiveFile(scribble), false, false},
		{"damaged records", archiveFile(scribbleTail), false, false},
		{"newer archive", archiveFile(newer), false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "archive.db")
			tt.make(t, path)
			before := dirBytes(t, dir)
			s, err := Open(context.Background(), path)
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			t.Log(err)
			var damaged *archive.DamagedError
			var newer *archive.NewerError
			switch {
			case tt.newer:
				if !errors.As(err, &newer) || newer.Version != 99 || newer.Newest != schemaVersion || newer.Location != path {
					t.Errorf("got %T %v, want a NewerError of version 99", err, err)
				}
			case !errors.As(err, &damaged):
				t.Errorf("got %T %v, want a DamagedError", err, err)
			case damaged.Foreign != tt.foreign || damaged.Location != path:
				t.Errorf("got %+v, want Foreign %v at %s", damaged, tt.foreign, path)
			}
			if after := dirBytes(t, dir); !equalFiles(before, after) {
				t.Errorf("the refused file or its folder changed: %v → %v", names(before), names(after))
			}
		})
	}
}

// dirBytes reads every file of dir.
func dirBytes(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string][]byte)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

func equalFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !bytes.Equal(v, w) {
			return false
		}
	}
	return true
}

// names lists the files with their sizes.
func names(m map[string][]byte) []string {
	var out []string
	for k, v := range m {
		out = append(out, fmt.Sprintf("%s (%d bytes)", k, len(v)))
	}
	return out
}

func TestOpenCreates(t *testing.T) {
	for _, tt := range []struct {
		name string
		make makeFile
	}{
		{"no file", func(*testing.T, string) {}},
		{"empty file", writeBytes(nil)},
		{"empty database", sqliteFile("PRAGMA user_version = 0")},
		{"archive of this version", archiveFile(nil)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "archive.db")
			tt.make(t, path)
			s, err := Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var id, version int
			var mode string
			if err := s.db.QueryRow("SELECT * FROM pragma_application_id, pragma_user_version, pragma_journal_mode").Scan(&id, &version, &mode); err != nil {
				t.Fatal(err)
			}
			if id != applicationID || version != schemaVersion || mode != "wal" {
				t.Errorf("application_id %#x, user_version %d, journal %s", id, version, mode)
			}
			if _, err := s.Holdings(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestOpenCannot: a file that cannot be made (its folder is missing) is an OpenError,
// and nothing is created.
func TestOpenCannot(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "missing", "archive.db")
	s, err := Open(context.Background(), path)
	var open *archive.OpenError
	if !errors.As(err, &open) || open.Location != path {
		if s != nil {
			s.Close()
		}
		t.Fatalf("got %T %v, want an OpenError", err, err)
	}
	if got := dirBytes(t, dir); len(got) != 0 {
		t.Errorf("left %v", names(got))
	}
}

// flipBlockByte changes one byte inside the first block's compressed rows, on disk:
// damage SQLite's own checks cannot see (a blob's content is not checked by them).
func flipBlockByte(t *testing.T, path string) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var data []byte
	err = db.QueryRow("SELECT data FROM block ORDER BY day LIMIT 1").Scan(&data)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The first bytes of the blob lie together on its first page.
	i := bytes.Index(b, data[:min(len(data), 256)])
	if i < 0 || bytes.Index(b[i+1:], data[:min(len(data), 256)]) >= 0 {
		t.Fatalf("the block's bytes are not found once in the file")
	}
	b[i+200] ^= 0x04
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedBlock: a block whose bytes changed on disk is found when it is read or
// before anything is written. Open does not read the blocks (that would read the
// whole file at each open); reading the damaged day is an *archive.DamagedError, and
// so is the first commit, even of other days, before it writes anything: the file
// stays as it was.
func TestDamagedBlock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "archive.db")
	archiveFile(flipBlockByte)(t, path)
	before := dirBytes(t, dir)
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	p := testPBX()
	var damaged *archive.DamagedError
	n, err := s.WriteCSV(context.Background(), io.Discard, p.Key, archive.Range{From: testFrom, To: testTo}, nil)
	if !errors.As(err, &damaged) || damaged.Location != path || damaged.Foreign {
		t.Errorf("read %d records, %T %v; want a DamagedError", n, err, err)
	}
	later := testTo.AddDate(0, 1, 0)
	added, err := s.Commit(context.Background(), p.window(t, later, later.AddDate(0, 0, 1)))
	if !errors.As(err, &damaged) || damaged.Location != path {
		t.Errorf("a commit of other days added %d records, %T %v; want a DamagedError", added, err, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if after := dirBytes(t, dir); !equalFiles(before, after) {
		t.Errorf("the damaged file or its folder changed: %v → %v", names(before), names(after))
	}
}

// A path the driver would read as options is refused, and no file is made for it.
func TestOpenRefusesPathsTheDriverWouldMisread(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, path := range []string{"", "archive?.db", filepath.Join(dir, "a?b.db")} {
		s, err := Open(context.Background(), path)
		var oe *archive.OpenError
		if !errors.As(err, &oe) {
			if s != nil {
				s.Close()
			}
			t.Errorf("Open(%q) = %v, want an *archive.OpenError", path, err)
		}
	}
	if names, _ := os.ReadDir(dir); len(names) != 0 {
		t.Errorf("files made: %v", names)
	}
}
