package conformance_test

import (
	"io"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/spec"
)

// A run reports every judged case of both phases to WithProgress, each
// phase counting up to its total.
func TestRunReportsItsProgress(t *testing.T) {
	var mu sync.Mutex
	last := map[string]conformance.Progress{}
	calls := map[string]int{}
	target, err := spec.Open("local")
	require.NoError(t, err)
	t.Cleanup(func() { spec.CloseAll([]targets.Target{target}) })
	_, err = conformance.Check([]targets.Target{target}, conformance.WithOutput(io.Discard),
		conformance.WithChecks(30), conformance.WithSeed(1), conformance.WithConcurrency(4),
		conformance.WithProgress(func(p conformance.Progress) {
			mu.Lock()
			defer mu.Unlock()
			calls[p.Phase]++
			if p.Done > last[p.Phase].Done {
				last[p.Phase] = p
			}
		}))
	require.NoError(t, err)
	assert.Equal(t, conformance.Progress{Phase: "random", Done: 30, Total: 30}, last["random"])
	assert.Equal(t, 30, calls["random"])
	cov := last["coverage"]
	assert.Positive(t, cov.Total)
	assert.Equal(t, cov.Total, cov.Done)
	assert.Equal(t, cov.Total, calls["coverage"])
}
