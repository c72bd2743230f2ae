package driver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// ErrAbandoned is the error of a request sent to a driver that failed
// (crashed, hung, wrote garbage, was closed) before answering it. Nothing
// is known of such a request: it may or may not have reached the server.
var ErrAbandoned = errors.New("abandoned: the driver failed before answering this request")

// maxInFlight bounds the requests sent to one process and not answered
// yet; Send blocks beyond it.
const maxInFlight = 64

// Pending is a request sent and not answered yet.
type Pending struct {
	owner   *Process // nil when the result is known at once
	run     *running
	id      int64
	limit   time.Duration // the wait for the reply, once it is the oldest
	written chan error
	done    bool // the result is set (owner.mu)
	reply   Reply
	err     error
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
	pd.run, pd.written = p.run, make(chan error, 1)
	select {
	case p.run.writes <- write{data: append(data, '\n'), done: pd.written}:
	case <-p.run.quit:
		return pd.fail(fmt.Errorf("writing to the driver: %w", ErrAbandoned))
	}
	p.run.queue = append(p.run.queue, pd)
	return pd
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
	if err == nil {
		err = head.writeResult()
	}
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

// writeResult is the outcome of writing the request line. A reply came,
// so the driver has read it, unless the driver wrote before reading.
func (pd *Pending) writeResult() error {
	select {
	case err := <-pd.written:
		if err != nil {
			return fmt.Errorf("writing to the driver: %w", err)
		}
		return nil
	case <-time.After(pd.limit):
		return fmt.Errorf("driver answered request %d without reading it", pd.id)
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

// write is one request line for the writing goroutine.
type write struct {
	data []byte
	done chan error
}

// write writes request lines in order until the process stops.
func (r *running) write() {
	for {
		select {
		case w := <-r.writes:
			_, err := r.stdin.Write(w.data)
			w.done <- err
		case <-r.quit:
			return
		}
	}
}
