package pipeline

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
)

// progress reports a long run on stderr: a bar redrawn in place when stderr is
// a terminal, a line every few seconds otherwise, nothing when quiet.
type progress struct {
	w        io.Writer
	tty      bool
	start    time.Time
	last     time.Time
	articles int
	bytes    int64
	total    atomic.Int64 // bytes expected, once known; 0 until then
	every    time.Duration
	stop     chan struct{} // closed by done: the size of the input is no longer needed
}

// newProgress starts reporting. The size of the input, for the percentage
// and the ETA, is summed in the background: on a folder of a million files
// that takes a stat per file, which the run need not wait for.
func newProgress(w io.Writer, quiet bool, in string) *progress {
	if quiet || w == nil || w == io.Discard {
		return nil
	}
	p := &progress{w: w, start: time.Now(), every: 5 * time.Second, stop: make(chan struct{})}
	go func() { p.total.Store(inputBytes(in, p.stop)) }()
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty, p.every = true, 200*time.Millisecond
		}
	}
	p.last = p.start
	return p
}

func (p *progress) add(n int) {
	if p == nil {
		return
	}
	p.articles++
	p.bytes += int64(n)
	if now := time.Now(); now.Sub(p.last) >= p.every {
		p.last = now
		p.print(now, false)
	}
}

func (p *progress) print(now time.Time, final bool) {
	secs := now.Sub(p.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(p.bytes) / 1e6 / secs
	}
	line := fmt.Sprintf("%d articles, %.1f MB, %.1f MB/s, %.0fs", p.articles, float64(p.bytes)/1e6, rate, secs)
	if total := p.total.Load(); total > 0 && !final {
		pct := min(100, 100*float64(p.bytes)/float64(total))
		line = fmt.Sprintf("%3.0f%% %s", pct, line)
		if rate > 0 && p.bytes < total {
			line += fmt.Sprintf(", ETA %.0fs", float64(total-p.bytes)/1e6/rate)
		}
	}
	if p.tty {
		end := ""
		if final {
			end = "\n"
		}
		fmt.Fprintf(p.w, "\r\033[Kframescope: %s%s", line, end)
		return
	}
	fmt.Fprintf(p.w, "framescope: %s\n", line)
}

func (p *progress) done() {
	if p == nil {
		return
	}
	close(p.stop)
	if p.tty || time.Since(p.start) >= p.every {
		p.print(time.Now(), true)
	}
}

// inputBytes is the size of the corpus at path, for the progress's ETA: the
// .txt files below a folder, or the file itself; 0 when unknown, or when stop
// is closed before the sum is done.
func inputBytes(path string, stop <-chan struct{}) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	if !fi.IsDir() {
		return fi.Size()
	}
	var total int64
	stopped := false
	filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		select {
		case <-stop:
			stopped = true
			return filepath.SkipAll
		default:
		}
		if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".txt") {
			if info, err := d.Info(); err == nil {
				total += info.Size()
			}
		}
		return nil
	})
	if stopped {
		return 0
	}
	return total
}
