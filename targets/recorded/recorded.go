// Package recorded is the "recorded" target: it answers with what real STS
// answered, as saved by -record under fixtures/recorded/. It knows only the
// recorded inputs: Cases gives them as the run's plan, and any other input
// is skipped, not judged. So CI without credentials holds emulators and
// clients against real AWS answers.
package recorded

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/record"
	"github.com/stsconform/stsconform/generators"
)

// Target replays recordings.
type Target struct {
	dir        string
	entries    map[string]record.Entry // by key(caller, input)
	order      []record.Entry
	provenance []string
}

// Open reads every recording of dir. No recording is an error: the target
// would have nothing to answer.
func Open(dir string) (*Target, error) {
	recs, err := record.ReadRecordings(dir)
	if err != nil {
		return nil, err
	}
	t := &Target{dir: dir, entries: map[string]record.Entry{}}
	for _, r := range recs {
		t.provenance = append(t.provenance, r.Provenance.String())
		for _, e := range r.Entries {
			if placeholder(e.Input) {
				continue // an input with the device's serial or code cannot be sent again
			}
			k := key(e.Caller, e.Input)
			if _, dup := t.entries[k]; !dup {
				t.order = append(t.order, e)
			}
			t.entries[k] = e
		}
	}
	if len(t.order) == 0 {
		return nil, fmt.Errorf("recorded: no recorded answer in %s (see its README: record with -record against AWS)", dir)
	}
	return t, nil
}

func placeholder(in call.Input) bool {
	for _, s := range []*string{in.SerialNumber, in.TokenCode} {
		if s != nil && strings.HasPrefix(*s, "$STSCONFORM_MFA_") {
			return true
		}
	}
	return false
}

func key(caller call.CallerKind, in call.Input) string {
	data, _ := json.Marshal(in) // cannot fail: strings and integers
	return string(caller) + " " + string(data)
}

// Name is "recorded".
func (t *Target) Name() string { return "recorded" }

// Version is the recordings' provenance, for the report.
func (t *Target) Version() string { return strings.Join(t.provenance, "; ") }

// Callers are the caller kinds recorded; their MFA devices are unknown.
func (t *Target) Callers() []call.Caller {
	seen := map[call.CallerKind]bool{}
	var out []call.Caller
	for _, e := range t.order {
		if !seen[e.Caller] {
			seen[e.Caller] = true
			out = append(out, call.Caller{Kind: e.Caller})
		}
	}
	return out
}

// Cases are the recorded inputs, in the order recorded, with their classes.
func (t *Target) Cases() iter.Seq[generators.Case] {
	return func(yield func(generators.Case) bool) {
		for _, e := range t.order {
			labels := e.Labels
			if len(labels) == 0 {
				labels = []string{"Recorded/unlabelled", generators.CallerLabelPrefix + string(e.Caller)}
			}
			if !yield(generators.Case{Input: e.Input, Caller: e.Caller, Labels: labels}) {
				return
			}
		}
	}
}

// GetSessionToken answers what was recorded for the input. Credentials are
// rebuilt from their recorded shape, expiring as long after now as they did
// after the recorded call.
func (t *Target) GetSessionToken(_ context.Context, caller call.CallerKind, in call.Input) (call.Outcome, error) {
	e, ok := t.entries[key(caller, in)]
	if !ok {
		return call.Outcome{}, skip{}
	}
	a := e.Answer
	if a.Failure != "" {
		return call.Outcome{}, fmt.Errorf("recorded: no usable answer: %s", a.Failure)
	}
	now := time.Now()
	o := call.Outcome{Kind: a.Kind, HTTPStatus: a.HTTPStatus, SessionTokenSize: a.SessionTokenSize, Sent: now, Received: now}
	if a.Error != nil {
		o.Error = &call.ErrorDetails{Type: a.Error.Type, Code: a.Error.Code, Message: a.Error.Message, RequestID: a.Error.RequestID}
	}
	if c := a.Credentials; c != nil {
		o.Credentials = &call.Credentials{
			AccessKeyID:     c.AccessKeyIDPrefix + strings.Repeat("A", max(c.AccessKeyIDLength-len(c.AccessKeyIDPrefix), 0)),
			SecretAccessKey: strings.Repeat("x", c.SecretLength), SessionToken: strings.Repeat("A", c.SessionTokenBytes),
			Expiration: now.Add(time.Duration(c.ValidForSeconds) * time.Second),
		}
	}
	return o, nil
}

// skip says an input was never recorded.
type skip struct{}

func (skip) Error() string { return "recorded: no recorded answer for this input" }
func (skip) Skipped() bool { return true }
