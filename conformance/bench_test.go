package conformance_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/internal/testenv"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/emulator"
	"github.com/stsconform/stsconform/targets/spec"
)

// benchChecks is the number of cases one benchmark iteration runs.
const benchChecks = 500

// BenchmarkSuite measures whole runs of the suite (generation, calls,
// oracle, comparison, report) against one target, in cases per second:
// our own library in-process and over HTTP, and moto as a process.
func BenchmarkSuite(b *testing.B) {
	for _, name := range []string{"local", "local-http", "moto"} {
		b.Run(name, func(b *testing.B) {
			var elapsed time.Duration
			fresh := freshTargets(b, name)
			for range b.N {
				target := fresh()
				start := time.Now()
				runSuite(b, target)
				elapsed += time.Since(start)
			}
			b.ReportMetric(float64(benchChecks*b.N)/elapsed.Seconds(), "cases/s")
		})
	}
}

// BenchmarkOverhead compares a run of the suite on local-http with a bare
// loop of SDK calls, on the same handler, sending the very inputs the run
// sent: the ratio is what the harness costs on top of the calls themselves.
func BenchmarkOverhead(b *testing.B) {
	var suite, bare time.Duration
	fresh := freshTargets(b, "local-http")
	for range b.N {
		target := &recording{Target: fresh()}
		start := time.Now()
		runSuite(b, target)
		suite += time.Since(start)
		start = time.Now()
		for _, c := range target.calls {
			_, _ = target.Target.GetSessionToken(context.Background(), c.caller, c.in)
		}
		bare += time.Since(start)
	}
	b.ReportMetric(float64(suite)/float64(bare), "overhead-ratio")
	b.ReportMetric(float64(benchChecks*b.N)/bare.Seconds(), "bare-calls/s")
}

// recording is a target that remembers the calls made to it.
type recording struct {
	targets.Target
	calls []recorded
}

type recorded struct {
	caller call.CallerKind
	in     call.Input
}

func (r *recording) GetSessionToken(ctx context.Context, caller call.CallerKind, in call.Input) (call.Outcome, error) {
	r.calls = append(r.calls, recorded{caller, in})
	return r.Target.GetSessionToken(ctx, caller, in)
}

// runSuite runs the suite's random phase once (the coverage phase has its
// own benchmark, BenchmarkCoveragePhase); our own targets must not diverge
// (an emulator's divergences are its baseline's business, not the
// benchmark's).
func runSuite(b *testing.B, target targets.Target) {
	rep, err := conformance.Check([]targets.Target{target}, conformance.WithOutput(io.Discard), conformance.WithShrinkLimit(0),
		conformance.WithCoverage(false), conformance.WithChecks(benchChecks))
	require.NoError(b, err)
	if !slices.Contains(emulator.Names(), target.Name()) {
		require.Empty(b, rep.Divergences)
	}
}

// freshTargets gives a target for each iteration: our own library
// remembers the MFA codes it accepted (AWS refuses a reused one), so a
// target kept across iterations would refuse the previous run's codes. An
// emulator (which checks no code) is opened once and shared.
func freshTargets(b *testing.B, name string) func() targets.Target {
	b.Helper()
	if slices.Contains(emulator.Names(), name) {
		target := openTarget(b, name)
		return func() targets.Target { return target }
	}
	return func() targets.Target { return openTarget(b, name) }
}

func openTarget(b *testing.B, name string) targets.Target {
	t, err := spec.Open(name)
	if errors.Is(err, emulator.ErrNoPython) {
		testenv.Missing(b, fmt.Sprintf("%s: %v", name, err))
	}
	require.NoError(b, err)
	b.Cleanup(func() { spec.CloseAll([]targets.Target{t}) })
	return t
}
