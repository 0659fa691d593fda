package gui

import (
	"context"
	"os"
	"sync"

	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/place"
)

// prefArchive is the archive's location chosen in Settings: a file or a postgres://
// connection string; empty: Options.DefaultArchive. Being a preference, a connection
// string with a password would be kept in a plain file, so the settings keep the
// password in the keyring instead (never here).
const prefArchive = "archive.location"

// prefSyncOnConnect says whether connecting to a PBX brings its archive up to date
// (default true; set in Settings).
const prefSyncOnConnect = "archive.syncOnConnect"

// prefKeepYears is how many years of records the archive keeps; 0 (the default) keeps
// them forever (set in Settings).
const prefKeepYears = "archive.keepYears"

// archiveBox is the window's archive (design §6). It is opened at its first use, from
// a background goroutine (opening checks the file), and stays open until the window
// closes or another location is chosen.
type archiveBox struct {
	open func(ctx context.Context, location string) (archive.Store, error)
	// fallback is the location when none is chosen (Options.DefaultArchive).
	fallback string

	// password returns the keyring's password of a PostgreSQL archive kept without it
	// in the preferences ("" for none); opened, when set, runs on each store just
	// opened, before anyone uses it (the retention setting: archiveretention.go).
	password func(location string) string
	opened   func(ctx context.Context, s archive.Store)

	mu    sync.Mutex // held while the store opens: one opening at a time
	store archive.Store
	// location is as chosen in Settings ("" = fallback), under its own lock: where, on
	// the UI goroutine, must not wait for an opening (a PostgreSQL server that does
	// not answer takes seconds).
	locMu    sync.Mutex
	location string

	// turn is held by the one sync running, an Update or a Get records: the person
	// sees one progress at a time, and two commits never fight over the store.
	turn chan struct{}
}

func newArchiveBox(opts Options, chosen string) *archiveBox {
	b := &archiveBox{open: opts.OpenArchive, fallback: opts.DefaultArchive, location: chosen, turn: make(chan struct{}, 1)}
	if b.open == nil {
		b.open = place.Open
	}
	b.password = func(location string) string {
		if opts.Store == nil || !place.IsPostgres(location) {
			return ""
		}
		pw, _ := opts.Store.ArchivePassword(location) // none: the server may not need one
		return pw
	}
	return b
}

// openAt opens the store at loc, with its password from the keyring when loc has none
// (a connection string typed with one is opened as typed), and runs opened.
func (b *archiveBox) openAt(ctx context.Context, loc string) (archive.Store, error) {
	if _, typed := place.SplitPassword(loc); typed == "" {
		loc = place.WithPassword(loc, b.password(loc))
	}
	s, err := b.open(ctx, loc)
	if err != nil {
		return nil, err
	}
	if b.opened != nil {
		b.opened(ctx, s)
	}
	return s, nil
}

// where is the location of the archive in use: the chosen one, else the fallback,
// else CDRDESK_ARCHIVE, else archive.db in the user's data folder.
func (b *archiveBox) where() (string, error) {
	return b.resolve(b.chosen())
}

// chosen is the location as chosen in Settings ("" = fallback).
func (b *archiveBox) chosen() string {
	b.locMu.Lock()
	defer b.locMu.Unlock()
	return b.location
}

func (b *archiveBox) resolve(loc string) (string, error) {
	if loc == "" {
		loc = b.fallback
	}
	return place.Choose(loc, os.Getenv)
}

// get returns the open store, opening it on first use; an archive that cannot be
// opened is tried again at the next use. Never call it on the UI goroutine.
func (b *archiveBox) get(ctx context.Context) (archive.Store, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.store != nil {
		return b.store, nil
	}
	loc, err := b.resolve(b.chosen())
	if err != nil {
		return nil, &archive.OpenError{Location: "", Err: err}
	}
	s, err := b.openAt(ctx, loc)
	if err != nil {
		return nil, err
	}
	b.store = s
	return s, nil
}

// move makes the archive at location (chosen in Settings; "" = the default) the one in
// use: it is opened first, and only once it opened is the old one closed, so a
// mistyped location leaves the archive as it was. Never call it on the UI goroutine.
func (b *archiveBox) move(ctx context.Context, location string) error {
	loc, err := b.resolve(location)
	if err != nil {
		return &archive.OpenError{Location: location, Err: err}
	}
	s, err := b.openAt(ctx, loc)
	if err != nil {
		return err
	}
	b.mu.Lock()
	old := b.store
	b.store = s
	b.locMu.Lock()
	b.location = location
	b.locMu.Unlock()
	b.mu.Unlock()
	if old != nil {
		return old.Close()
	}
	return nil
}

// close closes the store, if open.
func (b *archiveBox) close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.store == nil {
		return nil
	}
	err := b.store.Close()
	b.store = nil
	return err
}

// take waits until no other sync runs (or ctx ends) and returns the release of the
// turn; waiting, when not nil, is told first if it must wait. Never call it on the UI
// goroutine.
func (b *archiveBox) take(ctx context.Context, waiting func()) (release func(), err error) {
	select {
	case b.turn <- struct{}{}:
		return func() { <-b.turn }, nil
	default:
	}
	if waiting != nil {
		waiting()
	}
	select {
	case b.turn <- struct{}{}:
		return func() { <-b.turn }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
