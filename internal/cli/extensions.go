package cli

import (
	"context"
	"flag"
	"fmt"
)

func runExtensions(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("extensions", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var cf connFlags
	cf.register(fs)
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	conn, err := cf.connect(env)
	if err != nil {
		return fail(env.Stderr, err)
	}
	exts, err := conn.sess.Extensions(ctx)
	conn.finish(env, err)
	if err != nil {
		return fail(env.Stderr, err)
	}
	rows := [][]string{{"NUMBER", "NAME", "STATUS", "TYPE"}}
	for _, e := range exts {
		rows = append(rows, []string{e.Number, e.Name, e.Status, e.Type})
	}
	if err := writeColumns(env.Stdout, rows); err != nil {
		return fail(env.Stderr, err)
	}
	fmt.Fprintf(env.Stderr, "%d extensions, API %s\n", len(exts), conn.sess.Version())
	return ExitOK
}
