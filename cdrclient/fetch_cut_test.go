package cdrclient_test

import (
	"bytes"
	"errors"
	"testing"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

// TestFetchCutOffWindow cuts windows off mid-transfer, over real TLS. With the body
// ended by closing the connection (CloseDelimited) a cut looks like a clean end of
// file: only the last row shows it. A window cut once is downloaded again and the
// result is byte for byte the unfaulted export; a window cut every time fails with
// the cut named, and its unfinished row never reaches the output.
func TestFetchCutOffWindow(t *testing.T) {
	// 7 days, then the rest (13 days) in one window: a quick, small window lets the
	// next one grow (see windowPlan).
	twoWindows := days("2026-04-01", 20)
	tests := []struct {
		name      string
		cut       pbxsim.Cut
		once      bool
		chunked   bool // the body has chunked framing: a cut is a network error
		laterWin  bool // the fault starts with the second window instead of the first
		wantCut   string
		downloads int // cdr/download requests, 2 windows
	}{
		{name: "mid-row once", cut: pbxsim.CutMidRow, once: true, downloads: 3},
		{name: "in quote once", cut: pbxsim.CutInQuote, once: true, downloads: 3},
		{name: "mid-row once in a later window", cut: pbxsim.CutMidRow, once: true, laterWin: true, downloads: 3},
		{name: "chunked mid-row once", cut: pbxsim.CutMidRow, once: true, chunked: true, downloads: 3},
		{name: "mid-row always", cut: pbxsim.CutMidRow, wantCut: "fewer fields", downloads: 2},
		{name: "in quote always", cut: pbxsim.CutInQuote, wantCut: "quoted field", downloads: 2},
		{name: "mid-row always in a later window", cut: pbxsim.CutMidRow, laterWin: true, wantCut: "fewer fields", downloads: 3},
		{name: "chunked mid-row always", cut: pbxsim.CutMidRow, chunked: true, downloads: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fault := func(o *pbxsim.Options) {
				o.Cut, o.CutAfterRows, o.CutOnce = tt.cut, 40, tt.once
			}
			p := startPBX(t, func(o *pbxsim.Options) {
				o.CloseDelimited = !tt.chunked
				if !tt.laterWin {
					fault(o)
				}
			})
			var got bytes.Buffer
			sum, err := p.session(t, nil).Fetch(ctxT(t), twoWindows, &got, func(pr cdrclient.Progress) {
				if tt.laterWin && pr.WindowsDone == 1 {
					p.sim.Update(fault)
				}
			})
			if st := p.sim.Stats(); st.Downloads != tt.downloads {
				t.Errorf("%d downloads, want %d", st.Downloads, tt.downloads)
			}
			want := p.served(t, twoWindows)
			if tt.once {
				if err != nil {
					t.Fatalf("a window cut once: %v", err)
				}
				if !bytes.Equal(got.Bytes(), want) {
					t.Fatalf("got %d bytes, an unfaulted export %d; first difference at %d", got.Len(), len(want), firstDiff(got.Bytes(), want))
				}
				if rows := int64(bytes.Count(want, []byte("\r\n")) - 1); sum.Records != rows {
					t.Errorf("%d records counted, the CSV has %d", sum.Records, rows)
				}
				return
			}
			var te *cdrclient.TruncatedError
			var ce *cdrclient.ConnectionError
			switch {
			case tt.chunked && !errors.As(err, &ce):
				t.Fatalf("got %v, want a ConnectionError", err)
			case !tt.chunked && (!errors.As(err, &te) || !bytes.Contains([]byte(te.Msg), []byte(tt.wantCut))):
				t.Fatalf("got %v, want a TruncatedError (%s)", err, tt.wantCut)
			}
			// What reached the output is whole rows of the export, no half row.
			if !bytes.HasPrefix(want, got.Bytes()) || !bytes.HasSuffix(got.Bytes(), []byte("\r\n")) {
				t.Errorf("output is not whole rows of the export: ends %q", tail(got.Bytes()))
			}
		})
	}
}

// TestFetchCutAtLineEnd: a body that ends right after a complete row, without the
// row's line ending, cannot be told from a complete one. It is accepted as sent.
func TestFetchCutAtLineEnd(t *testing.T) {
	p := startPBX(t, func(o *pbxsim.Options) {
		o.CloseDelimited, o.Cut, o.CutAfterRows = true, pbxsim.CutAtLineEnd, 40
	})
	q := days("2026-05-01", 3)
	var got bytes.Buffer
	sum, err := p.session(t, nil).Fetch(ctxT(t), q, &got, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := p.served(t, q)
	if !bytes.HasPrefix(want, got.Bytes()) || !bytes.HasPrefix(want[got.Len():], []byte("\r\n")) {
		t.Fatalf("got %d bytes ending %q, want the export up to the end of a row", got.Len(), tail(got.Bytes()))
	}
	if sum.Records != 41 || p.sim.Stats().Downloads != 1 {
		t.Errorf("%d records in %d downloads, want 41 in 1", sum.Records, p.sim.Stats().Downloads)
	}
}

func tail(b []byte) []byte { return b[max(0, len(b)-40):] }
