package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"cdrdesk/gui"
)

// appID keys the window's preferences.
const appID = "io.github.cdrdesk"

// runWindow opens the window and returns when it is closed.
func runWindow(demo bool) int {
	a := app.NewWithID(appID)
	store, err := openProfiles()
	if err != nil {
		// A damaged profiles file is reported, never silently replaced.
		fmt.Fprintln(os.Stderr, "cdrdesk:", err)
		gui.ShowFatal(a, err)
		return 1
	}
	gui.Start(a, gui.Options{Store: store, Demo: demo, Version: versionText()})
	a.Run()
	return 0
}
