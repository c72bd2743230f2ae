package clientgate

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/stsconform/stsconform/conformance/oracle"
	"github.com/stsconform/stsconform/internal/testenv"
	"github.com/stsconform/stsconform/targets/clients"
	"github.com/stsconform/stsconform/targets/clients/driver"
	"github.com/stsconform/stsconform/targets/clients/goclient"
)

// BenchmarkInputCases measures generated input cases per second per
// client (validation, encoding, signing, reading the answer) against the
// loopback server: the Go clients in-process, the others through their
// driver process (not built: skipped, naming the make command).
func BenchmarkInputCases(b *testing.B) { benchCases(b, (*runner).inputJob) }

// BenchmarkResponseCases measures generated response cases per second per
// client.
func BenchmarkResponseCases(b *testing.B) { benchCases(b, (*runner).responseJob) }

// benchCases runs one kind of case per client, b.N of them through the
// gate's pipeline, in cases/s.
func benchCases(b *testing.B, caseJob func(*runner, int) job) {
	for _, e := range clients.All {
		b.Run(e.Name, func(b *testing.B) {
			r := newBenchRunner(b, e.Name, openBench(b, e))
			r.subject.NoValidate = e.NoValidate
			b.ResetTimer()
			r.pipeline(context.Background(), func(yield func(job) bool) {
				for i := range b.N {
					if !yield(caseJob(r, i)) {
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "cases/s")
		})
	}
}

// BenchmarkAllClientsRun is the default run of make sdk-gate CLIENTS=all
// (every client of the table, drivers already built; each driver's start
// included).
func BenchmarkAllClientsRun(b *testing.B) {
	for range b.N {
		var subjects []Subject
		for _, e := range clients.All {
			subjects = append(subjects, Subject{Name: e.Name, Client: openBench(b, e), DefaultAttempts: e.DefaultAttempts, NoValidate: e.NoValidate})
		}
		if _, err := Run(context.Background(), subjects, Options{Seed: 1, Cases: DefaultCases, Responses: DefaultResponses, Retries: true}); err != nil {
			b.Fatal(err)
		}
		for _, s := range subjects {
			_ = s.Client.Close()
		}
	}
}

// openBench opens a client of the table for a benchmark.
func openBench(b *testing.B, e clients.Entry) driver.Client {
	b.Helper()
	root, _ := filepath.Abs("../..")
	c, err := e.Open(context.Background(), root)
	if errors.Is(err, clients.ErrNotInstalled) {
		testenv.Missing(b, err.Error())
	}
	if err != nil {
		b.Fatal(err)
	}
	return c
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
