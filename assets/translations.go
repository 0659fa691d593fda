package assets

import "embed"

// Translations holds the window's strings by language: files named
// "<part>.<language>.json" (language "zh_Hans"), flat JSON objects from the English text
// to its translation. fyne.*.json are copies of Fyne's own strings (BSD-3-Clause, from
// fyne.io/fyne/v2 lang/translations), kept so that the language chosen in cdrdesk's
// settings also applies to Fyne's dialogs, whatever the system's language.
//
//go:embed translations/*.json
var Translations embed.FS
