// Package localeenv tidies the locale environment before Fyne reads it. main imports
// it for that side effect only, and nothing else may import it.
//
// Fyne looks the locale up while its packages initialise, and for the common
// server and container locale "C.UTF-8" it logs "Fyne error: Error parsing user
// locale C" on standard error: noise in every command-line run, and in scripts that
// read stderr. Go initialises packages in import-path order once their own imports
// are ready, so this package (which imports only os and strings) runs before
// fyne.io/fyne/v2/lang.
package localeenv

import (
	"os"
	"strings"
)

func init() { Fix(os.Getenv, os.Setenv) }

// Fix sets LANGUAGE=en when the locale in effect is C or POSIX with an encoding
// ("C.UTF-8"): the locale library Fyne uses then reads LANGUAGE instead of failing on
// "C". Programs follow LANGUAGE only for the language of their messages, which for
// the C locale is English already.
func Fix(getenv func(string) string, setenv func(string, string) error) {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		lang, _, hasCodeset := strings.Cut(v, ".")
		if hasCodeset && (lang == "C" || lang == "POSIX") && getenv("LANGUAGE") == "" {
			_ = setenv("LANGUAGE", "en")
		}
		return
	}
}
