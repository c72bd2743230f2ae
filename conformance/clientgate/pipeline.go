package clientgate

import (
	"context"
	"errors"
	"iter"
	"time"

	"github.com/stsconform/stsconform/targets/clients/driver"
)

// job is one case for the client: what it is asked, what the server
// answers (in order, the last repeating), and how the outcome is judged.
type job struct {
	input       driver.Input
	maxAttempts int
	answers     []Answer
	judge       func(outcome)
}

// outcome is what came of a job: the client's reply and the requests that
// reached the server for it.
type outcome struct {
	reply    driver.Reply
	arrivals []Arrival
	err      error
}

// flight is a job sent to the client and not judged yet.
type flight struct {
	job
	ex      *Exchange
	pending *driver.Pending
}

// send opens the job's exchange and sends its request without waiting.
func (r *runner) send(ctx context.Context, j job) *flight {
	ex := r.srv.Open(j.answers...)
	r.nextID++
	req := driver.Request{ID: r.nextID, Endpoint: r.srv.URL(), Region: region,
		Credentials: driver.Credentials{AccessKeyID: ex.AccessKeyID, SecretAccessKey: secret},
		MaxAttempts: j.maxAttempts, Validate: !r.subject.NoValidate, TimeoutMs: r.timeout(j).Milliseconds(), Input: j.input}
	return &flight{job: j, ex: ex, pending: driver.Send(ctx, r.subject.Client, req)}
}

// timeout bounds the job's call: a single attempt gets the shorter bound.
func (r *runner) timeout(j job) time.Duration {
	if j.maxAttempts == 1 {
		return min(r.opts.Timeout, r.opts.AttemptTimeout)
	}
	return r.opts.Timeout
}

// await waits for the reply and closes the exchange: the client has
// answered, so every request of the case has arrived.
func (r *runner) await(ctx context.Context, f *flight) outcome {
	reply, err := f.pending.Wait(ctx)
	defer r.srv.Done(f.ex)
	return outcome{reply: reply, arrivals: f.ex.Arrivals(), err: err}
}

// alone runs a job with no other case open.
func (r *runner) alone(ctx context.Context, j job) outcome {
	return r.await(ctx, r.send(ctx, j))
}

// pipeline runs and judges jobs in order, keeping the next one sent while
// the client answers the current one (a driver then finds its next line
// waiting), and sending the one after as soon as the current reply is in,
// before judging it. The server tells cases apart by the access key id
// each signs with; a case it could not tell apart from its neighbour,
// abandoned by a driver that failed on its neighbour, or whose driver
// exited while its neighbour was sent, runs again alone.
func (r *runner) pipeline(ctx context.Context, jobs iter.Seq[job]) {
	var flights []*flight // sent and not judged, oldest first: at most two
	for j := range jobs {
		if ctx.Err() != nil {
			break
		}
		if len(flights) < 2 {
			flights = append(flights, r.send(ctx, j))
			continue
		}
		flights = r.settle(ctx, flights[0], flights[1], func() *flight { return r.send(ctx, j) })
	}
	for len(flights) > 0 {
		flights = r.settle(ctx, flights[0], at(flights, 1), nil)
	}
}

// settle judges cur, the case sent before next (nil at the end). A drawn
// job (sendNext, unless nil) is sent as soon as cur's reply is in and
// clear, before cur is judged: the client's next line is then waiting when
// it finishes next. When cur must run again alone, next is awaited first,
// both are judged, and then the drawn job is sent. It returns the cases
// still to judge, oldest first (none once interrupted).
func (r *runner) settle(ctx context.Context, cur, next *flight, sendNext func() *flight) []*flight {
	o := r.await(ctx, cur)
	if ctx.Err() != nil {
		return nil // interrupted: the report says so; no verdict on a cut case
	}
	if !unclear(cur, o, next != nil) {
		sent := sendDrawn(sendNext)
		cur.judge(o)
		return flying(next, sent)
	}
	var no outcome
	if next != nil {
		no = r.await(ctx, next)
	}
	cur.judge(r.alone(ctx, cur.job))
	if next == nil || ctx.Err() != nil {
		return nil
	}
	if unclear(next, no, false) {
		no = r.alone(ctx, next.job)
	}
	next.judge(no)
	return flying(sendDrawn(sendNext))
}

// sendDrawn sends the drawn job, if there is one.
func sendDrawn(sendNext func() *flight) *flight {
	if sendNext == nil {
		return nil
	}
	return sendNext()
}

// flying lists the flights that are not nil, in order.
func flying(fs ...*flight) []*flight {
	var out []*flight
	for _, f := range fs {
		if f != nil {
			out = append(out, f)
		}
	}
	return out
}

// at is fs[i], or nil past its end.
func at(fs []*flight, i int) *flight {
	if i < len(fs) {
		return fs[i]
	}
	return nil
}

// unclear says a case's outcome cannot be judged: a request reached the
// server that could belong to either open case, the driver failed on the
// case before it, or the driver exited while a later case was sent
// (sentAfter): it may have held this case's reply until that case
// transmitted (PROTOCOL.md), so the exit may be the later case's.
func unclear(f *flight, o outcome, sentAfter bool) bool {
	return f.ex.Ambiguous() || errors.Is(o.err, driver.ErrAbandoned) ||
		sentAfter && errors.Is(o.err, driver.ErrExited)
}

// one yields a single job.
func one(j job) iter.Seq[job] { return func(yield func(job) bool) { yield(j) } }
