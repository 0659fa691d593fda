package cli

import (
	"encoding/json"
	"strings"

	"cdrdesk/assets"
	"cdrdesk/internal/explain"
)

// workbookTranslations is the Chinese of the report workbook's words.
const workbookTranslations = "translations/workbook.zh_Hans.json"

// workbookLanguage returns the words of the report workbook: Chinese when the
// locale the environment names first (LANGUAGE, then LC_ALL, then LANG) is Chinese,
// English otherwise. The command's own messages stay English, like the other
// commands'.
func workbookLanguage(getenv func(string) string) (explain.Translate, error) {
	if !chineseLocale(getenv) {
		return explain.English, nil
	}
	b, err := assets.Translations.ReadFile(workbookTranslations)
	if err != nil {
		return nil, err
	}
	var zh map[string]string
	if err := json.Unmarshal(b, &zh); err != nil {
		return nil, err
	}
	return func(key string, data map[string]any) string {
		if t, ok := zh[key]; ok {
			key = t
		}
		return explain.Fill(key, data)
	}, nil
}

// chineseLocale reports whether the first locale variable set names Chinese
// ("zh_CN.UTF-8", "zh_TW", "zh:en").
func chineseLocale(getenv func(string) string) bool {
	for _, name := range []string{"LANGUAGE", "LC_ALL", "LANG"} {
		if v := getenv(name); v != "" {
			return strings.HasPrefix(strings.ToLower(v), "zh")
		}
	}
	return false
}
