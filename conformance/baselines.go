package conformance

import (
	"fmt"
	"time"

	"github.com/stsconform/stsconform/conformance/baseline"
	"github.com/stsconform/stsconform/conformance/report"
)

// WithBaselines judges each target against its reviewed baseline in dir
// (<dir>/<target>.json): its known divergences pass, new ones fail, and so
// do baselined ones that no longer occur. A target without a baseline file
// must not diverge at all.
func WithBaselines(dir string) Option { return func(c *config) { c.baselines = dir } }

// WithBaselineUpdate re-records the baselines from this run, keeping the
// reasons already written; new entries are marked for review.
func WithBaselineUpdate() Option { return func(c *config) { c.updateBaselines = true } }

// Versioned is implemented by targets that know the version of the software
// behind them; baselines record it.
type Versioned interface {
	Version() string
}

// conclude finishes the report and applies (or re-records) baselines.
func (r *runner) conclude(partial bool) (report.Report, error) {
	rep := r.rec.Finish(partial)
	if r.cfg.baselines == "" {
		return rep, nil
	}
	files := map[string]*baseline.File{}
	for _, ts := range r.targets {
		name := ts.target.Name()
		f, err := baseline.Load(r.cfg.baselines, name)
		if err != nil {
			return rep, err
		}
		if r.cfg.updateBaselines && !partial {
			f = baseline.Record(f, rep, name, versionOf(ts), time.Now().UTC().Format(time.DateOnly))
			if err := baseline.Save(r.cfg.baselines, f); err != nil {
				return rep, fmt.Errorf("saving baseline: %w", err)
			}
		}
		files[name] = f
	}
	baseline.Apply(&rep, files)
	return rep, nil
}

func versionOf(ts targetState) string {
	if v, ok := ts.target.(Versioned); ok {
		return v.Version()
	}
	return "unknown"
}
