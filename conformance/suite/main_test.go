package suite_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/baseline"
	"github.com/stsconform/stsconform/conformance/rawwire"
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

// A server that fails (HTTP 500) on a duplicated member breaks raw mode's
// no-5xx property, which the main run never sees: the run exits 1,
// printing the violation with its replay, and the JUnit, table and step
// summary written after raw mode have it.
func TestRawViolationExits1(t *testing.T) {
	srv := httptest.NewServer(fails500OnDuplicates(t))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	path, junit, summary := filepath.Join(dir, "report.json"), filepath.Join(dir, "report.xml"), filepath.Join(dir, "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	targets := "endpoint=" + srv.URL + ";name=dup500;access-key=" + local.UserAccessKeyID
	status, out, errOut := run(t, "-targets="+targets, "-raw", "-checks=3", "-seed=3", "-baselines=", "-report="+path, "-junit="+junit)
	require.Equal(t, suite.ExitDivergence, status, "stdout:\n%s\nstderr:\n%s", out, errOut)
	assert.Contains(t, out, "dup500 breaks no-5xx on raw/duplicate-member (")
	assert.Contains(t, out, "  replay:   curl ")
	rep, err := report.Read(path)
	require.NoError(t, err)
	require.NotNil(t, rep.Raw)
	failures, _ := report.Verdicts(rep)
	require.NotEmpty(t, failures)
	for name, file := range map[string]string{"junit": junit, "table": report.TablePath(path), "summary": summary} {
		data, err := os.ReadFile(file)
		require.NoError(t, err, name)
		assert.Contains(t, string(data), "no-5xx", name)
	}
	data, err := os.ReadFile(junit)
	require.NoError(t, err)
	assert.Contains(t, string(data), `type="raw-violation"`)
}

// fails500OnDuplicates is the local library behind a front that answers
// HTTP 500 to a request with a duplicated member.
func fails500OnDuplicates(t *testing.T) http.Handler {
	inner := local.NewHandler(local.New())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		require.NoError(t, err)
		form, _ := url.ParseQuery(string(body))
		for _, vs := range form {
			if len(vs) > 1 {
				http.Error(w, "duplicate", http.StatusInternalServerError)
				return
			}
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		inner.ServeHTTP(w, r)
	})
}

// A raw violation its target's raw baseline (<baselines>/raw/) lists is
// known: the same run that exits 1 without baselines passes with it.
func TestRawBaselineKnowsItsViolations(t *testing.T) {
	srv := httptest.NewServer(fails500OnDuplicates(t))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	targets := "endpoint=" + srv.URL + ";name=dup500;access-key=" + local.UserAccessKeyID
	status, out, errOut := run(t, "-targets="+targets, "-raw", "-checks=3", "-seed=3", "-baselines=", "-report="+path)
	require.Equal(t, suite.ExitDivergence, status, "stdout:\n%s\nstderr:\n%s", out, errOut)
	rep, err := report.Read(path)
	require.NoError(t, err)
	require.NotNil(t, rep.Raw)
	baselines := filepath.Join(dir, "baselines")
	require.NoError(t, baseline.Save(filepath.Join(baselines, "raw"), rawwire.RecordBaseline(nil, *rep.Raw, "dup500", "test", "2026-12-04")))

	status, out, errOut = run(t, "-targets="+targets, "-raw", "-checks=3", "-seed=3", "-baselines="+baselines)
	require.Equal(t, suite.ExitOK, status, "stdout:\n%s\nstderr:\n%s", out, errOut)
	assert.Contains(t, out, "known raw/duplicate-member")
	assert.NotContains(t, out, "dup500 breaks no-5xx")
}
