package callreport

import (
	"bytes"
	"math"

	"cdrdesk/cdrclient"
)

// Kinds of leg and call (the type column), and the answered bit, in one byte.
const (
	kindOther    uint8 = iota // Callback, an unknown type, or empty
	kindInbound               // Inbound
	kindOutbound              // Outbound
	kindInternal              // Internal
	kindTransfer              // Transfer
	kindMask     uint8 = 7

	answeredBit uint8 = 1 << 3                          // status ANSWERED (any letter case)
	dictBitRow  uint8 = 1 << 4                          // some key of the row needs the dictionary pass
	shortRow    uint8 = 1 << 5                          // callduraction is a number below Settings.IgnoreShorter
	formRow     uint8 = 3 << 6                          // how the external number is written (numberForm)
	rowOnly           = dictBitRow | shortRow | formRow // bits of a row that its leg does not keep
)

// rings reports whether a leg of this kind rings its callto: an inbound or internal
// leg, and a transfer, which hands the call on to its callto.
func rings(kind uint8) bool {
	return kind == kindInbound || kind == kindInternal || kind == kindTransfer
}

// places reports whether a leg of this kind is placed by its callfrom extension.
func places(kind uint8) bool { return kind == kindOutbound || kind == kindInternal }

// Keys of callids: a "<seconds>.<sequence>" callid packs exactly; an empty callid is a
// call of its own (its row number makes the key unique); others go to the dictionary.
const (
	callParsedBit = 1 << 61
	callOwnBit    = 1 << 62
	maxCallSecs   = 1 << 39
	maxCallSeq    = 1 << 22
)

const noSeconds = math.MaxUint32 // a duration that is empty or not a number

// rowData is what the fold needs of every row, read once, in parts, concurrently.
type rowData struct {
	callKey []uint64 // see callParsedBit
	start   []int64  // wall-clock seconds or noTime
	flags   []uint8  // kind | answeredBit | dictBitRow | shortRow | formRow
	talk    []uint32 // talkduraction, 0 when not a number
	number  []uint64 // key of the external number of the leg's side (inbound: callfrom; outbound: callto); 0 none
	fromExt []uint64 // packed callfrom of a leg its callfrom places; 0 none
	toExt   []uint64 // packed callto of a leg that rings it; 0 none
}

// columns are the indexes of the columns read (-1 when missing: fields read as "").
type columns struct {
	callID, start, from, to, dur, talk, status, kind int
}

func columnsOf(t *cdrclient.Table) columns {
	return columns{
		callID: t.Column(cdrclient.ColCallID), start: t.Column(cdrclient.ColTimeStart),
		from: t.Column(cdrclient.ColCallFrom), to: t.Column(cdrclient.ColCallTo),
		dur: t.Column(cdrclient.ColCallDuration), talk: t.Column(cdrclient.ColTalkDuration),
		status: t.Column(cdrclient.ColStatus), kind: t.Column(cdrclient.ColType),
	}
}

// readRows reads every row of t, in parts on every CPU.
func readRows(t *cdrclient.Table, s Settings, split splitter) *rowData {
	n := t.Len()
	d := &rowData{
		callKey: make([]uint64, n), start: make([]int64, n), flags: make([]uint8, n),
		talk: make([]uint32, n), number: make([]uint64, n),
		fromExt: make([]uint64, n), toExt: make([]uint64, n),
	}
	c := columnsOf(t)
	split.run(n, func(lo, hi int) {
		rr := rowReader{cc: s.CountryCode, ignore: s.ignoreSeconds(), key: make([]byte, 0, 64)}
		rr.read(d, t, c, lo, hi)
	})
	return d
}

// Columns of a row as read, in the order read fetches them.
const (
	fKind = iota
	fStatus
	fCallID
	fStart
	fTalk
	fDur
	fFrom
	fTo
	nFields
)

// read fills rows [lo, hi). Most rows' values are their raw bytes in the table
// (Table.PlainFields, no copy); the others are decoded into a reused buffer.
func (rr *rowReader) read(d *rowData, t *cdrclient.Table, c columns, lo, hi int) {
	cols := []int{fKind: c.kind, fStatus: c.status, fCallID: c.callID, fStart: c.start,
		fTalk: c.talk, fDur: c.dur, fFrom: c.from, fTo: c.to}
	if rr.ignore == 0 { // no ring is shorter than 0 s: the duration is not read
		cols[fDur] = -1
	}
	fields := make([][]byte, nFields)
	ends := make([]int, nFields)
	var buf []byte
	for r := lo; r < hi; r++ {
		if !t.PlainFields(fields, r, cols) {
			buf = t.AppendFields(buf[:0], ends, r, cols) // kept: it grows to the longest row once
			from := 0
			for f, end := range ends {
				fields[f], from = buf[from:end], end
			}
		}
		rr.set(d, r, fields)
	}
}

// rowReader decodes the fields of one row into rowData; it keeps a scratch buffer
// and the last date read, which most rows share with the row before.
type rowReader struct {
	cc     string // Settings.CountryCode
	ignore uint32 // Settings.IgnoreShorter in seconds
	key    []byte
	day    dayCache
}

