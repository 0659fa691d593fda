// Package assets embeds the files the desktop window needs, among them a
// Simplified Chinese UI font (regular and bold) and the application icon.
//
// It deliberately imports no Fyne package, so the CLI and tests can link it
// cheaply; the GUI wraps the bytes in fyne.StaticResource values itself.
//
// The fonts are subsets of Noto Sans CJK SC under the SIL Open Font License
// 1.1 (fonts/OFL.txt); fonts/README.md and fonts/subset.sh say how they are
// rebuilt. The icon is drawn by icon/main.go.
package assets

import _ "embed"

// FontRegular is Noto Sans CJK SC Regular, subset to ASCII, Latin-1, the
// 6763 GB2312 hanzi and common CJK punctuation: a single CFF-flavoured
// OpenType font ("OTTO"), which Fyne's font loader accepts. Do not modify.
//
//go:embed fonts/NotoSansSC-Regular-subset.otf
var FontRegular []byte

// FontBold is the Bold weight of the same subset as FontRegular. Themes
// should return it for bold text, or bold Chinese renders as regular.
// Do not modify.
//
//go:embed fonts/NotoSansSC-Bold-subset.otf
var FontBold []byte

// Icon is the 512×512 PNG application icon. Do not modify.
//
//go:embed icon.png
var Icon []byte
