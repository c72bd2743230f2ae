// Package clients is the one table of the STS clients the gate runs
// (make sdk-gate): their names, languages, how each is started and the make
// command that installs it. The Go clients run in-process
// (targets/clients/goclient); the others are driver programs speaking
// PROTOCOL.md (targets/clients/driver).
package clients

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/retry"

	"github.com/stsconform/stsconform/targets/clients/driver"
	"github.com/stsconform/stsconform/targets/clients/goclient"
)

// Entry is one client of the table.
type Entry struct {
	Name     string
	Language string
	// Library is the client library and where its version is pinned.
	Library string
	// Install is the make command that builds or installs its driver
	// ("" for the in-process Go clients).
	Install string
	// DefaultAttempts is how many attempts the client documents for a
	// retryable error under its default retry policy, and where it says so.
	DefaultAttempts int
	AttemptsSource  string
	// NoValidate runs the client with its client-side parameter
	// validation switched off (botocore parameter_validation=False), so
	// that the server sees every input: a variant column of the same
	// library.
	NoValidate bool
	// command gives the driver's command line, relative to the repository
	// root; inProcess builds an in-process client instead.
	command   func(root string) []string
	inProcess func() driver.Client
	// loop gives the command of the client's loop server for the drivers'
	// benchmark (targets/clients/benchdrivers), relative to the root.
	loop func(root string) []string
}

// All is the table, Go clients first.
var All = []Entry{
	{Name: "go-v2", Language: "Go", Library: "github.com/aws/aws-sdk-go-v2/service/sts (go.mod)",
		DefaultAttempts: retry.DefaultMaxAttempts, AttemptsSource: "aws/retry.DefaultMaxAttempts",
		inProcess: func() driver.Client { return goclient.NewV2() }},
	{Name: "go-v1", Language: "Go", Library: "github.com/aws/aws-sdk-go v1.55.8 (go.mod)",
		DefaultAttempts: goclient.V1DefaultAttempts, AttemptsSource: "aws/client.DefaultRetryerMaxNumRetries + 1",
		inProcess: func() driver.Client { return goclient.NewV1() }},
	{Name: "rusoto", Language: "Rust", Library: "rusoto_sts 0.48.0 (targets/clients/rust/Cargo.lock)", Install: "make clients-rust",
		DefaultAttempts: 1, AttemptsSource: "rusoto has no retry policy (targets/clients/rust/rusoto/src/lib.rs)",
		command: rustDriver("rusoto", "STSCONFORM_DRIVER_RUSOTO"), loop: withArgs(rustDriver("rusoto", "STSCONFORM_DRIVER_RUSOTO"), "--loop")},
	{Name: "aws-sdk-rust", Language: "Rust", Library: "aws-sdk-sts (targets/clients/rust/Cargo.lock)", Install: "make clients-rust",
		DefaultAttempts: 3, AttemptsSource: "aws-smithy-types RetryConfig::standard(): 3 attempts",
		command: rustDriver("aws-sdk", "STSCONFORM_DRIVER_AWS_SDK_RUST"), loop: withArgs(rustDriver("aws-sdk", "STSCONFORM_DRIVER_AWS_SDK_RUST"), "--loop")},
	{Name: "botocore", Language: "Python", Library: "botocore (targets/clients/botocore/requirements.txt)", Install: "make clients-python",
		DefaultAttempts: 3, AttemptsSource: "botocore 1.44.5 botocore/configprovider.py: retry_mode defaults to standard, 3 attempts",
		command: botocoreDriver, loop: botocoreLoop},
	{Name: "botocore-unvalidated", Language: "Python", Library: "botocore (targets/clients/botocore/requirements.txt), parameter_validation=False", Install: "make clients-python",
		DefaultAttempts: 3, AttemptsSource: "botocore 1.44.5 botocore/configprovider.py: retry_mode defaults to standard, 3 attempts",
		NoValidate: true, command: botocoreDriver, loop: botocoreLoop},
	{Name: "js", Language: "JavaScript", Library: "@aws-sdk/client-sts (targets/clients/js/package-lock.json)", Install: "make clients-js",
		DefaultAttempts: 3, AttemptsSource: "@smithy/util-retry DEFAULT_MAX_ATTEMPTS",
		command: func(root string) []string {
			return []string{"node", filepath.Join(root, "targets/clients/js/driver.mjs")}
		},
		loop: func(root string) []string {
			return []string{"node", filepath.Join(root, "targets/clients/js/bench-loop.mjs"), "--serve"}
		}},
}

