// Package rapidflags reads and sets rapid's command-line flags
// (-rapid.seed, -rapid.checks, …), which are rapid's only configuration: the
// runners set them for a run and restore them afterwards, and tests set
// them for one test.
package rapidflags

import (
	"flag"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"
)

// Set sets a flag and returns the function that restores its old value.
// An unknown flag is left alone.
func Set(name, value string) (restore func()) {
	f := flag.Lookup(name)
	if f == nil {
		return func() {}
	}
	old := f.Value.String()
	_ = f.Value.Set(value)
	return func() { _ = f.Value.Set(old) }
}

// SetForTest sets a flag for the duration of one test or benchmark.
func SetForTest(tb testing.TB, name, value string) {
	tb.Helper()
	f := flag.Lookup(name)
	if f == nil {
		tb.Fatalf("no flag -%s", name)
	}
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		tb.Fatalf("-%s=%s: %v", name, value, err)
	}
	tb.Cleanup(func() { _ = f.Value.Set(old) })
}

// Int returns an integer flag's value (0 when unknown or not an integer).
func Int(name string) int {
	n, _ := strconv.Atoi(value(name))
	return n
}

// Duration returns a duration flag's value (0 when unknown).
func Duration(name string) time.Duration {
	d, _ := time.ParseDuration(value(name))
	return d
}

// FixSeed makes a run replayable: it returns -rapid.seed, or when that is
// 0 picks a seed and sets the flag, so that every rapid.Check of the run
// starts from it and the report can name it. restore puts the flag back.
func FixSeed() (seed uint64, restore func()) {
	if v, err := strconv.ParseUint(value("rapid.seed"), 10, 64); err == nil && v != 0 {
		return v, func() {}
	}
	seed = rand.Uint64()
	return seed, Set("rapid.seed", strconv.FormatUint(seed, 10))
}

func value(name string) string {
	if f := flag.Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}