func (rr *rowReader) set(d *rowData, r int, fields [][]byte) {
	fields = fields[:nFields]
	var needDict bool
	kind := kindOf(trim(fields[fKind]))
	flags := kind
	if isAnswered(trim(fields[fStatus])) {
		flags |= answeredBit
	}
	k, ok := callKey(trim(fields[fCallID]), r)
	d.callKey[r], needDict = k, !ok
	d.start[r] = rr.day.parseStart(fields[fStart])
	if talk := seconds(trim(fields[fTalk])); talk != noSeconds {
		d.talk[r] = talk
	}
	if dur := seconds(trim(fields[fDur])); dur != noSeconds && dur < rr.ignore {
		flags |= shortRow
	}
	var num, fromExt, toExt uint64
	from, to := trim(fields[fFrom]), trim(fields[fTo])
	var form numberForm
	switch kind {
	case kindInbound:
		num, ok, form = rr.numberKey(from)
		needDict = needDict || !ok
		if len(from) != len(fields[fFrom]) {
			form = formOther // spaces around it
		}
	case kindOutbound:
		num, ok, form = rr.numberKey(to)
		needDict = needDict || !ok
		if len(to) != len(fields[fTo]) {
			form = formOther
		}
	}
	flags |= uint8(form) << 6
	if places(kind) {
		fromExt, ok = packedOrDict(from)
		needDict = needDict || !ok
	}
	if rings(kind) {
		toExt, ok = packedOrDict(to)
		needDict = needDict || !ok
	}
	d.number[r], d.fromExt[r], d.toExt[r] = num, fromExt, toExt
	if needDict {
		flags |= dictBitRow
	}
	d.flags[r] = flags
}

// numberKey packs the comparison form of an external number (see NumberKey); ok is
// false when it must be numbered in the dictionary. form says how b writes it.
func (rr *rowReader) numberKey(b []byte) (key uint64, ok bool, form numberForm) {
	// Most numbers are digits after the prefix: then the form is b without it.
	cut := numberPrefix(b, rr.cc)
	if k, ok := packDigits(b[cut:]); ok {
		switch {
		case cut == 0:
			return k, true, formBare
		case cut == 1:
			return k, true, formZero
		case b[0] == '+':
			return k, true, formPlus
		}
		return k, true, formOther
	}
	rr.key = appendNumberKey(rr.key[:0], b, rr.cc)
	key, ok = packedOrDict(rr.key)
	return key, ok, formOther
}

// isAnswered reports whether a status is ANSWERED, in any letter case.
func isAnswered(b []byte) bool {
	return string(b) == "ANSWERED" || len(b) == len("ANSWERED") && bytes.EqualFold(b, []byte("ANSWERED"))
}

// packedOrDict packs b; ok is false when b must be numbered in the dictionary
// (the key is then dictBit, a placeholder). Empty b is key 0, "none".
func packedOrDict(b []byte) (uint64, bool) {
	if len(b) == 0 {
		return 0, true
	}
	if k, ok := packDigits(b); ok {
		return k, true
	}
	return dictBit, false
}

// callKey packs a callid; ok is false when it must be numbered in the dictionary.
func callKey(b []byte, row int) (uint64, bool) {
	if len(b) == 0 {
		return callOwnBit | uint64(row), true
	}
	dot := bytes.IndexByte(b, '.')
	if dot < 0 {
		return dictBit, false
	}
	secs, ok1 := canonicalNumber(b[:dot], maxCallSecs)
	seq, ok2 := canonicalNumber(b[dot+1:], maxCallSeq)
	if !ok1 || !ok2 {
		return dictBit, false
	}
	return callParsedBit | secs<<22 | seq, true
}

// canonicalNumber reads digits without a leading zero (except "0") below limit, so
// that two callids with the same numbers are the same text.
func canonicalNumber(b []byte, limit uint64) (uint64, bool) {
	if len(b) == 0 || len(b) > 1 && b[0] == '0' || len(b) > 13 {
		return 0, false
	}
	v, ok := digitsValue(b)
	return v, ok && v < limit
}

func kindOf(b []byte) uint8 {
	switch string(b) { // as the PBX writes them, before any letter case
	case "Inbound":
		return kindInbound
	case "Outbound":
		return kindOutbound
	case "Internal":
		return kindInternal
	case "Transfer":
		return kindTransfer
	}
	if len(b) < 7 { // the shortest name, "Inbound", has 7 letters
		return kindOther
	}
	switch b[0] | 0x20 { // the first letter decides which name to compare
	case 'i':
		switch {
		case bytes.EqualFold(b, []byte("Inbound")):
			return kindInbound
		case bytes.EqualFold(b, []byte("Internal")):
			return kindInternal
		}
	case 'o':
		if bytes.EqualFold(b, []byte("Outbound")) {
			return kindOutbound
		}
	case 't':
		if bytes.EqualFold(b, []byte("Transfer")) {
			return kindTransfer
		}
	}
	return kindOther
}

// seconds reads a whole number of seconds (already trimmed); noSeconds otherwise.
func seconds(b []byte) uint32 {
	if len(b) > 9 {
		return noSeconds
	}
	if v, ok := digitsValue(b); ok {
		return uint32(v)
	}
	return noSeconds
}
