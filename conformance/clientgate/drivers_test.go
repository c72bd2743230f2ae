package clientgate_test

import (
	"context"
	"testing"

	"github.com/stsconform/stsconform/conformance/clientgate"
	"github.com/stsconform/stsconform/targets/clients"
)

// TestDriversAnswerEveryCase runs a short gate on each non-Go client: its
// driver must answer every case (no crash, hang, garbage or driver-error),
// whatever the client gets wrong. A driver not built skips the test with
// its make command (and fails it in CI).
func TestDriversAnswerEveryCase(t *testing.T) {
	for _, e := range clients.All {
		if e.Install == "" {
			continue
		}
		t.Run(e.Name, func(t *testing.T) {
			subjects := openSubjects(t, e.Name)
			var failures []clientgate.Observation
			observe := func(o clientgate.Observation) {
				for _, d := range o.Diffs {
					if d.Field == "answer" || d.Field == "driver-error" {
						failures = append(failures, o)
					}
				}
			}
			rep, err := clientgate.Run(context.Background(), subjects, clientgate.Options{Seed: 1, Cases: 60, Responses: 60, Observe: observe})
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range failures {
				t.Errorf("the %s driver gave no usable answer (%s):\n  case: %s\n  %s\n  replay: %s", e.Name, o.Class, o.InputText, o.Actual, o.Replay)
			}
			if rep.Totals[e.Name].Agree == 0 {
				t.Errorf("no agreeing case at all: %+v", rep.Totals[e.Name])
			}
		})
	}
}
