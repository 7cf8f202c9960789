package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"
)

// kwicCmd prints the keyword-in-context lines of a run's matches.csv for one
// frame: every word that counted toward a decision, with its sentence.
func kwicCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("kwic", stderr)
	frame := fs.String("frame", "", "frame id (see the run's paragraphs.csv header or `framescope codebook`)")
	run := fs.String("run", "out", "the run's output folder")
	source := fs.String("source", "", "only this outlet")
	all := fs.Bool("all", false, "also hits that did not decide the paragraph (below threshold, negated, non-body)")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	if *frame == "" {
		return usagef("-frame is required")
	}
	path := filepath.Join(*run, "matches.csv")
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%v (run `framescope run` first)", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, need := range []string{"doc", "source", "para", "frame", "on", "rule", "negated", "role", "context"} {
		if _, ok := col[need]; !ok {
			return fmt.Errorf("%s: no column %q", path, need)
		}
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	n, known := 0, false
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		if rec[col["frame"]] != *frame {
			continue
		}
		known = true
		if *source != "" && rec[col["source"]] != *source {
			continue
		}
		if !*all && (rec[col["on"]] != "1" || rec[col["negated"]] == "1" || rec[col["role"]] != "body") {
			continue
		}
		n++
		fmt.Fprintf(tw, "%s:%s\t%s\t%s\n", rec[col["doc"]], rec[col["para"]], rec[col["context"]], rec[col["rule"]])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !known {
		return fmt.Errorf("no hit for frame %q in %s (is the id right?)", *frame, path)
	}
	fmt.Fprintf(stderr, "framescope kwic: %d lines for %s\n", n, *frame)
	return nil
}
