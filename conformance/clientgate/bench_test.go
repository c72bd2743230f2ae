package clientgate

import (
	"context"
	"testing"

	"github.com/stsconform/stsconform/conformance/oracle"
	"github.com/stsconform/stsconform/targets/clients/driver"
	"github.com/stsconform/stsconform/targets/clients/goclient"
)

// BenchmarkInputCases measures generated input cases per second per Go
// client (validation, encoding, signing, reading the answer), in-process
// against the loopback server.
func BenchmarkInputCases(b *testing.B) {
	for _, c := range []struct {
		name   string
		client func() driver.Client
	}{{"go-v2", func() driver.Client { return goclient.NewV2() }}, {"go-v1", func() driver.Client { return goclient.NewV1() }}} {
		b.Run(c.name, func(b *testing.B) {
			r := newBenchRunner(b, c.name, c.client())
			b.ResetTimer()
			for i := range b.N {
				r.inputCase(context.Background(), i)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "cases/s")
		})
	}
}

// BenchmarkDefaultRun is the gate's default run (DefaultCases inputs,
// DefaultResponses responses, the retry scenarios) for both Go clients:
// its sec/op is what make sdk-gate costs.
func BenchmarkDefaultRun(b *testing.B) {
	for range b.N {
		v2, v1 := goclient.NewV2(), goclient.NewV1()
		subjects := []Subject{{Name: "go-v2", Client: v2, DefaultAttempts: 3}, {Name: "go-v1", Client: v1, DefaultAttempts: goclient.V1DefaultAttempts}}
		if _, err := Run(context.Background(), subjects, Options{Seed: 1, Cases: DefaultCases, Responses: DefaultResponses, Retries: true}); err != nil {
			b.Fatal(err)
		}
		_, _ = v2.Close(), v1.Close()
	}
}

func newBenchRunner(b *testing.B, name string, c driver.Client) *runner {
	srv, err := StartServer()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = srv.Close(); _ = c.Close() })
	r := &runner{subject: Subject{Name: name, Client: c}, srv: srv, rec: newRecorder(nil, 0, "")}
	r.opts.defaults()
	r.oracle = oracle.Default()
	return r
}
