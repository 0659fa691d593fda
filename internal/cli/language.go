package cli

import (
	"cdrdesk/internal/explain"
	"cdrdesk/internal/workbook"
)

// workbookLanguage returns the words of the report workbook in the language of the
// locale the environment names first (LANGUAGE, then LC_ALL, then LANG): Chinese
// for a Chinese one, English otherwise (workbook.Translation decides). The
// command's own messages stay English, like the other commands'.
func workbookLanguage(getenv func(string) string) (explain.Translate, error) {
	return workbook.Translation(locale(getenv))
}

// locale is the first locale variable set ("zh_CN.UTF-8", "zh:en"), or "".
func locale(getenv func(string) string) string {
	for _, name := range []string{"LANGUAGE", "LC_ALL", "LANG"} {
		if v := getenv(name); v != "" {
			return v
		}
	}
	return ""
}
