// Package archive is cdrdesk's keeping of call records beyond the PBX (design §6):
// every record downloaded is kept per PBX, exactly as the PBX sent it (raw row bytes,
// so a "CSV as sent" of any range stays byte-exact), de-duplicated on the whole row,
// with the ranges held completely (coverage) recorded, so that a sync asks the PBX only
// for what is missing and a covered range is answered with no PBX at all.
//
// This package holds what every archive shares: the Store interface, its types and its
// errors. The stores themselves are an embedded SQLite file (the default, one
// computer) and a PostgreSQL database (several computers or branches), each in a
// package of its own; both pass the same conformance tests.
package archive
