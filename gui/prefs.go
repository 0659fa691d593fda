package gui

import (
	"encoding/json"
	"time"

	"cdrdesk/gui/connect"
)

// Preference keys. Nothing secret is ever stored in preferences.
const (
	prefLanguage = "language" // i18n.System, English or Chinese
	prefTheme    = "theme"    // style.System, Light or Dark
	prefWidth    = "window.width"
	prefHeight   = "window.height"
	prefQuery    = "query"   // query.State as JSON
	prefResults  = "results" // results.State as JSON
)

// savePrefs remembers the window size, the query and the view settings.
func (w *Window) savePrefs() {
	p := w.app.Preferences()
	size := w.win.Canvas().Size()
	p.SetFloat(prefWidth, float64(size.Width))
	p.SetFloat(prefHeight, float64(size.Height))
	if b, err := json.Marshal(w.query.State()); err == nil {
		p.SetString(prefQuery, string(b))
	}
	if b, err := json.Marshal(w.results.State()); err == nil {
		p.SetString(prefResults, string(b))
	}
}

// quit saves the preferences, cancels a running download, logs out and closes.
func (w *Window) quit() {
	w.savePrefs()
	if w.cancel != nil {
		w.cancel()
	}
	if w.updating != nil {
		w.updating.cancel() // the windows committed stay; the next update carries on
	}
	w.mu.Lock()
	c, stop := w.conn, w.stop
	w.conn = nil
	w.mu.Unlock()
	if stop != nil {
		stop()
	}
	if c != nil {
		done := make(chan struct{})
		go func(c *connect.Result) { w.logout(c, true); close(done) }(c)
		select { // never keep a closing window waiting on a PBX that does not answer
		case <-done:
		case <-time.After(3 * time.Second):
		}
	}
	_ = w.archive.close() // every commit is whole already: nothing is lost by closing
	if w.played != nil {
		_ = w.played.RemoveAll() // the recordings played: copies, gone with the program
	}
	w.win.Close()
}
