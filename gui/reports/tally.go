package reports

import (
	"fyne.io/fyne/v2"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
)

// tallyColumns are the figures By day and By hour share, read from the tally of a
// row: calls, answered, missed, not returned, talk time, in and after business hours.
func tallyColumns(tally func(row int) *callreport.Tally, seconds *bool) []column {
	figure := func(title string, get func(y *callreport.Tally) int) column {
		return column{title: title, align: fyne.TextAlignTrailing,
			text: func(row int) string { return i18n.Count(get(tally(row))) }}
	}
	return []column{
		figure(i18n.L("Calls"), func(y *callreport.Tally) int { return y.All.Calls }),
		figure(i18n.L("Answered"), func(y *callreport.Tally) int { return y.All.Answered }),
		figure(i18n.L("Missed"), func(y *callreport.Tally) int { return y.All.Missed }),
		figure(i18n.L("Not returned"), func(y *callreport.Tally) int { return y.All.NotReturned }),
		{title: i18n.L("Talk time"), align: fyne.TextAlignTrailing,
			text: func(row int) string { return formatDuration(tally(row).All.TalkSeconds, *seconds) }},
		figure(i18n.L("In business hours"), func(y *callreport.Tally) int { return y.InHours.Calls }),
		figure(i18n.L("After hours"), func(y *callreport.Tally) int { return y.AfterHours.Calls }),
	}
}

// WeekdayNames are the days of the week in the user's language, by time.Weekday.
func WeekdayNames() [7]string {
	return [7]string{i18n.L("Sunday"), i18n.L("Monday"), i18n.L("Tuesday"), i18n.L("Wednesday"),
		i18n.L("Thursday"), i18n.L("Friday"), i18n.L("Saturday")}
}
