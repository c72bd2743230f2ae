package conformance

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/internal/draws"
	"github.com/stsconform/stsconform/conformance/oracle"
	"github.com/stsconform/stsconform/conformance/report"
)

// Option configures Run.
type Option func(*config)

type config struct {
	ctx         context.Context
	runName     string
	oracle      *oracle.Oracle
	compare     compare.Options
	reportPath  string
	views       report.Views // HTML and JUnit renderings, written with the report
	callTimeout time.Duration
	out         io.Writer
	shrinkLimit int    // calls each finding's minimisation may spend; 0: none
	checks      int    // random-phase cases; 0: -rapid.checks or 100
	seed        uint64 // the run's seed; 0: -rapid.seed or a random one
	replay      func(run string, seed uint64) string
	cases       casePlan // planned cases instead of rapid's draws (plan.go)
	noCoverage  bool     // no coverage phase (coverage.go)
	progress    func(Progress)

	concurrency     int
	baselines       string
	updateBaselines bool
}

func defaults() config {
	return config{
		ctx:         context.Background(),
		runName:     "TestConformance$",
		oracle:      oracle.Default(),
		compare:     compare.DefaultOptions,
		callTimeout: 10 * time.Second,
		out:         os.Stdout,
		shrinkLimit: defaultShrinkCalls,
		replay: func(run string, seed uint64) string {
			return fmt.Sprintf("go test -count=1 -run '%s' -rapid.seed=%d", run, seed)
		},
	}
}

// WithReport writes the JSON report to path, and its Markdown summary and
// terminal table beside it (.md, .txt).
func WithReport(path string) Option { return func(c *config) { c.reportPath = path } }

// WithHTML writes the report as one self-contained HTML page to path.
func WithHTML(path string) Option { return func(c *config) { c.views.HTML = path } }

// WithJUnit writes the report as JUnit XML to path: one test case per
// target × class, failing with the divergence message.
func WithJUnit(path string) Option { return func(c *config) { c.views.JUnit = path } }

// WithOracle judges by another contract (tests use it; users rarely need to).
func WithOracle(o *oracle.Oracle) Option { return func(c *config) { c.oracle = o } }

// WithExpirationTolerance sets how far an expiration may be off.
func WithExpirationTolerance(d time.Duration) Option {
	return func(c *config) { c.compare.ExpirationTolerance = d }
}

// WithCallTimeout bounds each call to a target (default 10s).
func WithCallTimeout(d time.Duration) Option { return func(c *config) { c.callTimeout = d } }

// WithOutput sends the summary table somewhere other than stdout.
func WithOutput(w io.Writer) Option { return func(c *config) { c.out = w } }

// defaultShrinkCalls is how many calls one finding's minimisation may
// spend by default.
const defaultShrinkCalls = 400

// WithShrinkLimit bounds the calls the minimisation of each finding may
// spend (default 400); every finding is minimised within it. 0 turns
// minimisation off: each finding keeps the smallest example seen.
func WithShrinkLimit(n int) Option { return func(c *config) { c.shrinkLimit = n } }

// WithChecks sets how many cases the random phase draws (default: the
// -rapid.checks flag when the program has it, else 100). It reads no
// process-global state and writes none.
func WithChecks(n int) Option { return func(c *config) { c.checks = n } }

// WithSeed sets the run's seed: the random phase's case i is drawn from
// seed+i, so a run with the same seed and checks draws the same cases
// (default: the -rapid.seed flag when set, else a random seed, which the
// report names).
func WithSeed(seed uint64) Option { return func(c *config) { c.seed = seed } }

// WithReplayCommand sets how replay commands are printed, given the test
// pattern to run and the rapid seed.
func WithReplayCommand(f func(run string, seed uint64) string) Option {
	return func(c *config) { c.replay = f }
}

// WithContext stops the run when ctx is done; the report is then marked
// partial.
func WithContext(ctx context.Context) Option { return func(c *config) { c.ctx = ctx } }

// withRunName names the test that replays the run, for replay commands.
func withRunName(name string) Option { return func(c *config) { c.runName = name } }

// reportPath returns the report path the options set, if any.
func reportPath(opts []Option) string {
	cfg := defaults()
	for _, o := range opts {
		o(&cfg)
	}
	return cfg.reportPath
}

// WithConcurrency runs up to n cases at once during the survey (rapid's
// minimisation stays sequential). Useful against HTTP targets, whose calls
// mostly wait; the default is 1.
func WithConcurrency(n int) Option { return func(c *config) { c.concurrency = n } }

// resolve fills in the run's checks and seed (draws.Resolve: the
// options', else rapid's flags read in a test binary, else the defaults).
func (c *config) resolve() { c.checks, c.seed = draws.Resolve(c.checks, c.seed) }
