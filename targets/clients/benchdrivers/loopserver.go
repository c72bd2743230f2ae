package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/stsconform/stsconform/internal/tail"
)

// loopServer is a running loop server: the client called in a loop inside
// its own language. Each count written on its stdin is answered by one line:
// the seconds that many calls took, or "error: …".
type loopServer struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  chan string // its stdout, line by line; closed at its end
	exited chan struct{}
	stderr *tail.Buffer
}

// startLoop starts command with the request line as its last argument.
// The end of its stderr is kept for its errors. The caller must close it.
func startLoop(command []string, dir, line string) (*loopServer, error) {
	cmd := exec.Command(command[0], append(command[1:], line)...)
	stderr := &tail.Buffer{Max: 2048}
	cmd.Dir, cmd.Stderr = dir, stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // killed by close, as a group
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("loop server %s: %w", command[0], err)
	}
	s := &loopServer{cmd: cmd, stdin: stdin, lines: make(chan string, 1), exited: make(chan struct{}), stderr: stderr}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
		close(s.lines)
		_ = cmd.Wait()
		close(s.exited)
	}()
	return s, nil
}

// seconds has the loop server make n calls and returns the seconds they
// took by its own clock.
func (s *loopServer) seconds(ctx context.Context, n int) (float64, error) {
	if _, err := fmt.Fprintf(s.stdin, "%d\n", n); err != nil {
		select { // a write fails once it has gone: say how it ended
		case <-s.exited:
			return 0, fmt.Errorf("writing to the loop server: %w (it exited: %s)%s", err, s.cmd.ProcessState, stderrNote(s.stderr))
		case <-time.After(5 * time.Second):
			return 0, fmt.Errorf("writing to the loop server: %w%s", err, stderrNote(s.stderr))
		}
	}
	limit := time.Minute + time.Duration(n)*100*time.Millisecond
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case l, ok := <-s.lines:
		if !ok {
			<-s.exited
			return 0, fmt.Errorf("the loop server exited (%s)%s", s.cmd.ProcessState, stderrNote(s.stderr))
		}
		if msg, failed := strings.CutPrefix(l, "error: "); failed {
			return 0, fmt.Errorf("the loop server: %s%s", msg, stderrNote(s.stderr))
		}
		secs, err := strconv.ParseFloat(l, 64)
		if err != nil || secs <= 0 {
			return 0, fmt.Errorf("the loop server answered %q, not seconds", l)
		}
		return secs, nil
	case <-timer.C:
		return 0, fmt.Errorf("the loop server hung: no answer to %d calls within %s", n, limit)
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// close ends its stdin and waits a few seconds for it to exit (none once
// ctx is done: an interrupted run), then kills its process group; an exit
// other than 0 is an error.
func (s *loopServer) close(ctx context.Context) error {
	_ = s.stdin.Close()
	go func() {
		for range s.lines { // drained, so that its reader gets to Wait
		}
	}()
	if ctx.Err() != nil { // interrupted: nothing more to hear from it
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		<-s.exited
		return nil
	}
	const wait = 5 * time.Second
	select {
	case <-s.exited:
	case <-time.After(wait):
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		<-s.exited
		return fmt.Errorf("the loop server did not exit within %s of end of input: killed", wait)
	}
	if !s.cmd.ProcessState.Success() {
		return fmt.Errorf("the loop server exited with %s%s", s.cmd.ProcessState, stderrNote(s.stderr))
	}
	return nil
}

// stderrNote is the end of a loop server's stderr as the end of an error
// message, or "".
func stderrNote(t *tail.Buffer) string {
	if b := strings.TrimSpace(t.Last(2048)); b != "" {
		return "; its stderr ends: " + b
	}
	return ""
}
