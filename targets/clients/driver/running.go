package driver

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"

	"github.com/stsconform/stsconform/internal/tail"
)

// running is one started driver process. Our ends of its stdin and stdout
// are pipes the runtime polls, so a request is written and a reply read on
// the caller's goroutine, each bounded by a deadline: no goroutine is
// woken per case.
type running struct {
	cmd     *exec.Cmd
	stdin   *os.File // written under Process.mu
	stdout  *os.File // read under Process.readMu
	reader  *bufio.Reader
	maxLine int
	stderr  *tail.Buffer
	exited  chan struct{}
	once    sync.Once
	hello   Hello
	queue   []*Pending // sent and not answered yet, oldest first (Process.mu)
	broken  bool       // a write failed: the driver stopped reading (Process.mu)
}

// errLineTooLong is a reply line longer than Config.MaxLine.
var errLineTooLong = errors.New("line too long")

// ErrExited is in the error of a reply the driver did not write because
// it exited (crashed) first. A driver may hold a reply while the next
// request waits, until its client transmits (PROTOCOL.md), so an exit
// during one case can take the reply to the case before with it.
var ErrExited = errors.New("driver exited")

func launch(ctx context.Context, cfg Config) (*running, error) {
	cmd := exec.Command(cfg.Command[0], cfg.Command[1:]...)
	cmd.Dir = cfg.Dir
	cmd.Env = append(cmd.Environ(), cfg.Env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	r := &running{cmd: cmd, maxLine: cfg.MaxLine, stderr: &tail.Buffer{Max: 4096}, exited: make(chan struct{})}
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		_, _ = inR.Close(), inW.Close()
		return nil, err
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = inR, outW, r.stderr
	err = cmd.Start()
	_, _ = inR.Close(), outW.Close() // the driver's ends
	if err != nil {
		_, _ = inW.Close(), outR.Close()
		return nil, fmt.Errorf("driver %s: %w", cfg.Command[0], err)
	}
	r.stdin, r.stdout, r.reader = inW, outR, bufio.NewReaderSize(outR, 64<<10)
	go func() { _ = cmd.Wait(); close(r.exited) }()
	if err := r.readHello(ctx, cfg.HelloTimeout); err != nil {
		r.stop()
		return nil, err
	}
	return r, nil
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

// write writes one request line within limit.
func (r *running) write(line []byte, limit time.Duration) error {
	_ = r.stdin.SetWriteDeadline(time.Now().Add(limit))
	_, err := r.stdin.Write(line)
	return err
}

// next reads the next stdout line within limit; a timeout, an exit or a
// read error is reported with the end of the driver's stderr.
func (r *running) next(ctx context.Context, limit time.Duration, what string) ([]byte, error) {
	_ = r.stdout.SetReadDeadline(time.Now().Add(limit))
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() { _ = r.stdout.SetReadDeadline(time.Now()) })
		defer stop()
	}
	data, err := r.line()
	switch {
	case err == nil:
		return data, nil
	case ctx.Err() != nil:
		return nil, fmt.Errorf("waiting for the driver's %s: %w", what, ctx.Err())
	case errors.Is(err, os.ErrDeadlineExceeded):
		return nil, fmt.Errorf("driver hung: no %s within %s%s", what, limit, stderrNote(r.stderr))
	case errors.Is(err, io.EOF), errors.Is(err, os.ErrClosed):
		return nil, fmt.Errorf("%w before its %s (%s)%s", ErrExited, what, r.exitStatus(), stderrNote(r.stderr))
	}
	return nil, fmt.Errorf("driver wrote an unreadable line before its %s: %v%s", what, err, stderrNote(r.stderr))
}

// line reads one line, without its end ("\n" or "\r\n"); a last line
// without an end counts as a line.
func (r *running) line() ([]byte, error) {
	var out []byte
	for {
		chunk, err := r.reader.ReadSlice('\n')
		if len(out)+len(chunk) > r.maxLine {
			return nil, errLineTooLong
		}
		out = append(out, chunk...)
		switch {
		case err == nil:
			return bytes.TrimSuffix(bytes.TrimSuffix(out, []byte("\n")), []byte("\r")), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && len(out) > 0:
			return out, nil
		}
		return nil, err
	}
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
	_ = r.stdin.Close()
	select {
	case <-r.exited:
		r.release()
		if !r.cmd.ProcessState.Success() {
			return fmt.Errorf("driver exited with %s%s", r.cmd.ProcessState, stderrNote(r.stderr))
		}
		return nil
	case <-time.After(wait):
		r.stop()
		return fmt.Errorf("driver did not exit within %s of end of input: killed", wait)
	}
}

// stop kills the driver's whole process group and waits for it.
func (r *running) stop() {
	_ = r.stdin.Close()
	if r.cmd.Process != nil {
		_ = syscall.Kill(-r.cmd.Process.Pid, syscall.SIGKILL)
	}
	<-r.exited
	r.release()
}

// release closes our end of stdout once the driver is gone; a reader
// still waiting on it returns at once.
func (r *running) release() {
	r.once.Do(func() { _ = r.stdout.Close() })
}
