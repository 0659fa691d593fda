package postgres

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/postgres/pgtest"
)

// sql runs statements on a connection of its own, as another program would.
func sql(t *testing.T, dsn string, statements ...string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, st := range statements {
		if _, err := conn.Exec(ctx, st); err != nil {
			t.Fatalf("%s: %v", st, err)
		}
	}
}

// tables lists the database's tables with their row counts, to show nothing changed.
func tables(t *testing.T, dsn string) map[string]int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
	if err != nil {
		t.Fatal(err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	counts := make(map[string]int)
	for _, name := range names {
		var n int
		if err := conn.QueryRow(ctx, "SELECT count(*) FROM "+pgx.Identifier{name}.Sanitize()).Scan(&n); err != nil {
			t.Fatal(err)
		}
		counts[name] = n
	}
	return counts
}

func sameTables(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestOpenRefuses opens databases that are not a usable archive: each is refused with
// the right error and left exactly as it was.
func TestOpenRefuses(t *testing.T) {
	tests := []struct {
		name    string
		setup   []string
		foreign bool
		newer   int // the version of a newer archive; 0: not newer
	}{
		{name: "another program's database", foreign: true, setup: []string{
			"CREATE TABLE customers (id serial PRIMARY KEY, name text)",
			"INSERT INTO customers (name) VALUES ('Zhang San'), ('Li Si')",
		}},
		{name: "another program's view only", foreign: true, setup: []string{
			"CREATE SCHEMA crm", "CREATE VIEW crm.today AS SELECT now() AS at",
		}},
		{name: "a version table without a version", setup: []string{
			"CREATE TABLE cdrdesk_schema (version integer NOT NULL)",
			"CREATE TABLE cdrdesk_record (raw bytea)",
			"INSERT INTO cdrdesk_record VALUES ('x')",
		}},
		{name: "a version table of another shape", setup: []string{
			"CREATE TABLE cdrdesk_schema (release text)",
			"INSERT INTO cdrdesk_schema VALUES ('two')",
		}},
		{name: "an archive of a newer cdrdesk", newer: len(migrations) + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dsn := pgtest.Database(t)
			if tt.newer > 0 {
				s, err := Open(context.Background(), dsn)
				if err != nil {
					t.Fatal(err)
				}
				commitWindow(t, s, pbxsim.New(pbxsim.Options{}), day(1, 1), day(1, 2))
				s.Close()
				sql(t, dsn, "UPDATE cdrdesk_schema SET version = version + 1")
			}
			sql(t, dsn, tt.setup...)
			before := tables(t, dsn)
			s, err := Open(context.Background(), dsn)
			if err == nil {
				s.Close()
				t.Fatal("Open accepted it")
			}
			var damaged *archive.DamagedError
			var newer *archive.NewerError
			switch {
			case tt.newer > 0:
				if !errors.As(err, &newer) || newer.Version != tt.newer || newer.Newest != len(migrations) {
					t.Errorf("Open: %v; want a NewerError of version %d", err, tt.newer)
				}
			case !errors.As(err, &damaged) || damaged.Foreign != tt.foreign:
				t.Errorf("Open: %v (%T); want a DamagedError with Foreign %v", err, err, tt.foreign)
			}
			if after := tables(t, dsn); !sameTables(before, after) {
				t.Errorf("Open changed the database: %v, was %v", after, before)
			}
		})
	}
}

// TestReopen opens an archive this version made: its records are all there.
func TestReopen(t *testing.T) {
	sim := pbxsim.New(pbxsim.Options{})
	s, dsn := newStore(t)
	commitWindow(t, s, sim, day(2, 1), day(3, 1).Add(-time.Second))
	before := holding(t, s, testPBX.Key)
	s.Close()
	again, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if h := holding(t, again, testPBX.Key); !sameHolding(h, before) {
		t.Errorf("reopened: %+v, want %+v", h, before)
	}
	want := pbxCSV(t, sim, nil, day(2, 1), day(3, 1))
	if got, _ := archiveCSV(t, again, testPBX.Key, day(2, 1), day(3, 1), nil); !bytes.Equal(got, want) {
		t.Errorf("reopened: %s", firstDiff(got, want))
	}
	if added := commitWindow(t, again, sim, day(2, 1), day(3, 1).Add(-time.Second)); added != 0 {
		t.Errorf("the same month committed to the reopened archive added %d", added)
	}
}

// TestMigrationSteps opens an archive with a later version's steps: a step that works
// brings it one version up with its records kept; a step that fails keeps nothing of
// itself and leaves the version where it was.
func TestMigrationSteps(t *testing.T) {
	sim := pbxsim.New(pbxsim.Options{})
	s, dsn := newStore(t)
	commitWindow(t, s, sim, day(2, 1), day(2, 8))
	before := holding(t, s, testPBX.Key)
	s.Close()

	next := append(migrations[:len(migrations):len(migrations)],
		step{sql: "ALTER TABLE cdrdesk_block ADD COLUMN note text; CREATE INDEX cdrdesk_block_note ON cdrdesk_block (note)"})
	upgraded, err := open(context.Background(), dsn, next)
	if err != nil {
		t.Fatalf("the next version's step: %v", err)
	}
	if h := holding(t, upgraded, testPBX.Key); !sameHolding(h, before) {
		t.Errorf("after the step: %+v, want %+v", h, before)
	}
	upgraded.Close()
	if v := version(t, dsn); v != len(next) {
		t.Errorf("version %d after the step, want %d", v, len(next))
	}

	broken := append(next[:len(next):len(next)], step{sql: "CREATE TABLE cdrdesk_extra (x integer); SELECT 1/0"})
	if s, err := open(context.Background(), dsn, broken); err == nil {
		s.Close()
		t.Fatal("a failing step was accepted")
	}
	if v := version(t, dsn); v != len(next) {
		t.Errorf("version %d after a failed step, want %d", v, len(next))
	}
	if _, ok := tables(t, dsn)["cdrdesk_extra"]; ok {
		t.Error("the failed step's table was kept")
	}
	// This version opens no archive of the next one.
	var newer *archive.NewerError
	if s, err := Open(context.Background(), dsn); !errors.As(err, &newer) {
		if err == nil {
			s.Close()
		}
		t.Errorf("this version opened the next one's archive: %v", err)
	}
}

func version(t *testing.T, dsn string) int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var v int
	if err := conn.QueryRow(ctx, "SELECT version FROM cdrdesk_schema").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestOpenNewDatabaseTogether opens one empty database from several stores at once:
// one makes the schema, the others wait for it and use it.
func TestOpenNewDatabaseTogether(t *testing.T) {
	dsn := pgtest.Database(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			s, err := Open(context.Background(), dsn)
			if err == nil {
				s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("store %d: %v", i, err)
		}
	}
	if v := version(t, dsn); v != len(migrations) {
		t.Errorf("version %d, want %d", v, len(migrations))
	}
}

// TestOpenHidesThePassword fails to open databases given with a password: neither the
// error nor the location shows it.
func TestOpenHidesThePassword(t *testing.T) {
	for _, dsn := range []string{
		"postgres://clerk:s3cret-pw@/cdr?host=/nonexistent/folder",
		"host=/nonexistent/folder user=clerk password=s3cret-pw dbname=cdr",
		"postgres://clerk:s3cret-pw@host:notaport/cdr",
		"postgres://clerk:s3cret-pw@/cdr?host=/nonexistent/folder&sslmode=bogus",
	} {
		s, err := Open(context.Background(), dsn)
		if err == nil {
			s.Close()
			t.Errorf("%s opened", dsn)
			continue
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("the error shows the password: %v", err)
		}
	}
	s, dsn := newStore(t)
	if strings.Contains(s.Location(), "password") || !strings.HasPrefix(s.Location(), "postgres://postgres@/") {
		t.Errorf("Location = %q for %q", s.Location(), dsn)
	}
	cfg := "postgres://clerk:s3cret-pw@db.example:6543/cdr"
	if loc := locationOf(t, cfg); loc != "postgres://clerk@db.example:6543/cdr" {
		t.Errorf("location of %s = %q", cfg, loc)
	}
}

func locationOf(t *testing.T, dsn string) string {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return location(cfg)
}
