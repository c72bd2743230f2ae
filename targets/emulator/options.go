package emulator

import (
	"os"
	"time"
)

// Option changes how Open starts an emulator.
type Option func(*options)

type options struct {
	logDir       string
	repoRoot     string
	startTimeout time.Duration
	callTimeout  time.Duration
	grace        time.Duration
}

func defaults() options {
	return options{logDir: os.TempDir(), startTimeout: 90 * time.Second,
		callTimeout: 10 * time.Second, grace: 5 * time.Second}
}

// WithLogDir puts the emulator's log file in dir (default os.TempDir()).
func WithLogDir(dir string) Option { return func(o *options) { o.logDir = dir } }

// WithRepoRoot names the repository whose .venv and Makefile are used
// (default: the directory holding go.mod above the working directory).
func WithRepoRoot(dir string) Option { return func(o *options) { o.repoRoot = dir } }

// WithStartTimeout bounds the wait for the emulator to be ready (default
// 90s: LocalStack may take tens of seconds on a loaded machine).
func WithStartTimeout(d time.Duration) Option { return func(o *options) { o.startTimeout = d } }

// WithCallTimeout bounds each GetSessionToken call (default 10s).
func WithCallTimeout(d time.Duration) Option { return func(o *options) { o.callTimeout = d } }

// WithStopGrace is how long Close waits after SIGTERM before SIGKILL
// (default 5s).
func WithStopGrace(d time.Duration) Option { return func(o *options) { o.grace = d } }
