package emulator

import (
	"errors"
	"os"
	"sync"
	"testing"

	"github.com/stsconform/stsconform/internal/testenv"
)

// shared holds one emulator per name for the whole test binary.
var shared = struct {
	sync.Mutex
	once    map[string]*sync.Once
	targets map[string]*Target
	errs    map[string]error
}{once: map[string]*sync.Once{}, targets: map[string]*Target{}, errs: map[string]error{}}

// sharedLogs holds the shared emulators' logs; removed when every test
// passed, kept (and named by the failures) otherwise.
var sharedLogs string

func TestMain(m *testing.M) {
	preinstall()
	sharedLogs, _ = os.MkdirTemp("", "stsconform-emulator-test-")
	code := m.Run()
	for _, t := range shared.targets {
		_ = t.Close()
	}
	if code == 0 {
		_ = os.RemoveAll(sharedLogs)
	}
	os.Exit(code)
}

// preinstall installs every emulator at once, so that a fresh machine
// pays for the slowest install only; failures show up again in Open.
func preinstall() {
	root, err := RepoRoot(".")
	if err != nil {
		return
	}
	var wg sync.WaitGroup
	for _, name := range Names() {
		wg.Add(1)
		go func() { defer wg.Done(); _, _ = Install(root, name) }()
	}
	wg.Wait()
}

// sharedTarget returns the binary's running emulator called name, starting
// it on first use; TestMain closes it.
func sharedTarget(t *testing.T, name string) *Target {
	t.Helper()
	shared.Lock()
	once, ok := shared.once[name]
	if !ok {
		once = &sync.Once{}
		shared.once[name] = once
	}
	shared.Unlock()
	once.Do(func() {
		tg, err := Open(name, WithLogDir(sharedLogs))
		shared.Lock()
		defer shared.Unlock()
		shared.targets[name], shared.errs[name] = tg, err
		if err == nil {
			t.Logf("%s %s ready in %s (log %s)", name, tg.Version(), tg.StartupTime(), tg.LogPath())
		}
	})
	shared.Lock()
	tg, err := shared.targets[name], shared.errs[name]
	shared.Unlock()
	skipOrFail(t, err)
	return tg
}

// fresh starts an emulator for one test and stops it when the test ends.
func fresh(t *testing.T, name string, opts ...Option) *Target {
	t.Helper()
	tg, err := Open(name, append([]Option{WithLogDir(t.TempDir())}, opts...)...)
	skipOrFail(t, err)
	t.Cleanup(func() { _ = tg.Close() })
	t.Logf("%s %s ready in %s", name, tg.Version(), tg.StartupTime())
	return tg
}

func skipOrFail(t *testing.T, err error) {
	t.Helper()
	if errors.Is(err, ErrNoPython) {
		testenv.Missing(t, err.Error())
	}
	if err != nil {
		t.Fatal(err)
	}
}
