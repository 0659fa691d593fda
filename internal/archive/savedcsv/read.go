package savedcsv

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"cdrdesk/cdrclient"
)

// NotRecordsError says a file is not a CSV of PBX call records: it has no timestart
// column (a spreadsheet of something else, a text file, a picture).
type NotRecordsError struct {
	File string // the file's name, without its folder
}

func (e *NotRecordsError) Error() string {
	return fmt.Sprintf("%s is not a PBX call record file: it has no %s column", e.File, cdrclient.ColTimeStart)
}

// Read reads the CSV file at path the way a download is read, in any encoding the
// client reads (UTF-8, with or without a BOM, or GBK). Errors: the file's own
// (*fs.PathError), a *cdrclient.CSVError for a broken CSV, or *NotRecordsError.
func Read(path string) (*cdrclient.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadFrom(f, filepath.Base(path))
}

// ReadFrom is Read of an open file called name.
func ReadFrom(r io.Reader, name string) (*cdrclient.Table, error) {
	t := cdrclient.NewTable()
	if _, err := io.Copy(t, r); err != nil {
		_ = t.Close()
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	if t.Column(cdrclient.ColTimeStart) < 0 {
		return nil, &NotRecordsError{File: name}
	}
	return t, nil
}
