package driver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/stsconform/stsconform/internal/tail"
)

// Config says how to start a driver program.
type Config struct {
	// Command is the program and its arguments.
	Command []string
	// Dir is its working directory ("" for the current one).
	Dir string
	// Env is added to the environment the program inherits.
	Env []string
	// HelloTimeout bounds the wait for the hello line (default 30s: a
	// Node or Python start on a loaded machine).
	HelloTimeout time.Duration
	// Grace is added to each request's timeoutMs to bound the wait for
	// its reply (default 5s).
	Grace time.Duration
	// MaxLine bounds the length of one reply line (default 4 MiB).
	MaxLine int
}

func (c *Config) defaults() {
	if c.HelloTimeout == 0 {
		c.HelloTimeout = 30 * time.Second
	}
	if c.Grace == 0 {
		c.Grace = 5 * time.Second
	}
	if c.MaxLine == 0 {
		c.MaxLine = 4 << 20
	}
}

// Process is a running driver. A driver that crashes, hangs or writes
// garbage fails the request being answered with an error, and every
// request sent after it with ErrAbandoned; the next Send starts a fresh
// process. It is safe for concurrent use: requests are written, and their
// replies read, in the order Send was called.
type Process struct {
	cfg    Config
	hello  Hello
	mu     sync.Mutex // guards run, each run's queue, every Pending's result, Restarts
	run    *running   // nil after a failure, until the next Send
	readMu sync.Mutex // one reader of replies at a time
	// Restarts counts the processes started after a failure.
	Restarts int
}

// Start starts the driver and reads its hello. The caller must Close it.
func Start(ctx context.Context, cfg Config) (*Process, error) {
	cfg.defaults()
	if len(cfg.Command) == 0 {
		return nil, errors.New("driver: no command")
	}
	r, err := launch(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return &Process{cfg: cfg, run: r, hello: r.hello}, nil
}

// Hello returns the hello line of the first process.
func (p *Process) Hello() Hello { return p.hello }

// Do sends one request and waits for its reply.
func (p *Process) Do(ctx context.Context, req Request) (Reply, error) {
	return p.Send(ctx, req).Wait(ctx)
}

// Close ends the driver: end of stdin, then a kill if it has not exited
// within a few seconds. Requests not answered yet are abandoned. It is
// safe to call more than once.
func (p *Process) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.run == nil {
		return nil
	}
	r := p.run
	err := r.close(3 * time.Second)
	p.abandon(r, errors.New("the driver was closed"))
	return err
}

var phases = map[string]bool{PhaseInexpressible: true, PhaseRejected: true, PhaseParsed: true, PhaseError: true, PhaseDriverError: true}

func decodeReply(data []byte, id int64) (Reply, error) {
	var rep Reply
	if err := json.Unmarshal(data, &rep); err != nil {
		return Reply{}, fmt.Errorf("driver wrote garbage instead of reply %d: %s (%v)", id, quote(data), err)
	}
	switch {
	case rep.ID != id:
		return Reply{}, fmt.Errorf("driver answered id %d to request %d: %s", rep.ID, id, quote(data))
	case !phases[rep.Phase]:
		return Reply{}, fmt.Errorf("driver reply %d has unknown phase %q", id, rep.Phase)
	case (rep.Phase == PhaseError || rep.Phase == PhaseRejected) && rep.Error == nil:
		return Reply{}, fmt.Errorf("driver reply %d has phase %s but no error", id, rep.Phase)
	}
	return rep, nil
}

func quote(b []byte) string {
	if len(b) > 200 {
		return strconv.Quote(string(b[:200])) + "…"
	}
	return strconv.Quote(string(b))
}

// stderrNote renders the end of a driver's stderr for an error message
// ("" when it wrote none).
func stderrNote(t *tail.Buffer) string {
	b := t.Last(500)
	if b == "" {
		return ""
	}
	return "; stderr: " + strconv.Quote(b)
}
