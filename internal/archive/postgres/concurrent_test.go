package postgres

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/internal/archive"
)

// A committer is one of the concurrent commits: an overlapping window of the same PBX.
type committer struct{ from, to time.Time }

// TestConcurrentCommits commits overlapping windows of one PBX into one database at
// once, from two stores of this process (two pools) and two other processes: each
// has its rows on the server (staged) before any goes on, so all insert together. The
// archive then holds every row once and the coverage of all four.
func TestConcurrentCommits(t *testing.T) {
	s, dsn := newStore(t)
	sim := pbxsim.New(pbxsim.Options{})
	// The PBX is already in the archive, as on every sync but the first (the insert
	// of a new PBX would make the others wait for the whole transaction).
	before := commitWindow(t, s, sim, day(3, 1), day(3, 2))
	in := []committer{{day(1, 1), day(1, 10)}, {day(1, 5), day(1, 15)}}
	out := []committer{{day(1, 8), day(1, 20)}, {day(1, 25), day(1, 30)}}

	var staged sync.WaitGroup // every committer has staged its rows
	staged.Add(len(in) + len(out))
	release := make(chan struct{})
	results := make(chan string, len(in)+len(out))

	for _, c := range in {
		other, err := Open(context.Background(), dsn) // a pool of its own
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		var once sync.Once // a commit that fails before staging must not hold up the others
		other.step = func(name string) {
			if name == "staged" {
				once.Do(staged.Done)
				<-release
			}
		}
		tb := pbxTable(t, sim, nil, c.from, c.to)
		go func() {
			added, err := other.Commit(context.Background(), archive.Batch{
				PBX: testPBX, Table: tb, Covers: &archive.Range{From: c.from, To: c.to}, At: c.to,
			})
			once.Do(staged.Done)
			results <- resultLine(added, err)
		}()
	}
	for _, c := range out {
		cmd := exec.Command(os.Args[0]) // TestMain runs commitChild
		cmd.Env = append(os.Environ(), childDSN+"="+dsn,
			childRange+"="+c.from.Format(time.DateTime)+"/"+c.to.Format(time.DateTime))
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() {
			// The child says "staged", waits for "go", then says its result.
			var once sync.Once // a child that fails before staging must not hold up the others
			lines := bufio.NewScanner(stdout)
			result := "error no result from the child process"
			for lines.Scan() {
				switch line := lines.Text(); {
				case line == "staged":
					once.Do(staged.Done)
					<-release
					io.WriteString(stdin, "go\n")
				case strings.HasPrefix(line, "added ") || strings.HasPrefix(line, "error "):
					result = line
				}
			}
			once.Do(staged.Done)
			if err := cmd.Wait(); err != nil && !strings.HasPrefix(result, "error ") {
				result = "error the child process: " + err.Error()
			}
			results <- result
		}()
	}
	staged.Wait()
	close(release)

	total := 0
	for range len(in) + len(out) {
		line := <-results
		n, err := strconv.Atoi(strings.TrimPrefix(line, "added "))
		if err != nil {
			t.Errorf("a commit failed: %s", line)
			continue
		}
		total += n
	}
	wantRows := rowCount(pbxCSV(t, sim, nil, day(1, 1), day(1, 20))) + rowCount(pbxCSV(t, sim, nil, day(1, 25), day(1, 30)))
	if total != wantRows {
		t.Errorf("the commits added %d rows together, the PBX has %d", total, wantRows)
	}
	wantRows += before
	h := holding(t, s, testPBX.Key)
	if h.Records != wantRows {
		t.Errorf("the archive holds %d records, want %d", h.Records, wantRows)
	}
	wantCoverage := []archive.Range{{From: day(1, 1), To: day(1, 20)}, {From: day(1, 25), To: day(1, 30)}, {From: day(3, 1), To: day(3, 2)}}
	if !slices.EqualFunc(h.Coverage, wantCoverage, sameRange) {
		t.Errorf("coverage %v, want %v", h.Coverage, wantCoverage)
	}
	for _, r := range wantCoverage {
		want := pbxCSV(t, sim, nil, r.From, r.To)
		if got, _ := archiveCSV(t, s, testPBX.Key, r.From, r.To, nil); !bytes.Equal(got, want) {
			t.Errorf("%v: %s", r, firstDiff(got, want))
		}
	}
}

func resultLine(added int, err error) string {
	if err != nil {
		return "error " + err.Error()
	}
	return fmt.Sprintf("added %d", added)
}

// The child process's settings.
const (
	childDSN   = "CDRDESK_PGTEST_CHILD_DSN"
	childRange = "CDRDESK_PGTEST_CHILD_RANGE"
)

// commitChild is the other process of TestConcurrentCommits (TestMain runs it when
// childDSN is set): it commits its window, saying "staged" and waiting for "go" on
// stdin before it goes on, and then says what it added.
func commitChild() {
	r := archive.Range{}
	from, to, _ := strings.Cut(os.Getenv(childRange), "/")
	r.From, _ = time.Parse(time.DateTime, from)
	r.To, _ = time.Parse(time.DateTime, to)
	var csv bytes.Buffer
	if err := pbxsim.New(pbxsim.Options{}).WriteCSV(&csv, nil, r.From, r.To); err != nil {
		fmt.Println(resultLine(0, err))
		return
	}
	tb := cdrclient.NewTable()
	tb.Write(csv.Bytes())
	if err := tb.Close(); err != nil {
		fmt.Println(resultLine(0, err))
		return
	}
	s, err := Open(context.Background(), os.Getenv(childDSN))
	if err != nil {
		fmt.Println(resultLine(0, err))
		return
	}
	defer s.Close()
	stdin := bufio.NewScanner(os.Stdin)
	s.step = func(name string) {
		if name == "staged" {
			fmt.Println("staged")
			stdin.Scan()
		}
	}
	added, err := s.Commit(context.Background(), archive.Batch{PBX: testPBX, Table: tb, Covers: &r, At: r.To})
	fmt.Println(resultLine(added, err))
}
