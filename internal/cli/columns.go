package cli

import (
	"io"
	"strings"

	"cdrdesk/internal/report"
)

// writeColumns prints rows as aligned columns. Unlike text/tabwriter it counts a
// Chinese character as two columns, as terminals draw it, so names like 张伟 line up.
func writeColumns(w io.Writer, rows [][]string) error {
	var widths []int
	for _, r := range rows {
		for i, cell := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], report.DisplayWidth(cell))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, cell := range r {
			b.WriteString(cell)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-report.DisplayWidth(cell)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
