package suite_test

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/conformance/suite"
	"github.com/stsconform/stsconform/targets/local"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status := suite.Main(context.Background(), args, &out, &errOut)
	return status, out.String(), errOut.String()
}

func TestHelpExplainsTargetSpecsAndExitStatuses(t *testing.T) {
	status, out, _ := run(t, "-help")
	require.Equal(t, suite.ExitOK, status)
	for _, want := range []string{"usage: stsconform run", "-targets", "-report", "-checks", "-seed", "-raw", "-concurrency",
		"-baselines", "-record", "-discover", "-budget", "endpoint=URL", "secret-env=VAR", "local-http", "moto-container",
		"client=NAME", "Exit status:", "1    a divergence", "2    a usage error or a setup error"} {
		assert.Contains(t, out, want)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for name, args := range map[string][]string{
		"unknown flag":      {"-no-such-flag"},
		"argument":          {"-targets=local", "extra"},
		"bad concurrency":   {"-concurrency=0"},
		"discover-only":     {"-discover-only=x"},
		"unknown target":    {"-targets=no-such-target"},
		"baselines missing": {"-targets=local", "-baselines=" + filepath.Join(t.TempDir(), "none")},
	} {
		t.Run(name, func(t *testing.T) {
			status, out, errOut := run(t, args...)
			assert.Equal(t, suite.ExitSetup, status, "stdout:\n%s\nstderr:\n%s", out, errOut)
			assert.NotEmpty(t, errOut, "the error is said on stderr")
			assert.Empty(t, out, "nothing is run")
		})
	}
}

// A server not listening is one setup error, not a divergence on every case.
func TestUnreachableEndpointIsASetupError(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	status, out, errOut := run(t, "-targets=endpoint=http://"+addr)
	assert.Equal(t, suite.ExitSetup, status)
	assert.Empty(t, out)
	assert.Equal(t, 1, strings.Count(strings.TrimSpace(errOut), "\n")+1, "one message: %s", errOut)
	assert.Contains(t, errOut, "stsconform: setup error: endpoint: http://"+addr+" is unreachable")
}

func TestConformingTargetExits0(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.json")
	status, out, errOut := run(t, "-targets=local", "-checks=20", "-seed=3", "-report="+path)
	require.Equal(t, suite.ExitOK, status, "stdout:\n%s\nstderr:\n%s", out, errOut)
	assert.Empty(t, errOut)
	assert.Contains(t, out, "stsconform: ")
	assert.Contains(t, out, "seed 3")
	rep, err := report.Read(path)
	require.NoError(t, err)
	assert.False(t, rep.Partial)
	assert.Equal(t, uint64(3), rep.Seed)
	assert.Contains(t, rep.Replay, "stsconform run -targets='local' -seed=3")
}

// A server that answers AKIA keys for session credentials diverges: exit 1,
// and the replay command printed is `stsconform run` with the same seed.
func TestDivergenceExits1(t *testing.T) {
	inner := local.NewHandler(local.New())
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		inner.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		body := strings.ReplaceAll(rec.Body.String(), "<AccessKeyId>ASIA", "<AccessKeyId>AKIA")
		w.Header().Del("Content-Length")
		w.WriteHeader(rec.Code)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	targets := "endpoint=" + srv.URL + ";name=akia;access-key=" + local.UserAccessKeyID
	status, out, errOut := run(t, "-targets="+targets, "-checks=10", "-seed=5", "-baselines=")
	require.Equal(t, suite.ExitDivergence, status, "stdout:\n%s\nstderr:\n%s", out, errOut)
	assert.Contains(t, out, "akia diverges from AWS: ")
	assert.Contains(t, out, "replay: stsconform run -targets='"+targets+"' -seed=5")
}

// Raw mode's results are a section of the one report, and of its
// Markdown summary; no second report file is written.
func TestRawModeWritesItsResultsIntoTheReport(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	status, out, errOut := run(t, "-targets=local-http", "-raw", "-checks=20", "-seed=3", "-report="+path)
	require.Equal(t, suite.ExitOK, status, "stdout:\n%s\nstderr:\n%s", out, errOut)
	rep, err := report.Read(path)
	require.NoError(t, err)
	require.NotNil(t, rep.Raw, "the raw section")
	require.Len(t, rep.Raw.Targets, 1)
	assert.Equal(t, "local-http", rep.Raw.Targets[0].Name)
	assert.Equal(t, uint64(3), rep.Raw.Seed)
	assert.Equal(t, 20, rep.Raw.Checks)
	assert.NotEmpty(t, rep.Raw.Cells)
	assert.Empty(t, rep.Raw.Failures())
	assert.NotEmpty(t, rep.Matrix, "the main run's results are kept")
	md, err := os.ReadFile(report.MarkdownPath(path))
	require.NoError(t, err)
	assert.Contains(t, string(md), "## Raw mode")
	assert.NoFileExists(t, filepath.Join(dir, "raw-report.json"))
}
