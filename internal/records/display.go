package records

import (
	"strconv"

	"cdrdesk/cdrclient"
)

// DisplayDuration shows a duration column's value: "h:mm:ss" ("3723" → "1:02:03"),
// or the number of seconds when asSeconds is set ("3723"). A value that is not a
// whole number of seconds (empty, "n/a") is returned as it is.
func DisplayDuration(raw string, asSeconds bool) string {
	sec, ok := cdrclient.ParseSeconds(raw)
	switch {
	case !ok:
		return raw
	case asSeconds:
		return strconv.Itoa(sec)
	}
	return cdrclient.FormatDuration(sec)
}

// Party shows a callfrom or callto number with the extension's name: "1000 张伟"
// when names has a name for it that differs from the number, else the number.
func Party(number string, names map[string]string) string {
	if name := names[number]; name != "" && name != number {
		return number + " " + name
	}
	return number
}
