// Package targets defines what the suite runs cases against: a Target is a
// system that answers GetSessionToken. Adapters live in sub-packages, one per
// kind of target, and hold no comparison logic: they report what the system
// said, and the conformance package judges it.
package targets

import (
	"context"
	"time"

	"github.com/stsconform/stsconform/call"
)

// Target is one system under test.
type Target interface {
	// Name identifies the target in reports (e.g. "local", "local-http").
	Name() string
	// Callers lists the identities the target can act as.
	Callers() []call.Caller
	// GetSessionToken makes one call as the given caller. An AWS error
	// response is an outcome (Kind ServiceError); a transport failure, a
	// timeout or an answer that cannot be parsed is a Go error.
	GetSessionToken(ctx context.Context, caller call.CallerKind, in call.Input) (call.Outcome, error)
}

// Replayer is implemented by targets reachable over HTTP: it gives a command
// a person can paste to send the same request again.
type Replayer interface {
	Replay(caller call.CallerKind, in call.Input) string
}

// Closer is implemented by targets that hold resources (a server, a
// process, a container). The suite closes every target it opened.
type Closer interface {
	Close() error
}

// TimeoutBounded is implemented by targets that bound each call themselves
// (an endpoint's timeout= option). The suite's own per-call bound then
// yields to a longer one.
type TimeoutBounded interface {
	CallTimeout() time.Duration
}
