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
	"github.com/stsconform/stsconform/conformance/internal/rapidflags"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/local"
	"github.com/stsconform/stsconform/targets/spec"
)

// A baseline recorded from a run makes the same run pass; a divergence it
// does not list is new, and an entry no divergence matches is stale.
func TestBaselineGate(t *testing.T) {
	rapidflags.SetForTest(t, "rapid.seed", "20261124")
	rapidflags.SetForTest(t, "rapid.checks", "200")
	dir := t.TempDir()
	// Each run gets its own server: a server remembers the MFA codes it
	// accepted, and refuses them when the next run sends them again.
	check := func(opts ...conformance.Option) report.Report {
		srv := httptest.NewServer(rewrite(serve(local.WithContract(withBound("DurationSeconds", 901, 129600))), replaceBody("<AccessKeyId>ASIA", "<AccessKeyId>AKIA"))())
		t.Cleanup(srv.Close)
		target, err := spec.Open(fmt.Sprintf("endpoint=%s;name=faulty;access-key=%s", srv.URL, local.UserAccessKeyID))
		require.NoError(t, err)
		opts = append(opts, conformance.WithBaselines(dir), conformance.WithOutput(&bytes.Buffer{}), conformance.WithShrinkLimit(0))
		rep, err := conformance.Check([]targets.Target{target}, opts...)
		require.NoError(t, err)
		return rep
	}

	recorded := check(conformance.WithBaselineUpdate())
	f, err := baseline.Load(dir, "faulty")
	require.NoError(t, err)
	require.NotEmpty(t, f.Divergences)
	assert.Equal(t, baseline.Unreviewed, f.Divergences[0].Reason)
	assert.Equal(t, uint64(20261124), f.Seed)
	assert.Len(t, f.Divergences, len(recorded.Divergences))

	f.Divergences[0].Reason = "issues AKIA keys"
	require.NoError(t, baseline.Save(dir, f))
	rep := check()
	assert.Empty(t, rep.StaleBaseline)
	for _, d := range rep.Divergences {
		assert.Equal(t, "known", d.Baseline, d.Class)
	}

	kept := check(conformance.WithBaselineUpdate())
	again, err := baseline.Load(dir, "faulty")
	require.NoError(t, err)
	assert.Equal(t, "issues AKIA keys", again.Divergences[0].Reason, "re-recording keeps reasons")
	assert.Equal(t, len(recorded.Divergences), len(kept.Divergences))

	dropped := again.Divergences[0]
	again.Divergences = append(again.Divergences[1:], baseline.Entry{Class: "TokenCode/hostile", DivergentFields: []string{"code"}, Reason: "made up"})
	require.NoError(t, baseline.Save(dir, again))
	rep = check()
	require.Len(t, rep.StaleBaseline, 1)
	assert.Equal(t, "TokenCode/hostile", rep.StaleBaseline[0].Class)
	for _, d := range rep.Divergences {
		want := "known"
		if d.Class == dropped.Class {
			want = "new"
		}
		assert.Equal(t, want, d.Baseline, d.Class)
	}
}
