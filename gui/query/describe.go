package query

import (
	"strings"

	"cdrdesk/gui/i18n"
)

// describedExtensions is how many extensions Describe names before "and N more".
const describedExtensions = 3

// Describe says in a few words what the query asks for, for the status line:
// "1000 张伟, 1001 王芳 · 2026-11-01 – 2026-11-28".
func (p *Panel) Describe() string {
	return p.describeExtensions() + " · " + p.describeRange()
}

func (p *Panel) describeExtensions() string {
	if p.exts.all.Checked {
		return i18n.L("All extensions")
	}
	names := make(map[string]string, len(p.exts.exts))
	for _, e := range p.exts.exts {
		names[e.Number] = extLabel(e)
	}
	numbers := p.exts.numbers()
	labels := make([]string, 0, describedExtensions)
	for _, n := range numbers[:min(len(numbers), describedExtensions)] {
		if l, ok := names[n]; ok {
			n = l
		}
		labels = append(labels, n)
	}
	text := strings.Join(labels, ", ")
	if more := len(numbers) - len(labels); more > 0 {
		return i18n.L("{{.First}} and {{.N}} more", map[string]any{"First": text, "N": more})
	}
	return text
}

// describeRange shows dates alone when the range is whole days, as it usually is, and
// one date when it is a single day.
func (p *Panel) describeRange() string {
	from, to := p.dates.texts()
	fd, ft := splitDateTime(from, startOfDay)
	td, tt := splitDateTime(to, endOfDay)
	if ft == startOfDay && tt == endOfDay {
		if fd == td {
			return fd
		}
		from, to = fd, td
	}
	return from + " – " + to
}
