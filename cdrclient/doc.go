// Package cdrclient talks to the HTTP API of a Yeastar S-Series PBX (and OEM editions of
// its firmware) to download call detail records (CDR).
//
// A [Session] logs in with the MD5 of the API password, keeps its token alive, logs in
// again once when the PBX forgets the token, and never retries a refused login (the PBX
// locks the computer out after five): after one it logs in no more by itself, and
// Config.OnLogin hears every login it sends, so a user interface can count them. [Session.Fetch] downloads a time range window by
// window using the PBX's two steps (cdr/get_random, then cdr/download within 30 seconds)
// and streams the CSV, exactly as sent, to any io.Writer; a [Table] keeps those bytes and
// indexes the records in them.
//
// Errors are typed ([AuthError], [LockedOutError], [CertificateError], [APIError], ...)
// so that a user interface can say what happened and what to do. The package imports no
// GUI toolkit.
package cdrclient
