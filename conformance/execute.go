package conformance

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets"
)

// targetState is a target with the identities it can act as.
type targetState struct {
	target  targets.Target
	callers map[call.CallerKind]call.Caller
	codes   *acceptedCodes // MFA codes it accepted (mfa_history.go)
}

func newTargetStates(ts []targets.Target) []targetState {
	out := make([]targetState, len(ts))
	for i, t := range ts {
		out[i] = targetState{target: t, callers: map[call.CallerKind]call.Caller{}, codes: &acceptedCodes{}}
		for _, c := range t.Callers() {
			out[i].callers[c.Kind] = c
		}
	}
	return out
}

// execute runs one case against every target that can act as its caller,
// concurrently, and judges each outcome.
func (r *runner) execute(ctx context.Context, in call.Input, caller call.CallerKind) []report.Observation {
	obs := make([]report.Observation, len(r.targets))
	ran := make([]bool, len(r.targets))
	var wg sync.WaitGroup
	for i, ts := range r.targets {
		c, ok := ts.callers[caller]
		if !ok {
			continue
		}
		ran[i] = true
		if len(r.targets) == 1 {
			obs[i] = r.observe(ctx, ts, c, in)
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			obs[i] = r.observe(ctx, ts, c, in)
		}()
	}
	wg.Wait()
	out := obs[:0]
	for i := range obs {
		if ran[i] {
			out = append(out, obs[i])
		}
	}
	return out
}

func (r *runner) observe(ctx context.Context, ts targetState, caller call.Caller, in call.Input) report.Observation {
	t := ts.target
	done := ts.codes.hold(&caller, in)
	// The oracle works while the target does: on a remote target its cost
	// hides in the call's latency.
	exp := r.cfg.oracle.Expect(in, caller, time.Now())
	ctx, cancel := context.WithTimeout(ctx, r.callTimeout(t))
	defer cancel()
	out, err := safeCall(ctx, t, caller.Kind, in)
	done(out, err)
	r.screen(t, caller.Kind, out, err)
	o := report.Observation{
		Target: t.Name(), Expectation: exp, Outcome: out, Err: err,
		Verdict: compare.Judge(exp, out, err, r.cfg.compare),
	}
	if rp, ok := t.(targets.Replayer); ok {
		o.Curl = func() string { return rp.Replay(caller.Kind, in) }
	}
	return o
}

// callTimeout bounds one call to t: the run's timeout, or longer when the
// target bounds its calls itself with a longer timeout (an endpoint's
// timeout=30s), so that the target's own bound is the one that applies.
func (r *runner) callTimeout(t targets.Target) time.Duration {
	d := r.cfg.callTimeout
	if tb, ok := t.(targets.TimeoutBounded); ok {
		d = max(d, tb.CallTimeout()+time.Second)
	}
	return d
}

// safeCall turns a panicking adapter into an error: the run goes on.
func safeCall(ctx context.Context, t targets.Target, caller call.CallerKind, in call.Input) (out call.Outcome, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("target %s panicked: %v", t.Name(), p)
		}
	}()
	return t.GetSessionToken(ctx, caller, in)
}
