package results

import "fyne.io/fyne/v2"

// charWidths are the advances of the characters most cells hold, measured once per
// text size: printable ASCII (numbers, times, trunk names) and CJK ideographs and
// punctuation, which the embedded font draws one em wide. A cell of such characters
// fits or cuts its text by adding advances, without shaping it.
type charWidths struct {
	size     float32
	ascii    [127 - 32]float32
	wide     float32 // a CJK ideograph
	ellipsis float32
}

// kerningMargin allows for kerning, which a sum of advances ignores.
const kerningMargin = 1.05

// cut returns s as it fits in width: whole, or its longest prefix that fits followed
// by "…". ok is false when s holds characters without a known advance: measure it.
func (a *charWidths) cut(s string, width, size float32) (fitted string, ok bool) {
	if a == nil {
		return "", false
	}
	if a.size != size {
		a.measure(size)
	}
	var w float32
	end := -1 // where the longest prefix that fits with "…" ends
	for i, r := range s {
		adv, known := a.advance(r)
		if !known {
			return "", false
		}
		if end < 0 && (w+adv)*kerningMargin+a.ellipsis > width {
			end = i
		}
		w += adv
	}
	if w*kerningMargin <= width {
		return s, true
	}
	return s[:max(end, 0)] + "…", true
}

func (a *charWidths) advance(r rune) (float32, bool) {
	switch {
	case r >= 32 && r < 127:
		return a.ascii[r-32], true
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF5E:
		return a.wide, true
	}
	return 0, false
}

func (a *charWidths) measure(size float32) {
	a.size = size
	for i := range a.ascii {
		a.ascii[i] = fyne.MeasureText(string(rune(32+i)), size, fyne.TextStyle{}).Width
	}
	a.wide = max(fyne.MeasureText("中", size, fyne.TextStyle{}).Width, fyne.MeasureText("，", size, fyne.TextStyle{}).Width)
	a.ellipsis = fyne.MeasureText("…", size, fyne.TextStyle{}).Width
}
