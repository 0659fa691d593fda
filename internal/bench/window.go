package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui"
	"cdrdesk/gui/connect"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/profile"
)

// The window's figures come from a second process, this program started again as
// `bench window URL FINGERPRINT` under a private X server (.ci/with-xvfb): the real
// window (Fyne on GLFW, Mesa's software OpenGL, as on a laptop without a GPU driver)
// connected to the simulator this process runs, asked for the year. That process
// measures itself and prints one line per figure; this one passes them on.

// windowRuns is how many times the window is measured: the machine may be shared.
const windowRuns = 2

// idleQuiet is how long the process must stay under idleShare of a core to count as
// idle (an idle window with a year shown uses about 2%); idleLimit is how long the
// bench waits for that.
const (
	idleQuiet = time.Second
	idleShare = 0.05
	idleLimit = 3 * time.Minute
)

// windowFigures measures the window showing the year windowRuns times.
func windowFigures(run *pbxsim.Running, size int) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	wrapper, err := filepath.Abs(filepath.Join(".ci", "with-xvfb"))
	if err != nil {
		return err
	}
	if _, err := os.Stat(wrapper); err != nil {
		return fmt.Errorf("run the bench from the repository's root (make bench): %w", err)
	}
	fmt.Println()
	for i := range windowRuns {
		home, err := os.MkdirTemp("", "cdrdesk-bench-home-")
		if err != nil {
			return err
		}
		cmd := exec.Command(wrapper, self, "window", run.URL, run.Fingerprint, strconv.Itoa(size))
		cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, "config"),
			"LIBGL_ALWAYS_SOFTWARE=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		os.RemoveAll(home)
		if err != nil {
			return fmt.Errorf("window run %d: %v\n%s%s", i+1, err, out, stderr.Bytes())
		}
		fmt.Printf("window showing the year, run %d of %d (Xvfb, Mesa's software OpenGL):\n%s", i+1, windowRuns, out)
	}
	return nil
}

// runWindow is the measured process: it opens the window on the simulator at url,
// gets the year, and reports.
func runWindow(url, fingerprint string, size int) error {
	a := app.NewWithID("io.github.cdrdesk.bench")
	a.Preferences().SetString("query", fmt.Sprintf(`{"all":true,"from":%q,"to":%q}`,
		from.Format("2006-01-02 15:04:05"), to.Format("2006-01-02 15:04:05")))
	dir, err := os.MkdirTemp("", "cdrdesk-bench-profiles-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	store, err := profile.Open(dir, profile.NewMemorySecrets())
	if err != nil {
		return err
	}
	demo := func() (connect.Demo, error) {
		return connect.Demo{URL: url, User: pbxsim.DefaultUser, Password: pbxsim.DefaultPassword, Fingerprint: fingerprint}, nil
	}
	// A temporary archive: the bench never touches the user's. Get records keeps the
	// year in it first, so the second Get records reads it from the archive.
	w := gui.Start(a, gui.Options{Store: store, Demo: true, StartDemo: demo, Version: "bench",
		DefaultArchive: filepath.Join(dir, "archive.db")})
	errc := make(chan error, 1)
	go func() {
		errc <- drive(w.Window(), size)
		a.Quit()
	}()
	a.Run()
	return <-errc
}

// drive presses Get records once connected and measures the window showing the year
// (downloaded into the archive, then read back); then it presses Get records again, as
// someone checking the figures would, and measures the window holding the new copy of
// the year, read from the archive alone (the old one is garbage then).
func drive(win fyne.Window, size int) error {
	var get *widget.Button
	if !poll(time.Minute, func() bool {
		get = nil
		if strings.HasPrefix(win.Title(), "cdrdesk — ") {
			get = findButton(win.Content(), i18n.L("Get records"))
		}
		return get != nil && !get.Disabled()
	}) {
		return errors.New("the window did not connect to the simulator")
	}
	before, _ := memory()
	for i, label := range []string{"the year, downloaded and kept", "the year again, from the archive"} {
		f, err := getRecords(get)
		if err != nil {
			return err
		}
		if i == 0 {
			if dir := os.Getenv("CDRDESK_BENCH_PROFILE"); dir != "" {
				exec.Command("import", "-window", "root", filepath.Join(dir, "window.png")).Run()
			}
		}
		fmt.Printf("  %s: grid shown %.2f s after Get records; window idle %.2f s after that (goal ≤ 1 s), %.2f s of CPU used until then\n",
			label, f.shown.Seconds(), f.idle.Seconds(), f.cpu.Seconds())
		fmt.Printf("  %s: memory %.0f MB resident = %.2f × the CSV (goal ≤ 2×), %.2f × more than before Get records (%.0f MB); peak %.0f MB\n",
			label, mb(int(f.rss)), float64(f.rss)/float64(size), float64(f.rss-before)/float64(size), mb(int(before)), mb(int(f.peak)))
	}
	fmt.Printf("  Go's heap, live after a collection: %.0f MB\n", mb(int(heap())))
	return nil
}

// figures are what getRecords measured.
type figures struct {
	shown, idle, cpu time.Duration // until the grid showed, then until idle, CPU used in between
	rss, peak        uint64        // resident memory once idle, and its peak so far
}

// getRecords presses Get records, waits for the grid to show the year (the button
// comes back when the records are shown), then until the process is idle.
func getRecords(get *widget.Button) (figures, error) {
	var f figures
	asked := time.Now()
	fyne.DoAndWait(func() { test.Tap(get) })
	if !poll(5*time.Minute, func() bool { return !get.Disabled() }) {
		return f, errors.New("the window did not show the year")
	}
	shown := time.Now()
	f.shown = shown.Sub(asked)
	stopProfile := startProfile()
	var err error
	f.idle, f.cpu, err = untilIdle(shown)
	stopProfile()
	f.rss, f.peak = memory()
	return f, err
}

// poll calls done on the UI goroutine every 50 ms until it reports true or limit passes.
func poll(limit time.Duration, done func() bool) bool {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		var ok bool
		fyne.DoAndWait(func() { ok = done() })
		if ok {
			return true
		}
	}
	return false
}

