package reports

import (
	"fyne.io/fyne/v2"

	"cdrdesk/internal/callreport"
)

// View is what every report view offers the window: its widget, the figures to show
// and how durations are written.
type View interface {
	// Widget returns the view's content.
	Widget() fyne.CanvasObject
	// Show displays r, a report over calls c; a nil r clears the view.
	Show(c *callreport.Calls, r *callreport.Report)
	// SetSeconds shows durations as whole seconds instead of h:mm:ss.
	SetSeconds(seconds bool)
}

var (
	_ View = (*Unreturned)(nil)
	_ View = (*Extensions)(nil)
	_ View = (*Days)(nil)
	_ View = (*Hours)(nil)
	_ View = (*CallList)(nil)
)
