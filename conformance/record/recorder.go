package record

import (
	"context"
	"errors"
	"iter"
	"sync"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/generators"
	"github.com/stsconform/stsconform/targets"
)

// Recorder is a target that records what the target it wraps answers (-record).
// Its Close writes the recording and closes the wrapped target.
type Recorder struct {
	targets.Target
	dir    string
	mu     sync.Mutex
	labels []string // of the case being run, set by Labelled
	rec    Recording
}

// Wrap records t's answers into dir/<name>.json.
func Wrap(t targets.Target, dir string) *Recorder {
	p := Provenance{RecordedAt: today(), SDK: SDKVersion(), Source: "stsconform -record"}
	if e, ok := t.(interface{ Endpoint() string }); ok {
		p.Endpoint = e.Endpoint()
	}
	if r, ok := t.(interface{ Region() string }); ok {
		p.Region = r.Region()
	}
	if cs := t.Callers(); len(cs) > 0 {
		p.CallerKind = cs[0].Kind
	}
	return &Recorder{Target: t, dir: dir, rec: Recording{Target: t.Name(), Provenance: p, Entries: []Entry{}}}
}

// Labelled passes the labels of each case of a sequential plan to the
// recorders, so their entries keep their classes.
func Labelled(plan iter.Seq[generators.Case], recs ...*Recorder) iter.Seq[generators.Case] {
	return func(yield func(generators.Case) bool) {
		for c := range plan {
			for _, r := range recs {
				r.mu.Lock()
				r.labels = c.Labels
				r.mu.Unlock()
			}
			if !yield(c) {
				return
			}
		}
	}
}

// GetSessionToken calls the wrapped target and records its answer. Cases
// it skipped or had no budget for are not recorded.
func (r *Recorder) GetSessionToken(ctx context.Context, caller call.CallerKind, in call.Input) (call.Outcome, error) {
	out, err := r.Target.GetSessionToken(ctx, caller, in)
	var spent interface{ BudgetSpent() bool }
	var skipped interface{ Skipped() bool }
	if errors.As(err, &spent) || errors.As(err, &skipped) || ctx.Err() != nil {
		return out, err
	}
	if rd, ok := r.Target.(interface{ RedactInput(call.Input) call.Input }); ok {
		in = rd.RedactInput(in)
	}
	r.mu.Lock()
	r.rec.Entries = append(r.rec.Entries, Entry{Labels: r.labels, Input: in, Caller: caller, Answer: Normalise(out, err)})
	r.mu.Unlock()
	return out, err
}

// Replay is the wrapped target's, when it has one.
func (r *Recorder) Replay(caller call.CallerKind, in call.Input) string {
	if rp, ok := r.Target.(targets.Replayer); ok {
		return rp.Replay(caller, in)
	}
	return ""
}

// Flush writes the recording, dir/<target>.json.
func (r *Recorder) Flush() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, err := r.rec.Write(r.dir)
	return err
}

// Close writes the recording, then closes the wrapped target.
func (r *Recorder) Close() error {
	err := r.Flush()
	if c, ok := r.Target.(targets.Closer); ok {
		err = errors.Join(err, c.Close())
	}
	return err
}

// RedactInput, Credentials, RunNotes, Endpoint and Region are the wrapped
// target's, so the suite sees through the recorder.
func (r *Recorder) RedactInput(in call.Input) call.Input {
	if rd, ok := r.Target.(interface{ RedactInput(call.Input) call.Input }); ok {
		return rd.RedactInput(in)
	}
	return in
}

// Credentials describes the wrapped target's credentials, masked.
func (r *Recorder) Credentials() string {
	if c, ok := r.Target.(interface{ Credentials() string }); ok {
		return c.Credentials()
	}
	return "its configured credentials"
}

// RunNotes are the wrapped target's, plus where the recording goes.
func (r *Recorder) RunNotes() []string {
	var notes []string
	if n, ok := r.Target.(interface{ RunNotes() []string }); ok {
		notes = n.RunNotes()
	}
	return append(notes, r.Name()+": answers recorded to "+r.dir)
}

// Endpoint is the wrapped target's.
func (r *Recorder) Endpoint() string { return r.rec.Provenance.Endpoint }
