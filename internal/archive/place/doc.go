// Package place says where the archive is and opens it (design §2 and §6): the
// --archive flag, else $CDRDESK_ARCHIVE, else archive.db in cdrdesk's folder of the
// user's data folder (%LOCALAPPDATA%\cdrdesk on Windows, $XDG_DATA_HOME/cdrdesk or
// ~/.local/share/cdrdesk elsewhere). A location is a file path (an SQLite archive) or
// a postgres:// or postgresql:// connection string (a PostgreSQL archive). The window
// and the command line both choose and open archives here.
package place
