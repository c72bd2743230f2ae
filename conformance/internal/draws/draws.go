// Package draws settles how many random cases a run draws and from which
// seed, for the main runner and raw mode alike.
package draws

import (
	"flag"
	"math/rand/v2"
	"strconv"
)

// DefaultChecks is the random phase's size when neither an option nor
// -rapid.checks says otherwise (rapid's own default).
const DefaultChecks = 100

// Resolve gives the run's checks and seed: the options' (checks > 0,
// seed != 0), else the values of rapid's flags in a test binary (read,
// never written), else the defaults. A seed of 0 becomes a random one,
// which the report names.
func Resolve(checks int, seed uint64) (int, uint64) {
	if checks <= 0 {
		checks = DefaultChecks
		if n, err := strconv.Atoi(flagValue("rapid.checks")); err == nil && n > 0 {
			checks = n
		}
	}
	if seed == 0 {
		if v, err := strconv.ParseUint(flagValue("rapid.seed"), 10, 64); err == nil {
			seed = v
		}
	}
	if seed == 0 {
		seed = rand.Uint64() | 1
	}
	return checks, seed
}

// flagValue reads a flag of the program, if it has one; it never sets it.
func flagValue(name string) string {
	if f := flag.Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}
