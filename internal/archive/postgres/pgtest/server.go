package pgtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The one server of this test binary.
var (
	mu      sync.Mutex
	running *server
	failed  error // why the server could not start: later calls fail at once
)

// server is a started cluster and the watchdog that ends it.
type server struct {
	dir      string         // the temporary folder: data/, the socket, the log
	bin      string         // the folder of initdb, pg_ctl and postgres
	asUser   string         // the user the server runs as ("" = this process's)
	watchdog *exec.Cmd      // stops the server when stdin closes
	guard    io.WriteCloser // the watchdog's stdin, held until Stop
	took     time.Duration  // how long initdb and the start took
}

// Start returns the connection string of the test binary's server (its "postgres"
// database, as the superuser "postgres", no password), starting the server on the
// first call. It fails the test, rather than skipping it, when PostgreSQL is not
// installed: the archive's tests are not optional.
func Start(t testing.TB) string {
	t.Helper()
	s, err := theServer()
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	return s.dsn("postgres")
}

// theServer returns the running server, starting it if there is none.
func theServer() (*server, error) {
	mu.Lock()
	defer mu.Unlock()
	if running == nil && failed == nil {
		running, failed = start()
	}
	return running, failed
}

// Stop stops the server, if one was started, and removes its folder; it waits until
// both are done. Call it from TestMain after m.Run. A later Start starts a new server.
func Stop() {
	mu.Lock()
	defer mu.Unlock()
	if running == nil {
		return
	}
	running.end()
	running = nil
}

// end has the watchdog stop the server and remove the folder, and waits for it.
func (s *server) end() {
	s.guard.Close()
	s.watchdog.Wait()
}

// Took returns how long the server took to make and start (initdb and pg_ctl start);
// zero before Start.
func Took() time.Duration {
	mu.Lock()
	defer mu.Unlock()
	if running == nil {
		return 0
	}
	return running.took
}

// Database returns the connection string of a new, empty database on the server,
// dropped when t ends, so every test starts from nothing without a server of its own.
func Database(t testing.TB) string {
	t.Helper()
	s, name := newDatabase(t)
	admin := s.dsn("postgres")
	t.Cleanup(func() {
		if err := exec1(context.Background(), admin, "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("pgtest: drop database: %v", err)
		}
	})
	return s.dsn(name)
}

// KeptDatabase is Database for data several tests or benchmarks share (a large
// archive made once): the database is kept until the server stops.
func KeptDatabase(t testing.TB) string {
	t.Helper()
	s, name := newDatabase(t)
	return s.dsn(name)
}

// newDatabase creates a database on the server and returns the server and the
// database's name.
func newDatabase(t testing.TB) (*server, string) {
	t.Helper()
	s, err := theServer()
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	name := fmt.Sprintf("t%d", nextDatabase())
	if err := exec1(context.Background(), s.dsn("postgres"), "CREATE DATABASE "+name); err != nil {
		t.Fatalf("pgtest: create database: %v", err)
	}
	return s, name
}

var (
	databases   int
	databasesMu sync.Mutex
)

func nextDatabase() int {
	databasesMu.Lock()
	defer databasesMu.Unlock()
	databases++
	return databases
}

// dsn is the connection string of database name: the socket folder as host.
func (s *server) dsn(name string) string {
	return "host=" + s.dir + " port=5432 user=postgres dbname=" + name + " sslmode=disable"
}

