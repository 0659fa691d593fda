package charts

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// labels are the category labels of an axis (days, hours, extensions): one
// canvas.Text each, measured once per data set and theme, placed at each Layout. When
// they do not all fit, every Nth is shown, so that none overlaps another.
type labels struct {
	texts  []*canvas.Text
	full   []string  // the labels as given
	widths []float32 // of full, at the current text size
	widest float32

	cutRoom float32 // the room the texts are cut for
}

// set makes one text per label, reusing those of the last data set.
func (l *labels) set(names []string) {
	for len(l.texts) < len(names) {
		l.texts = append(l.texts, canvas.NewText("", nil))
	}
	l.texts = l.texts[:len(names)]
	l.full = names
	for i, t := range l.texts {
		t.Text = names[i]
	}
	l.cutRoom = -1
}

func (l *labels) objects() []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(l.texts))
	for i, t := range l.texts {
		out[i] = t
	}
	return out
}

// style colours and measures the labels for the theme.
func (l *labels) style(p palette) {
	fg, size := p.color(theme.ColorNameForeground), p.textSize()
	l.widths = l.widths[:0]
	l.widest = 0
	for i, t := range l.texts {
		t.Color, t.TextSize, t.Text = fg, size, l.full[i]
		m := t.MinSize()
		t.Resize(m)
		l.widths = append(l.widths, m.Width)
		l.widest = max(l.widest, m.Width)
	}
	l.cutRoom = -1
}

// thinStep is how many slots apart labels as wide as widest must be shown so that,
// centred on slots of size slot, they stay gap apart.
func thinStep(widest, gap, slot float32) int {
	if slot <= 0 {
		return math.MaxInt
	}
	return max(1, int(math.Ceil(float64((widest+gap)/slot))))
}

// placeAcross shows the labels of slots laid left to right from x0, with their tops
// at y, each centred under its slot, every Nth if they would overlap, and kept inside
// [minX, maxX] (cut with "…" if one is wider).
func (l *labels) placeAcross(x0, slot, y, minX, maxX, gap float32) {
	room := maxX - minX
	if room != l.cutRoom {
		l.cut(room)
	}
	// The first label, pushed in from the left edge, must clear the next one shown
	// too: without counting its push, the second shown label would be hidden, leaving
	// a hole at the start.
	var push float32
	if len(l.texts) > 0 {
		push = max(minX-(x0+slot/2-l.texts[0].Size().Width/2), 0)
	}
	step := thinStep(min(l.widest, room)+push, gap, slot)
	prevRight := float32(math.Inf(-1))
	for i, t := range l.texts {
		if i%step != 0 {
			setVisible(t, false)
			continue
		}
		w := t.Size().Width
		x := x0 + (float32(i)+0.5)*slot - w/2
		x = max(min(x, maxX-w), minX)
		// Only a label pushed in from the edge can reach its neighbour.
		if x < prevRight+gap {
			setVisible(t, false)
			continue
		}
		t.Move(fyne.NewPos(x, y))
		setVisible(t, true)
		prevRight = x + w
	}
}

// placeDown shows the labels of slots laid top to bottom from y0, right-aligned at
// right, each centred beside its slot, cut with "…" to room, every Nth if they would
// overlap, and kept inside [minY, maxY].
func (l *labels) placeDown(right, room, y0, slot, minY, maxY, gap float32) {
	if room != l.cutRoom {
		l.cut(room)
	}
	if len(l.texts) == 0 {
		return
	}
	step := thinStep(l.texts[0].Size().Height, gap, slot)
	prevBottom := float32(math.Inf(-1))
	for i, t := range l.texts {
		size := t.Size()
		y := y0 + (float32(i)+0.5)*slot - size.Height/2
		y = max(min(y, maxY-size.Height), minY)
		if i%step != 0 || room <= 0 || y < prevBottom+gap {
			setVisible(t, false)
			continue
		}
		t.Move(fyne.NewPos(right-size.Width, y))
		setVisible(t, true)
		prevBottom = y + size.Height
	}
}

// cut fits every label into room, ending those too wide in "…".
func (l *labels) cut(room float32) {
	l.cutRoom = room
	for i, t := range l.texts {
		text := l.full[i]
		if l.widths[i] > room {
			text = cutToWidth(text, room, t.TextSize, t.TextStyle)
		}
		if t.Text != text {
			t.Text = text
			t.Resize(t.MinSize())
		}
	}
}

// cutToWidth is the longest start of s that fits in width followed by "…" (or just
// "…" when nothing does).
func cutToWidth(s string, width, size float32, style fyne.TextStyle) string {
	runes := []rune(s)
	lo, hi := 0, len(runes) // the longest start that fits with "…" is in [lo, hi)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid
		}
	}
	return string(runes[:lo]) + "…"
}

// setVisible shows or hides o, touching it only on a change (Show and Hide look up
// the canvas each time).
func setVisible(o fyne.CanvasObject, visible bool) {
	switch {
	case visible && !o.Visible():
		o.Show()
	case !visible && o.Visible():
		o.Hide()
	}
}
