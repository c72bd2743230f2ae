package conformance_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/conformance/rawwire"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/container"
	"github.com/stsconform/stsconform/targets/spec"
)

// The main job's flags: `go test ./conformance -targets=… -report=…` (with
// rapid's own -rapid.checks and -rapid.seed).
var (
	targetsFlag = flag.String("targets", spec.Default, "comma-separated target specs: local, local-http, endpoint=URL[;option=value…]")
	reportFlag  = flag.String("report", "", "path of the JSON report; a Markdown summary (.md) and the table (.txt) go beside it")
	baselineDir = flag.String("baselines", "../fixtures/baselines", "directory of reviewed per-target baselines (<target>.json)")
	updateFlag  = flag.Bool("update-baseline", false, "re-record the baselines of the targets run, keeping existing reasons")
	shrinkLimit = flag.Int("shrink-limit", 12, "how many diverging (class, target) cells rapid minimises; the others keep the smallest example seen")
	rawFlag     = flag.Bool("raw", false, "also send raw awsQuery requests (raw mode) to every HTTP target")
	concurrency = flag.Int("concurrency", 1, "cases in flight at once against the targets (not -parallel, which go test owns)")
	htmlFlag    = flag.String("html", "", "path of the HTML report (one self-contained page)")
	junitFlag   = flag.String("junit", "", "path of the JUnit XML report (one test case per target × class)")
)

// TestConformance is the main job: the suite on -targets.
func TestConformance(t *testing.T) {
	// An interrupt ends the run early, with a partial report, instead of
	// killing it: targets are still closed by t.Cleanup.
	container.LeaveSignalsToCaller()
	ctx, stop := signal.NotifyContext(t.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// After the first interrupt, a second one ends the process at once.
	context.AfterFunc(ctx, stop)
	ts, err := spec.OpenAll(withBudget(*targetsFlag), spec.WithLogDir(logDir(t)))
	require.NoError(t, err)
	t.Cleanup(func() { spec.CloseAll(ts) })
	ts, extra, done := budgetedRun(t, ctx, ts)
	if done {
		return
	}
	opts := []conformance.Option{conformance.WithReport(*reportFlag), conformance.WithReplayCommand(replayCommand),
		conformance.WithBaselines(*baselineDir), conformance.WithContext(ctx), conformance.WithConcurrency(*concurrency),
		conformance.WithShrinkLimit(*shrinkLimit), conformance.WithHTML(*htmlFlag), conformance.WithJUnit(*junitFlag)}
	if *updateFlag {
		opts = append(opts, conformance.WithBaselineUpdate())
	}
	rep := conformance.Run(t, ts, append(opts, extra...)...)
	require.NoError(t, report.AppendStepSummary(rep), "$GITHUB_STEP_SUMMARY")
	if *rawFlag && ctx.Err() == nil {
		runRawMode(t, ctx, ts)
	}
}

// runRawMode sends raw requests to the HTTP targets among ts; their property
// violations fail the run (raw baselines apply to the emulator gate only).
func runRawMode(t *testing.T, ctx context.Context, ts []targets.Target) {
	var eps []rawwire.Endpoint
	for _, target := range ts {
		if ep, ok := rawEndpoint(target); ok {
			eps = append(eps, ep)
		}
	}
	if len(eps) == 0 {
		t.Log("raw mode: no HTTP target among -targets")
		return
	}
	rep := rawwire.Run(t, eps, rawwire.WithContext(ctx))
	if *reportFlag != "" {
		writeRawReportTo(t, filepath.Join(filepath.Dir(*reportFlag), "raw-report.json"), rep)
	}
}

func replayCommand(run string, seed uint64) string {
	return fmt.Sprintf("go test ./conformance -count=1 -run '%s' -targets='%s' -rapid.seed=%d", run, *targetsFlag, seed)
}

// logDir is where emulator logs go: beside the report, or a temporary dir.
func logDir(t *testing.T) string {
	if *reportFlag == "" {
		return t.TempDir()
	}
	dir := filepath.Join(filepath.Dir(*reportFlag), "logs")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
