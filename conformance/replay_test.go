package conformance_test

import (
	"bytes"
	"errors"
	"fmt"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/conformance/suite"
	"github.com/stsconform/stsconform/targets/local"
)

// The main job, run as a user runs it against a faulty server, exits 1
// with a minimal example and commands that replay it; running the replay
// command it prints reproduces the divergence.
func TestMainJobFailsWithAReplayableDivergence(t *testing.T) {
	srv := httptest.NewServer(rewrite(serve(), replaceBody("<AccessKeyId>ASIA", "<AccessKeyId>AKIA"))())
	t.Cleanup(srv.Close)
	targets := fmt.Sprintf("endpoint=%s;name=akia;access-key=%s", srv.URL, local.UserAccessKeyID)
	path := filepath.Join(t.TempDir(), "report.json")

	out, err := mainJob(t, "-targets="+targets, "-report="+path, "-checks=100")
	assert.Equal(t, suite.ExitDivergence, exitStatus(err), "a divergence exits 1:\n%s", out)
	assert.Contains(t, out, "akia diverges from AWS: ")
	assert.Contains(t, out, "(minimised)")
	assert.Contains(t, out, "accessKeyId prefix: expected ASIA")
	assert.Contains(t, out, "curl -sS '"+srv.URL+"'")
	replay := regexp.MustCompile(`\n\s+replay: stsconform run -targets='([^']+)' -seed=([0-9]+) -checks=([0-9]+)`).FindStringSubmatch(out)
	require.NotNil(t, replay, out)
	assert.Equal(t, targets, replay[1])

	rep, err := report.Read(path)
	require.NoError(t, err)
	assert.False(t, rep.Partial)
	assert.NotEmpty(t, rep.Divergences)
	assert.FileExists(t, report.MarkdownPath(path))

	replayed, err := mainJob(t, "-targets="+replay[1], "-seed="+replay[2], "-checks="+replay[3])
	assert.Equal(t, suite.ExitDivergence, exitStatus(err), "replaying the printed command reproduces the divergence:\n%s", replayed)
	assert.Contains(t, replayed, "akia diverges from AWS: ")
}

// exitStatus is the exit status of a finished child process (0 for nil).
func exitStatus(err error) int {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// SIGINT to `stsconform run` ends it with status 130 and a partial report;
// a second SIGINT right after the first ends it at once.
func TestMainJobInterruptedExits130(t *testing.T) {
	for name, signals := range map[string]int{"one SIGINT": 1, "two SIGINTs": 2} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "report.json")
			cmd := mainJobCommand(t, "-targets=local", "-checks=1000000", "-report="+path)
			var out bytes.Buffer
			cmd.Stderr = &out
			require.NoError(t, cmd.Start())
			time.Sleep(time.Second)
			for range signals {
				require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
				time.Sleep(10 * time.Millisecond)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if signals == 1 {
					assert.Equal(t, suite.ExitInterrupted, exitStatus(err))
					assert.Contains(t, out.String(), "stsconform: interrupted: writing the partial report")
					rep, err := report.Read(path)
					require.NoError(t, err)
					assert.True(t, rep.Partial)
				} else {
					assert.NotEqual(t, 0, exitStatus(err))
				}
			case <-time.After(5 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatal("the run did not stop within 5 s of SIGINT")
			}
		})
	}
}
