package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"

	"github.com/framescope/framescope/analysis/frames"
	"github.com/framescope/framescope/analysis/tone"
	"github.com/framescope/framescope/pipeline"
)

func runCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("run", stderr)
	var opt pipeline.Options
	var formats, maxBytes string
	var seed uint64
	fs.StringVar(&opt.In, "in", "", "corpus: a folder of .txt (with an optional manifest.csv), a .jsonl or a .csv file")
	fs.StringVar(&opt.Out, "out", "out", "output folder (replaced as a whole when the run succeeds)")
	fs.StringVar(&opt.Codebook, "codebook", "", "codebook file: framescope YAML, quanteda YAML or LIWC .dic (default: the embedded one)")
	fs.StringVar(&opt.Tone, "tone", tone.Default, "tone scorer: "+strings.Join(tone.Names(), ", "))
	fs.StringVar(&opt.Weight, "weight", "article", "unit of the aggregates: article (each article counts once) or paragraph")
	fs.IntVar(&opt.Resamples, "resamples", 2000, "bootstrap resamples for the intervals")
	fs.IntVar(&opt.MaxBootstrap, "max-bootstrap", 0, "groups with this many articles or more get analytic cluster intervals instead of the bootstrap (default 50 for -weight article, 100 for paragraph; a huge number bootstraps every group)")
	fs.Uint64Var(&seed, "seed", 1, "seed of every random draw (bootstrap, samples)")
	fs.IntVar(&opt.Workers, "workers", 0, "scoring workers (default: one per core)")
	fs.StringVar(&maxBytes, "max-article-size", "16M", "articles larger than this are skipped and reported")
	fs.BoolVar(&opt.Strict, "strict", false, "fail (and leave -out unchanged) when any input is skipped")
	fs.StringVar(&opt.ChartWidth, "width", "1col", "chart width: 1col (3.5 in) or 2col (7.16 in)")
	fs.StringVar(&formats, "charts", "pdf,svg,eps,png", "chart formats to write")
	fs.BoolVar(&opt.Quiet, "quiet", false, "no progress on stderr")
	format := fs.String("format", "csv", "csv, or parquet to also write paragraphs.parquet (same columns) for pandas, R, Polars, DuckDB")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to `FILE` (read it with go tool pprof)")
	memprofile := fs.String("memprofile", "", "write a heap profile to `FILE` at the end of the run (read it with go tool pprof)")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if opt.In == "" {
		return usagef("-in is required")
	}
	switch *format {
	case "csv":
	case "parquet":
		opt.Parquet = true
	default:
		return usagef("-format must be csv or parquet")
	}
	if opt.Weight != "article" && opt.Weight != "paragraph" {
		return usagef("-weight must be article or paragraph")
	}
	if opt.ChartWidth != "1col" && opt.ChartWidth != "2col" {
		return usagef("-width must be 1col or 2col")
	}
	if opt.Resamples < 0 {
		return usagef("-resamples must be positive")
	}
	n, err := parseSize(maxBytes)
	if err != nil {
		return usagef("-max-article-size: %v", err)
	}
	opt.MaxArticleBytes = n
	opt.Seed = seed
	for _, f := range strings.Split(formats, ",") {
		if f = strings.TrimSpace(f); f != "" {
			opt.Formats = append(opt.Formats, f)
		}
	}
	opt.Stderr = stderr
	stopGovernor := governMemory()
	sum, err := pipeline.Run(ctx, opt)
	stopGovernor()
	if *memprofile != "" {
		if perr := writeHeapProfile(*memprofile); perr != nil && err == nil {
			err = perr
		}
	}
	switch {
	case errors.Is(err, pipeline.ErrInterrupted):
		fmt.Fprintf(stderr, "framescope: interrupted; %s left as it was\n", opt.Out)
		return err
	case errors.Is(err, pipeline.ErrNoArticles):
		return fmt.Errorf("%w from %s (%d inputs skipped; see the messages above)", err, opt.In, sum.Skipped)
	case err != nil:
		return err
	}
	fmt.Fprintf(stdout, "framescope: %d articles, %d paragraphs, %d inputs skipped → %s\n",
		sum.Articles, sum.Paragraphs, sum.Skipped, sum.Out)
	return nil
}

func codebookCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("codebook", stderr)
	check := fs.String("check", "", "parse this codebook file and report its frames, or its first error")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	if *check != "" {
		cb, err := frames.Load(*check)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %d frames, %d actors, sha256 %s\n", *check, len(cb.Frames), len(cb.Actors), cb.Hash)
		for _, f := range cb.Frames {
			fmt.Fprintf(stdout, "  %s\t%s\n", f.ID, f.Label)
		}
		return nil
	}
	_, err := stdout.Write(frames.DefaultSource())
	return err
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
