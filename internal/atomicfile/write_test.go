package atomicfile

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// writeString returns an fn that writes s.
func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// dirNames lists dir, so tests can prove no temporary file was left.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWrite(t *testing.T) {
	errBoom := errors.New("boom")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()

	tests := []struct {
		name      string
		ctx       context.Context
		existing  string // content of a file already at the path; "" = none
		overwrite bool
		fn        func(io.Writer) error
		wantErr   func(error) bool
		want      string // content afterwards; "" = no file
	}{
		{
			name: "new file",
			fn:   writeString("a,b\n1,2\n"),
			want: "a,b\n1,2\n",
		},
		{
			name: "empty file",
			fn:   writeString(""),
			want: "",
		},
		{
			name:     "fn error leaves no file",
			fn:       func(io.Writer) error { return errBoom },
			wantErr:  func(err error) bool { return errors.Is(err, errBoom) },
			existing: "",
		},
		{
			name: "fn error after writing leaves no file",
			fn: func(w io.Writer) error {
				io.WriteString(w, strings.Repeat("x", 3*bufferSize))
				return errBoom
			},
			wantErr: func(err error) bool { return errors.Is(err, errBoom) },
		},
		{
			name:      "fn error keeps old file",
			existing:  "old",
			overwrite: true,
			fn:        func(io.Writer) error { return errBoom },
			wantErr:   func(err error) bool { return errors.Is(err, errBoom) },
			want:      "old",
		},
		{
			name:     "existing file not replaced",
			existing: "old",
			fn:       writeString("new"),
			wantErr:  isExistsError,
			want:     "old",
		},
		{
			name:      "existing file replaced with overwrite",
			existing:  "old content that is longer",
			overwrite: true,
			fn:        writeString("new"),
			want:      "new",
		},
		{
			name:      "cancelled before start",
			ctx:       cancelled,
			existing:  "old",
			overwrite: true,
			fn:        writeString("new"),
			wantErr:   func(err error) bool { return errors.Is(err, context.Canceled) },
			want:      "old",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.csv")
			if tt.existing != "" {
				if err := os.WriteFile(path, []byte(tt.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			err := Write(ctx, path, tt.overwrite, tt.fn)
			if tt.wantErr == nil && err != nil {
				t.Fatalf("Write: %v", err)
			}
			if tt.wantErr != nil && !tt.wantErr(err) {
				t.Fatalf("Write error = %v, not the expected kind", err)
			}
			wantFile := tt.want != "" || (tt.wantErr == nil)
			got, readErr := os.ReadFile(path)
			switch {
			case wantFile && readErr != nil:
				t.Fatalf("reading result: %v", readErr)
			case wantFile && string(got) != tt.want:
				t.Errorf("content = %q, want %q", got, tt.want)
			case !wantFile && !errors.Is(readErr, fs.ErrNotExist):
				t.Errorf("file exists after failure (err %v)", readErr)
			}
			assertOnly(t, dir, wantFile, "report.csv")
		})
	}
}

// assertOnly checks that dir holds exactly name (or nothing): no temporary
// file survives.
func assertOnly(t *testing.T, dir string, present bool, name string) {
	t.Helper()
	var want []string
	if present {
		want = []string{name}
	}
	if got := dirNames(t, dir); !slices.Equal(got, want) {
		t.Errorf("directory holds %q, want %q", got, want)
	}
}

func isExistsError(err error) bool {
	var ee *ExistsError
	return errors.As(err, &ee) && errors.Is(err, fs.ErrExist)
}

func TestWriteFileMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	if err := Write(context.Background(), path, false, writeString("x")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	// 0644 before any umask; a umask can only remove bits.
	if perm := info.Mode().Perm(); perm&^0o644 != 0 || perm&0o600 != 0o600 {
		t.Errorf("mode = %v, want 0644 (less umask)", perm)
	}
}

func TestWriteCancelledWhileWriting(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.csv")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var writeErr error
	err := Write(ctx, path, false, func(w io.Writer) error {
		io.WriteString(w, "first row\n")
		cancel()
		_, writeErr = io.WriteString(w, "second row\n")
		return writeErr
	})
	if !errors.Is(writeErr, context.Canceled) {
		t.Errorf("write after cancel returned %v, want context.Canceled", writeErr)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Write = %v, want context.Canceled", err)
	}
	assertOnly(t, dir, false, "")
}

func TestWriteCancelledAfterFn(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.csv")
	ctx, cancel := context.WithCancel(context.Background())
	err := Write(ctx, path, true, func(w io.Writer) error {
		io.WriteString(w, "all rows\n")
		cancel() // cancelled after the last write: the result is still discarded
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Write = %v, want context.Canceled", err)
	}
	assertOnly(t, dir, false, "")
}

func TestWritePanicLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	func() {
		defer func() {
			if recover() == nil {
				t.Error("panic did not propagate")
			}
		}()
		Write(context.Background(), filepath.Join(dir, "r.csv"), false, func(w io.Writer) error {
			io.WriteString(w, "partial")
			panic("fn failed")
		})
	}()
	assertOnly(t, dir, false, "")
}

func TestWriteUnwritableLocation(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(blocker, []byte("a regular file"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		path   string
		errIs  error // nil: only check for *os.PathError
		called bool
	}{
		{name: "missing directory", path: filepath.Join(dir, "missing", "r.csv"), errIs: fs.ErrNotExist},
		{name: "parent is a file", path: filepath.Join(blocker, "sub.csv")},
		{name: "no file name", path: dir + string(filepath.Separator), errIs: fs.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			called := false
			err := Write(context.Background(), tt.path, true, func(io.Writer) error {
				called = true
				return nil
			})
			var pe *os.PathError
			if !errors.As(err, &pe) {
				t.Fatalf("Write = %v (%T), want an *os.PathError", err, err)
			}
			if pe.Path != tt.path {
				t.Errorf("error names %q, want %q", pe.Path, tt.path)
			}
			if tt.errIs != nil && !errors.Is(err, tt.errIs) {
				t.Errorf("Write = %v, want errors.Is %v", err, tt.errIs)
			}
			if called {
				t.Error("fn ran although the file cannot be created")
			}
			if got := dirNames(t, dir); !slices.Equal(got, []string{"file.txt"}) {
				t.Errorf("directory holds %q", got)
			}
		})
	}
}

func TestWritePermissionDenied(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write into read-only directories; TestWriteUnwritableLocation covers the failure path")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	err := Write(context.Background(), filepath.Join(dir, "r.csv"), false, writeString("x"))
	if !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("Write = %v, want fs.ErrPermission", err)
	}
	assertOnly(t, dir, false, "")
}

func TestWriteRelativePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := Write(context.Background(), "r.csv", false, writeString("x")); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, dir, true, "r.csv")
}

func TestWriteConcurrentWithoutOverwrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.csv")
	const writers = 8
	var (
		wg    sync.WaitGroup
		start = make(chan struct{})
		errs  = make([]error, writers)
	)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = Write(context.Background(), path, false, func(w io.Writer) error {
				// Every writer passes the early existence check before
				// any of them commits, so the race is decided at commit.
				<-start
				_, err := io.WriteString(w, strings.Repeat(string(rune('a'+i)), 1000))
				return err
			})
		}()
	}
	close(start)
	wg.Wait()

	winner := -1
	for i, err := range errs {
		switch {
		case err == nil && winner >= 0:
			t.Fatalf("writers %d and %d both succeeded", winner, i)
		case err == nil:
			winner = i
		case !isExistsError(err):
			t.Errorf("writer %d: %v, want *ExistsError", i, err)
		}
	}
	if winner < 0 {
		t.Fatal("no writer succeeded")
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Repeat(string(rune('a'+winner)), 1000); string(got) != want {
		t.Errorf("file holds %.10q…, want the winner's %.10q…", got, want)
	}
	assertOnly(t, dir, true, "r.csv")
}

func TestClaimAndRenameFallback(t *testing.T) {
	tests := []struct {
		name     string
		existing bool
		wantErr  func(error) bool
	}{
		{name: "free path", wantErr: func(err error) bool { return err == nil }},
		{name: "taken path", existing: true, wantErr: isExistsError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tmp := filepath.Join(dir, ".r.csv.cdrdesk-1.tmp")
			path := filepath.Join(dir, "r.csv")
			os.WriteFile(tmp, []byte("new"), 0o644)
			if tt.existing {
				os.WriteFile(path, []byte("old"), 0o644)
			}
			err := claimAndRename(tmp, path)
			if !tt.wantErr(err) {
				t.Fatalf("claimAndRename = %v", err)
			}
			want := "new"
			if tt.existing {
				want = "old"
			}
			if got, _ := os.ReadFile(path); string(got) != want {
				t.Errorf("content = %q, want %q", got, want)
			}
		})
	}
}

func TestExistsErrorMessage(t *testing.T) {
	e := &ExistsError{Path: "/tmp/r.csv"}
	if got, want := e.Error(), "/tmp/r.csv already exists"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
