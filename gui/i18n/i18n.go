// Package i18n gives the window its language: English or Simplified Chinese, following
// the system by default or as chosen in the settings, for cdrdesk's own strings and for
// Fyne's dialogs alike.
//
// Strings are written in English in the code, wrapped in L (or lang.L), and translated
// by assets/translations/*.zh_Hans.json. A test checks that every such string has a
// translation.
package i18n

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"cdrdesk/assets"
)

// Languages the window speaks.
const (
	System  = ""        // follow the system: Chinese for zh-*, else English
	English = "en"      //
	Chinese = "zh_Hans" // Simplified Chinese
)

// fyneLanguages are the languages Fyne ships translations for: whichever of them the
// system's locale resolves to, the chosen language's strings are registered under it.
// (Fyne reads the locale from the system and has no setter, so this is the only way the
// choice in cdrdesk's settings also works on Windows.)
var fyneLanguages = []string{"cs", "de", "el", "en", "es", "fr", "pl", "pt", "pt_BR", "ru", "sv", "ta", "uk", "zh_Hans"}

// Resolve turns a setting (System, English or Chinese) into the language to show.
func Resolve(setting string) string {
	switch setting {
	case English, Chinese:
		return setting
	}
	if strings.HasPrefix(strings.ToLower(lang.SystemLocale().LanguageString()), "zh") {
		return Chinese
	}
	return English
}

// current is the language in use; only Use changes it, from the UI goroutine.
var current = English

// Current returns the language in use (English or Chinese).
func Current() string { return current }

// Use switches every string looked up from now on to language (a setting: System,
// English or Chinese). Widgets built before keep their text: rebuild them.
func Use(setting string) error {
	language := Resolve(setting)
	messages, err := load(language)
	if err != nil {
		return err
	}
	data, err := json.Marshal(messages)
	if err != nil {
		return err
	}
	for _, tag := range fyneLanguages {
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(tag)); err != nil {
			return fmt.Errorf("loading the %s translations: %w", language, err)
		}
	}
	current = language
	return nil
}

// load merges the translation files of one language. English needs no file of its own:
// every Chinese key maps to itself, so an English choice overrides a Chinese system.
func load(language string) (map[string]json.RawMessage, error) {
	zh, err := files(Chinese)
	if err != nil {
		return nil, err
	}
	if language == Chinese {
		return zh, nil
	}
	en, err := files(English)
	if err != nil {
		return nil, err
	}
	out := make(map[string]json.RawMessage, len(zh))
	for k := range zh {
		if _, ok := en[k]; !ok {
			out[k], _ = json.Marshal(k)
		}
	}
	maps.Copy(out, en)
	return out, nil
}

// files reads every "<part>.<language>.json" of the embedded translations.
func files(language string) (map[string]json.RawMessage, error) {
	out := map[string]json.RawMessage{}
	names, err := fs.Glob(assets.Translations, "translations/*."+language+".json")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		data, err := fs.ReadFile(assets.Translations, name)
		if err != nil {
			return nil, err
		}
		var part map[string]json.RawMessage
		if err := json.Unmarshal(data, &part); err != nil {
			return nil, fmt.Errorf("%s: %w", path.Base(name), err)
		}
		maps.Copy(out, part)
	}
	return out, nil
}

// L translates an English string; data fills its {{.Name}} placeholders.
func L(english string, data ...map[string]any) string {
	if len(data) > 0 {
		return lang.L(english, data[0])
	}
	return lang.L(english)
}

// Translate is L in the form internal/explain asks for.
func Translate(english string, data map[string]any) string { return lang.L(english, data) }
