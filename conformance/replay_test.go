package conformance_test

import (
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets/local"
)

// The main job, run as a user runs it against a faulty server, fails with
// a minimal example and commands that replay it; replaying the seed it
// prints reproduces the divergence.
func TestMainJobFailsWithAReplayableDivergence(t *testing.T) {
	srv := httptest.NewServer(rewrite(serve(), replaceBody("<AccessKeyId>ASIA", "<AccessKeyId>AKIA"))())
	t.Cleanup(srv.Close)
	targets := fmt.Sprintf("endpoint=%s;name=akia;access-key=%s", srv.URL, local.UserAccessKeyID)
	path := filepath.Join(t.TempDir(), "report.json")

	out, err := mainJob(t, "-targets="+targets, "-report="+path, "-rapid.checks=100")
	require.Error(t, err, "a divergence fails the run")
	assert.Contains(t, out, "akia diverges from AWS on ")
	assert.Contains(t, out, "(minimised by rapid)")
	assert.Contains(t, out, "accessKeyId prefix: expected ASIA")
	assert.Contains(t, out, "curl -sS '"+srv.URL+"'")
	seed := regexp.MustCompile(`\n\s+replay: go test ./conformance -count=1 -run '(\S+)' -targets='[^']+' -rapid.seed=([0-9]+)`).FindStringSubmatch(out)
	require.NotNil(t, seed, out)

	rep, err := report.Read(path)
	require.NoError(t, err)
	assert.False(t, rep.Partial)
	assert.NotEmpty(t, rep.Divergences)
	assert.FileExists(t, report.MarkdownPath(path))

	replayed, err := mainJob(t, "-targets="+targets, "-rapid.checks=1", "-rapid.seed="+seed[2])
	require.Error(t, err, "replaying the printed seed reproduces the divergence:\n%s", replayed)
	assert.Contains(t, replayed, "akia diverges from AWS on ")
}

// mainJob runs this test binary's TestConformance with the given flags.
func mainJob(t *testing.T, flags ...string) (string, error) {
	out, err := mainJobCommand(t, flags...).CombinedOutput()
	return string(out), err
}

func mainJobCommand(t *testing.T, flags ...string) *exec.Cmd {
	args := append([]string{"-test.run=^TestConformance$", "-test.count=1"}, flags...)
	return exec.CommandContext(t.Context(), os.Args[0], args...)
}
