package suite

import (
	"flag"

	"github.com/stsconform/stsconform/targets/spec"
)

// Auto is the default of -baselines and -recorded-dir: the directory of the
// stsconform checkout the command runs in (fixtures/baselines,
// fixtures/recorded), or, outside a checkout, no baselines and the
// recorded facts built into the command.
const Auto = "auto"

// Flags are the main job's knobs, as `stsconform run` takes them.
type Flags struct {
	Targets        string
	Report         string
	HTML           string
	JUnit          string
	Baselines      string
	UpdateBaseline bool
	Checks         int
	Seed           uint64
	ShrinkLimit    int
	Raw            bool
	Concurrency    int

	// Runs against real AWS (-targets=aws).
	Record       bool
	Discover     bool
	DiscoverOnly string
	Budget       int
	RecordedDir  string
}

// Register defines the flags on fs, with their defaults.
func (f *Flags) Register(fs *flag.FlagSet) {
	fs.StringVar(&f.Targets, "targets", spec.Default, "comma-separated target `specs` (see the target specs below)")
	fs.StringVar(&f.Report, "report", "", "`path` of the JSON report; its Markdown summary (.md) and table (.txt) go beside it")
	fs.StringVar(&f.HTML, "html", "", "`path` of the HTML report (one self-contained page)")
	fs.StringVar(&f.JUnit, "junit", "", "`path` of the JUnit XML report (one test case per target × class)")
	fs.StringVar(&f.Baselines, "baselines", Auto, "`directory` of reviewed per-target baselines (<target>.json); \"\" for none; "+
		"auto: the checkout's fixtures/baselines, none outside a checkout")
	fs.BoolVar(&f.UpdateBaseline, "update-baseline", false, "re-record the baselines of the targets run, keeping existing reasons")
	fs.IntVar(&f.Checks, "checks", 1000, "generated cases of the random phase")
	fs.Uint64Var(&f.Seed, "seed", 0, "seed of the generated cases (0: a random one, printed in the report)")
	fs.IntVar(&f.ShrinkLimit, "shrink-limit", -1, "bound on the minimisation of diverging cases, as conformance.WithShrinkLimit takes it; -1: the library's default")
	fs.BoolVar(&f.Raw, "raw", false, "also send raw awsQuery requests (raw mode) to every HTTP target")
	fs.IntVar(&f.Concurrency, "concurrency", 1, "cases in flight at once against the targets")
	fs.BoolVar(&f.Record, "record", false, "save what aws targets answer, normalised, to -recorded-dir/<target>.json")
	fs.BoolVar(&f.Discover, "discover", false, "ask the aws targets the open questions, one call each, write the answers to -recorded-dir/facts.json, and run nothing else")
	fs.StringVar(&f.DiscoverOnly, "discover-only", "", "with -discover, ask only the questions of this fact `id`")
	fs.IntVar(&f.Budget, "budget", 0, "calls an aws target may make in this run, when its spec sets no budget= (default 50)")
	fs.StringVar(&f.RecordedDir, "recorded-dir", Auto, "`directory` of recordings and facts.json (-record, -discover, the oracle's recorded facts); "+
		"auto: the checkout's fixtures/recorded, the built-in facts outside a checkout")
}
