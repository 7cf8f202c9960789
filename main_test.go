package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/framescope/framescope/pipeline/cli"
	"github.com/framescope/framescope/pipeline/gen"
)

func TestCLIUsage(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"no command", nil, 1, "usage: framescope COMMAND"},
		{"unknown command", []string{"frobnicate"}, 1, `unknown command "frobnicate"`},
		{"run without -in", []string{"run"}, 1, "-in is required"},
		{"bad flag", []string{"run", "-in", "seeds", "-bogus"}, 1, "flag provided but not defined"},
		{"bad weight", []string{"run", "-in", "seeds", "-weight", "words"}, 1, "-weight must be article or paragraph"},
		{"missing input", []string{"run", "-in", "no/such/dir", "-out", "OUT"}, 1, "no/such/dir"},
		{"kwic without frame", []string{"kwic"}, 1, "-frame is required"},
		{"eval without gold", []string{"eval"}, 1, "-gold is required"},
		{"help", []string{"help"}, 0, ""},
		{"version", []string{"version"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string(nil), tt.args...)
			for i, a := range args {
				if a == "OUT" {
					args[i] = filepath.Join(t.TempDir(), "out")
				}
			}
			var stdout, stderr bytes.Buffer
			err := cli.Run(context.Background(), args, &stdout, &stderr)
			if got := cli.ExitCode(err); got != tt.code {
				t.Errorf("exit code %d, want %d (err %v)", got, tt.code, err)
			}
			if !strings.Contains(stderr.String(), tt.inStderr) {
				t.Errorf("stderr %q does not say %q", stderr.String(), tt.inStderr)
			}
		})
	}
}

func TestCodebookCommandPrintsParsableCodebook(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := cli.Run(context.Background(), []string{"codebook"}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "mine.yaml")
	if err := os.WriteFile(path, stdout.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	if err := cli.Run(context.Background(), []string{"codebook", "-check", path}, &stdout, &stderr); err != nil {
		t.Fatalf("the printed codebook does not parse: %v", err)
	}
	for _, id := range []string{"us_israel_threat", "muslim_unity", "border_security"} {
		if !strings.Contains(stdout.String(), id) {
			t.Errorf("codebook -check output lacks %s:\n%s", id, stdout.String())
		}
	}
}

// TestInterruptLeavesPreviousOut runs the real binary on a corpus large enough
// to interrupt, with SIGINT and with SIGKILL, and checks that the previous out/
// is complete and unchanged, and that Ctrl-C says so and exits 130.
func TestInterruptLeavesPreviousOut(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and generates a corpus")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "framescope")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpus := filepath.Join(dir, "corpus")
	if _, err := gen.Write(corpus, gen.Options{Size: 6 << 20, Seed: 1, SeedsDir: "seeds"}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if b, err := exec.Command(bin, "run", "-quiet", "-in", "seeds", "-out", out, "-charts", "svg").CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	before, err := os.ReadFile(filepath.Join(out, "run.json"))
	if err != nil {
		t.Fatal(err)
	}

	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "run", "-quiet", "-in", filepath.Join(corpus, "txt"), "-out", out, "-charts", "svg")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(700 * time.Millisecond)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			code := cmd.ProcessState.ExitCode()
			if sig != syscall.SIGKILL {
				if code != 130 || !strings.Contains(stderr.String(), "interrupted") {
					t.Errorf("after %v: exit %d (%v), stderr %q; want 130 and a word that it was interrupted", sig, code, err, stderr.String())
				}
			}
			after, err := os.ReadFile(filepath.Join(out, "run.json"))
			if err != nil || !bytes.Equal(before, after) {
				t.Errorf("after %v the previous out/ changed or is gone (%v)", sig, err)
			}
			for _, name := range []string{"paragraphs.csv", "report.html", "charts"} {
				if _, err := os.Stat(filepath.Join(out, name)); err != nil {
					t.Errorf("after %v: %v", sig, err)
				}
			}
		})
	}
}
