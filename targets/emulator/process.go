package emulator

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// process is one emulator running in its own process group, with its output
// in a log file and its state in a directory removed when it stops.
type process struct {
	cmd     *exec.Cmd
	log     *os.File
	state   string
	done    chan struct{} // closed once the process has been reaped
	waitErr error
}

// freePort asks the kernel for a free loopback port. Another process could
// take it before the emulator binds it; start-up then fails and says so.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// baseEnv is what every emulator sees: no AWS credentials or proxies of the
// caller's environment, HOME and TMPDIR in the state directory.
func baseEnv(state string) []string {
	return []string{
		"PATH=" + os.Getenv("PATH"), "LANG=C.UTF-8", "HOME=" + state, "TMPDIR=" + state,
		"NO_PROXY=127.0.0.1,localhost", "no_proxy=127.0.0.1,localhost", "PYTHONUNBUFFERED=1",
	}
}

// startProcess starts python with args and env (given the state
// directory), in a new process group.
func startProcess(name, python string, args []string, env func(state string) []string, logDir string) (*process, error) {
	state, err := os.MkdirTemp("", "stsconform-"+name+"-state-")
	if err != nil {
		return nil, err
	}
	log, err := os.CreateTemp(logDir, "stsconform-"+name+"-*.log")
	if err != nil {
		_ = os.RemoveAll(state)
		return nil, err
	}
	cmd := exec.Command(python, args...)
	cmd.Dir = state
	cmd.Env = append(baseEnv(state), env(state)...)
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = sysProcAttr()
	fmt.Fprintf(log, "# stsconform: %s %s\n", python, strings.Join(args, " "))
	if err := cmd.Start(); err != nil {
		_ = log.Close()
		_ = os.RemoveAll(state)
		return nil, err
	}
	p := &process{cmd: cmd, log: log, state: state, done: make(chan struct{})}
	go func() {
		p.waitErr = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// sysProcAttr puts the emulator in its own process group (so that stop
// reaches its children too) and kills it if the Go process dies first.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

func (p *process) pid() int { return p.cmd.Process.Pid }

// exited reports whether the process has ended.
func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// waitReady polls the kind's health path until it answers, the process
// exits or the deadline passes.
func (p *process) waitReady(k kind, base string, timeout time.Duration) error {
	client := &http.Client{Timeout: time.Second, Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	deadline := time.Now().Add(timeout)
	for {
		if p.exited() {
			return fmt.Errorf("exited during start-up (%v); log: %s", p.waitErr, p.tail())
		}
		last := isReady(k, client, base)
		if last == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not ready after %s: %v; log: %s", timeout, last, p.tail())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop sends SIGTERM (and SIGCONT, in case it was stopped) to the process
// group, then SIGKILL after grace (noted in the log), waits for the process and removes its
// state. The log file stays.
func (p *process) stop(grace time.Duration) error {
	pg := -p.pid()
	_ = syscall.Kill(pg, syscall.SIGTERM)
	_ = syscall.Kill(pg, syscall.SIGCONT)
	select {
	case <-p.done:
	case <-time.After(grace):
		fmt.Fprintf(p.log, "\n# stsconform: still running %s after SIGTERM: SIGKILL\n", grace)
		_ = syscall.Kill(pg, syscall.SIGKILL)
		<-p.done
	}
	// Children that outlived the leader are still in its group.
	_ = syscall.Kill(pg, syscall.SIGKILL)
	err := os.RemoveAll(p.state)
	if cerr := p.log.Close(); cerr != nil && err == nil {
		err = cerr
	}
	return err
}

// tail returns the end of the log, for start-up errors.
func (p *process) tail() string {
	const n = 2000
	f, err := os.Open(p.log.Name())
	if err != nil {
		return p.log.Name()
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > n {
		_, _ = f.Seek(st.Size()-n, io.SeekStart)
	}
	b, _ := io.ReadAll(f)
	return fmt.Sprintf("%s:\n…%s", filepath.Clean(p.log.Name()), b)
}

// readLimited reads at most max bytes of a response body.
func readLimited(resp *http.Response, max int64) ([]byte, error) {
	return io.ReadAll(io.LimitReader(resp.Body, max))
}
