// Package emulator runs real AWS emulators from PyPI — moto, LocalStack and
// MiniStack — as local processes and offers each as a target. The pinned
// versions live in fixtures/emulators/<name>.txt and are installed, on first
// use, into the project-local virtualenv .venv/<name> by
// `make emulators-<name>`.
//
// One process serves a whole run: Open starts it on a free loopback port
// and waits until it is ready; calls go through the SDK target (SigV4 with
// dummy credentials, one attempt, a deadline per call), so a dead or hung
// emulator gives Go errors, never a hang; Close stops it.
package emulator

import (
	"fmt"
	"github.com/stsconform/stsconform/internal/dummykeys"
	"github.com/stsconform/stsconform/targets/emulator/catalog"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/targets/sdkclient"
)

// Target is one running emulator. It embeds the SDK target, which gives
// Name (the emulator's name), Callers (one IAM user whose MFA devices are
// unknown), GetSessionToken, Replay and Endpoint.
type Target struct {
	*sdkclient.Target
	proc      *process
	version   string
	startup   time.Duration
	grace     time.Duration
	closeOnce sync.Once
	closeErr  error
}

// Open installs the emulator if needed, starts it and waits until it is
// ready. Known names: see Names.
func Open(name string, opts ...Option) (*Target, error) {
	o := defaults()
	for _, opt := range opts {
		opt(&o)
	}
	k, python, err := prepare(name, o)
	if err != nil {
		return nil, err
	}
	version, err := installedVersion(python, k.Package)
	if err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	return launch(k, python, version, port, o)
}

// prepare finds the repository root and installs the emulator.
func prepare(name string, o options) (kind, string, error) {
	k, ok := catalog.Lookup(name)
	if !ok {
		return kind{}, "", fmt.Errorf("emulator: unknown emulator %q (known: %v)", name, Names())
	}
	root := o.repoRoot
	if root == "" {
		wd, err := os.Getwd()
		if err != nil {
			return kind{}, "", err
		}
		if root, err = RepoRoot(wd); err != nil {
			return kind{}, "", err
		}
	}
	python, err := Install(root, name)
	return k, python, err
}

// launch starts the process and wraps it in an SDK target once ready.
func launch(k kind, python, version string, port int, o options) (*Target, error) {
	start := time.Now()
	env := func(state string) []string { return k.Env(port, state) }
	proc, err := startProcess(k.Name, python, k.Args(port), env, o.logDir)
	if err != nil {
		return nil, fmt.Errorf("emulator %s: %w", k.Name, err)
	}
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	if err := proc.waitReady(k, base, o.startTimeout); err != nil {
		_ = proc.stop(o.grace)
		return nil, fmt.Errorf("emulator %s: %w", k.Name, err)
	}
	startup := time.Since(start)
	sdk, err := sdkclient.New(sdkclient.Config{Name: k.Name, Endpoint: base,
		Identities: identities(), Timeout: o.callTimeout})
	if err != nil {
		_ = proc.stop(o.grace)
		return nil, err
	}
	return &Target{Target: sdk, proc: proc, version: version, startup: startup, grace: o.grace}, nil
}

// LogPath is the file holding the emulator's stdout and stderr. It is kept
// after Close.
func (t *Target) LogPath() string { return t.proc.log.Name() }

// Version is the installed version of the emulator (e.g. "5.2.5").
func (t *Target) Version() string { return t.version }

// StartupTime is how long the emulator took from process start to ready.
func (t *Target) StartupTime() time.Duration { return t.startup }

// PID is the emulator's process id (also its process group id).
func (t *Target) PID() int { return t.proc.pid() }

// Close stops the emulator: SIGTERM to its process group, SIGKILL after a
// grace period, then waits for it and removes its state directory. It is
// safe to call more than once.
func (t *Target) Close() error {
	t.closeOnce.Do(func() {
		_ = t.Target.Close()
		t.closeErr = t.proc.stop(t.grace)
	})
	return t.closeErr
}

func identities() []sdkclient.Identity {
	return []sdkclient.Identity{{Caller: call.Caller{Kind: call.User},
		AccessKeyID: dummykeys.AccessKeyID, SecretAccessKey: dummykeys.SecretAccessKey}}
}
