package results

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"cdrdesk/gui/style"
)

func TestTextCellFits(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(style.New(style.System))
	var widths charWidths
	for _, tc := range []struct {
		name, text string
		width      float32
		cut        bool
	}{
		{"short number", "1000", 160, false},
		{"long recording", "20261001084506-1790815506.858-1006-1018-Internal.wav", 200, true},
		{"Chinese", "1007 财务部", 160, false},
		{"long Chinese", "技术支持部门的会议室电话分机号码很长很长", 120, true},
		{"unknown characters", "Café Zürich Überlandleitung", 90, true},
		{"unknown, fits", "Café", 160, false},
		{"empty", "", 50, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newTextCell(&widths)
			test.NewTempWindow(t, c)
			c.Resize(fyne.NewSize(tc.width, 36))
			c.SetText(tc.text)
			line := test.WidgetRenderer(c).Objects()[0].(*canvas.Text)
			room := tc.width - 2*theme.InnerPadding()
			shown := fyne.MeasureText(line.Text, line.TextSize, line.TextStyle).Width
			if shown > room {
				t.Errorf("%q is %.0f wide in %.0f", line.Text, shown, room)
			}
			if cut := line.Text != tc.text; cut != tc.cut {
				t.Errorf("shows %q for %q (cut %v, want %v)", line.Text, tc.text, cut, tc.cut)
			}
			if tc.cut && (!strings.HasSuffix(line.Text, "…") || !strings.HasPrefix(tc.text, strings.TrimSuffix(line.Text, "…"))) {
				t.Errorf("cut %q is not a prefix of %q and an ellipsis", line.Text, tc.text)
			}
			if tc.cut && shown < room*0.7 {
				t.Errorf("%q uses %.0f of %.0f: cut too short", line.Text, shown, room)
			}
			if c.Text() != tc.text {
				t.Errorf("Text() = %q", c.Text())
			}
		})
	}
}