// untilIdle samples the process's CPU time every 100 ms and returns how long after
// since it first stayed under idleShare of a core for idleQuiet, and the CPU time it
// used until then (a figure that a machine busy with other work disturbs less).
func untilIdle(since time.Time) (busy, cpu time.Duration, err error) {
	type sample struct {
		at  time.Time
		cpu time.Duration
	}
	var samples []sample
	for end := since.Add(idleLimit); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		used, err := cpuTime()
		if err != nil {
			return 0, 0, err
		}
		now := sample{time.Now(), used}
		samples = append(samples, now)
		for _, s := range samples {
			if now.at.Sub(s.at) < idleQuiet {
				break
			}
			if now.at.Sub(s.at) < idleQuiet+200*time.Millisecond &&
				float64(now.cpu-s.cpu) < idleShare*float64(now.at.Sub(s.at)) {
				return s.at.Sub(since), s.cpu - samples[0].cpu, nil
			}
		}
	}
	return 0, 0, fmt.Errorf("the window was still busy %v after it showed the year", idleLimit)
}

// cpuTime is the user and system CPU time of this process, from /proc/self/stat.
func cpuTime() (time.Duration, error) {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0, err
	}
	// Fields after the command name (which may hold spaces), from the state on.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	if len(f) < 13 {
		return 0, errors.New("unexpected /proc/self/stat")
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	const tick = 10 * time.Millisecond // USER_HZ is 100 on Linux
	return time.Duration(utime+stime) * tick, nil
}

// memory returns the resident and peak resident size of this process, in bytes.
func memory() (rss, peak uint64) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ":")
		kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		switch k {
		case "VmRSS":
			rss = kb << 10
		case "VmHWM":
			peak = kb << 10
		}
	}
	return rss, peak
}

// startProfile writes a CPU profile of the time after the grid appeared, and a heap
// profile at its end, into the folder CDRDESK_BENCH_PROFILE names (if set).
func startProfile() (stop func()) {
	dir := os.Getenv("CDRDESK_BENCH_PROFILE")
	if dir == "" {
		return func() {}
	}
	cpu, err := os.Create(filepath.Join(dir, "window-cpu.pprof"))
	if err != nil {
		return func() {}
	}
	pprof.StartCPUProfile(cpu)
	return func() {
		pprof.StopCPUProfile()
		cpu.Close()
		runtime.GC()
		if h, err := os.Create(filepath.Join(dir, "window-heap.pprof")); err == nil {
			pprof.WriteHeapProfile(h)
			h.Close()
		}
	}
}

func findButton(root fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	return found
}

// walk calls fn for o and every visible object inside it.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, fn)
		}
	}
}

// runWindowArgs runs the measured window from its command line: URL FINGERPRINT SIZE.
func runWindowArgs(args []string) error {
	size, err := strconv.Atoi(args[2])
	if err != nil {
		return err
	}
	return runWindow(args[0], args[1], size)
}
