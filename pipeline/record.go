package pipeline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Record is run.json: what went in, what happened to each input, and what came
// out, so that every figure can be traced and every input accounted for.
type Record struct {
	Program   string        `json:"program"`
	Version   string        `json:"version"`
	Input     string        `json:"input"`
	Options   RecordOptions `json:"options"`
	Codebook  RecordBook    `json:"codebook"`
	Tone      string        `json:"tone_scorer"`
	Counts    RecordCounts  `json:"counts"`
	Inputs    []InputStatus `json:"inputs"`
	Warnings  []string      `json:"warnings"`
	Outputs   []OutputFile  `json:"outputs"`
	Artefacts string        `json:"note"`
}

// RecordOptions are the options that change results.
type RecordOptions struct {
	Weight          string   `json:"weight"`
	Resamples       int      `json:"resamples"`
	Seed            uint64   `json:"seed"`
	MaxArticleBytes int64    `json:"max_article_bytes"`
	Strict          bool     `json:"strict"`
	ChartWidth      string   `json:"chart_width"`
	Formats         []string `json:"formats"`
	Parquet         bool     `json:"parquet"`
	MaxBootstrap    int      `json:"max_bootstrap,omitempty"`
	Intervals       string   `json:"intervals"`
}

// RecordBook names the codebook and its hash.
type RecordBook struct {
	Name   string   `json:"name"`
	Hash   string   `json:"sha256"`
	Frames []string `json:"frames"`
	Actors []string `json:"actors"`
}

// RecordCounts sums up a run.
type RecordCounts struct {
	Inputs     int            `json:"inputs"`
	Statuses   map[string]int `json:"statuses"`
	Articles   int            `json:"articles"`
	Paragraphs int            `json:"paragraphs"`
	ByRole     map[string]int `json:"paragraphs_by_role"`
	Bytes      int64          `json:"bytes"`
}

// InputStatus is one input file (or one line of it) and what became of it.
type InputStatus struct {
	Path     string `json:"path"`
	Line     int    `json:"line,omitempty"`
	Status   string `json:"status"`
	Reason   string `json:"reason,omitempty"`
	Bytes    int64  `json:"bytes,omitempty"`
	Articles int    `json:"articles,omitempty"`
}

// OutputFile is one file the run wrote, with its size and SHA-256.
type OutputFile struct {
	Name   string `json:"name"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

func writeRecord(dir string, opt Options, m *Models, statuses statusList, w *writers, warnings []string) error {
	rec := Record{
		Program: "framescope", Version: Version, Input: filepath.ToSlash(opt.In),
		Options: RecordOptions{Weight: opt.Weight, Resamples: opt.Resamples, Seed: opt.Seed,
			MaxArticleBytes: opt.MaxArticleBytes, Strict: opt.Strict, ChartWidth: opt.ChartWidth, Formats: opt.Formats, Parquet: opt.Parquet,
			MaxBootstrap: opt.MaxBootstrap, Intervals: w.aggOpt.IntervalsNote()},
		Codebook: RecordBook{Name: m.Codebook.Name, Hash: m.Codebook.Hash},
		Tone:     m.Tone.Name(),
		Counts: RecordCounts{Statuses: map[string]int{}, Articles: w.articles, Paragraphs: w.paragraphs,
			ByRole: map[string]int{}, Bytes: w.bytes},
		Warnings:  append([]string{}, warnings...),
		Artefacts: "Same input and options give the same bytes in every file listed here; run.json itself lists no times.",
	}
	for _, f := range m.Codebook.Frames {
		rec.Codebook.Frames = append(rec.Codebook.Frames, f.ID)
	}
	for _, a := range m.Codebook.Actors {
		rec.Codebook.Actors = append(rec.Codebook.Actors, a.ID)
	}
	for r, n := range w.byRole {
		rec.Counts.ByRole[string(r)] = n
	}
	for i := range statuses.len() {
		s := statuses.at(i)
		// The reader records each input file once with Line 0 (a JSONL or
		// CSV file's rows have lines); a scoring failure names a file the
		// reader has already recorded.
		if s.Line == 0 && i < statuses.r.NumStatuses() {
			rec.Counts.Inputs++
		}
		rec.Counts.Statuses[statusWord(s.Status)]++
	}
	outs, err := w.outputs.list(dir)
	if err != nil {
		return err
	}
	rec.Outputs = outs
	f, err := os.Create(filepath.Join(dir, "run.json"))
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	err = encodeRecord(bw, &rec, statuses, w.perStatus)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// encodeRecord writes rec as indented JSON with its Inputs taken from
// statuses, one at a time, so that a run of a million files does not hold a
// million InputStatus values and their JSON at once. The bytes are those of
// encoding rec with Inputs filled in.
func encodeRecord(w io.Writer, rec *Record, statuses statusList, perStatus []int32) error {
	rec.Inputs = []InputStatus{}
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rec); err != nil {
		return err
	}
	const empty = `"inputs": [],`
	before, after, ok := bytes.Cut(head.Bytes(), []byte(empty))
	if !ok || statuses.len() == 0 {
		_, err := w.Write(head.Bytes())
		return err
	}
	if _, err := fmt.Fprintf(w, "%s\"inputs\": [", before); err != nil {
		return err
	}
	var item bytes.Buffer
	ienc := json.NewEncoder(&item)
	ienc.SetIndent("    ", "  ")
	ienc.SetEscapeHTML(false)
	for i := range statuses.len() {
		s := statuses.at(i)
		item.Reset()
		in := InputStatus{Path: s.Path, Line: s.Line, Status: statusWord(s.Status), Reason: s.Reason, Bytes: s.Bytes}
		if i < len(perStatus) {
			in.Articles = int(perStatus[i])
		}
		if err := ienc.Encode(in); err != nil {
			return err
		}
		sep := ",\n    "
		if i == 0 {
			sep = "\n    "
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		if _, err := w.Write(bytes.TrimSuffix(item.Bytes(), []byte("\n"))); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "\n  ],%s", after)
	return err
}
