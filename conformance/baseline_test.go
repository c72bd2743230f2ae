package conformance_test

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/conformance/baseline"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/local"
	"github.com/stsconform/stsconform/targets/spec"
)

// A baseline recorded from a run makes the same run pass, and a run with
// any other seed too: entries are keyed by finding signature. A finding it
// does not list is new; an entry no finding matches is stale in the run
// the baseline was recorded from (the gate) and only "not seen" in others.
func TestBaselineGate(t *testing.T) {
	const seed, checks = 20261124, 200
	dir := t.TempDir()
	// Each run gets its own server: a server remembers the MFA codes it
	// accepted, and refuses them when the next run sends them again.
	check := func(seed uint64, opts ...conformance.Option) report.Report {
		srv := httptest.NewServer(rewrite(serve(local.WithContract(withBound("DurationSeconds", 901, 129600))), replaceBody("<AccessKeyId>ASIA", "<AccessKeyId>AKIA"))())
		t.Cleanup(srv.Close)
		target, err := spec.Open(fmt.Sprintf("endpoint=%s;name=faulty;access-key=%s", srv.URL, local.UserAccessKeyID))
		require.NoError(t, err)
		opts = append(opts, conformance.WithBaselines(dir), conformance.WithOutput(&bytes.Buffer{}), conformance.WithShrinkLimit(0),
			conformance.WithSeed(seed), conformance.WithChecks(checks))
		rep, err := conformance.Check([]targets.Target{target}, opts...)
		require.NoError(t, err)
		return rep
	}

	recorded := check(seed, conformance.WithBaselineUpdate())
	f, err := baseline.Load(dir, "faulty")
	require.NoError(t, err)
	require.Len(t, f.Divergences, 2, "two deviations, two findings: %+v", f.Divergences)
	assert.Equal(t, baseline.Unreviewed, f.Divergences[0].Reason)
	assert.Equal(t, uint64(seed), f.Seed)
	assert.Len(t, f.Divergences, len(recorded.Findings))
	for _, e := range f.Divergences {
		assert.NotEmpty(t, e.Finding, "keyed by signature")
		assert.NotEmpty(t, e.Classes)
	}

	f.Divergences[0].Reason = "issues AKIA keys"
	require.NoError(t, baseline.Save(dir, f))
	for _, s := range []uint64{seed, 1, 987654321} {
		rep := check(s)
		assert.Empty(t, rep.StaleBaseline, "seed %d", s)
		require.NotEmpty(t, rep.Findings)
		for _, d := range rep.Findings {
			assert.Equal(t, "known", d.Baseline, "seed %d: %s", s, d.Title)
		}
	}

	kept := check(seed, conformance.WithBaselineUpdate())
	again, err := baseline.Load(dir, "faulty")
	require.NoError(t, err)
	assert.Equal(t, "issues AKIA keys", again.Divergences[0].Reason, "re-recording keeps reasons")
	assert.Equal(t, len(recorded.Findings), len(kept.Findings))

	dropped := again.Divergences[0]
	again.Divergences = append(again.Divergences[1:], baseline.Entry{Finding: "tokenCode pattern clause missing", Reason: "made up"})
	require.NoError(t, baseline.Save(dir, again))
	rep := check(seed)
	require.Len(t, rep.StaleBaseline, 1, "the gate fails a finding it no longer shows")
	assert.Equal(t, "tokenCode pattern clause missing", rep.StaleBaseline[0].Finding)
	for _, d := range rep.Findings {
		want := "known"
		if d.Signature == dropped.Finding {
			want = "new"
		}
		assert.Equal(t, want, d.Baseline, d.Title)
	}

	other := check(42)
	assert.Empty(t, other.StaleBaseline, "another seed does not fail what it did not see")
	require.Len(t, other.NotSeen, 1)
	assert.Equal(t, "tokenCode pattern clause missing", other.NotSeen[0].Finding)
}
