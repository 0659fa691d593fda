package savedcsv

import (
	"errors"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
)

// ErrUnknownPBX says a file does not tell which PBX its records are from (it has no sn
// column) and none was named.
var ErrUnknownPBX = errors.New("the file has no sn column to tell its PBX, and no PBX was named")

// PBX is the PBX whose records t holds: the serial number in its sn column, else
// named's key (the connection the person named, or is connected to). Its name is
// named's, else the archive's name for that key (from holdings), else the key.
func PBX(t *cdrclient.Table, named archive.PBX, holdings []archive.Holding) (archive.PBX, error) {
	out := archive.PBX{Key: named.Key, Name: named.Name}
	if col := t.Column(cdrclient.ColSN); col >= 0 && t.Len() > 0 {
		if sn := t.Field(0, col); sn != "" {
			out.Key = sn
		}
	}
	if out.Key == "" {
		return out, ErrUnknownPBX
	}
	if out.Name == "" {
		out.Name = out.Key
		for _, h := range holdings {
			if h.PBX.Key == out.Key {
				out.Name = h.PBX.Name
			}
		}
	}
	return out, nil
}
