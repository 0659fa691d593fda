package results

import (
	"context"
	"io"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/report"
)

// saveJob is a report to write. It reads only the table (read-only once closed), a
// rows slice nobody modifies and, for the report workbook, read-only calls, so it
// runs in a background goroutine.
type saveJob struct {
	table  *cdrclient.Table
	rows   []int // the records to save, in order; nil: all, in the PBX's order
	format report.Format
	opts   report.Options
	book   *reportBook // what the report workbook needs besides; nil for the other formats
}

// progressEvery is how many rows pass between two progress reports.
const progressEvery = 8192

// count returns the number of records the job saves.
func (j saveJob) count() int {
	if j.rows == nil {
		return j.table.Len()
	}
	return len(j.rows)
}

// write writes the report to w, reporting the records done now and then.
func (j saveJob) write(ctx context.Context, w io.Writer, progress func(done int)) error {
	if j.format == reportWorkbook {
		return j.writeBook(ctx, w, progress)
	}
	if j.format == report.CSV {
		var err error
		if j.rows == nil {
			_, err = j.table.WriteTo(w) // the PBX's bytes exactly
		} else {
			_, err = j.table.WriteRowsTo(w, j.rows)
		}
		progress(j.count())
		return err
	}
	rw := report.New(j.format, w, j.opts)
	if err := j.writeRows(ctx, rw, progress); err != nil {
		rw.Close() // releases the writer's temporary files; the first error tells
		return err
	}
	return rw.Close()
}

// writeRows hands the header and every record to rw.
func (j saveJob) writeRows(ctx context.Context, rw report.Writer, progress func(done int)) error {
	cols := j.table.Columns()
	if err := rw.Header(cols); err != nil {
		return err
	}
	fields := make([]string, len(cols))
	n := j.count()
	for i := range n {
		r := i
		if j.rows != nil {
			r = j.rows[i]
		}
		for c := range fields {
			fields[c] = j.table.Field(r, c)
		}
		if err := rw.Row(fields); err != nil {
			return err
		}
		if (i+1)%progressEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			progress(i + 1)
		}
	}
	progress(n)
	return nil
}
