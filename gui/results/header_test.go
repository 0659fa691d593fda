package results

import (
	"testing"

	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// cursorOf is a table whose cursor is fixed.
type cursorOf struct{ c desktop.Cursor }

func (c cursorOf) Cursor() desktop.Cursor { return c.c }

func TestHeaderCell(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		table desktop.Cursor
		want  desktop.Cursor
	}{
		{desktop.DefaultCursor, desktop.PointerCursor},
		{desktop.HResizeCursor, desktop.HResizeCursor},
	} {
		if got := newHeaderCell(cursorOf{tc.table}, nil).Cursor(); got != tc.want {
			t.Errorf("table cursor %v: header shows %v, want %v", tc.table, got, tc.want)
		}
	}
	var tapped []int
	h := newHeaderCell(nil, func(col int) { tapped = append(tapped, col) })
	test.Tap(h) // not yet a column's header
	h.show(3, "Status ▲")
	test.Tap(h)
	if len(tapped) != 1 || tapped[0] != 3 || h.label.Text != "Status ▲" {
		t.Errorf("taps %v, text %q", tapped, h.label.Text)
	}
}
