package pbxsim

import (
	"slices"
	"time"
)

// API version path segments the simulator can serve.
const (
	V2 = "v2.0.0" // v2 dialect: "number", extension/list
	V1 = "v1.1.0" // v1 dialect: "extid", extensionlist/query
	V0 = "v0.0.1" // the OEM edition's path for the v1 dialect
)

// Options configure a Server. Zero fields take the defaults of DefaultOptions,
// so Options{} is a working demo PBX. Every bool quirk defaults to the
// behaviour the reference calls most likely; switching it on shows the
// other plausible behaviour of an UNSURE point.
type Options struct {
	// User and Password are the API credentials (the password in clear; the
	// login must send its lowercase hex MD5).
	User, Password string
	// Versions lists the served path segments (V2, V1, V0); others answer
	// 404. Any segment but V2 speaks the v1 dialect.
	Versions []string
	// Now is the clock for token, random and lockout expiry.
	Now func() time.Time
	// Location is the PBX's time zone: timestart is written in it.
	Location *time.Location
	// Seed selects the generated call history.
	Seed uint64
	// CallsPerDay is the mean number of CSV rows per PBX-local day over a
	// week (weekdays busier, weekends quiet). A call writes 1.33 rows on
	// average (hunt groups 2–4, transfers 2), so a day has about
	// CallsPerDay/1.33 calls; 2740 gives about a million rows a year.
	CallsPerDay int
	// SerialNumber is written in the sn column.
	SerialNumber string
	// Live makes the history end at Now, as a real PBX's does: a call's rows are
	// served once the call has ended (timestart plus duration reached by Now's wall
	// clock in Location), so new calls appear as a Clock moves on and a call in
	// progress is missing from a download that asks for its start.
	Live bool

	// SingleSession makes a login invalidate the user's earlier tokens.
	SingleSession bool
	// PlusIsLiteral keeps '+' in the download query a plus instead of a space.
	PlusIsLiteral bool
	// EmptyAs20021 answers errno 20021 instead of a header-only CSV.
	EmptyAs20021 bool
	// LF ends CSV rows with "\n" instead of "\r\n".
	LF bool
	// BOM prefixes the CSV with a byte order mark (U+FEFF in the CSV's encoding).
	BOM bool
	// GBK encodes the CSV as GB18030 instead of UTF-8.
	GBK bool
	// TrunkNames renames trunks in the CSV: each key is one of the simulator's
	// trunk names (see TrunkNames), its value the name written instead. With
	// GBK, "太原" is a name whose GBK bytes happen to be valid UTF-8.
	TrunkNames map[string]string
	// HeaderSpelling, when set, replaces the "dsttrunkname" column name
	// (the documentation also spells it "desttrunkname" and "dstrunkname").
	HeaderSpelling string
	// CloseDelimited sends the CSV without chunked encoding: the body ends
	// when the connection closes, as HTTP/1.0-style servers do, so a cut body
	// looks like a clean end of file.
	CloseDelimited bool
	// DownloadErrorsAsFile sends cdr/download JSON errors with the headers of
	// a file (octet-stream, attachment), so only sniffing the body tells.
	DownloadErrorsAsFile bool

	// Fail500Once answers the next successful cdr/download with HTTP 500; it
	// switches itself off after firing.
	Fail500Once bool
	// TimeoutOverDays answers HTTP 504 to a download whose range spans more
	// than this many days (0 = off).
	TimeoutOverDays int
	// DropAfterBytes cuts the CSV body after this many bytes by aborting the
	// connection (0 = off).
	DropAfterBytes int64
	// Cut closes the connection in the middle of a CSV body, at the place it
	// names in a row (CutMidRow, CutInQuote, CutAtLineEnd); with CloseDelimited
	// the client sees a clean end of file. CutNone (0) = off.
	Cut Cut
	// CutAfterRows is how many rows are sent whole before the cut: the cut is
	// in the first suitable row after them (for CutInQuote, one with a quoted
	// field). A body with no such row is sent whole.
	CutAfterRows int
	// CutOnce switches Cut off after the first download that it applied to.
	CutOnce bool
	// SlowBody is slept (real time) before every chunk of a CSV body.
	SlowBody time.Duration
	// DownloadDelay is slept (real time) before a download's response headers.
	DownloadDelay time.Duration
	// DelayAfterDownloads, when positive, serves that many downloads (as counted in
	// Stats since the last ResetStats) without DownloadDelay: a client is held in the
	// middle of a job of several windows, with the first ones done.
	DelayAfterDownloads int
	// APIServiceDown answers errno 30003 to every endpoint.
	APIServiceDown bool
	// CutAnswerOnce names an endpoint ("login", "heartbeat", "cdr/get_random", …)
	// whose next JSON answer is cut off halfway, well framed, as a glitch on the way
	// can leave it; it switches itself off after firing.
	CutAnswerOnce string
	// GarbleAnswerOnce is CutAnswerOnce with the second half of the answer garbled
	// instead. When both name one endpoint, its next two answers are unreadable.
	GarbleAnswerOnce string

	// EchoEarlierStart makes cdr/get_random echo a starttime this much before
	// the one asked for (a vendor example echoes other times than it was
	// sent); the key is granted for the echoed period, so a client that
	// composes the download from the echo gets that period's rows.
	EchoEarlierStart time.Duration
	// RowsEarlierStart makes cdr/download send rows from this much before the
	// starttime it was given, as firmware that ignores part of the query does.
	RowsEarlierStart time.Duration

	// Recordings configures recording/get_random and recording/download.
	Recordings RecordingOptions
}

