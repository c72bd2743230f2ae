// Package testenv decides what a test does when something it needs (a
// toolchain, a driver, an engine, an image) is missing: on a developer's
// machine it skips with a one-line reason naming the command that installs
// it; in CI, which installs everything, it fails, so that nothing skips
// there unnoticed.
package testenv

import (
	"os"
	"strings"
	"testing"
)

// InCI reports whether the tests run in CI (the CI variable is set to a
// true value, as .ci/run's caller and most CI systems do).
func InCI() bool {
	switch strings.ToLower(os.Getenv("CI")) {
	case "", "0", "false", "no":
		return false
	}
	return true
}

// Missing skips t (fails it in CI) because what it needs is absent. why is
// one line, e.g. "botocore driver not installed: run make clients-python".
func Missing(t testing.TB, why string) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s (CI must install it; see .ci/run)", why)
	}
	t.Skip(why)
}
