// Package capture is the rapid.TB the suite runs rapid with: it keeps what
// rapid reports instead of failing a test, so that a run can go on, report,
// and decide itself what fails.
package capture

import "fmt"

// TB records rapid's failures. Its zero value is ready to use.
type TB struct {
	name   string
	failed bool
	errors []string
	panic  any
}

// New returns a TB named name (rapid uses the name for fail files).
func New(name string) *TB { return &TB{name: name} }

// unwind ends a property run when rapid gives up on a check.
type unwind struct{}

// Helper does nothing.
func (c *TB) Helper() {}

// Name returns the TB's name.
func (c *TB) Name() string { return c.name }

// Logf discards rapid's logs.
func (c *TB) Logf(string, ...any) {}

// Log discards rapid's logs.
func (c *TB) Log(...any) {}

// Skipf unwinds the run.
func (c *TB) Skipf(string, ...any) { panic(unwind{}) }

// Skip unwinds the run.
func (c *TB) Skip(...any) { panic(unwind{}) }

// SkipNow unwinds the run.
func (c *TB) SkipNow() { panic(unwind{}) }

// Fail marks the TB failed.
func (c *TB) Fail() { c.failed = true }

// Failed reports whether rapid reported a failure.
func (c *TB) Failed() bool { return c.failed }

// FailNow marks the TB failed and unwinds the run.
func (c *TB) FailNow() { c.failed = true; panic(unwind{}) }

// Error records a failure.
func (c *TB) Error(args ...any) { c.Errorf("%s", fmt.Sprint(args...)) }

// Fatal records a failure and unwinds the run.
func (c *TB) Fatal(args ...any) { c.Fatalf("%s", fmt.Sprint(args...)) }

// Errorf records a failure.
func (c *TB) Errorf(format string, args ...any) {
	c.failed = true
	c.errors = append(c.errors, fmt.Sprintf(format, args...))
}

// Fatalf records a failure and unwinds the run.
func (c *TB) Fatalf(format string, args ...any) {
	c.Errorf(format, args...)
	panic(unwind{})
}

// Errors returns what rapid reported.
func (c *TB) Errors() []string { return c.errors }

// Panic returns what f panicked with in Run, other than the unwinding.
func (c *TB) Panic() any { return c.panic }

// Run runs f (which calls rapid.Check with tb), absorbing the unwinding of
// tb; any other panic is recorded as a failure and kept for Panic.
func Run(tb *TB, f func()) {
	defer func() {
		if p := recover(); p != nil {
			if _, ok := p.(unwind); !ok {
				tb.panic = p
				tb.Errorf("panic: %v", p)
			}
		}
	}()
	f()
}
