package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/place"
	archivesync "cdrdesk/internal/archive/sync"
)

// archiveFlag is --archive, the archive's file or database (design §2).
type archiveFlag struct{ location string }

// archiveOff, as --archive or $CDRDESK_ARCHIVE, keeps a download out of the archive: a
// script's plain download. A file of that name is ./off.
const archiveOff = "off"

func (a *archiveFlag) register(fs *flag.FlagSet) {
	fs.StringVar(&a.location, "archive", "", "the archive: a file, or postgres://… (default $"+place.EnvVar+", else archive.db in your data folder); off: export and report keep nothing (a file called off: ./off)")
}

// off reports whether the archive is switched off (--archive off, else
// CDRDESK_ARCHIVE=off).
func (a *archiveFlag) off(env Env) bool {
	if a.location != "" {
		return a.location == archiveOff
	}
	return env.Getenv(place.EnvVar) == archiveOff
}

// open opens the chosen archive; a damaged or foreign one is exit status 7.
func (a *archiveFlag) open(ctx context.Context, env Env) (archive.Store, error) {
	if a.off(env) {
		return nil, usagef("the archive is off (--archive off or %s=off), and this command needs it: give the archive's file or postgres://… instead", place.EnvVar)
	}
	loc, err := place.Choose(a.location, env.Getenv)
	if errors.Is(err, place.ErrNoDataFolder) {
		return nil, usagef("%v", err)
	}
	if err != nil {
		return nil, err
	}
	return place.Open(ctx, loc)
}

// archivedPBX chooses the PBX whose records an offline command reads, without
// contacting it: --profile (its serial number once a sync saw it, else its name or
// address in the archive), --pbx (its address or host), or the only PBX the archive
// holds.
func archivedPBX(ctx context.Context, env Env, store archive.Store, c *connFlags) (archive.Holding, error) {
	holdings, err := store.Holdings(ctx)
	if err != nil {
		return archive.Holding{}, err
	}
	var keys, names []string
	switch {
	case c.profile != "":
		profiles, err := env.Profiles()
		if err != nil {
			return archive.Holding{}, err
		}
		p, ok := profiles.Get(c.profile)
		if !ok {
			return archive.Holding{}, usagef("no saved connection is called %q", c.profile)
		}
		// As a sync keys them, so what `sync --profile` kept is what is read.
		if h, ok := archivesync.HoldingOf(holdings, archivesync.Connection{SN: p.SN, Address: addressOf(p.URL), Name: p.Name}); ok {
			return h, nil
		}
		return archive.Holding{}, usagef("the archive holds no records of that PBX (it holds: %s): run cdrdesk sync first", holdingNames(holdings))
	case c.pbx != "":
		keys, names = []string{addressOf(c.pbx)}, []string{hostOf(addressOf(c.pbx))}
	case len(holdings) == 1:
		return holdings[0], nil
	case len(holdings) == 0:
		return archive.Holding{}, usagef("the archive holds no records yet: run cdrdesk sync first")
	default:
		return archive.Holding{}, usagef("the archive holds the records of several PBXs (%s): say which with --profile or --pbx", holdingNames(holdings))
	}
	for _, h := range holdings {
		for _, k := range keys {
			if k != "" && h.PBX.Key == k {
				return h, nil
			}
		}
	}
	for _, h := range holdings {
		for _, n := range names {
			if h.PBX.Name == n {
				return h, nil
			}
		}
	}
	return archive.Holding{}, usagef("the archive holds no records of that PBX (it holds: %s): run cdrdesk sync first", holdingNames(holdings))
}

// addressOf is a PBX address in the form a session gives it, the archive's key for a
// PBX whose serial number is unknown; as given when it does not parse.
func addressOf(s string) string {
	if a, err := cdrclient.ParseAddress(s); err == nil {
		return a
	}
	return s
}

func holdingNames(hs []archive.Holding) string {
	var names []string
	for _, h := range hs {
		names = append(names, h.PBX.Name)
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// warnUncovered says on standard error when r is not wholly in the holding's coverage:
// records of the rest may be missing from an offline answer.
func warnUncovered(w io.Writer, h archive.Holding, r archive.Range) {
	for _, c := range h.Coverage {
		if !c.From.After(r.From) && !c.To.Before(r.To) {
			return
		}
	}
	var covered []string
	for _, c := range h.Coverage {
		covered = append(covered, c.From.Format(cdrclient.TimeLayout)+" to "+c.To.Format(cdrclient.TimeLayout))
	}
	if len(covered) == 0 {
		fmt.Fprintf(w, "warning: the archive holds no range of %s completely (it was never synced); records may be missing. Run cdrdesk sync to complete it.\n", h.PBX.Name)
		return
	}
	fmt.Fprintf(w, "warning: the archive holds the records of %s completely only from %s (last synced %s); records outside may be missing. Run cdrdesk sync to complete it.\n",
		h.PBX.Name, strings.Join(covered, ", "), h.Updated.Format(cdrclient.TimeLayout))
}

// wallRange is q's range as the archive keeps times (the PBX's wall clock).
func wallRange(q cdrclient.Query) archive.Range { return archive.WallRange(q.Start, q.End) }
