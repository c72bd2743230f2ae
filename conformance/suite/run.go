package suite

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets/container"
	"github.com/stsconform/stsconform/targets/spec"
)

// Run runs the suite as f says and returns the exit status; ctx ends it
// early with a partial report.
func (f Flags) Run(ctx context.Context, stdout, stderr io.Writer) int {
	if err := f.check(); err != nil {
		fmt.Fprintln(stderr, "stsconform run:", err)
		return ExitSetup
	}
	dirs, err := resolveDirs(f.Baselines, f.RecordedDir)
	if err != nil {
		return setupError(stderr, err)
	}
	if f.Seed == 0 {
		f.Seed = rand.Uint64() | 1 // named in the report and the replay commands
	}
	// An interrupt ends the run with a partial report; the targets are
	// closed here, not by the container package's own handler.
	container.LeaveSignalsToCaller()
	logs, cleanLogs, err := f.logDir()
	if err != nil {
		return setupError(stderr, err)
	}
	defer cleanLogs()
	ts, err := spec.OpenAll(withBudget(f.Targets, f.Budget), spec.WithLogDir(logs))
	if err != nil {
		return setupError(stderr, err)
	}
	defer spec.CloseAll(ts)
	if err := reachable(ctx, ts); err != nil {
		return setupError(stderr, err)
	}
	job := &budgeted{flags: f, dirs: dirs, out: stdout}
	ts, extra, err := job.prepare(ctx, ts)
	if err != nil {
		return setupError(stderr, err)
	}
	if f.Discover {
		return ExitOK
	}
	// The summary is held back until the run is judged: a setup error is
	// said alone (the report file still has what ran).
	var summary bytes.Buffer
	progress := startProgress(stderr, f)
	opts := append(f.options(ctx, dirs, progress.writer(&summary)), conformance.WithProgress(progress.update))
	rep, err := conformance.Check(ts, append(opts, extra...)...)
	progress.stop()
	if !errors.As(err, new(*conformance.SetupError)) {
		_, _ = stdout.Write(summary.Bytes())
	}
	status := f.conclude(ctx, &rep, errors.Join(err, job.flush()), ts, stdout, stderr)
	// Written once, after everything that fills the report: raw mode too.
	if err := report.AppendStepSummary(rep); err != nil {
		fmt.Fprintln(stderr, "stsconform:", err)
		if status == ExitOK || status == ExitDivergence {
			return ExitSetup
		}
	}
	return status
}

func (f Flags) check() error {
	switch {
	case f.Checks < 1:
		return fmt.Errorf("-checks=%d: want 1 or more", f.Checks)
	case f.Concurrency < 1:
		return fmt.Errorf("-concurrency=%d: want 1 or more", f.Concurrency)
	case f.ShrinkLimit < -1:
		return fmt.Errorf("-shrink-limit=%d: want 0 or more (-1: the default)", f.ShrinkLimit)
	case f.DiscoverOnly != "" && !f.Discover:
		return errors.New("-discover-only needs -discover")
	case f.Record && f.Discover:
		return errors.New("-record and -discover are two different runs: give one")
	}
	return nil
}

func (f Flags) options(ctx context.Context, dirs fixtureDirs, out io.Writer) []conformance.Option {
	opts := []conformance.Option{conformance.WithContext(ctx), conformance.WithOutput(out),
		conformance.WithReport(f.Report), conformance.WithHTML(f.HTML), conformance.WithJUnit(f.JUnit),
		conformance.WithReplayCommand(f.replayCommand), conformance.WithBaselines(dirs.baselines),
		conformance.WithConcurrency(f.Concurrency), conformance.WithChecks(f.Checks), conformance.WithSeed(f.Seed)}
	if f.ShrinkLimit >= 0 {
		opts = append(opts, conformance.WithShrinkLimit(f.ShrinkLimit))
	}
	if f.UpdateBaseline {
		opts = append(opts, conformance.WithBaselineUpdate())
	}
	return opts
}

// replayCommand is the command that replays a run: the same targets, seed
// and number of checks (random case i is drawn from seed+i, so fewer
// checks may miss the example; the test pattern of a `go test` replay
// means nothing here).
func (f Flags) replayCommand(_ string, seed uint64) string {
	return ReplayCommand(f.Targets, seed, f.Checks)
}

// ReplayCommand is the command line that replays the run of seed with
// checks random cases on the targets of list.
func ReplayCommand(list string, seed uint64, checks int) string {
	return fmt.Sprintf("stsconform run -targets=%s -seed=%d -checks=%d", shellQuote(list), seed, checks)
}

// logDir is where emulator logs go: beside the report, or a temporary
// directory removed at the end.
func (f Flags) logDir() (string, func(), error) {
	if f.Report != "" {
		dir := filepath.Join(filepath.Dir(f.Report), "logs")
		return dir, func() {}, os.MkdirAll(dir, 0o755)
	}
	dir, err := os.MkdirTemp("", "stsconform-logs-")
	return dir, func() { _ = os.RemoveAll(dir) }, err
}

func setupError(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, "stsconform: setup error:", strings.TrimPrefix(err.Error(), "setup error: "))
	return ExitSetup
}
