package cli

import (
	"context"
	"flag"
	"fmt"

	"cdrdesk/cdrclient/pbxsim"
)

func runDemoPBX(ctx context.Context, args []string, env Env) int {
	fs := flag.NewFlagSet("demo-pbx", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	listen := fs.String("listen", "127.0.0.1:8088", "address to listen on")
	plain := fs.Bool("http", false, "serve plain HTTP instead of HTTPS")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	opts := pbxsim.DefaultOptions()
	sim := pbxsim.New(opts)
	start := sim.StartTLS
	if *plain {
		start = sim.StartHTTP
	}
	run, err := start(*listen)
	if err != nil {
		fmt.Fprintf(env.Stderr, "cdrdesk: cannot listen on %s: %v\n", *listen, err)
		return ExitConnection
	}
	defer run.Close()
	fmt.Fprintf(env.Stdout, "Demo PBX running (press Ctrl+C to stop)\n  address:     %s\n  API user:    %s\n  password:    %s\n", run.URL, opts.User, opts.Password)
	if run.Fingerprint != "" {
		fmt.Fprintf(env.Stdout, "  certificate: SHA-256 %s\n", run.Fingerprint)
	}
	fmt.Fprintf(env.Stdout, "Try: CDRDESK_PASSWORD=%s cdrdesk export --pbx %s --user %s --fingerprint %s --range yesterday --out yesterday.csv\n",
		opts.Password, run.URL, opts.User, run.Fingerprint)
	<-ctx.Done()
	return ExitOK
}
