// Package atomicfile is the one place that writes report files.
//
// A file is either written completely or not at all: the bytes go to a
// temporary file beside the destination, which is moved into place only
// after everything has been written and flushed to disk. A failed or
// cancelled write leaves no file behind and an existing file untouched.
package atomicfile
