package pbxsim

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestCSVQuirks downloads a day with each CSV quirk and checks the body
// both against WriteCSV and against what the quirk does to the plain CSV.
func TestCSVQuirks(t *testing.T) {
	plain := writeRange(t, New(Options{}), nil, dayStart, dayEnd)
	tests := []struct {
		name   string
		change func(*Options)
		check  func(t *testing.T, got []byte)
	}{
		{"LF", func(o *Options) { o.LF = true }, func(t *testing.T, got []byte) {
			if bytes.Contains(got, []byte("\r")) || !bytes.Equal(got, bytes.ReplaceAll(plain, []byte("\r\n"), []byte("\n"))) {
				t.Error("not the plain CSV with LF line ends")
			}
		}},
		{"BOM", func(o *Options) { o.BOM = true }, func(t *testing.T, got []byte) {
			if !bytes.Equal(got, append([]byte("\xEF\xBB\xBF"), plain...)) {
				t.Error("not the plain CSV after a UTF-8 BOM")
			}
		}},
		{"GBK", func(o *Options) { o.GBK = true }, func(t *testing.T, got []byte) {
			if utf8.Valid(got) {
				t.Error("GB18030 body is valid UTF-8: no Chinese in it?")
			}
			if !bytes.Equal(decodeGB18030(t, got), plain) {
				t.Error("GB18030 body does not decode to the plain CSV")
			}
		}},
		{"GBK with BOM", func(o *Options) { o.GBK, o.BOM = true, true }, func(t *testing.T, got []byte) {
			if !bytes.HasPrefix(got, []byte{0x84, 0x31, 0x95, 0x33}) {
				t.Errorf("starts % x, want the GB18030 BOM", got[:4])
			}
			if !bytes.Equal(decodeGB18030(t, got), append([]byte("\uFEFF"), plain...)) {
				t.Error("does not decode to BOM + plain CSV")
			}
		}},
		{"desttrunkname", func(o *Options) { o.HeaderSpelling = "desttrunkname" }, func(t *testing.T, got []byte) {
			want := bytes.Replace(plain, []byte(",dsttrunkname,"), []byte(",desttrunkname,"), 1)
			if !bytes.Equal(got, want) {
				t.Error("not the plain CSV with desttrunkname")
			}
		}},
		{"dstrunkname", func(o *Options) { o.HeaderSpelling = "dstrunkname" }, func(t *testing.T, got []byte) {
			if !bytes.HasPrefix(got, []byte("callid,timestart,callfrom,callto,callduraction,talkduraction,srctrunkname,dstrunkname,status,")) {
				t.Errorf("header %.120q", got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := startPBX(t, V1, tt.change)
			resp, got := p.download(p.login(), "all", dayStart, dayEnd)
			p.wantCSV(resp, got, nil, dayStart, dayEnd)
			tt.check(t, got)
		})
	}
}

func decodeGB18030(t *testing.T, b []byte) []byte {
	t.Helper()
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestQuirkSwitchedBetweenWindows(t *testing.T) {
	p := startPBX(t, V2, nil)
	token := p.login()
	resp, first := p.download(token, "all", "2024-03-13 00:00:00", "2024-03-13 23:59:59")
	p.wantCSV(resp, first, nil, "2024-03-13 00:00:00", "2024-03-13 23:59:59")
	p.srv.Update(func(o *Options) { o.LF = true })
	resp, second := p.download(token, "all", dayStart, dayEnd)
	p.wantCSV(resp, second, nil, dayStart, dayEnd)
	if !bytes.Contains(first, []byte("\r\n")) || bytes.Contains(second, []byte("\r\n")) {
		t.Error("the LF quirk did not apply to the second window only")
	}
}
