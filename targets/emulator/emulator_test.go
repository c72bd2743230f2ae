package emulator

import (
	"context"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/internal/testenv"
)

func TestGetSessionTokenAnswers(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			tg := sharedTarget(t, name)
			assert.Equal(t, name, tg.Name())
			assert.Equal(t, []call.Caller{{Kind: call.User}}, tg.Callers())
			assert.NotEmpty(t, tg.Version())

			ok, err := tg.GetSessionToken(context.Background(), call.User, call.Input{})
			require.NoError(t, err)
			assert.Equal(t, call.Success, ok.Kind)
			require.NotNil(t, ok.Credentials)
			t.Logf("valid: %s", describe(ok))

			bad, err := tg.GetSessionToken(context.Background(), call.User, call.Input{DurationSeconds: call.Int32(100)})
			require.NoError(t, err, "an invalid input gives an outcome, not an error")
			t.Logf("DurationSeconds=100: %s", describe(bad))
		})
	}
}

func TestCloseLeavesNoProcess(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			tg := fresh(t, name)
			pid, state := tg.PID(), tg.proc.state
			require.NoError(t, tg.Close())
			assert.ErrorIs(t, syscall.Kill(pid, 0), syscall.ESRCH, "process gone")
			assert.ErrorIs(t, syscall.Kill(-pid, 0), syscall.ESRCH, "nothing left in its process group")
			assert.NoDirExists(t, state)
			assert.FileExists(t, tg.LogPath(), "the log is kept")
			assert.NoError(t, tg.Close(), "Close is idempotent")
		})
	}
}

func TestKilledEmulatorGivesAnError(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			tg := fresh(t, name, WithCallTimeout(2*time.Second))
			require.NoError(t, syscall.Kill(-tg.PID(), syscall.SIGKILL))
			<-tg.proc.done
			start := time.Now()
			_, err := tg.GetSessionToken(context.Background(), call.User, call.Input{})
			assert.Error(t, err)
			assert.Less(t, time.Since(start), 3*time.Second)
			assert.NoError(t, tg.Close())
		})
	}
}

func TestHungEmulatorTimesOut(t *testing.T) {
	tg := fresh(t, "moto", WithCallTimeout(time.Second), WithStopGrace(2*time.Second))
	require.NoError(t, syscall.Kill(-tg.PID(), syscall.SIGSTOP))
	start := time.Now()
	_, err := tg.GetSessionToken(context.Background(), call.User, call.Input{})
	assert.Error(t, err)
	assert.Less(t, time.Since(start), 3*time.Second, "the per-call timeout cuts a hung emulator off")
	pid := tg.PID()
	require.NoError(t, tg.Close(), "Close stops a stopped process too")
	assert.ErrorIs(t, syscall.Kill(pid, 0), syscall.ESRCH)
}

func TestStartUpFailureCleansUp(t *testing.T) {
	dir := t.TempDir()
	_, err := Open("moto", WithLogDir(dir), WithStartTimeout(time.Nanosecond))
	skipIfNoPython(t, err)
	require.ErrorContains(t, err, "not ready after")
	logs, _ := os.ReadDir(dir)
	require.Len(t, logs, 1, "the log is kept for the report")
}

func TestUnknownEmulator(t *testing.T) {
	_, err := Open("nope")
	assert.ErrorContains(t, err, "unknown emulator")
}

func skipIfNoPython(t *testing.T, err error) {
	if err != nil && strings.Contains(err.Error(), ErrNoPython.Error()) {
		testenv.Missing(t, err.Error())
	}
}

// Outside the repository the emulator is found only through WithRepoRoot.
func TestRepoRootOption(t *testing.T) {
	root, err := RepoRoot(".")
	require.NoError(t, err)
	t.Chdir(t.TempDir())
	_, err = Open("moto")
	require.ErrorContains(t, err, "no go.mod above the working directory")
	tg := fresh(t, "moto", WithRepoRoot(root))
	ok, err := tg.GetSessionToken(context.Background(), call.User, call.Input{})
	require.NoError(t, err)
	assert.Equal(t, call.Success, ok.Kind)
}
