package reports

import (
	"errors"

	"cdrdesk/cdrclient"
	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
)

// settingsProblem words why a setting is refused, in the user's language and in the
// form's terms (hours and seconds as numbers, where the command line takes 24h and
// 5s), from callreport's fixed sentences. A raw error is never shown.
func settingsProblem(err error) string {
	var in *cdrclient.InputError
	if errors.As(err, &in) {
		return problemText(in.Msg)
	}
	return problemText("")
}

// problemText is the form's sentence for one of callreport's Msg* sentences.
func problemText(msg string) string {
	switch msg {
	case callreport.MsgCallbackWindow:
		return i18n.L("Enter the hours, more than 0 and at most 744 (31 days), like 24.")
	case callreport.MsgIgnoreShorter:
		return i18n.L("Enter whole seconds from 0 to 3600 (1 hour), like 5; 0 counts every ring.")
	case callreport.MsgCountryCode:
		return i18n.L("Enter the country's calling code: 1 to 4 digits, like 86.")
	case callreport.MsgHoursForm:
		return i18n.L("Write the days, a space, then the times, like Mon-Fri 09:00-18:00.")
	case callreport.MsgHoursDays:
		return i18n.L("Write the days as Mon, Tue, Wed, Thu, Fri, Sat or Sun, like Mon-Fri or Mon,Wed,Fri.")
	case callreport.MsgHoursTime:
		return i18n.L("Write the times on a 24-hour clock from 00:00 to 24:00, like 09:00-18:00.")
	case callreport.MsgHoursOrder:
		return i18n.L("The closing time must be after the opening time, like 09:00-18:00.")
	}
	return i18n.L("This value cannot be used. Check it and try again.")
}

// inputField is the flag an input error names ("" for another error).
func inputField(err error) string {
	var in *cdrclient.InputError
	if errors.As(err, &in) {
		return in.Field
	}
	return ""
}
