package sqlite

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"cdrdesk/internal/archive"
)

// childEnv, when set, makes the test binary a committing process (see
// TestTwoProcessesCommit): "path order", order 0 forwards, 1 backwards.
const childEnv = "CDRDESK_ARCHIVE_TEST_CHILD"

func TestMain(m *testing.M) {
	if v := os.Getenv(childEnv); v != "" {
		if err := commitChild(v); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// The days the processes commit, in windows of a day and a half overlapping by half.
var processDays = 40

func processWindows(backwards bool) []archive.Range {
	var out []archive.Range
	for i := range 2 * processDays {
		from := testFrom.Add(time.Duration(i) * 12 * time.Hour)
		out = append(out, archive.Range{From: from, To: from.Add(36*time.Hour - time.Second)})
	}
	if backwards {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}

// commitChild opens the archive, says "ready", waits for a line on standard input,
// then commits its windows and prints how many rows it added.
func commitChild(arg string) error {
	var path string
	var order int
	if _, err := fmt.Sscan(arg, &path, &order); err != nil {
		return err
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	p := testPBX()
	var batches []archive.Batch
	for _, r := range processWindows(order == 1) {
		batches = append(batches, p.window(failTB{}, r.From, r.To))
	}
	fmt.Println("ready")
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		return err
	}
	added := 0
	for _, b := range batches {
		n, err := s.Commit(ctx, b)
		if err != nil {
			return err
		}
		added += n
	}
	fmt.Println(added)
	return nil
}

// failTB stands for a testing.TB in the child process: a failure ends it.
type failTB struct{ testing.TB }

func (failTB) Fatal(args ...any) { panic(fmt.Sprint(args...)) }

// TestTwoProcessesCommit runs two processes committing overlapping windows of the same
// PBX into one new file at once, one forwards and one backwards: neither fails (no
// "database is locked"), every row is kept once, none is lost.
func TestTwoProcessesCommit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "archive.db")
	type child struct {
		cmd   *exec.Cmd
		in    io.WriteCloser
		out   *bufio.Reader
		errs  bytes.Buffer
		added int
	}
	var children [2]*child
	for i := range children {
		c := &child{cmd: exec.Command(os.Args[0], "-test.run=^$")}
		c.cmd.Env = append(os.Environ(), childEnv+"="+path+" "+strconv.Itoa(i))
		c.cmd.Stderr = &c.errs
		var err error
		if c.in, err = c.cmd.StdinPipe(); err != nil {
			t.Fatal(err)
		}
		out, err := c.cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		c.out = bufio.NewReader(out)
		if err := c.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		children[i] = c
	}
	for _, c := range children {
		if line, err := c.out.ReadString('\n'); line != "ready\n" {
			t.Fatalf("child said %q (%v): %s", line, err, c.errs.String())
		}
	}
	for _, c := range children { // both start committing together
		fmt.Fprintln(c.in, "go")
	}
	total := 0
	for i, c := range children {
		line, _ := c.out.ReadString('\n')
		if err := c.cmd.Wait(); err != nil {
			t.Fatalf("child %d: %v: %s", i, err, c.errs.String())
		}
		if _, err := fmt.Sscan(line, &c.added); err != nil {
			t.Fatalf("child %d said %q", i, line)
		}
		total += c.added
	}
	p := testPBX()
	last := testFrom.Add(time.Duration(2*processDays)*12*time.Hour + 24*time.Hour - time.Second)
	want := p.csv(t, nil, testFrom, last)
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var got bytes.Buffer
	n, err := s.WriteCSV(context.Background(), &got, p.Key, archive.Range{From: testFrom, To: last}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("the archive holds %d records (%d bytes), want the PBX's %d bytes", n, got.Len(), len(want))
	}
	if total != n {
		t.Errorf("the processes added %d + %d rows, the archive holds %d", children[0].added, children[1].added, n)
	}
	t.Logf("added %d and %d", children[0].added, children[1].added)
}
