package userdirs

import (
	"bufio"
	"bytes"
	"path/filepath"
	"strings"
)

// xdgDir reads the folder named XDG_<name>_DIR from user-dirs.dirs, whose lines are
// XDG_DOCUMENTS_DIR="$HOME/Documents" or an absolute path in quotes. Like
// xdg-user-dir, a folder equal to home means "not set" (that is how the desktop
// disables one) and gives "".
func xdgDir(data []byte, name, home string) string {
	key := "XDG_" + name + "_DIR="
	sc := bufio.NewScanner(bytes.NewReader(data))
	dir := ""
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if v, ok := strings.CutPrefix(line, key); ok {
			dir = strings.Trim(v, `"`)
		}
	}
	switch {
	case strings.HasPrefix(dir, "$HOME"):
		if home == "" {
			return ""
		}
		dir = home + dir[len("$HOME"):]
	case !filepath.IsAbs(dir):
		return ""
	}
	if dir = filepath.Clean(dir); dir == filepath.Clean(home) {
		return ""
	}
	return dir
}
