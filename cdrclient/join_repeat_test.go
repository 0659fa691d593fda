package cdrclient

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"
)

// TestJoinerRepeatWindow: a body cut off (or broken by the network) is followed by a
// repeat of its window. The rows passed on the first time are checked against the
// repeat and skipped; the output is as if the window had come whole, or the repeat's
// difference is an error.
func TestJoinerRepeatWindow(t *testing.T) {
	h := "a,b\r\n"
	cases := []struct {
		name    string
		before  string // a whole body, or ""
		cut     string // the window's body as cut off
		network bool   // the cut came as a network error (no EndWindow)
		repeat  string
		want    string
		records int64
		errMsg  string // a *CSVError
		cutMsg  string // a *TruncatedError
	}{
		{name: "first window cut mid-row", cut: h + "1,2\r\n3,4\r\n5", repeat: h + "1,2\r\n3,4\r\n5,6\r\n7,8",
			want: h + "1,2\r\n3,4\r\n5,6\r\n7,8", records: 4},
		{name: "first window cut in its header", cut: "a,", network: true, repeat: h + "1,2\r\n",
			want: h + "1,2\r\n", records: 1},
		{name: "later window cut in a quote", before: h + "0,0", cut: h + "1,2\r\n3,\"x", repeat: "\xef\xbb\xbf" + h + "1,2\r\n3,\"x\r\ny\"\r\n",
			want: h + "0,0\r\n1,2\r\n3,\"x\r\ny\"\r\n", records: 3},
		{name: "network error after whole rows", cut: h + "1,2\r\n3,", network: true, repeat: h + "1,2\r\n3,4\r\n",
			want: h + "1,2\r\n3,4\r\n", records: 2},
		{name: "repeat differs", cut: h + "1,2\r\n3,4\r\n5", repeat: h + "1,2\r\n3,5\r\n5,6\r\n",
			want: h + "1,2\r\n3,4\r\n", records: 2, errMsg: msgRepeatDiffers},
		{name: "repeat shorter", cut: h + "1,2\r\n3,4\r\n5", repeat: h + "1,2\r\n",
			want: h + "1,2\r\n3,4\r\n", records: 2, cutMsg: msgCutRepeat},
		{name: "repeat cut again", cut: h + "1,2\r\n3", repeat: h + "1,2\r\n3,4\r\n5",
			want: h + "1,2\r\n3,4\r\n", records: 2, cutMsg: msgCutShortRow},
	}
	rnd := rand.New(rand.NewPCG(11, 12))
	for _, tc := range cases {
		for mode := range 3 {
			var out bytes.Buffer
			j := NewJoiner(&out)
			if tc.before != "" {
				j.BeginWindow()
				writeSplit(j, []byte(tc.before), mode, rnd)
			}
			j.BeginWindow()
			writeSplit(j, []byte(tc.cut), mode, rnd)
			if !tc.network {
				var te *TruncatedError
				if err := j.EndWindow(); !errors.As(err, &te) {
					t.Fatalf("%s: cut body ended with %v, want a TruncatedError", tc.name, err)
				}
			}
			j.RepeatWindow()
			err := writeSplit(j, []byte(tc.repeat), mode, rnd)
			if err == nil {
				err = j.EndWindow()
			}
			if err == nil {
				err = j.Close()
			}
			var ce *CSVError
			var te *TruncatedError
			switch {
			case tc.errMsg != "" && (!errors.As(err, &ce) || ce.Msg != tc.errMsg),
				tc.cutMsg != "" && (!errors.As(err, &te) || te.Msg != tc.cutMsg),
				tc.errMsg == "" && tc.cutMsg == "" && err != nil:
				t.Errorf("%s (mode %d): error %v, want %q", tc.name, mode, err, tc.errMsg+tc.cutMsg)
			}
			if out.String() != tc.want || j.Records() != tc.records || j.Bytes() != int64(out.Len()) {
				t.Errorf("%s (mode %d): got %q, %d records, Bytes %d; want %q, %d records",
					tc.name, mode, out.String(), j.Records(), j.Bytes(), tc.want, tc.records)
			}
		}
	}
}

// TestJoinerRepeatKeepsWriteErrors: a destination that failed stays failed; repeating
// the window cannot help.
func TestJoinerRepeatKeepsWriteErrors(t *testing.T) {
	j := NewJoiner(&failingWriter{after: 5})
	j.BeginWindow()
	if _, err := j.Write([]byte("a,b\r\n1,2\r\n")); !errors.Is(err, errDiskFull) {
		t.Fatalf("Write = %v", err)
	}
	j.RepeatWindow()
	if _, err := j.Write([]byte("a,b\r\n1,2\r\n")); !errors.Is(err, errDiskFull) {
		t.Errorf("Write after RepeatWindow = %v, want the destination's error", err)
	}
}

// TestJoinerRepeatProperties cuts random bodies at a random byte, as a lost
// connection would, and repeats them: the output is exactly that of the body joined
// whole.
func TestJoinerRepeatProperties(t *testing.T) {
	rnd := rand.New(rand.NewPCG(13, 14))
	for range 500 {
		checkRepeat(t, genCSV(rnd), rnd)
	}
}

// FuzzJoinerRepeat: see TestJoinerRepeatProperties.
func FuzzJoinerRepeat(f *testing.F) {
	addFuzzSeeds(f, func(b []byte) { f.Add(b, uint64(1)) })
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		checkRepeat(t, data, rand.New(rand.NewPCG(seed, 0)))
	})
}

func checkRepeat(t *testing.T, body []byte, rnd *rand.Rand) {
	t.Helper()
	want, _, wantErr := joinAll([]string{"a,b\r\n1,2\r\n", string(body)}, 0, rnd)
	var out bytes.Buffer
	j := NewJoiner(&out)
	j.BeginWindow()
	j.Write([]byte("a,b\r\n1,2\r\n"))
	j.BeginWindow()
	cut := rnd.IntN(len(body) + 1)
	mode := rnd.IntN(3)
	writeSplit(j, body[:cut], mode, rnd)
	j.RepeatWindow() // as after a network error: the body ended without EndWindow
	err := writeSplit(j, body, mode, rnd)
	if err == nil {
		err = j.Close()
	}
	if (err == nil) != (wantErr == nil) || out.String() != want {
		t.Fatalf("body %q cut at %d: got %q (%v), whole %q (%v)", body, cut, out.String(), err, want, wantErr)
	}
}
