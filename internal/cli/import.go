package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/savedcsv"
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
// reads); a file that cannot be read or is not of call records is a usage mistake.
func readCSV(name string) (*cdrclient.Table, error) {
	t, err := savedcsv.Read(name)
	var path *fs.PathError
	var notRecords *savedcsv.NotRecordsError
	switch {
	case errors.As(err, &path):
		return nil, usagef("cannot read %s: %v", name, path.Err)
	case errors.As(err, &notRecords):
		return nil, usagef("%s is not a PBX call record file: it has no %s column", name, cdrclient.ColTimeStart)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return t, nil
}

// importedPBX is the PBX of a file's rows (savedcsv.PBX): its sn column, else --profile
// or --pbx.
func importedPBX(env Env, t *cdrclient.Table, pbx, profileName string, holdings []archive.Holding) (archive.PBX, error) {
	var named archive.PBX
	switch {
	case profileName != "":
		profiles, err := env.Profiles()
		if err != nil {
			return named, err
		}
		p, ok := profiles.Get(profileName)
		if !ok {
			return named, usagef("no saved connection is called %q", profileName)
		}
		named.Name, named.Key = p.Name, p.SN
		if named.Key == "" {
			named.Key = addressOf(p.URL)
		}
	case pbx != "":
		named = archive.PBX{Key: addressOf(pbx), Name: hostOf(addressOf(pbx))}
	}
	out, err := savedcsv.PBX(t, named, holdings)
	if errors.Is(err, savedcsv.ErrUnknownPBX) {
		return out, usagef("the file has no sn column to tell its PBX: say which with --profile NAME or --pbx ADDRESS")
	}
	return out, err
}
