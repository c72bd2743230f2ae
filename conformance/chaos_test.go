package conformance_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/internal/testenv"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/emulator"
	"github.com/stsconform/stsconform/targets/local"
	"github.com/stsconform/stsconform/targets/spec"
)

// chaos handlers misbehave in the ways real targets do.
func chaosHandlers() map[string]http.HandlerFunc {
	faithful := serve()()
	return map[string]http.HandlerFunc{
		"hangs": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(2 * time.Second):
			}
		},
		"drops-the-connection": func(w http.ResponseWriter, r *http.Request) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				_ = conn.Close()
			}
		},
		"answers-garbage": func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte("\x00\xffnot xml at all"))
		},
		"answers-8-MiB": func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write(bytes.Repeat([]byte("<x>"), 8<<20/3))
		},
		"server-error": func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusInternalServerError)
		},
		"slow-but-right": func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(30 * time.Millisecond)
			faithful.ServeHTTP(w, r)
		},
	}
}

// A target that hangs, drops connections, answers garbage, huge bodies or
// server errors is reported case by case, and the run completes: no panic,
// no hang, no goroutine left behind. A slow but right target is not blamed.
func TestSuiteSurvivesHostileTargets(t *testing.T) {
	for name, h := range chaosHandlers() {
		t.Run(name, func(t *testing.T) {
			defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
			srv := httptest.NewServer(h)
			defer srv.Close()
			defer srv.CloseClientConnections()
			// Short timeouts cut the hanging target off quickly; the slow
			// but right one gets room, even on a loaded machine.
			timeout := "300ms"
			if name == "slow-but-right" {
				timeout = "5s"
			}
			rep := checkOne(t, fmt.Sprintf("endpoint=%s;name=%s;access-key=%s;timeout=%s", srv.URL, name, local.UserAccessKeyID, timeout), conformance.WithChecks(30))
			assert.False(t, rep.Partial)
			assert.Equal(t, 30, rep.Checks, "every case ran")
			if name == "slow-but-right" {
				assert.Zero(t, rep.Totals[name].Diverge, "%+v", rep.Divergences)
				return
			}
			assert.Equal(t, 30, rep.Totals[name].Diverge, "every case is a divergence")
			assert.Contains(t, rep.Divergences[0].Actual, "no usable answer")
		})
	}
}

// An emulator process that dies mid-run: every later case is reported as
// that target's divergence and the run goes on to the end.
func TestSuiteSurvivesAnEmulatorThatDies(t *testing.T) {
	target, err := spec.Open("moto", spec.WithLogDir(t.TempDir()))
	if errors.Is(err, emulator.ErrNoPython) {
		testenv.Missing(t, err.Error())
	}
	require.NoError(t, err)
	t.Cleanup(func() { spec.CloseAll([]targets.Target{target}) })
	moto := target.(*emulator.Target)
	dying := &killAfter{Target: moto, after: 10, kill: func() { _ = syscall.Kill(moto.PID(), syscall.SIGKILL) }}
	rep, err := conformance.Check([]targets.Target{dying}, conformance.WithOutput(&bytes.Buffer{}),
		conformance.WithCoverage(false), conformance.WithShrinkLimit(0), conformance.WithChecks(40))
	require.NoError(t, err)
	assert.Equal(t, 40, rep.Checks)
	assert.False(t, rep.Partial)
	found := false
	for _, d := range rep.Divergences {
		found = found || strings.Contains(d.Actual, "no usable answer")
	}
	assert.True(t, found, "calls after the crash are reported as no usable answer")
}

// killAfter kills its target's process after a number of calls.
type killAfter struct {
	targets.Target
	after int32
	calls atomic.Int32
	kill  func()
}

func (k *killAfter) GetSessionToken(ctx context.Context, caller call.CallerKind, in call.Input) (call.Outcome, error) {
	if k.calls.Add(1) == k.after {
		k.kill()
	}
	return k.Target.GetSessionToken(ctx, caller, in)
}

func checkOne(t *testing.T, s string, opts ...conformance.Option) report.Report {
	target, err := spec.Open(s)
	require.NoError(t, err)
	defer spec.CloseAll([]targets.Target{target})
	rep, err := conformance.Check([]targets.Target{target}, append([]conformance.Option{conformance.WithOutput(&bytes.Buffer{}),
		conformance.WithCoverage(false), conformance.WithShrinkLimit(0), conformance.WithContext(t.Context())}, opts...)...)
	require.NoError(t, err)
	return rep
}
