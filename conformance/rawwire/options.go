package rawwire

import (
	"context"
	"time"

	"github.com/stsconform/stsconform/conformance/internal/draws"
)

// Option configures a run.
type Option func(*config)

type config struct {
	ctx         context.Context // Run's context, instead of the test's
	known       func(target, class, property string) bool
	timeout     time.Duration
	maxBody     int64
	shrinkLimit int
	shrinkTime  time.Duration
	checks      int    // random requests; 0: -rapid.checks or 100
	seed        uint64 // the run's seed; 0: -rapid.seed or a random one
}

func defaults() config {
	return config{known: func(string, string, string) bool { return false },
		timeout: 10 * time.Second, maxBody: 1 << 20, shrinkLimit: 8, shrinkTime: 15 * time.Second}
}

// WithKnown marks violations the caller has baselined: they are reported
// with Known set and do not fail the run.
func WithKnown(known func(target, class, property string) bool) Option {
	return func(c *config) { c.known = known }
}

// WithContext makes Run stop when ctx is done (the main job passes its
// signal context); Check takes its context as an argument.
func WithContext(ctx context.Context) Option { return func(c *config) { c.ctx = ctx } }

// WithTimeout bounds each request, from connecting to the last byte read
// (default 10s). A target that takes longer breaks PropAnswers.
func WithTimeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// WithMaxBody bounds how much of an answer is read (default 1 MiB); a
// longer body breaks PropAnswers.
func WithMaxBody(n int64) Option { return func(c *config) { c.maxBody = n } }

// WithShrinkLimit sets how many unknown (class, target, property)
// violations are minimised (default 8; 0: keep the smallest seen).
func WithShrinkLimit(n int) Option { return func(c *config) { c.shrinkLimit = n } }

// WithShrinkTime bounds the minimisation of one violation (default 15s).
func WithShrinkTime(d time.Duration) Option { return func(c *config) { c.shrinkTime = d } }

// WithChecks sets how many random requests are sent (default: the
// -rapid.checks flag when the program has it, else 100). It reads no
// process-global state and writes none.
func WithChecks(n int) Option { return func(c *config) { c.checks = n } }

// WithSeed sets the run's seed: random request i is drawn from seed+i, so
// a run with the same seed and checks sends the same requests (default:
// the -rapid.seed flag when set, else a random seed, which the report
// names).
func WithSeed(seed uint64) Option { return func(c *config) { c.seed = seed } }

// resolve fills in the run's checks and seed (draws.Resolve: the
// options', else rapid's flags read in a test binary, else the defaults).
func (c *config) resolve() { c.checks, c.seed = draws.Resolve(c.checks, c.seed) }
