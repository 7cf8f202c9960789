package pipeline

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/framescope/framescope/analysis/aggregate"
	"github.com/framescope/framescope/pipeline/ingest"
)

// Version is framescope's version, recorded in run.json and the report.
const Version = "0.1.0"

// Options configure a run. The zero value of each field means its default.
type Options struct {
	In, Out         string
	Codebook        string // a codebook file; "" for the embedded default
	Tone            string // tone scorer name; "" for tone.Default
	Weight          string // "article" (default) or "paragraph"
	Resamples       int    // bootstrap resamples; default 2000
	Seed            uint64 // seeds every random draw; default 1
	Workers         int    // default runtime.GOMAXPROCS(0)
	MaxArticleBytes int64  // default ingest's
	Strict          bool   // any skipped input fails the run
	ChartWidth      string // "1col" (default) or "2col"
	Formats         []string
	Parquet         bool      // also write paragraphs.parquet
	MaxBootstrap    int       // groups of this many articles or more get analytic intervals; 0 for the default
	Stderr          io.Writer // warnings and progress; nil for none
	Quiet           bool      // no progress
}

func (o *Options) defaults() {
	if o.Weight == "" {
		o.Weight = "article"
	}
	if o.Resamples == 0 {
		o.Resamples = 2000
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.ChartWidth == "" {
		o.ChartWidth = "1col"
	}
	if len(o.Formats) == 0 {
		o.Formats = []string{"pdf", "svg", "eps", "png"}
	}
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
}

// Errors a run can end with; main maps them to exit statuses.
var (
	ErrNoArticles  = errors.New("no article could be processed")
	ErrInterrupted = errors.New("interrupted")
	ErrStrict      = errors.New("inputs were skipped and -strict is set")
)

// Summary is what a finished run tells its caller.
type Summary struct {
	Articles, Paragraphs, Skipped int
	Out                           string
}

// Run runs the whole pipeline: it reads opt.In, scores every article, and
// writes every output into a temporary folder beside opt.Out that replaces
// opt.Out only when all is written. Interrupted (ctx cancelled) or failed, it
// leaves opt.Out as it was.
func Run(ctx context.Context, opt Options) (Summary, error) {
	opt.defaults()
	var sum Summary
	models, err := NewModels(opt.Codebook, opt.Tone)
	if err != nil {
		return sum, err
	}
	if err := aggregateOptions(models, opt).Validate(); err != nil {
		return sum, err
	}
	notes := &notices{w: opt.Stderr}
	warn := notes.status
	reader, err := ingest.Open(opt.In, ingest.Options{MaxArticleBytes: opt.MaxArticleBytes, Warn: warn})
	if err != nil {
		return sum, err
	}
	defer reader.Close()

	tmp, err := newStaging(opt.Out)
	if err != nil {
		return sum, err
	}
	defer tmp.cleanup()

	w, err := newWriters(tmp.dir, models, opt)
	if err != nil {
		return sum, err
	}
	prog := newProgress(opt.Stderr, opt.Quiet, opt.In)
	var scoreFailures []ingest.Status
	format := func(in ingest.Article) outcome { return scoreOne(in, models, &w.format) }
	err = scoreEach(ctx, reader, opt.Workers, format, func(s *outcome) error {
		if s.fail != nil {
			scoreFailures = append(scoreFailures, *s.fail)
			warn(*s.fail)
			return nil
		}
		prog.add(len(s.art.Text))
		return w.add(s.art, s.rows, s.status)
	})
	prog.done()
	if err != nil {
		w.close()
		return sum, err
	}
	if err := reader.Err(); err != nil {
		w.close()
		return sum, err
	}
	statuses := statusList{reader, scoreFailures}
	notes.summary()
	if err := w.close(); err != nil {
		return sum, err
	}
	sum = Summary{Articles: w.articles, Paragraphs: w.paragraphs, Skipped: countSkipped(statuses), Out: opt.Out}
	if w.articles == 0 {
		return sum, ErrNoArticles
	}
	if opt.Strict && sum.Skipped > 0 {
		return sum, fmt.Errorf("%w (%d skipped; %s left unchanged)", ErrStrict, sum.Skipped, opt.Out)
	}
	times := newStepTimes()
	warnings, err := w.finish(tmp.dir, opt, statuses, times)
	if err != nil {
		return sum, err
	}
	for _, s := range warnings {
		fmt.Fprintf(opt.Stderr, "framescope: %s\n", s)
	}
	if err := writeRecord(tmp.dir, opt, models, statuses, w, warnings); err != nil {
		return sum, err
	}
	times.step("run.json")
	if !opt.Quiet {
		fmt.Fprintf(opt.Stderr, "framescope: end of run: %s\n", times)
	}
	if err := ctx.Err(); err != nil {
		return sum, ErrInterrupted
	}
	return sum, tmp.commit()
}

// notices prints what happened to inputs on stderr: every skipped input, and
// the first maxNotices conversions and warnings (all of them are in run.json),
// so that a corpus of a million scraped files does not drown the terminal.
// Its methods may be called from the reading and the collecting goroutines.
type notices struct {
	mu    sync.Mutex
	w     io.Writer
	quiet int // conversions and warnings not printed
	shown int
}

const maxNotices = 20

func (n *notices) status(s ingest.Status) {
	n.mu.Lock()
	defer n.mu.Unlock()
	switch s.Status {
	case "skipped":
		fmt.Fprintf(n.w, "framescope: %s: skipped: %s\n", position(s), s.Reason)
	case "warning", "converted":
		if n.shown >= maxNotices {
			n.quiet++
			return
		}
		n.shown++
		fmt.Fprintf(n.w, "framescope: %s: %s: %s\n", position(s), s.Status, s.Reason)
	}
}

func (n *notices) summary() {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.quiet > 0 {
		fmt.Fprintf(n.w, "framescope: … and %d more conversions and warnings, all listed in run.json\n", n.quiet)
	}
}

func position(s ingest.Status) string {
	if s.Line > 0 {
		return fmt.Sprintf("%s:%d", s.Path, s.Line)
	}
	return s.Path
}

func countSkipped(ss statusList) int {
	n := 0
	for i := range ss.len() {
		if ss.at(i).Status == ingest.StatusSkipped {
			n++
		}
	}
	return n
}

// statusList is every input's status: the reader's, read one at a time
// (a corpus of a million files has a million), then the articles whose
// scoring failed.
type statusList struct {
	r      *ingest.Reader
	failed []ingest.Status
}

func (l statusList) len() int { return l.r.NumStatuses() + len(l.failed) }

func (l statusList) at(i int) ingest.Status {
	if n := l.r.NumStatuses(); i >= n {
		return l.failed[i-n]
	}
	return l.r.Status(i)
}

// outcome is one article as a worker hands it on: scored, and its rows
// formatted when the worker was asked to, or the reason it failed.
type outcome struct {
	art    *Article
	rows   *articleRows // nil when not formatted
	status int          // the index of its input's status (ingest.Article.Status)
	fail   *ingest.Status
}

// release gives s's rows back for another article to use.
func (s *outcome) release() {
	if s.rows != nil {
		rowsPool.Put(s.rows)
		s.rows = nil
	}
}

var rowsPool = sync.Pool{New: func() any { return new(articleRows) }}

// scoreAll reads articles in order, scores them on a pool of workers, and
// hands each scored article to emit in input order, whatever the scheduling,
// with the index of its input's status (ingest.Article.Status).
func scoreAll(ctx context.Context, r *ingest.Reader, m *Models, workers int, emit func(*Article, int, *ingest.Status) error) error {
	score := func(in ingest.Article) outcome { return scoreOne(in, m, nil) }
	return scoreEach(ctx, r, workers, score, func(s *outcome) error { return emit(s.art, s.status, s.fail) })
}

// scoreEach reads articles in order, runs work on each on a pool of workers,
// and hands each result to emit in input order, whatever the scheduling.
// In-flight articles are bounded, so memory does not grow with the corpus.
// work must not panic (scoreOne turns a panic into the article's failure).
func scoreEach(ctx context.Context, r *ingest.Reader, workers int, work func(ingest.Article) outcome, emit func(*outcome) error) error {
	type job struct {
		seq int
		in  ingest.Article
	}
	type result struct {
		seq int
		outcome
	}
	window := 4 * workers
	slots := make(chan struct{}, window)
	jobs := make(chan job, workers)
	results := make(chan result, workers)
	stop := make(chan struct{})
	var stopOnce sync.Once
	halt := func() { stopOnce.Do(func() { close(stop) }) }

	go func() {
		defer close(jobs)
		for seq := 0; r.Scan(); seq++ {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			case <-stop:
				return
			}
			jobs <- job{seq, r.Article()}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- result{j.seq, work(j.in)}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	pending := map[int]result{}
	next := 0
	var err error
	for res := range results {
		pending[res.seq] = res
		for {
			cur, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if err == nil {
				if err = emit(&cur.outcome); err != nil {
					halt()
				}
			}
			cur.release()
		}
	}
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ErrInterrupted
	}
	return nil
}

// scoreOne scores an article and, when f is not nil, formats its rows with
// f. A panic is the article's failure.
func scoreOne(in ingest.Article, m *Models, f *rowFormat) (s outcome) {
	s.status = in.Status
	defer func() {
		if p := recover(); p != nil {
			s.release()
			s.art, s.fail = nil, &ingest.Status{Path: in.Input, Line: in.Line, Status: "skipped",
				Reason: fmt.Sprintf("internal error while scoring %s: %v (please report it)", in.Doc, p)}
		}
	}()
	art := ScoreArticle(in, m)
	s.art = &art
	if f != nil {
		s.rows = rowsPool.Get().(*articleRows)
		f.format(s.art, s.rows)
	}
	return s
}

// fileWriter is a buffered output file.
// fileWriter buffers writes to a sink, which writes, hashes and logs the file.
type fileWriter struct {
	s *sink
	*bufio.Writer
}

func createFile(dir, name string, log *outputLog) (*fileWriter, error) {
	s, err := newSink(dir, name, log)
	if err != nil {
		return nil, err
	}
	return &fileWriter{s, bufio.NewWriterSize(s, 1<<16)}, nil
}

func (fw *fileWriter) Close() error {
	err := fw.Flush()
	if cerr := fw.s.Close(); err == nil {
		err = cerr
	}
	return err
}

// aggregateOptions are the aggregator's options for a codebook under the
// run's options.
func aggregateOptions(m *Models, opt Options) aggregate.Options {
	var fr, ac []string
	for _, f := range m.Codebook.Frames {
		fr = append(fr, f.ID)
	}
	for _, a := range m.Codebook.Actors {
		ac = append(ac, a.ID)
	}
	return aggregate.Options{Frames: fr, Actors: ac, Weight: opt.Weight, Resamples: opt.Resamples,
		Seed: opt.Seed, Workers: opt.Workers, MaxBootstrap: opt.MaxBootstrap}
}