// Defaults used by DefaultOptions and for zero Options fields.
const (
	DefaultUser         = "api"
	DefaultPassword     = "demo1234"
	DefaultCallsPerDay  = 120
	DefaultSerialNumber = "369392534749"
)

// DefaultOptions returns the demo PBX: user "api", password "demo1234", all
// three API versions, the real clock, UTC+8 ("CST"), 120 rows a day.
func DefaultOptions() Options {
	return Options{
		User:         DefaultUser,
		Password:     DefaultPassword,
		Versions:     []string{V2, V1, V0},
		Now:          time.Now,
		Location:     DefaultLocation(),
		CallsPerDay:  DefaultCallsPerDay,
		SerialNumber: DefaultSerialNumber,
	}
}

// DefaultLocation is the PBX zone used when Options.Location is nil: a fixed
// UTC+8 named "CST", so it works on machines without tzdata.
func DefaultLocation() *time.Location {
	return time.FixedZone("CST", 8*60*60)
}

// withDefaults fills the zero fields of o.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.User == "" {
		o.User = d.User
	}
	if o.Password == "" {
		o.Password = d.Password
	}
	if len(o.Versions) == 0 {
		o.Versions = d.Versions
	}
	o.Versions = slices.Clone(o.Versions)
	if o.Now == nil {
		o.Now = d.Now
	}
	if o.Location == nil {
		o.Location = d.Location
	}
	if o.CallsPerDay <= 0 {
		o.CallsPerDay = d.CallsPerDay
	}
	if o.SerialNumber == "" {
		o.SerialNumber = d.SerialNumber
	}
	return o
}

// serves reports whether version is one of the served path segments.
func (o *Options) serves(version string) bool {
	return slices.Contains(o.Versions, version)
}

// RecordingOptions configure the recordings the simulator serves and their faults
// (recording/get_random and recording/download). A recording is served for every row
// whose recording column names one (see Options.Recordings).
type RecordingOptions struct {
	// Seconds is every recording's length (0 = DefaultRecordingSeconds).
	Seconds int
	// Missing names recordings the CSV lists but the PBX no longer has (deleted, or
	// the disk replaced): both steps answer 20014 for them.
	Missing []string
	// Names renames recordings: each key is a file name the simulator would write
	// in the recording column, its value the name written and served instead (CSV-ready:
	// no comma, quote or line break), e.g. one with characters Windows forbids.
	Names map[string]string
	// Fail500Once answers the next recording/download that would succeed with HTTP
	// 500; it switches itself off after firing.
	Fail500Once bool
	// DropAfterBytes cuts a recording's body after this many bytes by aborting the
	// connection (0 = off).
	DropAfterBytes int64
	// DropOnce switches DropAfterBytes off after the first body it cut.
	DropOnce bool
	// SlowBody is slept (real time) before every chunk of a recording's body.
	SlowBody time.Duration
	// NoLength sends recordings without Content-Length, ending the body by closing
	// the connection (as CloseDelimited does for the CSV): a cut then looks like a
	// clean end of file, and only the WAV header's sizes tell.
	NoLength bool
}
