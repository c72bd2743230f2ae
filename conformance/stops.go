package conformance

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/record"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/sdkclient"
)

// authStopAfter is how many authentication errors in a row from one target
// stop the run.
const authStopAfter = 3

// SetupError stops a run whose target refuses its credentials.
type SetupError struct{ Message string }

func (e *SetupError) Error() string { return e.Message }

// BudgetStop ends the checks of a run whose target spent its budget of
// calls; what ran is reported.
type BudgetStop struct{ Message string }

func (e *BudgetStop) Error() string { return e.Message }

// stops watches the answers of a run for the reasons to stop it early, and
// counts the cases targets skipped.
type stops struct {
	cancel context.CancelCauseFunc
	mu     sync.Mutex
	auth   map[string]int            // target → authentication errors in a row
	skips  map[string]map[string]int // target → reason → cases
}

// withStops gives the runner a context that the stops can cancel.
func (r *runner) withStops() {
	var cancel context.CancelCauseFunc
	r.ctx, cancel = context.WithCancelCause(r.ctx)
	r.stops = &stops{cancel: cancel, auth: map[string]int{}, skips: map[string]map[string]int{}}
}

// screen looks at one answer: authentication errors in a row stop the run
// with a setup error, a spent budget stops the checks, a skip is counted.
func (r *runner) screen(t targets.Target, caller call.CallerKind, out call.Outcome, err error) {
	s := r.stops
	if s == nil {
		return
	}
	var spent interface{ BudgetSpent() bool }
	var skipped interface{ Skipped() bool }
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case errors.As(err, &spent):
		s.cancel(&BudgetStop{Message: fmt.Sprintf("%s: %v; the remaining checks stopped, what ran is reported", t.Name(), err)})
	case errors.As(err, &skipped):
		if s.skips[t.Name()] == nil {
			s.skips[t.Name()] = map[string]int{}
		}
		s.skips[t.Name()][err.Error()]++
	case err == nil && out.Kind == call.ServiceError && out.Error != nil && record.AuthErrorCodes[out.Error.Code]:
		s.auth[t.Name()]++
		if s.auth[t.Name()] >= authStopAfter {
			s.cancel(&SetupError{Message: authMessage(t, caller, out)})
		}
	default:
		s.auth[t.Name()] = 0
	}
}

func authMessage(t targets.Target, caller call.CallerKind, out call.Outcome) string {
	return fmt.Sprintf("setup error: %s refused the credentials %d times in a row (%s: %s), signing as %s with %s. "+
		"Check the secret, the session token, the clock and the region; the run stopped, no conformance result is drawn from it.",
		t.Name(), authStopAfter, out.Error.Code, out.Error.Message, caller, credentialsOf(t, caller))
}

// credentialsOf names the credentials a target signs with, never the secret.
func credentialsOf(t targets.Target, caller call.CallerKind) string {
	switch c := t.(type) {
	case interface{ Credentials() string }:
		return c.Credentials()
	case interface {
		Identity(call.CallerKind) (sdkclient.Identity, bool)
	}:
		if id, ok := c.Identity(caller); ok {
			return "access key " + record.MaskKeyID(id.AccessKeyID)
		}
	}
	return "its configured credentials"
}

// kept drops the observations of cases a target skipped or could not send
// within its budget: they are no verdict.
func kept(obs []report.Observation) []report.Observation {
	out := obs[:0]
	for _, o := range obs {
		var spent interface{ BudgetSpent() bool }
		var skipped interface{ Skipped() bool }
		if !errors.As(o.Err, &spent) && !errors.As(o.Err, &skipped) {
			out = append(out, o)
		}
	}
	return out
}

// redact hides what a target says is secret in an input (a valid MFA code)
// before the input is recorded.
func (r *runner) redact(in call.Input) call.Input {
	for _, ts := range r.targets {
		if rd, ok := ts.target.(interface{ RedactInput(call.Input) call.Input }); ok {
			in = rd.RedactInput(in)
		}
	}
	return in
}

// stopped returns why the run stopped early, if a stop did it.
func (r *runner) stopped() error {
	if r.stops == nil {
		return nil
	}
	var setup *SetupError
	var budget *BudgetStop
	if cause := context.Cause(r.ctx); errors.As(cause, &setup) || errors.As(cause, &budget) {
		return cause
	}
	return nil
}

// budgetStopped reports whether a run ended on a spent budget (not a
// failure: what ran is reported).
func budgetStopped(err error) bool {
	var b *BudgetStop
	return errors.As(err, &b)
}
