package report

import (
	"strings"

	"golang.org/x/text/width"
)

const (
	defaultColumnWidth = 14
	maxColumnWidth     = 50
	// filterButtonWidth leaves room for the autofilter's drop-down arrow, which
	// covers the end of the header cell.
	filterButtonWidth = 3
)

// columnWidth returns the width, in Excel's character units, of the column called
// name whose header shows label: wide enough for the column's usual values and for
// the label.
func columnWidth(name, label string) float64 {
	w := max(contentWidth(name), DisplayWidth(label)+filterButtonWidth)
	return float64(min(w, maxColumnWidth))
}

// contentWidth is the width the usual values of a PBX column need.
func contentWidth(name string) int {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "timestart":
		return 20 // 2020-05-12 17:05:28
	case "callid", "callfrom", "callto", "didnumber", "sn":
		return 16 // 1589299528.4, +8613800138000, 369392534749
	case "callduraction", "talkduraction", "callduration", "talkduration", "status", "type", "pincode":
		return 11
	case "srctrunkname", "dsttrunkname", "desttrunkname", "dstrunkname":
		return 18
	case "recording":
		return 36 // the PBX's file names are long
	}
	return defaultColumnWidth
}

// DisplayWidth counts s in character cells: Chinese and other wide characters take
// two, as they do in Excel's grid.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
