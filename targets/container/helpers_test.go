package container

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/ory/dockertest/v3"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/internal/testenv"
)

// openOrSkip opens a target, skipping the test when the engine or the
// image is missing; the target is closed when the test ends.
func openOrSkip(t *testing.T, name string, opts ...Option) *Target {
	t.Helper()
	opts = append([]Option{TTL(10 * time.Minute), LogDir(t.TempDir())}, opts...)
	tg, err := Open(name, opts...)
	switch {
	case errors.Is(err, ErrNoEngine), errors.Is(err, ErrNoImage):
		testenv.Missing(t, name+": "+oneLineErr(err))
	case err != nil:
		t.Fatalf("Open(%s): %v", name, err)
	}
	t.Cleanup(func() { _ = tg.Close() })
	return tg
}

// poolOrSkip connects to the engine, skipping the test without one.
func poolOrSkip(t *testing.T) *dockertest.Pool {
	t.Helper()
	pool, err := connect(Endpoint())
	if err != nil {
		testenv.Missing(t, oneLineErr(err))
	}
	return pool
}

func oneLineErr(err error) string { return oneLine(err) }

// exists reports whether the engine still has the container.
func exists(t *testing.T, pool *dockertest.Pool, id string) bool {
	t.Helper()
	cs, err := Owned(pool)
	if err != nil {
		t.Fatalf("listing containers: %v", err)
	}
	for _, c := range cs {
		if c.ID == id {
			return true
		}
	}
	return false
}

// getSessionToken makes one call and fails the test on a Go error.
func getSessionToken(t *testing.T, tg *Target, in call.Input) call.Outcome {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	o, err := tg.GetSessionToken(ctx, call.User, in)
	if err != nil {
		t.Fatalf("%s: GetSessionToken(%v): %v", tg.Name(), in, err)
	}
	return o
}
