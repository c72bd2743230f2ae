package conformance_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/local"
	"github.com/stsconform/stsconform/targets/spec"
)

// An endpoint's timeout= is the bound on its calls, also when it is longer
// than the suite's own: a server slower than the suite's bound but within
// the endpoint's is answered, not cut off.
func TestEndpointTimeoutLongerThanTheSuitesIsHonoured(t *testing.T) {
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(300 * time.Millisecond)
		local.NewHandler(local.New()).ServeHTTP(w, r)
	})
	for _, tc := range []struct {
		timeout string
		cutOff  bool
	}{{"5s", false}, {"50ms", true}} {
		t.Run(tc.timeout, func(t *testing.T) {
			srv := httptest.NewServer(slow)
			t.Cleanup(srv.Close)
			target, err := spec.Open(fmt.Sprintf("endpoint=%s;name=slow;access-key=%s;timeout=%s", srv.URL, local.UserAccessKeyID, tc.timeout))
			require.NoError(t, err)
			rep, err := conformance.Check([]targets.Target{target}, conformance.WithOutput(&bytes.Buffer{}),
				conformance.WithCoverage(false), conformance.WithShrinkLimit(0), conformance.WithCallTimeout(100*time.Millisecond), conformance.WithContext(t.Context()), conformance.WithChecks(3))
			require.NoError(t, err)
			if tc.cutOff {
				assert.Equal(t, 3, rep.Totals["slow"].Diverge, "every call outlives the endpoint's own timeout")
				return
			}
			assert.Zero(t, rep.Totals["slow"].Diverge, "%+v", rep.Divergences)
		})
	}
}
