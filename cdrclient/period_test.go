package cdrclient_test

import (
	"bytes"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

// A PBX that answers for another period than the one asked is followed (its rows are
// kept) but the Summary says so, naming both periods: whether its key echoes another
// start time or its rows start earlier than asked.
func TestFetchReportsAnotherPeriod(t *testing.T) {
	day := 24 * time.Hour
	tests := []struct {
		name  string
		mod   func(*pbxsim.Options)
		other bool // a notice is expected
		exact bool // the answer starts exactly a day early (the echo), else within that day
	}{
		{"as asked", nil, false, false},
		{"echo starts a day early", func(o *pbxsim.Options) { o.EchoEarlierStart = day }, true, true},
		{"rows start a day early", func(o *pbxsim.Options) { o.RowsEarlierStart = day }, true, false},
	}
	for _, tt := range tests {
		for _, q := range []cdrclient.Query{
			days("2026-05-01", 3),  // one window
			days("2026-04-01", 20), // several windows
		} {
			t.Run(tt.name+"/"+q.Start.Format("2006-01-02"), func(t *testing.T) {
				p := startPBX(t, tt.mod)
				var got bytes.Buffer
				sum, err := p.session(t, nil).Fetch(ctxT(t), q, &got, nil)
				if err != nil {
					t.Fatal(err)
				}
				asked := cdrclient.Period{From: wallOf(q.Start), To: wallOf(q.End)}
				if !tt.other {
					if sum.OtherPeriod != nil {
						t.Fatalf("notice %+v for a PBX that kept to the period", *sum.OtherPeriod)
					}
					return
				}
				o := sum.OtherPeriod
				if o == nil {
					t.Fatal("no notice of the other period")
				}
				early := asked.From.Add(-day)
				if o.Asked != asked || !o.Answered.To.Equal(asked.To) ||
					o.Answered.From.Before(early) || !o.Answered.From.Before(asked.From) ||
					tt.exact && !o.Answered.From.Equal(early) {
					t.Errorf("notice says asked %v, answered %v; want asked %v, answered from %v on", o.Asked, o.Answered, asked, early)
				}
				// The PBX's rows are kept: with one window, its whole answer.
				if q.End.Sub(q.Start) < cdrclient.DefaultWindow {
					wide := q
					wide.Start = q.Start.Add(-day)
					if !bytes.Equal(got.Bytes(), p.served(t, wide)) {
						t.Error("the PBX's rows were not kept as sent")
					}
				}
			})
		}
	}
}

// The link a key was made for names the period the PBX echoed and the one asked.
func TestLinkSaysWhichPeriodItDownloads(t *testing.T) {
	p := startPBX(t, func(o *pbxsim.Options) { o.EchoEarlierStart = time.Hour })
	q := days("2026-05-01", 1)
	link, err := p.session(t, nil).Link(ctxT(t), q)
	if err != nil {
		t.Fatal(err)
	}
	asked := cdrclient.Period{From: wallOf(q.Start), To: wallOf(q.End)}
	if !link.OtherPeriod() || link.Asked != asked || !link.Period.From.Equal(asked.From.Add(-time.Hour)) || !link.Period.To.Equal(asked.To) {
		t.Errorf("link covers %v (asked %v), other=%v; want it to start an hour early", link.Period, link.Asked, link.OtherPeriod())
	}
}

// wallOf is t's date and clock as the PBX reads them, without a zone.
func wallOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}
