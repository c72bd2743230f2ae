package conformance_test

import (
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/conformance/internal/rapidflags"
	"github.com/stsconform/stsconform/targets"
)

// BenchmarkCoveragePhase measures the coverage phase on its own (with the
// one random case rapid always runs) against our library in-process and
// over HTTP: milliseconds per phase and cases per second. BenchmarkSuite
// measures the random phase.
func BenchmarkCoveragePhase(b *testing.B) {
	for _, name := range []string{"local", "local-http"} {
		b.Run(name, func(b *testing.B) {
			target := openTarget(b, name)
			rapidflags.SetForTest(b, "rapid.checks", "1")
			cases := 0
			for b.Loop() {
				rep, err := conformance.Check([]targets.Target{target}, conformance.WithOutput(io.Discard), conformance.WithShrinkLimit(0))
				require.NoError(b, err)
				require.Empty(b, rep.Divergences)
				cases += rep.Phases[0].Cases
			}
			b.ReportMetric(float64(cases)/b.Elapsed().Seconds(), "cases/s")
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/phase")
		})
	}
}