// botocoreDriver runs driver.py with the project's virtualenv.
func botocoreDriver(root string) []string {
	return []string{filepath.Join(root, ".venv/botocore/bin/python"), filepath.Join(root, "targets/clients/botocore/driver.py")}
}

// botocoreLoop runs bench_loop.py, the botocore loop server.
func botocoreLoop(root string) []string {
	return []string{filepath.Join(root, ".venv/botocore/bin/python"), filepath.Join(root, "targets/clients/botocore/bench_loop.py"), "--serve"}
}

// withArgs adds arguments to a command.
func withArgs(command func(root string) []string, args ...string) func(root string) []string {
	return func(root string) []string { return append(command(root), args...) }
}

// rustDriver finds a cargo-built driver: $env, else
// $CARGO_TARGET_DIR/release, else <root>/target/release.
func rustDriver(bin, env string) func(root string) []string {
	return func(root string) []string {
		if p := os.Getenv(env); p != "" {
			return []string{p}
		}
		dir := os.Getenv("CARGO_TARGET_DIR")
		if dir == "" {
			dir = filepath.Join(root, "target")
		}
		return []string{filepath.Join(dir, "release", "stsconform-driver-"+bin)}
	}
}

// Names lists the client names in table order.
func Names() []string {
	var out []string
	for _, e := range All {
		out = append(out, e.Name)
	}
	return out
}

// Lookup finds a client by name.
func Lookup(name string) (Entry, error) {
	for _, e := range All {
		if e.Name == name {
			return e, nil
		}
	}
	return Entry{}, fmt.Errorf("unknown client %q (known: %s)", name, strings.Join(Names(), ", "))
}

// ErrNotInstalled is returned by Open when a driver is not built.
var ErrNotInstalled = errors.New("client driver not installed")

// Open starts the client; root is the repository root. A driver that is
// not built gives an error wrapping ErrNotInstalled that names its make
// command. The caller must Close the client.
func (e Entry) Open(ctx context.Context, root string) (driver.Client, error) {
	if e.inProcess != nil {
		return e.inProcess(), nil
	}
	cmd := e.command(root)
	if err := present(cmd[0]); err != nil {
		return nil, fmt.Errorf("%s: %w (%v): run %s", e.Name, ErrNotInstalled, err, e.Install)
	}
	if e.Name == "js" {
		if _, err := os.Stat(filepath.Join(root, "targets/clients/js/node_modules/@aws-sdk/client-sts")); err != nil {
			return nil, fmt.Errorf("%s: %w (no node_modules/@aws-sdk/client-sts): run %s", e.Name, ErrNotInstalled, e.Install)
		}
	}
	p, err := driver.Start(ctx, driver.Config{Command: cmd, Dir: root})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", e.Name, err)
	}
	return p, nil
}

// LoopCommand is the command line of the client's loop server for the
// drivers' benchmark (targets/clients/benchdrivers): the client called in a
// loop in its own language, built from a request line added as the last
// argument. Nil for a client without one (the in-process Go clients).
func (e Entry) LoopCommand(root string) []string {
	if e.loop == nil {
		return nil
	}
	return e.loop(root)
}

// present checks that a program exists: a path, or a name on $PATH.
func present(prog string) error {
	if !strings.Contains(prog, "/") {
		_, err := exec.LookPath(prog)
		return err
	}
	_, err := os.Stat(prog)
	return err
}
