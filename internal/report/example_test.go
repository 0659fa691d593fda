package report_test

import (
	"bytes"
	"fmt"

	"cdrdesk/internal/report"
)

func ExampleNewExcelCSV() {
	var out bytes.Buffer
	w := report.NewExcelCSV(&out, report.Options{HeaderLabels: map[string]string{"callfrom": "主叫"}})
	_ = w.Header([]string{"callfrom", "talkduraction", "srctrunkname"})
	_ = w.Row([]string{"+8613800138000", "3723", "=cmd|' /C calc'!A0"})
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	fmt.Printf("%q\n", out.String())
	// Output: "\ufeff主叫,talkduraction,srctrunkname\r\n+8613800138000,1:02:03,'=cmd|' /C calc'!A0\r\n"
}

func ExampleFormatForPath() {
	for _, path := range []string{"CDR_office_all.xlsx", "CDR_office_all.csv", "-"} {
		fmt.Println(path, report.FormatForPath(path))
	}
	// Output:
	// CDR_office_all.xlsx xlsx
	// CDR_office_all.csv csv
	// - csv
}