// start makes a cluster in a new temporary folder and starts it.
func start() (*server, error) {
	began := time.Now()
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	s := &server{bin: bin}
	if os.Geteuid() == 0 {
		// PostgreSQL refuses to run as root; CI runs the tests as root.
		if _, err := user.Lookup("postgres"); err != nil {
			return nil, errors.New("the tests run as root but there is no postgres user: install the postgresql package (make test does)")
		}
		s.asUser = "postgres"
	}
	if s.dir, err = os.MkdirTemp("", "cdrdesk-pgtest-"); err != nil {
		return nil, err
	}
	if s.asUser != "" {
		if err := chownTo(s.dir, s.asUser); err != nil {
			os.RemoveAll(s.dir)
			return nil, err
		}
	}
	if err := s.startWatchdog(); err != nil {
		os.RemoveAll(s.dir)
		return nil, err
	}
	// From here on the watchdog removes the folder, whatever happens.
	if err := s.initdb(); err != nil {
		s.end()
		return nil, err
	}
	if err := s.run("pg_ctl", "-D", s.data(), "-l", filepath.Join(s.dir, "server.log"), "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(s.dir, "server.log"))
		s.end()
		return nil, fmt.Errorf("pg_ctl start: %w\n%s", err, log)
	}
	s.took = time.Since(began)
	return s, nil
}

func (s *server) data() string { return filepath.Join(s.dir, "data") }

// initdb makes the cluster and the settings of a server only these tests use: the
// socket in the folder, no TCP, no fsync (a crash loses nothing the tests keep).
func (s *server) initdb() error {
	if err := s.run("initdb", "-D", s.data(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		return fmt.Errorf("initdb: %w", err)
	}
	conf, err := os.OpenFile(filepath.Join(s.data(), "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(conf, "\n# pgtest\nlisten_addresses = ''\nunix_socket_directories = '%s'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 100\n", s.dir)
	if cerr := conf.Close(); err == nil {
		err = cerr
	}
	return err
}

// startWatchdog starts the shell that stops the server and removes the folder once
// its stdin closes: at Stop, or when this process ends in any way. It is in a process
// group of its own, so a Ctrl+C meant for the tests does not kill it first.
func (s *server) startWatchdog() error {
	stop := s.command("pg_ctl", "-D", s.data(), "-m", "immediate", "-w", "stop")
	// $1 is the folder, the rest the stop command.
	script := `dir=$1; shift; cat >/dev/null; if [ -f "$dir/data/postmaster.pid" ]; then "$@" >/dev/null 2>&1; fi; rm -rf "$dir"`
	cmd := exec.Command("/bin/sh", append([]string{"-c", script, "watchdog", s.dir}, stop...)...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	guard, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	s.watchdog, s.guard = cmd, guard
	return nil
}

// command is the argv that runs one of PostgreSQL's programs as the server's user.
func (s *server) command(name string, args ...string) []string {
	argv := append([]string{filepath.Join(s.bin, name)}, args...)
	if s.asUser != "" {
		argv = append([]string{"runuser", "-u", s.asUser, "--"}, argv...)
	}
	return argv
}

// run runs one of PostgreSQL's programs. Its output goes to a file, not a pipe: the
// server pg_ctl starts keeps the output open, and a pipe would never end.
func (s *server) run(name string, args ...string) error {
	out, err := os.CreateTemp(s.dir, name+"-*.log")
	if err != nil {
		return err
	}
	defer out.Close()
	argv := s.command(name, args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = out, out
	cmd.Dir = s.dir
	// The server is in its own process group: it outlives a Ctrl+C until the
	// watchdog stops it cleanly.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Run(); err != nil {
		text, _ := os.ReadFile(out.Name())
		return fmt.Errorf("%v: %s", err, text)
	}
	return nil
}

// findBin returns the newest /usr/lib/postgresql/N/bin that holds initdb and pg_ctl.
func findBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if isFile(filepath.Join(d, "initdb")) && isFile(filepath.Join(d, "pg_ctl")) {
			return d, nil
		}
	}
	return "", errors.New("PostgreSQL's initdb and pg_ctl are not in /usr/lib/postgresql/*/bin: install the postgresql package (make test does)")
}

// version is N of /usr/lib/postgresql/N/bin, 0 if it is not a number.
func version(bin string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(bin)))
	return n
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

func chownTo(dir, name string) error {
	u, err := user.Lookup(name)
	if err != nil {
		return err
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return os.Chown(dir, uid, gid)
}
