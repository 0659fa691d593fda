package workbook

import (
	"encoding/json"
	"strings"

	"cdrdesk/assets"
	"cdrdesk/internal/explain"
)

// chineseWords is the embedded file of the sheets' Chinese words.
const chineseWords = "translations/workbook.zh_Hans.json"

// Translation returns the words of the report workbook for language: Chinese when it
// names Chinese ("zh_Hans", as the window calls it, or a locale like "zh_CN.UTF-8"
// or "zh-TW"), explain.English for anything else, "" included. The window and the
// command line both call it, so the two write the same words.
func Translation(language string) (explain.Translate, error) {
	if !strings.HasPrefix(strings.ToLower(strings.TrimSpace(language)), "zh") {
		return explain.English, nil
	}
	b, err := assets.Translations.ReadFile(chineseWords)
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
