package pbxsim

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// columns are the CSV's header names in the PBX's order, misspellings
// included ("callduraction", "talkduraction").
var columns = [...]string{
	"callid", "timestart", "callfrom", "callto", "callduraction", "talkduraction",
	"srctrunkname", "dsttrunkname", "status", "type", "pincode", "recording",
	"didnumber", "sn",
}

// Columns returns the CSV's header names in the PBX's order, misspellings
// included ("callduraction", "talkduraction").
func Columns() []string {
	c := columns // a copy, so callers cannot change the header
	return c[:]
}

// dstTrunkColumn is the index of "dsttrunkname" in columns.
const dstTrunkColumn = 7

// selection is what a download asks for: extensions (nil = all) and an
// inclusive range of PBX wall-clock times.
type selection struct {
	exts       []bool // indexed like extensions; nil = every call
	start, end wallTime
}

// matches reports whether r is inside the selection's time range and
// involves one of its extensions.
func (sel *selection) matches(r *row) bool {
	if sel.exts == nil {
		return true
	}
	return r.from.ext >= 0 && sel.exts[r.from.ext] || r.to.ext >= 0 && sel.exts[r.to.ext]
}

// each calls fn for every selected row in time order until fn returns false.
func (sel *selection) each(o *Options, fn func(*row) bool) {
	g := newGenerator(o)
	written := o.writtenBy()
	for day := sel.start.day(); day <= sel.end.day(); day++ {
		rows := g.day(day)
		for i := range rows {
			r := &rows[i]
			if r.start < sel.start || r.start > sel.end || !sel.matches(r) || !written(r) {
				continue
			}
			if !fn(r) {
				return
			}
		}
	}
}

// empty reports whether no row is selected (stops at the first match).
func (sel *selection) empty(o *Options) bool {
	empty := true
	sel.each(o, func(*row) bool { empty = false; return false })
	return empty
}

// newSelection resolves an extid/number value ("all", "1000",
// "1000,1001"); ok is false when a listed extension does not exist.
func newSelection(exts string, start, end wallTime) (selection, bool) {
	sel := selection{start: start, end: end}
	if exts == "all" {
		return sel, true
	}
	sel.exts = make([]bool, len(extensions))
	for number := range strings.SplitSeq(exts, ",") {
		i, ok := extensionIndex(number)
		if !ok {
			return sel, false
		}
		sel.exts[i] = true
	}
	return sel, true
}

// WriteCSV writes exactly the bytes a cdr/download of the same query serves
// with the current options (header spelling, line ends, BOM, GBK), without
// the HTTP faults. exts nil means "all"; start and end are PBX wall-clock
// times: only their date and clock fields (in their own location) count.
// With EmptyAs20021 a download of an empty range answers JSON instead;
// WriteCSV still writes the header.
func (s *Server) WriteCSV(w io.Writer, exts []string, start, end time.Time) error {
	query := "all"
	if exts != nil {
		query = strings.Join(exts, ",")
	}
	sel, ok := newSelection(query, wallOf(start), wallOf(end))
	if !ok {
		return fmt.Errorf("pbxsim: unknown extension in %q", query)
	}
	o := s.options()
	_, err := writeCSV(w, &o, &sel, 32<<10, CutNone)
	return err
}

