package report

import (
	"strings"
	"testing"
)

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr bool
	}{
		{"csv", CSV, false},
		{"excel-csv", ExcelCSV, false},
		{"xlsx", XLSX, false},
		{"XLSX", XLSX, false},
		{" excel-csv ", ExcelCSV, false},
		{"xls", CSV, true},
		{"", CSV, true},
		{"excel", CSV, true},
	}
	for _, tt := range tests {
		got, err := ParseFormat(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err != nil && !strings.Contains(err.Error(), "csv, excel-csv, xlsx") {
			t.Errorf("ParseFormat(%q) error %q does not list the valid names", tt.in, err)
		}
	}
}

func TestFormatForPath(t *testing.T) {
	tests := []struct {
		path string
		want Format
	}{
		{"CDR_office_all_2020-05-12_2020-05-13.xlsx", XLSX},
		{`C:\Users\li\Desktop\report.XLSX`, XLSX},
		{"report.csv", CSV},
		{"report", CSV},
		{"-", CSV},
		{"report.xlsx.csv", CSV},
		{"report.xls", CSV},
	}
	for _, tt := range tests {
		if got := FormatForPath(tt.path); got != tt.want {
			t.Errorf("FormatForPath(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestFormatNames(t *testing.T) {
	tests := []struct {
		f         Format
		name, ext string
	}{
		{CSV, "csv", ".csv"},
		{ExcelCSV, "excel-csv", ".csv"},
		{XLSX, "xlsx", ".xlsx"},
		{Format(9), "Format(9)", ".csv"},
	}
	for _, tt := range tests {
		if got := tt.f.String(); got != tt.name {
			t.Errorf("String() = %q, want %q", got, tt.name)
		}
		if got := tt.f.Ext(); got != tt.ext {
			t.Errorf("%v.Ext() = %q, want %q", tt.f, got, tt.ext)
		}
		if tt.f <= XLSX {
			if back, err := ParseFormat(tt.f.String()); err != nil || back != tt.f {
				t.Errorf("ParseFormat(%q) = %v, %v; want %v", tt.f.String(), back, err, tt.f)
			}
		}
	}
}
