package conformance_test

import (
	"context"
	"os"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/generators"
)

// soakRequests is how many requests one soak iteration sends, from
// soakWorkers concurrent callers.
const (
	soakRequests = 100_000
	soakWorkers  = 8
)

// BenchmarkSoak sends soakRequests generated requests to local-http from
// 8 concurrent callers and reports throughput and latency percentiles. No
// call may fail, and neither goroutines nor open files may grow.
func BenchmarkSoak(b *testing.B) {
	target := openTarget(b, "local-http")
	gen := generators.Cases(generators.Options{})
	cases := make([]generators.Case, 1000)
	for i := range cases {
		cases[i] = gen.Example(i)
	}
	send := func(n int) ([]time.Duration, time.Duration, error) {
		latencies := make([]time.Duration, n)
		start := time.Now()
		var wg sync.WaitGroup
		var failed sync.Once
		var firstErr error
		for w := range soakWorkers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < n; i += soakWorkers {
					c := cases[i%len(cases)]
					t0 := time.Now()
					if _, err := target.GetSessionToken(context.Background(), c.Caller, c.Input); err != nil {
						failed.Do(func() { firstErr = err })
					}
					latencies[i] = time.Since(t0)
				}
			}()
		}
		wg.Wait()
		return latencies, time.Since(start), firstErr
	}
	// Warm up, so that the connection pools are full before counting.
	_, _, err := send(2000)
	require.NoError(b, err)
	time.Sleep(100 * time.Millisecond)
	goroutines, files := runtime.NumGoroutine(), openFiles(b)
	for b.Loop() {
		latencies, elapsed, err := send(soakRequests)
		require.NoError(b, err)
		slices.Sort(latencies)
		b.ReportMetric(soakRequests/elapsed.Seconds(), "req/s")
		b.ReportMetric(float64(latencies[soakRequests/2].Microseconds()), "p50-µs")
		b.ReportMetric(float64(latencies[soakRequests*99/100].Microseconds()), "p99-µs")
	}
	time.Sleep(100 * time.Millisecond) // let finished handlers exit
	require.LessOrEqual(b, runtime.NumGoroutine(), goroutines+2, "goroutines grew")
	require.LessOrEqual(b, openFiles(b), files+2, "open files grew")
}

// openFiles counts this process's open file descriptors.
func openFiles(b *testing.B) int {
	fds, err := os.ReadDir("/proc/self/fd")
	require.NoError(b, err)
	return len(fds)
}
