//go:build windows

package main

import (
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// The Windows build is a GUI program (-H=windowsgui) so that no console window flashes
// up behind the window. Such a program gets no console: its standard streams are
// useless unless the parent redirected them. For the command line, each stream is
// therefore, in order of preference: what the parent redirected it to (a file or a
// pipe: `cdrdesk export ... > out.txt`), the console of the parent (cmd.exe or
// PowerShell, attached to), or the log file (no console at all).

var attachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = 0xFFFFFFFF

func cliStreams(args []string) (stdStreams, func()) {
	s := stdStreams{os.Stdin, os.Stdout, os.Stderr}
	in, out, errOK := usable(windows.STD_INPUT_HANDLE), usable(windows.STD_OUTPUT_HANDLE), usable(windows.STD_ERROR_HANDLE)
	if in && out && errOK {
		return s, func() {}
	}
	var closers []*os.File
	if ok, _, _ := attachConsole.Call(attachParentProcess); ok != 0 {
		if !out || !errOK {
			if con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
				closers = append(closers, con)
				con.WriteString("\r\n") // the prompt is already on the line
				if !out {
					s.out = con
				}
				if !errOK {
					s.err = con
				}
			}
		}
		if !in {
			if con, err := os.OpenFile("CONIN$", os.O_RDONLY, 0); err == nil {
				closers = append(closers, con)
				s.in = con
			}
		}
	} else if !out || !errOK {
		if path, err := logPath(); err == nil {
			if f, err := openLog(path, args, time.Now()); err == nil {
				closers = append(closers, f)
				if !out {
					s.out = f
				}
				if !errOK {
					s.err = f
				}
			}
		}
	}
	return s, func() {
		for _, f := range closers {
			f.Close()
		}
	}
}

// usable reports whether a standard handle leads somewhere (a file, a pipe, a console).
func usable(which uint32) bool {
	h, err := windows.GetStdHandle(which)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}
