package callreport

import (
	"fmt"
	"time"

	"cdrdesk/cdrclient"
)

// Settings are the choices the definitions leave to the person.
type Settings struct {
	// CountryCode is the country's calling code without "+" (1 to 4 digits): a leading
	// +<code> or 00<code> is removed before numbers are compared. Default "86".
	CountryCode string
	// CallbackWindow is how long after a missed call a call-back counts. Default 24h.
	CallbackWindow time.Duration
	// IgnoreShorter: unanswered calls whose total duration (callduraction of the
	// earliest leg) is shorter than this are not counted as missed. Default 0.
	IgnoreShorter time.Duration
	// BusinessHours splits calls into in hours and after hours. Default Mon-Fri
	// 09:00-18:00.
	BusinessHours BusinessHours
}

// DefaultSettings returns the defaults of the definitions.
func DefaultSettings() Settings {
	return Settings{
		CountryCode:    "86",
		CallbackWindow: 24 * time.Hour,
		BusinessHours:  defaultBusinessHours(),
	}
}

// Fixed English sentences of the settings' input errors; internal/explain translates them.
const (
	MsgCountryCode    = "a country code is 1 to 4 digits, like 86"
	MsgCallbackWindow = "the call-back window must be longer than 0 and at most 31 days, like 24h"
	MsgIgnoreShorter  = "the shortest ring to count must be 0 or more seconds, at most 1 hour, like 5s"
)

// maxCallbackWindow keeps times (seconds) far from overflow and the window sensible.
const maxCallbackWindow = 31 * 24 * time.Hour

// Validate reports the first setting that is out of range, as a *cdrclient.InputError
// naming the command line's flag.
func (s Settings) Validate() error {
	if !validCountryCode(s.CountryCode) {
		return &cdrclient.InputError{Field: "country-code", Msg: MsgCountryCode, Value: s.CountryCode}
	}
	if s.CallbackWindow <= 0 || s.CallbackWindow > maxCallbackWindow {
		return &cdrclient.InputError{Field: "callback-window", Msg: MsgCallbackWindow, Value: s.CallbackWindow.String()}
	}
	if s.IgnoreShorter < 0 || s.IgnoreShorter > time.Hour {
		return &cdrclient.InputError{Field: "ignore-shorter", Msg: MsgIgnoreShorter, Value: s.IgnoreShorter.String()}
	}
	if err := s.BusinessHours.validate(); err != nil {
		return err
	}
	return nil
}

func validCountryCode(cc string) bool {
	if len(cc) < 1 || len(cc) > 4 {
		return false
	}
	for i := range len(cc) {
		if cc[i] < '0' || cc[i] > '9' {
			return false
		}
	}
	return true
}

// windowSeconds and ignoreSeconds are the durations in whole seconds, as the PBX counts.
func (s Settings) windowSeconds() int64 { return int64(s.CallbackWindow / time.Second) }

func (s Settings) ignoreSeconds() uint32 {
	// A part of a second rounds up: "shorter than 4.5 s" ignores a 4 s ring.
	return uint32((s.IgnoreShorter + time.Second - 1) / time.Second)
}

func (s Settings) String() string {
	return fmt.Sprintf("country code %s, call-back window %v, ignore shorter than %v, business hours %v",
		s.CountryCode, s.CallbackWindow, s.IgnoreShorter, s.BusinessHours)
}
