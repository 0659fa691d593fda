package pgtest

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestKilledBinaryLeavesNoServer starts a copy of this test binary that starts a
// server and is then killed with SIGKILL (no TestMain, no cleanup runs): the watchdog
// must still stop the server and remove its folder.
func TestKilledBinaryLeavesNoServer(t *testing.T) {
	if os.Getenv("PGTEST_CHILD") != "" {
		s, err := theServer()
		if err != nil {
			t.Fatal(err)
		}
		os.Stdout.WriteString("dir " + s.dir + "\n")
		select {} // until killed
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBinaryLeavesNoServer$", "-test.v")
	cmd.Env = append(os.Environ(), "PGTEST_CHILD=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var dir string
	for sc := bufio.NewScanner(out); sc.Scan(); {
		if d, ok := strings.CutPrefix(sc.Text(), "dir "); ok {
			dir = d
			break
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	if dir == "" {
		t.Fatal("the child never started its server")
	}
	// The watchdog is no child of ours: wait for its work to show, with a deadline
	// far beyond its need (it stops the server in well under a second).
	for deadline := time.Now().Add(time.Minute); ; {
		if _, err := os.Stat(dir); os.IsNotExist(err) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("a minute after the kill the server's folder %s is still there", dir)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
