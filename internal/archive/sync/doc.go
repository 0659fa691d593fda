// Package archivesync brings the archive's copy of one PBX's records up to date
// (design §6): it asks the PBX only for what the archive lacks and commits window by
// window, so that a cancel, a crash or a kill loses no finished window, keeps no half
// one, and the next sync carries on.
//
// # What is fetched
//
// The gaps in the PBX's coverage between the start (Job.Since; on a later sync the
// start of what is covered already, or Job.Since when earlier; on the first sync 12
// months back) and now; the last 2 hours before the previous sync's end count as a
// gap, and the last 2 hours before now are always asked for: a call's record is
// written when it ends, so the calls in progress at a sync are missing from it (one
// still in progress 2 hours after it started is missed). Nothing else covered is asked
// for again. The ranges are fetched oldest first in windows that grow as an export's
// do: the first is Job.Window (a week by default), and after one the PBX answered in
// one download and small the next is twice as long, up to 8 × Job.Window; none spans
// a range covered already (see growth). A kill loses no committed window, keeps no half
// one, and loses at most the download of the window being committed and of the one
// downloading beside it: 16 weeks by default.
// Each is one cdrclient Fetch, so a window the PBX times out on is halved and retried
// down to an hour (and the next window is half as long), a lost connection is resumed
// and a forgotten token is renewed as for any download. A window is committed with its coverage in one
// transaction (Batch.At is the PBX's wall clock at the sync's start, so the holding's
// Updated reads as the PBX's time) while the next one downloads.
//
// # Within a range
//
// A download kept in the archive (Job.Within: the window's Get records) asks only for
// the gaps inside its range, and the last Reread before now when the range reaches
// that far; Since and the first sync's span do not apply. One exception reaches back
// before the range: when it starts inside the last Reread of the previous sync's end,
// that part is asked again, since dating the commits now would otherwise hide that the
// calls then in progress are missing. A range wholly before that end keeps the
// previous sync's date, for the same reason.
//
// # The PBX's key
//
// The archive keeps a PBX's records under its serial number (the CSV's sn column)
// when known, else its address (design §6). A sync uses Job.SN, which the caller keeps
// with the saved connection (see Result.SN); without it, the PBX of the archive that
// bears the connection's name; without either, it learns the serial number from the
// first rows it downloads. Windows with no rows before that are held back and
// committed under the serial number once it is known, so coverage does not split
// between two keys. Only a sync that finds no rows at all, or rows without an sn
// column (older firmware), keeps its coverage under the address. When the serial
// number is learned, a holding under the address that has no records (coverage of
// empty ranges only) is forgotten: its ranges are asked for again under the serial
// number, at the cost of empty downloads; one with records (a file imported without
// an sn column) is left as it is.
package archivesync
