package cdrclient

// Record is one call record of a Table, read through the header names. It is a small
// value (a table and a row number); its methods decode on every call.
type Record struct {
	t   *Table
	row int
}

// Record returns record row (in [0, Len())).
func (t *Table) Record(row int) Record {
	t.checkRow(row)
	return Record{t: t, row: row}
}

// Row returns the record's row number in its table.
func (r Record) Row() int { return r.row }

// Get returns the value of the named column (canonical names and aliases accepted),
// or "" if the table has no such column.
func (r Record) Get(name string) string { return r.t.Field(r.row, r.t.Column(name)) }

func (r Record) std(i int) string { return r.t.Field(r.row, r.t.std[i]) }

// CallID returns callid: "<unix seconds>.<sequence>", the seconds being the start in UTC.
func (r Record) CallID() string { return r.std(0) }

// TimeStart returns timestart, "yyyy-mm-dd hh:mm:ss" in PBX local time (see ParsePBXTime).
func (r Record) TimeStart() string { return r.std(1) }

// CallFrom returns the caller's number, as text (leading zeros and "+" kept).
func (r Record) CallFrom() string { return r.std(2) }

// CallTo returns the called number, as text.
func (r Record) CallTo() string { return r.std(3) }

// CallDuration returns callduraction: total seconds, ringing included (see ParseSeconds).
func (r Record) CallDuration() string { return r.std(4) }

// TalkDuration returns talkduraction: seconds from answer to hang-up.
func (r Record) TalkDuration() string { return r.std(5) }

// SrcTrunk returns the source trunk name (user-defined text).
func (r Record) SrcTrunk() string { return r.std(6) }

// DstTrunk returns the destination trunk name, whichever spelling the header used.
func (r Record) DstTrunk() string { return r.std(7) }

// Status returns ANSWERED, NO ANSWER, BUSY, FAILED, VOICEMAIL or whatever else the PBX wrote.
func (r Record) Status() string { return r.std(8) }

// Type returns Inbound, Outbound, Internal, Transfer, Callback or whatever else the PBX wrote.
func (r Record) Type() string { return r.std(9) }

// PinCode returns the PIN entered on a PIN-protected outbound route.
func (r Record) PinCode() string { return r.std(10) }

// Recording returns the recording's file name, "" if none.
func (r Record) Recording() string { return r.std(11) }

// DIDNumber returns the DID the caller dialled.
func (r Record) DIDNumber() string { return r.std(12) }

// SN returns the PBX serial number.
func (r Record) SN() string { return r.std(13) }
