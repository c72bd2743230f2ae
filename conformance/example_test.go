package conformance_test

import (
	"fmt"
	"io"

	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/targets"
	"github.com/stsconform/stsconform/targets/local"
)

// Check runs the suite outside a test, here against the in-process STS
// library; inside a test, conformance.Run(t, targets) does the same and
// fails t on divergence. Any type with Name, Callers and GetSessionToken is
// a target: an emulator written in Go, or an SDK fork's client.
func ExampleCheck() {
	sts := local.NewTarget(local.New())
	rep, err := conformance.Check([]targets.Target{sts}, conformance.WithOutput(io.Discard))
	if err != nil {
		fmt.Println("run failed:", err)
		return
	}
	fmt.Println("cases run:", rep.Checks > 0)
	fmt.Println("divergences:", len(rep.Divergences))
	// Output:
	// cases run: true
	// divergences: 0
}
