package alert

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/explain"
)

// texts collects the text of every label and entry under o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Entry:
			b.WriteString(w.Text + "\n")
		case *widget.Accordion:
			for _, it := range w.Items {
				b.WriteString(it.Title + "\n")
				walk(it.Detail)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

func TestShowInBothLanguages(t *testing.T) {
	a := test.NewTempApp(t)
	_ = a
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(800, 600))
	err := &cdrclient.LockedOutError{}
	for _, tc := range []struct{ lang, what, details string }{
		{i18n.English, "locked this computer out", "Details"},
		{i18n.Chinese, "PBX 已锁定这台电脑", "详细信息"},
	} {
		if err := i18n.Use(tc.lang); err != nil {
			t.Fatal(err)
		}
		got := texts(Content(Explain(err)))
		if !strings.Contains(got, tc.what) || !strings.Contains(got, tc.details) || !strings.Contains(got, "errno 20002") {
			t.Errorf("%s: %q", tc.lang, got)
		}
		d := Show(err, w)
		if w.Canvas().Overlays().Top() == nil {
			t.Errorf("%s: no dialog shown", tc.lang)
		}
		d.Hide()
	}
	i18n.Use(i18n.English)
}

// Every kind of error a person can meet has a title of its own, not the catch-all.
func TestEveryKindHasATitle(t *testing.T) {
	for k := explain.Input; k <= explain.Archive; k++ {
		if title(k) == title(explain.Other) {
			t.Errorf("kind %d is titled %q, as unknown errors are", k, title(k))
		}
	}
}
