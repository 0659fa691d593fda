// Package savedcsv reads call records saved earlier as CSV (by the PBX's own export or
// by cdrdesk) so they can be shown or added to the archive, and decides which PBX they
// belong to. `cdrdesk import` and the window's "Open CSV file…" both use it, so a file
// goes to the same PBX whichever way it is brought in.
package savedcsv
