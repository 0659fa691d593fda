package reports

import (
	"bytes"
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
	"cdrdesk/gui/style"
	"cdrdesk/internal/callreport"
)

// BenchmarkShowYear measures each view showing the report of pbxsim.BusyYear (just
// over a million records), as the window does after every fold or filter: the part of
// the ≤ 300 ms goal the views take (the fold and the report are callreport's).
func BenchmarkShowYear(b *testing.B) {
	o, from, to := pbxsim.BusyYear()
	sim := pbxsim.New(o)
	var csv bytes.Buffer
	if err := sim.WriteCSV(&csv, nil, from, to); err != nil {
		b.Fatal(err)
	}
	t := cdrclient.NewTable()
	if _, err := t.Write(csv.Bytes()); err != nil {
		b.Fatal(err)
	}
	if err := t.Close(); err != nil {
		b.Fatal(err)
	}
	names := map[string]string{}
	for _, e := range sim.Extensions() {
		names[e.Number] = e.Name
	}
	c, err := callreport.Fold(context.Background(), callreport.Input{Table: t, Names: names, Settings: callreport.DefaultSettings(), End: to})
	if err != nil {
		b.Fatal(err)
	}
	r := c.Report(nil)
	b.Logf("%d records, %d calls, %d callers not called back", t.Len(), len(r.Calls), len(r.Unreturned))
	test.NewTempApp(b).Settings().SetTheme(style.New(style.Light))
	u, l := NewUnreturned(), NewCallList()
	u.SetNames(names)
	l.SetNames(names)
	for _, v := range []struct {
		name string
		v    View
	}{{"unreturned", u}, {"extensions", NewExtensions()}, {"days", NewDays()}, {"hours", NewHours()}, {"calls", l}} {
		b.Run(v.name, func(b *testing.B) {
			w := test.NewTempWindow(b, v.v.Widget())
			w.Resize(fyne.NewSize(1200, 700))
			for b.Loop() {
				v.v.Show(c, r)
			}
		})
	}
}
