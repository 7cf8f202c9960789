// Package cli is framescope's command line: one function per subcommand, each
// parsing its own flags and returning an error; only main turns errors into
// exit statuses (ExitCode).
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/framescope/framescope/pipeline"
)

// UsageError is a mistake in the command line; main prints usage and exits 1.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error { return &UsageError{fmt.Sprintf(format, args...)} }

// ExitCode maps Run's error to the process's exit status: 0 on success, 130
// when interrupted, 1 otherwise (no article processed, a usage error, -strict).
func ExitCode(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, pipeline.ErrInterrupted):
		return 130
	default:
		return 1
	}
}

type command struct {
	name, args, help string
	run              func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"run", "-in DIR|FILE.jsonl|FILE.csv -out DIR", "score a corpus: tables, charts, report and run.json in -out", runCmd},
		{"codebook", "", "print the default codebook (YAML), to start your own from", codebookCmd},
		{"kwic", "-frame ID [-run DIR]", "keyword-in-context lines behind a frame's decisions in a run", kwicCmd},
		{"sample", "-n N [-run DIR] [-in DIR] [-o SHEET.csv]", "draw a stratified sample of paragraphs as a coding sheet", sampleCmd},
		{"agree", "SHEET.csv...", "agreement between coders: Krippendorff's alpha, Cohen's kappa", agreeCmd},
		{"consensus", "SHEET.csv... [-o GOLD.csv]", "merge coders' sheets into a gold file (majority; ties flagged)", consensusCmd},
		{"eval", "-gold GOLD.csv [-run DIR]", "score a run against a sentence-level gold file", evalCmd},
		{"eval-tone", "[-nyt FILE] [-newsmtsc FILE]", "every tone scorer against human ratings, side by side", evalToneCmd},
		{"gen", "-size 1G -out DIR", "write a synthetic corpus for benchmarks", genCmd},
		{"version", "", "print the version", versionCmd},
	}
}

// Run runs the framescope command line with args (without the program name).
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		usage(stderr)
		return usagef("no command given")
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "-help" || name == "--help" {
		usage(stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == name {
			err := c.run(ctx, args[1:], stdout, stderr)
			var ue *UsageError
			if errors.As(err, &ue) {
				fmt.Fprintf(stderr, "framescope %s: %s\nusage: framescope %s %s\n", name, ue.Msg, name, c.args)
			} else if err != nil && !errors.Is(err, flag.ErrHelp) {
				fmt.Fprintf(stderr, "framescope %s: %v\n", name, err)
			}
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return err
		}
	}
	fmt.Fprintf(stderr, "framescope: unknown command %q\n\n", name)
	usage(stderr)
	return usagef("unknown command %q", name)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: framescope COMMAND [flags]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n             %s\n", c.name, c.args, c.help)
	}
	fmt.Fprintln(w, "\n`framescope COMMAND -h` lists a command's flags.")
}

// newFlags returns a FlagSet that reports errors instead of exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("framescope "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parse parses flags, turning flag errors into usage errors, and rejects
// positional arguments unless allowed.
func parse(fs *flag.FlagSet, args []string, positional bool) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &UsageError{err.Error()}
	}
	if !positional && fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	return nil
}

// parseSize reads sizes such as 100M, 1G, 512K or 1048576.
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(strings.ToUpper(s))
	mult := int64(1)
	for suffix, m := range map[string]int64{"K": 1 << 10, "M": 1 << 20, "G": 1 << 30} {
		if strings.HasSuffix(s, suffix) || strings.HasSuffix(s, suffix+"B") {
			s = strings.TrimSuffix(strings.TrimSuffix(s, "B"), suffix)
			mult = m
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("bad size %q (use e.g. 100M, 1G)", s)
	}
	return int64(n * float64(mult)), nil
}

func versionCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version", stderr)
	if err := parse(fs, args, false); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "framescope %s\n", pipeline.Version)
	return nil
}
