package conformance_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ory/dockertest/v3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/internal/testenv"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/container"
	"github.com/stsconform/stsconform/targets/emulator"
	"github.com/stsconform/stsconform/targets/local"
	"github.com/stsconform/stsconform/targets/spec"
)

// SIGINT during a run stops it within seconds, fails it, and still writes a
// report that says it is partial.
func TestInterruptWritesAPartialReport(t *testing.T) {
	slow := serve()()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		slow.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	rep, path, _ := interruptMainJob(t, 1500*time.Millisecond, 5*time.Second, "-concurrency=4",
		"-targets=endpoint="+srv.URL+";name=slow;access-key="+local.UserAccessKeyID)
	assert.Positive(t, rep.Checks)
	assert.Less(t, rep.Checks, 100000)
	_, err := os.Stat(report.MarkdownPath(path))
	assert.NoError(t, err)
	// The server is right: the calls the interrupt cut short are dropped,
	// never judged as its divergences, and no baseline verdict is given.
	assert.Zero(t, rep.Totals["slow"].Diverge, "%+v", rep.Divergences)
	require.NotNil(t, rep.Interruption)
	assert.Equal(t, "survey", rep.Interruption.Phase)
	assert.True(t, rep.Interruption.BaselinesNotApplied)
	assert.Empty(t, rep.StaleBaseline)
}

// SIGINT during a run against an emulator leaves no emulator process
// behind: none still holds the emulator's log file open.
func TestInterruptLeavesNoEmulatorRunning(t *testing.T) {
	if _, err := emulator.Install(mustRoot(t), "moto"); errors.Is(err, emulator.ErrNoPython) {
		testenv.Missing(t, err.Error())
	}
	rep, _, _ := interruptMainJob(t, 4*time.Second, 15*time.Second, "-targets=moto", "-baselines=")
	require.NotEmpty(t, rep.Targets[0].Log)
	assert.Empty(t, holders(t, rep.Targets[0].Log), "processes still hold the emulator's log")
}

// holders lists the PIDs of processes that have path open.
func holders(t *testing.T, path string) []string {
	fds, err := filepath.Glob("/proc/[0-9]*/fd/*")
	require.NoError(t, err)
	var out []string
	for _, fd := range fds {
		if target, err := os.Readlink(fd); err == nil && target == path {
			out = append(out, strings.Split(fd, "/")[2])
		}
	}
	return out
}

func mustRoot(t *testing.T) string {
	root, err := emulator.RepoRoot(".")
	require.NoError(t, err)
	return root
}

// SIGINT during a run against a container still writes the partial report
// and leaves no container of ours behind.
func TestInterruptLeavesNoContainerRunning(t *testing.T) {
	probe, err := spec.Open("ministack-container")
	if errors.Is(err, container.ErrNoEngine) || errors.Is(err, container.ErrNoImage) {
		testenv.Missing(t, err.Error())
	}
	require.NoError(t, err)
	spec.CloseAll([]targets.Target{probe})
	_, _, pid := interruptMainJob(t, 5*time.Second, 20*time.Second, "-targets=ministack-container", "-baselines=")
	pool, err := dockertest.NewPool(container.Endpoint())
	require.NoError(t, err)
	left, err := container.Owned(pool)
	require.NoError(t, err)
	for _, c := range left {
		assert.NotEqual(t, strconv.Itoa(pid), c.Labels[container.LabelPID], "container %s of the interrupted run is left", c.ID)
	}
}

// interruptMainJob starts the main job with flags (and a very long run),
// sends it SIGINT after wait, and requires it to stop, failed, within
// stopWithin and to have written a partial report. It returns the report,
// its path and the job's PID.
func interruptMainJob(t *testing.T, wait, stopWithin time.Duration, flags ...string) (report.Report, string, int) {
	path := filepath.Join(t.TempDir(), "report.json")
	cmd := mainJobCommand(t, append(flags, "-report="+path, "-rapid.checks=100000")...)
	require.NoError(t, cmd.Start())
	time.Sleep(wait)
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		assert.Error(t, err, "an interrupted run fails")
	case <-time.After(stopWithin):
		_ = cmd.Process.Kill()
		t.Fatalf("the run did not stop within %v of SIGINT", stopWithin)
	}
	rep, err := report.Read(path)
	require.NoError(t, err)
	assert.True(t, rep.Partial, "the report says it is partial")
	return rep, path, cmd.Process.Pid
}
