// Command framescope measures how news outlets frame a story: it reads a corpus
// of articles, scores every paragraph for tone and frames, aggregates by outlet
// and year with intervals, and writes tables, charts and a report.
//
// Usage: framescope run -in seeds -out out (and `framescope help` for the rest).
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/framescope/framescope/pipeline/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(cli.ExitCode(err))
}
