// Package pbxsim simulates the HTTP API of a Yeastar S-Series PBX as
// described in /work/shared/reference/yeastar-s-series-api.md, for the
// client's tests, benchmarks, the app's demo mode and `cdrdesk demo-pbx`.
// It is written from the reference alone and does not import cdrclient, so
// the client is never tested against a mirror of itself.
//
// What is simulated:
//
//   - Paths /api/{version}/{endpoint} for the versions in Options.Versions
//     (v2.0.0, v1.1.0, v0.0.1); another version answers HTTP 404, an
//     unknown endpoint errno 10003. v2 uses "number" and extension/list,
//     v1 "extid" and extensionlist/query; the other dialect's key is a
//     blank parameter (10004), its endpoint unknown (10003).
//   - POST with a JSON body of strings, HTTP 200 with
//     {"status":"Success",...} or {"status":"Failed","errno":"NNNNN"},
//     Boa's headers (Connection: close, Access-Control-*).
//   - login (MD5 password, port check on v1, lockout of the client IP for
//     10 minutes after 5 wrong logins in a row), tokens that expire after
//     30 minutes without use (20006, told apart from unknown 20004 and
//     blank 20005), heartbeat, logout, the extension list.
//   - cdr/get_random and the one-time, 30-second, same-query, same-token
//     cdr/download link, restricted to the login host or allowedip.
//   - recording/get_random and recording/download: for every row whose
//     recording column names a file, a valid 8 kHz 16-bit WAV whose samples
//     follow from the name alone (WriteRecording gives the same bytes); the
//     key is for one download of that file within 30 s (20012 otherwise); an
//     unknown or Recordings.Missing file is 20014. Faults and names are in
//     Options.Recordings.
//   - A deterministic, unbounded call history generated per PBX-local day
//     from (Seed, date): the same window always gives the same bytes and
//     windows add up to the whole range. The CSV is streamed, never held.
//     It has what real offices' histories have: calls to ring groups and a
//     queue that write a leg per extension rung (2–4 rows, same callid and
//     timestart, at most one ANSWERED; some with nobody answering or a
//     VOICEMAIL leg), transfers (a Transfer leg that takes over part of the
//     talk time), a pool of repeat customers whose numbers the trunks and
//     the staff write in several forms (13812345678, 013812345678,
//     +8613812345678, 008613812345678; 02158889999, +862158889999), and
//     call-backs of missed calls: answered within 24 h, only tried, or
//     answered more than 24 h later, on the following days.
//   - TLS 1.2 only with a self-signed certificate (StartTLS), or plain
//     HTTP (StartHTTP). Options.Now takes a Clock for expiry tests.
//   - With Live, a history that ends at Now: calls appear as the Clock moves
//     on, each once it has ended (for incremental sync tests).
//
// The reference marks some behaviour UNSURE; the default is the likelier
// behaviour and a flag shows the other:
//
//   - second login invalidates the first token: SingleSession
//   - '+' in the download query is not a space: PlusIsLiteral
//   - an empty range answers 20021 instead of a header-only CSV: EmptyAs20021
//   - CSV line ends, BOM, encoding: LF, BOM, GBK (GB18030); TrunkNames
//     renames trunks, for example to 太原, whose GBK bytes are valid UTF-8
//   - the dsttrunkname column spelled as in the docs: HeaderSpelling
//   - download errors sent with file headers, so only sniffing tells: DownloadErrorsAsFile
//   - body ended by closing the connection instead of chunked: CloseDelimited
//   - one call, several rows: always on (hunt-group legs and "Transfer"
//     rows share the call's callid and timestart)
//
// Faults for tests: Fail500Once, TimeoutOverDays (HTTP 504),
// DropAfterBytes (connection cut mid-body), Cut (connection cut at a
// chosen place in a row: mid-row, inside a quoted field, before the line
// ending; once or always), SlowBody, DownloadDelay (from a chosen download on:
// DelayAfterDownloads),
// APIServiceDown (30003). Server.Update changes any option while running.
//
// Where the reference is silent the simulator is strict, so that client
// mistakes show: a non-string JSON value answers 20000 (an empty body is
// an empty object); extension lists take no spaces ("1000,1001"); a
// random is used up by the first download presenting it with a valid
// token, even one that fails; a token is expired at exactly 30 minutes, a
// random at exactly 30 seconds; only wrong credentials count toward the
// lockout; on v2 the login port is optional but checked when given; the
// heartbeat's ipaddr/port are not checked (the vendor's own example omits
// them).
package pbxsim
