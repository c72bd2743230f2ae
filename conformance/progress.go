package conformance

import "sync/atomic"

// Progress is how far a run has got: its phase ("coverage", "random") and
// how many of that phase's cases have been judged.
type Progress struct {
	Phase       string
	Done, Total int
}

// WithProgress calls f after each judged case of the coverage and random
// phases. f is called from the run's goroutines: it must be quick and safe
// for concurrent use (stsconform's progress line stores the last value).
func WithProgress(f func(Progress)) Option { return func(c *config) { c.progress = f } }

// phaseCounter counts one phase's judged cases for WithProgress.
type phaseCounter struct {
	report func(Progress)
	phase  string
	total  int
	done   atomic.Int64
}

func (r *runner) counter(phase string, total int) *phaseCounter {
	return &phaseCounter{report: r.cfg.progress, phase: phase, total: total}
}

// judged counts one case.
func (c *phaseCounter) judged() {
	n := c.done.Add(1)
	if c.report != nil {
		c.report(Progress{Phase: c.phase, Done: int(n), Total: c.total})
	}
}
