package driver

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"time"
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

// running is one started driver process.
type running struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  chan line
	stderr *tail
	exited chan struct{}
	quit   chan struct{}
	once   sync.Once
	hello  Hello
	writes chan write // request lines, written in order by one goroutine
	queue  []*Pending // sent and not answered yet, oldest first (Process.mu)
}

type line struct {
	data []byte
	err  error
}

func launch(ctx context.Context, cfg Config) (*running, error) {
	cmd := exec.Command(cfg.Command[0], cfg.Command[1:]...)
	cmd.Dir = cfg.Dir
	cmd.Env = append(cmd.Environ(), cfg.Env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	r := &running{cmd: cmd, lines: make(chan line, 1), stderr: &tail{max: 4096},
		exited: make(chan struct{}), quit: make(chan struct{}), writes: make(chan write, maxInFlight)}
	cmd.Stderr = r.stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if r.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("driver %s: %w", cfg.Command[0], err)
	}
	// Wait only after stdout is read to its end (os/exec's rule).
	go func() { r.read(stdout, cfg.MaxLine); _ = cmd.Wait(); close(r.exited) }()
	go r.write()
	if err := r.readHello(ctx, cfg.HelloTimeout); err != nil {
		r.stop()
		return nil, err
	}
	return r, nil
}

// read passes stdout on line by line until its end, a read error, or stop.
func (r *running) read(stdout io.Reader, maxLine int) {
	defer close(r.lines)
	defer func() { _, _ = io.Copy(io.Discard, stdout) }()
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	for sc.Scan() {
		if !r.send(line{data: append([]byte(nil), sc.Bytes()...)}) {
			return
		}
	}
	err := sc.Err()
	if err == nil {
		err = io.EOF
	}
	r.send(line{err: err})
}

func (r *running) send(l line) bool {
	select {
	case r.lines <- l:
		return true
	case <-r.quit:
		return false
	}
}

func (r *running) readHello(ctx context.Context, limit time.Duration) error {
	data, err := r.next(ctx, limit, "hello")
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, &r.hello); err != nil || r.hello.Hello != HelloTag {
		return fmt.Errorf("driver's first line is not a %s hello: %s", HelloTag, quote(data))
	}
	return nil
}

// next waits for the next stdout line; a timeout, an exit or a read error
// is reported with the end of the driver's stderr.
func (r *running) next(ctx context.Context, limit time.Duration, what string) ([]byte, error) {
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case l, ok := <-r.lines:
		switch {
		case !ok || errors.Is(l.err, io.EOF):
			return nil, fmt.Errorf("driver exited before its %s (%s)%s", what, r.exitStatus(), r.stderr.note())
		case l.err != nil:
			return nil, fmt.Errorf("driver wrote an unreadable line before its %s: %v%s", what, l.err, r.stderr.note())
		}
		return l.data, nil
	case <-timer.C:
		return nil, fmt.Errorf("driver hung: no %s within %s%s", what, limit, r.stderr.note())
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting for the driver's %s: %w", what, ctx.Err())
	}
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

func (r *running) exitStatus() string {
	select {
	case <-r.exited:
		return r.cmd.ProcessState.String()
	case <-time.After(time.Second):
		return "still running"
	}
}

// close ends stdin and waits for the exit, killing after wait.
func (r *running) close(wait time.Duration) error {
	r.once.Do(func() { close(r.quit) })
	_ = r.stdin.Close()
	select {
	case <-r.exited:
		if !r.cmd.ProcessState.Success() {
			return fmt.Errorf("driver exited with %s%s", r.cmd.ProcessState, r.stderr.note())
		}
		return nil
	case <-time.After(wait):
		r.stop()
		return fmt.Errorf("driver did not exit within %s of end of input: killed", wait)
	}
}

// stop kills the driver's whole process group and waits for it.
func (r *running) stop() {
	r.once.Do(func() { close(r.quit) })
	_ = r.stdin.Close()
	if r.cmd.Process != nil {
		_ = syscall.Kill(-r.cmd.Process.Pid, syscall.SIGKILL)
	}
	<-r.exited
}

func quote(b []byte) string {
	if len(b) > 200 {
		return strconv.Quote(string(b[:200])) + "…"
	}
	return strconv.Quote(string(b))
}

// tail keeps the last max bytes written to it (a driver's stderr).
type tail struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - t.max; over > 0 {
		t.buf = t.buf[over:]
	}
	return len(p), nil
}

// note renders the tail for an error message ("" when empty).
func (t *tail) note() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.buf) == 0 {
		return ""
	}
	b := t.buf
	if len(b) > 500 {
		b = b[len(b)-500:]
	}
	return "; stderr: " + strconv.Quote(string(b))
}
