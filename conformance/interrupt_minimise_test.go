package conformance_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/local"
	"github.com/stsconform/stsconform/targets/spec"
)

// cancelAfter forwards calls to a target and cancels the run's context on
// call number n, as an interrupt would.
type cancelAfter struct {
	targets.Target
	n      int64
	calls  atomic.Int64
	cancel context.CancelFunc
}

func (c *cancelAfter) GetSessionToken(ctx context.Context, caller call.CallerKind, in call.Input) (call.Outcome, error) {
	if c.calls.Add(1) == c.n {
		c.cancel()
	}
	return c.Target.GetSessionToken(ctx, caller, in)
}

// An interrupt during minimisation keeps the survey's examples: no member
// is dropped on a cut call, no example is replaced by a cancelled call, and
// the report says the cells were not minimised.
func TestInterruptDuringMinimisationKeepsTheSurveysExamples(t *testing.T) {
	const checks = 60
	// Each run gets its own server: a server remembers the MFA codes it
	// accepted, and refuses them when the next run sends them again.
	open := func() targets.Target {
		srv := httptest.NewServer(rewrite(serve(), replaceBody("<AccessKeyId>ASIA", "<AccessKeyId>AKIA"))())
		t.Cleanup(srv.Close)
		inner, err := spec.Open("endpoint=" + srv.URL + ";name=akia;access-key=" + local.UserAccessKeyID)
		require.NoError(t, err)
		return inner
	}
	survey, err := conformance.Check([]targets.Target{open()}, conformance.WithOutput(&bytes.Buffer{}),
		conformance.WithCoverage(false), conformance.WithShrinkLimit(0), conformance.WithContext(t.Context()),
		conformance.WithChecks(checks), conformance.WithSeed(4242))
	require.NoError(t, err)

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	// Every survey case makes one call; the next is minimisation's first.
	target := &cancelAfter{Target: open(), n: checks + 1, cancel: cancel}
	rep, err := conformance.Check([]targets.Target{target}, conformance.WithOutput(&bytes.Buffer{}),
		conformance.WithCoverage(false), conformance.WithContext(ctx), conformance.WithChecks(checks), conformance.WithSeed(4242))
	require.NoError(t, err)
	require.True(t, rep.Partial)
	require.NotNil(t, rep.Interruption)
	assert.Equal(t, "minimisation", rep.Interruption.Phase)
	assert.Positive(t, rep.Interruption.CellsNotMinimised)
	require.NotEmpty(t, rep.Divergences)
	assert.Equal(t, examples(survey), examples(rep), "the survey's examples stand")
	for _, d := range rep.Divergences {
		assert.False(t, d.Shrunk, "%s: minimised after the interrupt", d.Class)
		assert.NotContains(t, d.Actual, "context canceled", d.Class)
	}
}

// examples maps each finding to its example's input.
func examples(rep report.Report) map[string]string {
	out := map[string]string{}
	for _, d := range rep.Divergences {
		out[d.Class+" "+d.Target] = d.InputText
	}
	return out
}
