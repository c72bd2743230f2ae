package driver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"
)

// ErrAbandoned is the error of a request sent to a driver that failed
// (crashed, hung, wrote garbage, was closed) before answering it. Nothing
// is known of such a request: it may or may not have reached the server.
var ErrAbandoned = errors.New("abandoned: the driver failed before answering this request")

// Pending is a request sent and not answered yet.
type Pending struct {
	owner *Process // nil when the result is known at once
	run   *running
	id    int64
	limit time.Duration // the wait for the reply, once it is the oldest
	done  bool          // the result is set (owner.mu)
	reply Reply
	err   error
}

// Sender is a Client that takes a request before the previous one is
// answered: a driver process, whose replies come in order. Keeping one
// request ahead hides a process wake-up per case.
type Sender interface {
	Send(ctx context.Context, req Request) *Pending
}

// Send sends req through c without waiting for the reply when c is a
// Sender, and calls c.Do at once otherwise (in-process clients).
func Send(ctx context.Context, c Client, req Request) *Pending {
	if s, ok := c.(Sender); ok {
		return s.Send(ctx, req)
	}
	reply, err := c.Do(ctx, req)
	return &Pending{id: req.ID, done: true, reply: reply, err: err}
}

// Wait returns the reply to the request, reading the replies to requests
// sent before it first. A request sent after a failed one fails with
// ErrAbandoned.
func (pd *Pending) Wait(ctx context.Context) (Reply, error) {
	p := pd.owner
	if p == nil {
		return pd.reply, pd.err
	}
	p.readMu.Lock()
	defer p.readMu.Unlock()
	for !p.resolved(pd) {
		p.readOldest(ctx, pd.run)
	}
	return pd.reply, pd.err
}

// Send writes one request line and returns at once; Wait reads its reply.
// After a failure it first starts a fresh process.
func (p *Process) Send(ctx context.Context, req Request) *Pending {
	p.mu.Lock()
	defer p.mu.Unlock()
	pd := &Pending{owner: p, id: req.ID, limit: time.Duration(req.TimeoutMs)*time.Millisecond + p.cfg.Grace}
	data, err := json.Marshal(req)
	if err != nil {
		return pd.fail(fmt.Errorf("encoding the request: %w", err))
	}
	if p.run == nil {
		r, err := launch(ctx, p.cfg)
		if err != nil {
			return pd.fail(fmt.Errorf("restarting the driver: %w", err))
		}
		p.run, p.Restarts = r, p.Restarts+1
	}
	r := p.run
	if r.broken {
		return pd.fail(fmt.Errorf("%w (the driver stopped reading its input)", ErrAbandoned))
	}
	if err := r.write(append(data, '\n'), pd.limit); err != nil {
		return p.writeFailed(r, pd, err)
	}
	pd.run = r
	r.queue = append(r.queue, pd)
	return pd
}

// writeFailed fails a request whose line could not be written. With
// requests still unanswered it is abandoned: reading their replies tells
// what became of the driver. Otherwise the driver is stopped, and this
// request carries what is known (p.mu held).
func (p *Process) writeFailed(r *running, pd *Pending, err error) *Pending {
	if len(r.queue) > 0 {
		r.broken = true
		return pd.fail(fmt.Errorf("%w (writing the request: %v)", ErrAbandoned, err))
	}
	r.stop()
	p.abandon(r, err)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return pd.fail(fmt.Errorf("driver hung: request %d not read within %s%s", pd.id, pd.limit, stderrNote(r.stderr)))
	}
	return pd.fail(fmt.Errorf("driver exited before reading request %d (%s): %v%s", pd.id, r.exitStatus(), err, stderrNote(r.stderr)))
}

func (pd *Pending) fail(err error) *Pending {
	pd.done, pd.err = true, err
	return pd
}

func (p *Process) resolved(pd *Pending) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return pd.done
}

// readOldest reads the reply to the oldest request of r; a failure stops
// r and abandons every later request.
func (p *Process) readOldest(ctx context.Context, r *running) {
	p.mu.Lock()
	head := r.queue[0]
	p.mu.Unlock()
	data, err := r.next(ctx, head.limit, "reply "+strconv.FormatInt(head.id, 10))
	var reply Reply
	if err == nil {
		reply, err = decodeReply(data, head.id)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if head.done { // abandoned meanwhile (Close)
		return
	}
	r.queue = r.queue[1:]
	head.done, head.reply, head.err = true, reply, err
	if err != nil {
		r.stop()
		p.abandon(r, fmt.Errorf("the driver failed on request %d", head.id))
	}
}

// abandon fails r's unanswered requests and forgets r (p.mu held).
func (p *Process) abandon(r *running, cause error) {
	for _, pd := range r.queue {
		pd.done, pd.err = true, fmt.Errorf("%w (%v)", ErrAbandoned, cause)
	}
	r.queue = nil
	if p.run == r {
		p.run = nil
	}
}
