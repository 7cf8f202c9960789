package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/framescope/framescope/analysis/tone"
	"github.com/framescope/framescope/analysis/validate"
	"github.com/framescope/framescope/pipeline/gen"
)

// evalCmd scores a run's paragraphs.csv against a sentence-level gold file.
func evalCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", stderr)
	gold := fs.String("gold", "", "gold file: unit,file,start,end,<frames…>,tone,voice,role (as ../shared/eval/frames-seeds-gold.csv)")
	run := fs.String("run", "out", "the run's output folder")
	resamples := fs.Int("resamples", 2000, "bootstrap resamples (over documents) for the 95% intervals")
	seed := fs.Uint64("seed", 1, "seed of the bootstrap")
	asJSON := fs.Bool("json", false, "one JSON line, with the keys of score_run.py --json")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	if *gold == "" {
		return usagef("-gold is required")
	}
	rep, err := validate.EvalFiles(filepath.Join(*run, "paragraphs.csv"), *gold, *resamples, *seed)
	if err != nil {
		return err
	}
	if *asJSON {
		return rep.WriteJSON(stdout)
	}
	return rep.WriteText(stdout)
}

// sampleCmd draws a stratified sample of a run's paragraphs as a coding sheet.
func sampleCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("sample", stderr)
	n := fs.Int("n", 100, "paragraphs to draw")
	run := fs.String("run", "out", "the run's output folder")
	in := fs.String("in", "", "the corpus folder of the run (to read paragraph texts); default: the run's input from run.json")
	seed := fs.Uint64("seed", 1, "seed of the draw")
	outPath := fs.String("o", "", "write the sheet here instead of stdout")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	if *n <= 0 {
		return usagef("-n must be positive")
	}
	root := *in
	if root == "" {
		var err error
		if root, err = runInput(*run); err != nil {
			return err
		}
	}
	paras, err := os.Open(filepath.Join(*run, "paragraphs.csv"))
	if err != nil {
		return fmt.Errorf("%v (run `framescope run` first)", err)
	}
	defer paras.Close()
	return writeOut(*outPath, stdout, func(w io.Writer) error {
		return validate.Sample(bufio.NewReader(paras), validate.CorpusText(root), *n, *seed, w)
	})
}

// agreeCmd gives agreement between coders' sheets.
func agreeCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("agree", stderr)
	if err := parse(fs, args, true); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("give one sheet per coder, or one sheet with a coder column")
	}
	res, err := validate.AgreeFiles(fs.Args()...)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "label\tlevel\tunits\tcoders\tKrippendorff's alpha\tCohen's kappa")
	for _, a := range res {
		kappa := "–"
		if !math.IsNaN(a.Kappa) {
			kappa = fmt.Sprintf("%.3f", a.Kappa)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.3f\t%s\n", a.Label, a.Level, a.Units, a.Coders, a.Alpha, kappa)
	}
	return tw.Flush()
}

// evalToneCmd scores every tone scorer against human ratings, side by side.
func evalToneCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval-tone", stderr)
	shared := filepath.Join("..", "shared", "eval")
	nyt := fs.String("nyt", filepath.Join(shared, "nyt-editorial-snippets-dev.tsv"), "NYT editorial sentences (id, mean rating, text)")
	mtsc := fs.String("newsmtsc", filepath.Join(shared, "newsmtsc", "devtest_rw.jsonl"), "NewsMTSC file for tone toward targets (\"\" to skip)")
	resamples := fs.Int("resamples", 1000, "bootstrap resamples (over articles) for the 95% intervals")
	folds := fs.Int("folds", 10, "folds for the cross-validated figures of what is fitted on the NYT file (0 to skip)")
	seed := fs.Uint64("seed", 1, "seed of the bootstrap")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	var scorers []tone.Scorer
	for _, name := range tone.Names() {
		s, err := tone.New(name)
		if err != nil {
			return err
		}
		scorers = append(scorers, s)
	}
	nytRes, err := tone.EvalNYT(*nyt, scorers, *resamples, *seed)
	if err != nil {
		return err
	}
	if *folds > 1 {
		cv, err := tone.CrossValidateNYT(*nyt, *folds, *resamples, *seed)
		if err != nil {
			return err
		}
		nytRes = append(nytRes, cv...)
	}
	var targets []tone.TargetResult
	if *mtsc != "" {
		if targets, err = tone.EvalTargets(*mtsc, *resamples, *seed); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "Tone against people: %s (Pearson r with the mean rating; 3-class macro F1, neutral −0.05…0.05)\n\n", *nyt)
	return tone.WriteTable(stdout, nytRes, targets)
}

// genCmd writes a synthetic corpus for benchmarks.
func genCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("gen", stderr)
	size := fs.String("size", "100M", "corpus size (e.g. 100M, 1G)")
	out := fs.String("out", "corpus", "output folder (txt/ with manifest.csv, and corpus.jsonl)")
	seed := fs.Uint64("seed", 1, "seed")
	shared := fs.String("shared", filepath.Join("..", "shared"), "the shared folder whose eval sentences are drawn from (optional)")
	seeds := fs.String("seeds", "seeds", "the seed articles folder")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	n, err := parseSize(*size)
	if err != nil {
		return usagef("-size: %v", err)
	}
	sum, err := gen.Write(*out, gen.Options{Size: n, Seed: *seed, SharedDir: *shared, SeedsDir: *seeds})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "framescope gen: %+v\n", sum)
	return nil
}

// runInput reads the corpus path a run was made from, from its run.json.
func runInput(run string) (string, error) {
	b, err := os.ReadFile(filepath.Join(run, "run.json"))
	if err != nil {
		return "", fmt.Errorf("%v (give -in, or run `framescope run` first)", err)
	}
	var rec struct {
		Input string `json:"input"`
	}
	if err := json.Unmarshal(b, &rec); err != nil || rec.Input == "" {
		return "", fmt.Errorf("%s: no input recorded (give -in)", filepath.Join(run, "run.json"))
	}
	return filepath.FromSlash(rec.Input), nil
}

// consensusCmd merges coders' sheets into a gold file (majority label, mean
// tone; ties left empty and named in a ties column).
func consensusCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("consensus", stderr)
	outPath := fs.String("o", "", "write the gold file here instead of stdout")
	if err := parse(fs, args, true); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("give one sheet per coder, or one sheet with a coder column")
	}
	return writeOut(*outPath, stdout, func(w io.Writer) error {
		return validate.ConsensusFiles(w, fs.Args()...)
	})
}

// writeOut runs write on a buffered stdout, or on the file at path when one is
// given, and reports the first error of writing, flushing or closing.
func writeOut(path string, stdout io.Writer, write func(io.Writer) error) error {
	w := stdout
	var f *os.File
	if path != "" {
		var err error
		if f, err = os.Create(path); err != nil {
			return err
		}
		w = f
	}
	bw := bufio.NewWriter(w)
	err := write(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	return err
}
