package conformance

import (
	"maps"
	"sync"
	"time"

	"github.com/stsconform/stsconform/call"
)

// acceptedCodes are the MFA codes one target accepted, by caller kind,
// serial and code, with when. AWS refuses a code sent again within its
// window (sts-facts §4.3), so the oracle judges each MFA case with the
// target's history. Cases that send a serial and a code go to their target
// one at a time, so that the history the oracle reads is the target's.
type acceptedCodes struct {
	mu sync.Mutex
	at map[call.CallerKind]map[string]time.Time
}

// hold, for a case with a serial and a code, waits for the target's
// earlier MFA case to finish, gives caller the codes accepted so far and
// returns what records the outcome and lets the next case go. Other cases
// pass at once.
func (a *acceptedCodes) hold(caller *call.Caller, in call.Input) func(call.Outcome, error) {
	if a == nil || in.SerialNumber == nil || in.TokenCode == nil {
		return func(call.Outcome, error) {}
	}
	a.mu.Lock()
	caller.Accepted = maps.Clone(a.at[caller.Kind])
	key := call.AcceptedKey(*in.SerialNumber, *in.TokenCode)
	return func(out call.Outcome, err error) {
		defer a.mu.Unlock()
		if err != nil || out.Kind != call.Success {
			return
		}
		if a.at == nil {
			a.at = map[call.CallerKind]map[string]time.Time{}
		}
		if a.at[caller.Kind] == nil {
			a.at[caller.Kind] = map[string]time.Time{}
		}
		a.at[caller.Kind][key] = time.Now()
	}
}
