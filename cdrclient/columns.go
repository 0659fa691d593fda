package cdrclient

import (
	"strings"
	"unicode"
)

// Canonical column names of the PBX's CDR CSV, in the PBX's order. The misspellings
// ("duraction") are the PBX's own and are kept so that names match its files.
const (
	ColCallID       = "callid"
	ColTimeStart    = "timestart"
	ColCallFrom     = "callfrom"
	ColCallTo       = "callto"
	ColCallDuration = "callduraction"
	ColTalkDuration = "talkduraction"
	ColSrcTrunk     = "srctrunkname"
	ColDstTrunk     = "dsttrunkname"
	ColStatus       = "status"
	ColType         = "type"
	ColPinCode      = "pincode"
	ColRecording    = "recording"
	ColDIDNumber    = "didnumber"
	ColSN           = "sn"
)

// StandardColumns lists the 14 columns a PBX sends, in its order. Treat it as
// read-only: it is shared by everything that needs the standard header.
var StandardColumns = []string{
	ColCallID, ColTimeStart, ColCallFrom, ColCallTo, ColCallDuration, ColTalkDuration,
	ColSrcTrunk, ColDstTrunk, ColStatus, ColType, ColPinCode, ColRecording,
	ColDIDNumber, ColSN,
}

// CanonicalColumn returns the canonical form of a header name: surrounding white space
// and byte order marks trimmed, lower case, and the documentation's other spellings of
// dsttrunkname ("desttrunkname", "dstrunkname") mapped to it. Unknown names are
// returned trimmed but otherwise as they are.
func CanonicalColumn(name string) string {
	name = trimColumnName(name)
	lower := strings.ToLower(name)
	switch lower {
	case "desttrunkname", "dstrunkname":
		return ColDstTrunk
	}
	for _, c := range StandardColumns {
		if lower == c {
			return c
		}
	}
	return name
}

// trimColumnName removes the white space and byte order marks that spreadsheet tools
// and the PBX may leave around a header name.
func trimColumnName(name string) string {
	return strings.TrimFunc(name, func(r rune) bool {
		return r == '\ufeff' || unicode.IsSpace(r)
	})
}
