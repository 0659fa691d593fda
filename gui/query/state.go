package query

import (
	"slices"

	"cdrdesk/internal/period"
)

// defaultPreset is the range a first run shows.
const defaultPreset = period.Today

// State is what the panel remembers between runs (the window stores it as JSON).
type State struct {
	AllExtensions bool     `json:"all"`
	Extensions    []string `json:"extensions"`
	// Preset is one of period.Presets, or "" for the custom range From–To.
	Preset string `json:"preset"`
	// From and To are "yyyy-mm-dd HH:MM:SS" when the range is custom.
	From string `json:"from"`
	To   string `json:"to"`
	// Groups are the saved named groups: "Sales", "前台" → extension numbers.
	Groups map[string][]string `json:"groups"`
}

// State returns what the panel shows now.
func (p *Panel) State() State {
	s := State{
		AllExtensions: p.exts.all.Checked,
		Extensions:    p.exts.numbers(),
		Preset:        p.dates.current,
		Groups:        p.groups.all(),
	}
	if s.Preset == "" {
		s.From, s.To = p.dates.texts()
	}
	return s
}

// Restore shows a state saved by State. The zero State (a first run, or a state with
// nothing selected) means all extensions; a state without a range means today; a preset
// is recomputed for today's date.
func (p *Panel) Restore(s State) {
	all := s.AllExtensions || len(s.Extensions) == 0
	p.exts.setSelection(all, s.Extensions)
	p.groups.setGroups(s.Groups)
	switch {
	case slices.Contains(period.Presets, s.Preset):
		p.dates.choose(s.Preset)
	case s.From == "" && s.To == "":
		p.dates.choose(defaultPreset)
	default:
		p.dates.setCustom(s.From, s.To)
	}
	p.check()
}
