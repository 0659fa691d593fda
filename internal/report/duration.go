package report

import "strconv"

// maxSeconds bounds the durations shown as numbers: Excel stores numbers as
// float64, exact for integers up to 2^53. Anything larger is not a real call
// duration and is written verbatim.
const maxSeconds = 1 << 53

// parseSeconds reads a duration the PBX wrote as whole seconds: ASCII digits only,
// no sign, no spaces. ok is false for anything else, which callers write verbatim.
func parseSeconds(s string) (secs uint64, ok bool) {
	secs, err := strconv.ParseUint(s, 10, 64)
	if err != nil || secs > maxSeconds {
		return 0, false
	}
	return secs, true
}

// formatHMS writes secs as h:mm:ss with as many hour digits as needed
// ("0:00:42", "1:02:03", "27:00:00"), the form Excel shows for [h]:mm:ss.
func formatHMS(secs uint64) string {
	b := strconv.AppendUint(make([]byte, 0, 16), secs/3600, 10)
	b = appendTwoDigits(append(b, ':'), secs/60%60)
	b = appendTwoDigits(append(b, ':'), secs%60)
	return string(b)
}

func appendTwoDigits(b []byte, n uint64) []byte {
	return append(b, byte('0'+n/10), byte('0'+n%10))
}
