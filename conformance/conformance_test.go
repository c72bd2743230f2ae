package conformance_test

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stsconform/stsconform/conformance/suite"
)

// The main job is `stsconform run` (conformance/suite), never a test of this
// package: `go test ./conformance` runs only the runner's self-tests. The
// tests that run the main job as a user does start this test binary again
// with mainJobEnv set, and it then is the command.

// The emulator gate's flags: the reviewed baselines it is held to, and
// whether to re-record them.
var (
	baselineDir = flag.String("baselines", "../fixtures/baselines", "directory of reviewed per-target baselines (<target>.json)")
	updateFlag  = flag.Bool("update-baseline", false, "re-record the emulator baselines, keeping existing reasons")
)

// mainJobEnv makes this test binary run `stsconform run` with its arguments.
const mainJobEnv = "STSCONFORM_TEST_MAIN_JOB"

func TestMain(m *testing.M) {
	if os.Getenv(mainJobEnv) == "1" {
		os.Exit(suite.Main(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// mainJobCommand is `stsconform run` with flags, as a child process. The
// rapid spellings -rapid.checks and -rapid.seed are the command's -checks
// and -seed.
func mainJobCommand(t *testing.T, flags ...string) *exec.Cmd {
	args := make([]string, len(flags))
	for i, f := range flags {
		f = strings.Replace(f, "-rapid.checks=", "-checks=", 1)
		args[i] = strings.Replace(f, "-rapid.seed=", "-seed=", 1)
	}
	cmd := exec.CommandContext(t.Context(), os.Args[0], args...)
	cmd.Env = append(os.Environ(), mainJobEnv+"=1")
	return cmd
}

// mainJob runs `stsconform run` with flags and returns all it printed.
func mainJob(t *testing.T, flags ...string) (string, error) {
	out, err := mainJobCommand(t, flags...).CombinedOutput()
	return string(out), err
}
