package conformance

import (
	"iter"

	"github.com/stsconform/stsconform/generators"
)

// WithCases runs the given cases, in order, instead of rapid's draws, and
// does not minimise (budgeted targets: every call counts). The plans of
// conformance/record cover every class once.
func WithCases(cases iter.Seq[generators.Case]) Option {
	return func(c *config) { c.cases = cases }
}

// surveyPlan runs the planned cases one after the other.
func (r *runner) surveyPlan() error {
	for c := range r.cfg.cases {
		if r.ctx.Err() != nil {
			return nil
		}
		obs := kept(r.execute(r.ctx, c.Input, c.Caller))
		if len(obs) > 0 {
			r.rec.Record(c.Labels, r.redact(c.Input), c.Caller, obs)
		}
	}
	return nil
}

// casePlan is a planned sequence of cases.
type casePlan = iter.Seq[generators.Case]
