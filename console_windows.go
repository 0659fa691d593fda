//go:build windows

package main

import (
	"os"
	"strings"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// The Windows build is a GUI program (-H=windowsgui) so that no console window flashes
// up behind the window. Such a program gets no console: its standard streams are
// useless unless the parent redirected them. For the command line, each stream is
// therefore, in order of preference: what the parent redirected it to (a file or a
// pipe: `cdrdesk export ... > out.txt`), the console of the parent (cmd.exe or
// PowerShell, attached to), or the log file (no console at all). A command that fails
// while writing to the log says so in a message box that names the log, when someone
// can see one.

var (
	attachConsole             = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	getProcessWindowStation   = windows.NewLazySystemDLL("user32.dll").NewProc("GetProcessWindowStation")
	getUserObjectInformationW = windows.NewLazySystemDLL("user32.dll").NewProc("GetUserObjectInformationW")
)

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = 0xFFFFFFFF

func cliStreams(args []string) (stdStreams, func(code int)) {
	s := stdStreams{os.Stdin, os.Stdout, os.Stderr}
	in, out, errOK := usable(windows.STD_INPUT_HANDLE), usable(windows.STD_OUTPUT_HANDLE), usable(windows.STD_ERROR_HANDLE)
	if in && out && errOK {
		return s, func(int) {}
	}
	var closers []*os.File
	var logged string // the log, when the messages went there
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
				logged = path
				if !out {
					s.out = f
				}
				if !errOK {
					s.err = f
				}
			}
		}
	}
	return s, func(code int) {
		for _, f := range closers {
			f.Close()
		}
		if logged != "" && code != 0 && interactive() {
			t, _ := windows.UTF16PtrFromString("cdrdesk")
			m, _ := windows.UTF16PtrFromString(logNotice(logged, chineseUI()))
			windows.MessageBox(0, m, t, windows.MB_OK|windows.MB_ICONWARNING|windows.MB_SETFOREGROUND)
		}
	}
}

// interactive reports whether someone can see a message box: false for a task that runs
// whether the user is logged on or not, or a service, whose box nobody could close.
func interactive() bool {
	ws, _, _ := getProcessWindowStation.Call()
	if ws == 0 {
		return false
	}
	var flags struct {
		inherit, reserved int32
		flags             uint32
	}
	const uoiFlags, wsfVisible = 1, 1
	var needed uint32
	ok, _, _ := getUserObjectInformationW.Call(ws, uoiFlags, uintptr(unsafe.Pointer(&flags)), unsafe.Sizeof(flags), uintptr(unsafe.Pointer(&needed)))
	return ok != 0 && flags.flags&wsfVisible != 0
}

// chineseUI reports whether Windows speaks Chinese to this user.
func chineseUI() bool {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	return err == nil && len(langs) > 0 && strings.HasPrefix(strings.ToLower(langs[0]), "zh")
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
