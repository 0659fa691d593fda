package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
)

func runImport(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: cdrdesk import [flags] FILE...\n\n"+
			"Adds call records saved earlier as CSV (by the PBX or by cdrdesk) to the archive.\n"+
			"A record already there is not added again. The PBX is the one in the rows' sn\n"+
			"column; for a file without one, say which with --profile or --pbx.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	var (
		af           archiveFlag
		pbx, profile string
	)
	af.register(fs)
	fs.StringVar(&pbx, "pbx", "", "the PBX address, for files without an sn column")
	fs.StringVar(&profile, "profile", "", "the saved connection, for files without an sn column")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if fs.NArg() == 0 {
		return fail(env.Stderr, usagef("say which files to import: cdrdesk import FILE..."))
	}
	tables := make([]*cdrclient.Table, fs.NArg())
	for i, name := range fs.Args() { // every file read before the archive changes
		t, err := readCSV(name)
		if err != nil {
			return fail(env.Stderr, err)
		}
		tables[i] = t
	}
	store, err := af.open(ctx, env)
	if err != nil {
		return fail(env.Stderr, err)
	}
	defer store.Close()
	holdings, err := store.Holdings(ctx)
	if err != nil {
		return fail(env.Stderr, err)
	}
	total, added := 0, 0
	for i, t := range tables {
		if t.Len() == 0 {
			continue // a header alone: nothing to keep, and no sn to tell the PBX
		}
		pbxOf, err := importedPBX(env, t, pbx, profile, holdings)
		if err != nil {
			return fail(env.Stderr, fmt.Errorf("%s: %w", fs.Arg(i), err))
		}
		n, err := store.Commit(ctx, archive.Batch{PBX: pbxOf, Table: t, At: env.Now()})
		if err != nil {
			return fail(env.Stderr, err)
		}
		total, added = total+t.Len(), added+n
	}
	fmt.Fprintf(env.Stderr, "imported %d new of %d records\n", added, total)
	return ExitOK
}

// readCSV reads a saved CSV the way a download is read (any encoding the client
// reads).
func readCSV(name string) (*cdrclient.Table, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, usagef("cannot read %s: %v", name, errors.Unwrap(err))
	}
	defer f.Close()
	t := cdrclient.NewTable()
	if _, err := io.Copy(t, f); err != nil {
		return nil, usagef("cannot read %s: %v", name, err)
	}
	if err := t.Close(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if t.Len() > 0 && t.Column(cdrclient.ColTimeStart) < 0 {
		return nil, usagef("%s is not a PBX call record file: it has no %s column", name, cdrclient.ColTimeStart)
	}
	return t, nil
}

// importedPBX is the PBX of a file's rows: its sn column, else --profile or --pbx.
// The name is the connection's, the archive's for that key, else the key.
func importedPBX(env Env, t *cdrclient.Table, pbx, profileName string, holdings []archive.Holding) (archive.PBX, error) {
	out := archive.PBX{}
	if col := t.Column(cdrclient.ColSN); col >= 0 && t.Len() > 0 {
		out.Key = t.Field(0, col)
	}
	switch {
	case profileName != "":
		profiles, err := env.Profiles()
		if err != nil {
			return out, err
		}
		p, ok := profiles.Get(profileName)
		if !ok {
			return out, usagef("no saved connection is called %q", profileName)
		}
		out.Name = p.Name
		if out.Key == "" {
			out.Key = p.SN
		}
		if out.Key == "" {
			out.Key = addressOf(p.URL)
		}
	case pbx != "":
		out.Name = hostOf(addressOf(pbx))
		if out.Key == "" {
			out.Key = addressOf(pbx)
		}
	}
	if out.Key == "" {
		return out, usagef("the file has no sn column to tell its PBX: say which with --profile NAME or --pbx ADDRESS")
	}
	if out.Name == "" {
		out.Name = out.Key
		for _, h := range holdings {
			if h.PBX.Key == out.Key {
				out.Name = h.PBX.Name
			}
		}
	}
	return out, nil
}
