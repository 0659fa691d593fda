package workbook

import (
	"archive/zip"
	"context"
	"errors"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"cdrdesk/internal/callreport"
	"cdrdesk/internal/explain"
	"cdrdesk/internal/report"
)

// Query says what the workbook is about, as the Summary sheet shows it.
type Query struct {
	PBX        string // the connection's name or the PBX's address
	Extensions string // "all" or the extensions asked for, as the person wrote them
	From, To   time.Time
}

// Input is what Write reads.
type Input struct {
	Query Query
	// Calls are the folded records; Report the figures over the calls to show
	// (Calls.Report(nil) for all of them).
	Calls  *callreport.Calls
	Report *callreport.Report
	// Rows are the records the Calls sheet holds, in order; nil means every record
	// of the table, in the PBX's order.
	Rows []int
	// Records are the options of the Calls sheet, as for the plain xlsx export
	// (its SheetName is replaced by the translated "Calls").
	Records report.Options
	// Translate gives the words of the sheets: explain.English, or a translation.
	Translate explain.Translate
	// Progress, if set, hears how many records of the Calls sheet are written, now
	// and then and once at the end (from Write's goroutine): the records are most of
	// the work, as in the plain export.
	Progress func(done int)
}

// checkEvery is how many records pass between two looks at ctx.
const checkEvery = 8192

// Write writes the report workbook to w. Nothing is complete before it returns nil;
// ctx cancels it between records.
func Write(ctx context.Context, w io.Writer, in Input) (err error) {
	if in.Translate == nil {
		in.Translate = explain.English
	}
	f := excelize.NewFile()
	defer func() { err = errors.Join(err, f.Close()) }() // removes the records' spill files
	b, err := newBook(f, in)
	if err != nil {
		return err
	}
	for _, sheet := range []func() error{b.summary, b.extensions, b.days, b.hours, b.unreturned} {
		if err := sheet(); err != nil {
			return err
		}
	}
	if err := b.records(ctx); err != nil {
		return err
	}
	// Straight into w, not assembled in memory first (as the plain export does).
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(w) })
	_, err = f.WriteToBuffer()
	return err
}

// records writes the Calls sheet with the plain export's writer.
func (b *book) records(ctx context.Context) error {
	opt := b.in.Records
	opt.SheetName = b.name(sheetCalls)
	rw := report.NewXLSXSheets(b.f, opt)
	err := writeRecords(ctx, rw, b.in)
	return errors.Join(err, rw.Close())
}

func writeRecords(ctx context.Context, rw report.Writer, in Input) error {
	t := in.Calls.Table()
	cols := t.Columns()
	if err := rw.Header(cols); err != nil {
		return err
	}
	fields := make([]string, len(cols))
	n := t.Len()
	if in.Rows != nil {
		n = len(in.Rows)
	}
	for i := range n {
		r := i
		if in.Rows != nil {
			r = in.Rows[i]
		}
		for c := range fields {
			fields[c] = t.Field(r, c)
		}
		if err := rw.Row(fields); err != nil {
			return err
		}
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			in.progress(i)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	in.progress(n)
	return nil
}

func (in Input) progress(done int) {
	if in.Progress != nil {
		in.Progress(done)
	}
}
