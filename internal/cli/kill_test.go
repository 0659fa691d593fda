package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/profile"
)

// childArgs, in the environment, makes the test binary a cdrdesk process running that
// command line (fields apart by \x1f): the kill tests' real processes.
const childArgs = "CDRDESK_TEST_CHILD_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(childArgs); args != "" {
		env := Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now,
			Profiles: func() (*profile.Store, error) { return nil, fmt.Errorf("no saved connections in this test") },
			Version:  "cdrdesk test child"}
		os.Exit(Run(context.Background(), strings.Split(args, "\x1f"), env))
	}
	// No test reaches the user's own data folder (the default archive), whatever it
	// forgets to choose.
	data, err := os.MkdirTemp("", "cdrdesk-cli-test-data-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_DATA_HOME", data)
	code := m.Run()
	os.RemoveAll(data)
	os.Exit(code)
}

// child is a `cdrdesk` process of this test binary running args.
func child(t *testing.T, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childArgs+"="+strings.Join(args, "\x1f"), "CDRDESK_PASSWORD="+pbxsim.DefaultPassword)
	return cmd
}

// killHarness is a PBX on the real clock (the processes' own) for real processes.
func killHarness(t *testing.T) *harness {
	h := newHarness(t, func(o *pbxsim.Options) { o.Now, o.CallsPerDay = time.Now, 400 })
	return h
}

// TestSyncKilled: `cdrdesk sync` processes killed with SIGKILL at random points (after
// a random number of windows kept, a random moment into the next), then a sync to the
// end: the archive equals the PBX row for row.
func TestSyncKilled(t *testing.T) {
	h := killHarness(t)
	arch := filepath.Join(t.TempDir(), "archive.db")
	since := time.Now().AddDate(0, 0, -70).Format(time.DateOnly)
	args := append([]string{"sync"}, h.conn("--archive", arch, "--since", since)...)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	for run := range 8 {
		cmd := child(t, args...)
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		after := rng.IntN(3) // windows kept by this process before the kill
		sc := bufio.NewScanner(stderr)
		var seen []string
		for kept := 0; kept < after && sc.Scan(); {
			seen = append(seen, sc.Text())
			if strings.HasPrefix(sc.Text(), "synced window") {
				kept++
			}
		}
		// A random point into the next window: its download or its commit.
		time.Sleep(time.Duration(rng.IntN(40)) * time.Millisecond)
		cmd.Process.Kill()
		for sc.Scan() {
			seen = append(seen, sc.Text())
		}
		err = cmd.Wait()
		t.Logf("run %d: killed after %d windows kept: %v; %s", run, after, err, strings.Join(seen, " | "))
	}
	finish := child(t, args...)
	out, err := finish.CombinedOutput()
	if err != nil {
		t.Fatalf("the sync after the kills: %v\n%s", err, out)
	}
	sameAsPBX(t, h, arch, since)
}

// TestTwoSyncProcessesAtOnce: two `cdrdesk sync` processes into one archive file at
// once both succeed (no "database is locked") and keep every row once.
func TestTwoSyncProcessesAtOnce(t *testing.T) {
	h := killHarness(t)
	arch := filepath.Join(t.TempDir(), "archive.db")
	since := time.Now().AddDate(0, 0, -40).Format(time.DateOnly)
	args := append([]string{"sync"}, h.conn("--archive", arch, "--since", since)...)
	var wg sync.WaitGroup
	outs, errs := make([][]byte, 2), make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], errs[i] = child(t, args...).CombinedOutput()
		}()
	}
	wg.Wait()
	for i := range 2 {
		if errs[i] != nil || bytes.Contains(outs[i], []byte("locked")) {
			t.Errorf("sync %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	sameAsPBX(t, h, arch, since)
}

// sameAsPBX fails unless the archive holds one PBX, covered from since (a date) on in
// one range, whose CSV of that range is the PBX's byte for byte.
func sameAsPBX(t *testing.T, h *harness, arch, since string) {
	t.Helper()
	s := openArchive(t, arch)
	hs, err := s.Holdings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	from, _ := time.Parse(time.DateOnly, since)
	if len(hs) != 1 || len(hs[0].Coverage) != 1 || !hs[0].Coverage[0].From.Equal(from) {
		t.Fatalf("holdings %+v, want one PBX covered from %s in one range", hs, since)
	}
	cov := hs[0].Coverage[0]
	var got, want bytes.Buffer
	if _, err := s.WriteCSV(context.Background(), &got, hs[0].PBX.Key, cov, nil); err != nil {
		t.Fatal(err)
	}
	if err := h.sim.WriteCSV(&want, nil, cov.From, cov.To); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("archive %s: %d bytes (%d lines); the PBX serves %d (%d lines)", fmtRange(cov), got.Len(), bytes.Count(got.Bytes(), []byte("\n")), want.Len(), bytes.Count(want.Bytes(), []byte("\n")))
	}
	if hs[0].Records != records(t, want.Bytes()) {
		t.Errorf("%d records held, the PBX has %d", hs[0].Records, records(t, want.Bytes()))
	}
}

func fmtRange(r archive.Range) string {
	return r.From.Format(time.DateTime) + "…" + r.To.Format(time.DateTime)
}
