package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// stdStreams are where a subcommand reads and writes.
type stdStreams struct {
	in       io.Reader
	out, err io.Writer
}

// logName is the file the command line writes to on Windows when it has no console to
// print to (started from a shortcut or the Task Scheduler): %LOCALAPPDATA%\cdrdesk\.
const logName = "cdrdesk.log"

// logLimit is the size past which the log starts over, keeping one old copy, so a
// scheduled export that runs for years cannot fill the disk.
const logLimit = 1 << 20

// logPath returns where the command line's log goes.
func logPath() (string, error) {
	dir, err := os.UserCacheDir() // %LOCALAPPDATA% on Windows
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "cdrdesk", logName), nil
}

// openLog opens the log for appending, first moving a full one to path+".old", and
// writes a line saying which command follows.
func openLog(path string, args []string, now time.Time) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	if fi, err := os.Stat(path); err == nil && fi.Size() > logLimit {
		_ = os.Rename(path, path+".old") // if this fails, appending is still better than nothing
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(f, "\r\n--- %s cdrdesk %s\r\n", now.Format("2006-01-02 15:04:05"), strings.Join(args, " "))
	return f, nil
}

// logNotice is the message box a failed command shows when it had no console and wrote
// its messages to the log: nobody would otherwise know it failed, or where to look.
// Its title is the program's name in either language.
func logNotice(path string, chinese bool) string {
	if chinese {
		return "cdrdesk 命令没有完成。\n\n详细信息已写入：\n" + path
	}
	return "The cdrdesk command did not finish.\n\nWhat happened is written in:\n" + path
}
