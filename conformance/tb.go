package conformance

import (
	"fmt"
	"strconv"
)

// captureTB is the rapid.TB the suite runs rapid with: it keeps what rapid
// reports instead of failing a test, so that a run can go on and report.
type captureTB struct {
	name   string
	failed bool
	errors []string
}

// failNow unwinds the property run when rapid gives up on a check.
type failNow struct{}

func (c *captureTB) Helper()              {}
func (c *captureTB) Name() string         { return c.name }
func (c *captureTB) Logf(string, ...any)  {}
func (c *captureTB) Log(...any)           {}
func (c *captureTB) Skipf(string, ...any) { panic(failNow{}) }
func (c *captureTB) Skip(...any)          { panic(failNow{}) }
func (c *captureTB) SkipNow()             { panic(failNow{}) }
func (c *captureTB) Fail()                { c.failed = true }
func (c *captureTB) Failed() bool         { return c.failed }
func (c *captureTB) FailNow()             { c.failed = true; panic(failNow{}) }
func (c *captureTB) Error(args ...any)    { c.Errorf("%s", fmt.Sprint(args...)) }
func (c *captureTB) Fatal(args ...any)    { c.Fatalf("%s", fmt.Sprint(args...)) }

func (c *captureTB) Errorf(format string, args ...any) {
	c.failed = true
	c.errors = append(c.errors, fmt.Sprintf(format, args...))
}

func (c *captureTB) Fatalf(format string, args ...any) {
	c.Errorf(format, args...)
	panic(failNow{})
}

// seed is the seed rapid printed for replaying the failure, or 0.
func (c *captureTB) seed() uint64 {
	for _, e := range c.errors {
		if m := seedRE.FindStringSubmatch(e); m != nil {
			v, _ := strconv.ParseUint(m[1], 10, 64)
			return v
		}
	}
	return 0
}

// runCapturing runs f, absorbing the unwinding of captureTB.FailNow.
func runCapturing(tb *captureTB, f func()) {
	defer func() {
		if p := recover(); p != nil {
			if _, ok := p.(failNow); !ok {
				tb.Errorf("panic: %v", p)
			}
		}
	}()
	f()
}
