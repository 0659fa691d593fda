package gui

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"cdrdesk/internal/archive"
)

// The window's archive opens at its first use, and a location that cannot be opened
// leaves the archive in use as it was.
func TestArchiveBoxMovesOnlyOnceTheNewOneOpened(t *testing.T) {
	ctx := context.Background()
	first := filepath.Join(t.TempDir(), "archive.db")
	var opened []string
	b := newArchiveBox(Options{DefaultArchive: first}, "")
	inner := b.open
	b.open = func(ctx context.Context, loc string) (archive.Store, error) {
		opened = append(opened, loc)
		return inner(ctx, loc)
	}
	if len(opened) != 0 {
		t.Fatal("opened before its first use")
	}
	s1, err := b.get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := b.get(ctx); again != s1 || len(opened) != 1 || opened[0] != first {
		t.Fatalf("second use opened again: %v", opened)
	}

	missing := filepath.Join(t.TempDir(), "no such folder", "archive.db")
	err = b.move(ctx, missing)
	var oe *archive.OpenError
	if !errors.As(err, &oe) {
		t.Fatalf("move to %s: %v, want an *archive.OpenError", missing, err)
	}
	if s, _ := b.get(ctx); s != s1 {
		t.Fatal("a failed move changed the archive in use")
	}
	if loc, _ := b.where(); loc != first {
		t.Fatalf("where = %s after a failed move, want %s", loc, first)
	}

	second := filepath.Join(t.TempDir(), "other.db")
	if err := b.move(ctx, second); err != nil {
		t.Fatal(err)
	}
	if s, _ := b.get(ctx); s == s1 {
		t.Fatal("move kept the old archive")
	}
	if _, err := s1.Holdings(ctx); err == nil {
		t.Fatal("the old archive was left open")
	}
	if loc, _ := b.where(); loc != second {
		t.Fatalf("where = %s, want %s", loc, second)
	}
	if err := b.close(); err != nil {
		t.Fatal(err)
	}
}

// TestArchiveBoxWhereWhileOpening: the location in use is told (on the UI goroutine,
// for the Archive dialog) while the archive is still opening, a PostgreSQL server
// that takes its time: where does not wait for the opening.
func TestArchiveBoxWhereWhileOpening(t *testing.T) {
	loc := filepath.Join(t.TempDir(), "archive.db")
	b := newArchiveBox(Options{DefaultArchive: loc}, "")
	opening, finish := make(chan struct{}), make(chan struct{})
	inner := b.open
	b.open = func(ctx context.Context, l string) (archive.Store, error) {
		close(opening)
		<-finish
		return inner(ctx, l)
	}
	got := make(chan error, 1)
	go func() {
		s, err := b.get(context.Background())
		if err == nil {
			err = s.Close()
		}
		got <- err
	}()
	<-opening
	told := make(chan string, 1)
	go func() {
		w, _ := b.where()
		told <- w
	}()
	select {
	case w := <-told:
		if w != loc {
			t.Errorf("where = %s, want %s", w, loc)
		}
	case <-time.After(30 * time.Second):
		t.Error("where waited for the archive to open")
	}
	close(finish)
	if err := <-got; err != nil {
		t.Fatal(err)
	}
}
