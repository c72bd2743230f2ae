package conformance_test

import (
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/targets"
)

// BenchmarkCoveragePhase measures the coverage phase on its own (with the
// one random case rapid always runs) against our library in-process and
// over HTTP: milliseconds per phase and cases per second. BenchmarkSuite
// measures the random phase.
func BenchmarkCoveragePhase(b *testing.B) {
	for _, name := range []string{"local", "local-http"} {
		b.Run(name, func(b *testing.B) {
			fresh := freshTargets(b, name)
			cases, elapsed := 0, time.Duration(0)
			for range b.N {
				target := fresh()
				start := time.Now()
				rep, err := conformance.Check([]targets.Target{target}, conformance.WithOutput(io.Discard), conformance.WithShrinkLimit(0),
					conformance.WithChecks(1))
				elapsed += time.Since(start)
				require.NoError(b, err)
				require.Empty(b, rep.Divergences)
				cases += rep.Phases[0].Cases
			}
			b.ReportMetric(float64(cases)/elapsed.Seconds(), "cases/s")
			b.ReportMetric(elapsed.Seconds()*1000/float64(b.N), "ms/phase")
		})
	}
}
