package results

import (
	"context"
	"io"
	"strings"

	"cdrdesk/gui/i18n"
	"cdrdesk/internal/callreport"
	"cdrdesk/internal/workbook"
)

// reportBook is what the report workbook needs beside the records and their options:
// the calls, the query it is about and the language of its words. Like saveJob it
// holds only read-only data, so it is written in a background goroutine.
type reportBook struct {
	// calls are the engine's calls when they fit the table and the settings; nil
	// means the job folds them itself with fold.
	calls    *callreport.Calls
	fold     callreport.Input
	query    workbook.Query
	language string // i18n's language when Save was tapped
}

// newReportBook gathers what v knows for a report workbook of its records.
func newReportBook(v *View) *reportBook {
	b := &reportBook{
		fold: callreport.Input{Table: v.table, Names: v.names, Settings: v.reportSettings, End: v.info.Query.End},
		query: workbook.Query{PBX: v.info.Profile, Extensions: "all",
			From: v.info.Query.Start, To: v.info.Query.End},
		language: i18n.Current(),
	}
	// The engine folds once per table and settings; a fold of another table or of
	// settings changed since would report other figures.
	if c := v.calls; c != nil && c.Table() == v.table && c.Settings() == v.reportSettings {
		b.calls = c
	}
	if b.query.PBX == "" {
		b.query.PBX = v.info.PBX
	}
	if exts := v.info.Query.Extensions; len(exts) > 0 {
		b.query.Extensions = strings.Join(exts, ",") // as `cdrdesk report --ext` takes them
	}
	return b
}

// writeBook writes the report workbook of the job's records (all, or the rows shown:
// their figures and those records) to w, reporting the records written.
func (j saveJob) writeBook(ctx context.Context, w io.Writer, progress func(done int)) error {
	calls := j.book.calls
	if calls == nil {
		var err error
		if calls, err = callreport.Fold(ctx, j.book.fold); err != nil {
			return err
		}
	}
	tr, err := workbook.Translation(j.book.language)
	if err != nil {
		return err
	}
	return workbook.Write(ctx, w, workbook.Input{
		Query:     j.book.query,
		Calls:     calls,
		Report:    calls.Report(j.rows),
		Rows:      j.rows,
		Records:   j.opts,
		Translate: tr,
		Progress:  progress,
	})
}
