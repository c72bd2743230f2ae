package conformance

import (
	"fmt"
	"time"

	"github.com/stsconform/stsconform/conformance/baseline"
	"github.com/stsconform/stsconform/conformance/report"
)

// WithBaselines judges each target against its reviewed baseline in dir
// (<dir>/<target>.json), keyed by finding signature: known findings pass
// whatever the seed, new ones fail; a known finding the run did not show is
// reported as not seen, and fails only when the run replays the baseline's
// seed and checks. A target without a baseline file must not diverge.
func WithBaselines(dir string) Option { return func(c *config) { c.baselines = dir } }

// WithBaselineUpdate re-records the baselines from this run, keeping the
// reasons already written; new entries are marked for review.
func WithBaselineUpdate() Option { return func(c *config) { c.updateBaselines = true } }

// Versioned is implemented by targets that know the version of the software
// behind them; baselines record it.
type Versioned interface {
	Version() string
}

// loadBaselines reads the baseline of every target, when the run has a
// baseline directory.
func (r *runner) loadBaselines() error {
	r.baselines = map[string]*baseline.File{}
	if r.cfg.baselines == "" {
		return nil
	}
	for _, ts := range r.targets {
		f, err := baseline.Load(r.cfg.baselines, ts.target.Name())
		if err != nil {
			return err
		}
		r.baselines[ts.target.Name()] = f
	}
	return nil
}

// knownFinding reports whether a finding is in its target's baseline: such
// findings are reviewed already and not minimised again.
func (r *runner) knownFinding(target, signature string) bool {
	_, ok := r.baselines[target].FindFinding(signature)
	return ok
}

// conclude finishes the report and applies (or re-records) baselines.
func (r *runner) conclude(partial bool) (report.Report, error) {
	rep := r.rec.Finish(partial)
	if r.cfg.baselines == "" {
		return rep, nil
	}
	if partial {
		// A partial run says nothing of known, new or stale divergences.
		rep.Interruption.BaselinesNotApplied = true
		return rep, nil
	}
	if r.cfg.updateBaselines && !partial {
		for _, ts := range r.targets {
			name := ts.target.Name()
			f := baseline.Record(r.baselines[name], rep, name, versionOf(ts), time.Now().UTC().Format(time.DateOnly))
			if err := baseline.Save(r.cfg.baselines, f); err != nil {
				return rep, fmt.Errorf("saving baseline: %w", err)
			}
			r.baselines[name] = f
		}
	}
	baseline.Apply(&rep, r.baselines)
	return rep, nil
}

func versionOf(ts targetState) string {
	if v, ok := ts.target.(Versioned); ok {
		return v.Version()
	}
	return "unknown"
}