// writeCSV streams the selected rows as the PBX's CSV through a buffer of
// bufSize bytes and returns the number of data rows written. With a cut (see
// Options.Cut) it stops inside a row and returns errCut once the bytes before
// the cut are written.
func writeCSV(w io.Writer, o *Options, sel *selection, bufSize int, cut Cut) (int64, error) {
	var gbk io.WriteCloser
	if o.GBK {
		gbk = transform.NewWriter(w, simplifiedchinese.GB18030.NewEncoder())
		w = gbk
	}
	bw := bufio.NewWriterSize(w, bufSize)
	eol := "\r\n"
	if o.LF {
		eol = "\n"
	}
	if o.BOM {
		bw.WriteString("\uFEFF")
	}
	bw.WriteString(headerLine(o.HeaderSpelling, eol))
	var rows int64
	var err error
	scratch := make([]byte, 0, 512)
	renames := trunkRenames(o.TrunkNames)
	sel.each(o, func(r *row) bool {
		if renames != nil {
			r = renamed(r, renames)
		}
		if o.Recordings.Names != nil && r.recording {
			r = renamedRecording(r, o.Recordings.Names)
		}
		scratch = appendRow(scratch[:0], r, o.SerialNumber, eol)
		if cut != CutNone && rows >= int64(o.CutAfterRows) {
			if n := cut.cutAt(scratch, eol); n >= 0 {
				scratch, err = scratch[:n], errCut
			}
		}
		if _, werr := bw.Write(scratch); werr != nil {
			err = werr
		}
		rows++
		return err == nil
	})
	if errors.Is(err, errCut) {
		err = bw.Flush()
		if gbk != nil && err == nil {
			err = gbk.Close()
		}
		if err == nil {
			err = errCut
		}
		return rows - 1, err
	}
	if err == nil {
		err = bw.Flush()
	}
	if gbk != nil && err == nil {
		err = gbk.Close()
	}
	return rows, err
}

// renamed returns r with its trunks renamed (a copy when one is).
func renamed(r *row, renames map[string]string) *row {
	src, okSrc := renames[r.srcTrunk]
	dst, okDst := renames[r.dstTrunk]
	if !okSrc && !okDst {
		return r
	}
	c := *r
	if okSrc {
		c.srcTrunk = src
	}
	if okDst {
		c.dstTrunk = dst
	}
	return &c
}

// renamedRecording returns r with its recording renamed (a copy) when names renames it.
func renamedRecording(r *row, names map[string]string) *row {
	to, ok := names[string(appendRecording(nil, r))]
	if !ok {
		return r
	}
	c := *r
	c.recName = to
	return &c
}

// headerLine is the header row; spelling replaces "dsttrunkname" when set.
func headerLine(spelling, eol string) string {
	cols := columns // a copy: arrays are values
	if spelling != "" {
		cols[dstTrunkColumn] = spelling
	}
	return strings.Join(cols[:], ",") + eol
}

// appendRow appends one CSV row. Numbers are written as text, exactly.
func appendRow(b []byte, r *row, sn, eol string) []byte {
	b = appendCallID(b, r)
	b = append(b, ',')
	b = appendWall(b, r.start, false)
	b = append(b, ',')
	b = appendParty(b, r.from)
	b = append(b, ',')
	b = appendParty(b, r.to)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(r.callDur), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(r.talkDur), 10)
	b = append(b, ',')
	b = append(b, r.srcTrunk...)
	b = append(b, ',')
	b = append(b, r.dstTrunk...)
	b = append(b, ',')
	b = append(b, r.status...)
	b = append(b, ',')
	b = append(b, r.kind...)
	b = append(b, ',')
	b = append(b, r.pin...)
	b = append(b, ',')
	switch {
	case r.recName != "":
		b = append(b, r.recName...)
	case r.recording:
		b = appendRecording(b, r)
	}
	b = append(b, ',')
	b = append(b, r.did...)
	b = append(b, ',')
	b = append(b, sn...)
	return append(b, eol...)
}

func appendCallID(b []byte, r *row) []byte {
	b = strconv.AppendInt(b, r.unix, 10)
	b = append(b, '.')
	return strconv.AppendInt(b, int64(r.seq), 10)
}

// appendRecording appends the recording file name the way Yeastar names
// them: 20191024012719-1571909237.191-4000-4001-Internal.wav.
func appendRecording(b []byte, r *row) []byte {
	b = appendWall(b, r.start, true)
	b = append(b, '-')
	b = appendCallID(b, r)
	b = append(b, '-')
	b = appendParty(b, r.from)
	b = append(b, '-')
	b = appendParty(b, r.to)
	b = append(b, '-')
	b = append(b, r.kind...)
	return append(b, ".wav"...)
}
