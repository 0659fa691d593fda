package cli

import (
	"context"
	"flag"
	"fmt"

	"cdrdesk/cdrclient"
)

func runLink(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("link", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var (
		cf        connFlags
		qf        queryFlags
		allowedIP string
	)
	cf.register(fs)
	qf.register(fs)
	fs.StringVar(&allowedIP, "allowed-ip", "", "the IPv4 address of the computer that will open the link")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if allowedIP == "" {
		return fail(env.Stderr, usagef("say which computer may open the link: --allowed-ip 192.168.1.20"))
	}
	q, err := qf.query(env.Now())
	if err != nil {
		return fail(env.Stderr, err)
	}
	q.AllowedIP = allowedIP
	conn, err := cf.connect(env)
	if err != nil {
		return fail(env.Stderr, err)
	}
	link, err := conn.sess.Link(ctx, q)
	if err != nil {
		conn.finish(env, err)
		return fail(env.Stderr, err)
	}
	// The link holds the session token: keep the session (no logout) until it is used;
	// with a profile, save the token so the next command reuses it.
	if conn.store != nil {
		conn.finish(env, nil)
	}
	fmt.Fprintln(env.Stdout, link.URL)
	if link.OtherPeriod() {
		warnOtherPeriod(env.Stderr, &cdrclient.OtherPeriod{Asked: link.Asked, Answered: link.Period})
	}
	fmt.Fprintf(env.Stderr, "The link works once, within 30 seconds (until %s), from %s or this computer.\n",
		link.Expires.Format("15:04:05"), allowedIP)
	return ExitOK
}
