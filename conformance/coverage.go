package conformance

import (
	"slices"
	"sync"

	"github.com/stsconform/stsconform/generators"
)

// Phase names, as the report's per-phase counts show them.
const (
	phaseCoverage = "coverage"
	phaseRandom   = "random"
)

// WithCoverage turns the deterministic coverage phase on or off (default
// on). It runs every edge of generators.Coverage before rapid's random
// phase; -rapid.checks sets the random phase only.
func WithCoverage(on bool) Option { return func(c *config) { c.noCoverage = !on } }

// coverage runs the coverage phase, through the same execute and record
// path as the random phase, up to -concurrency cases at once. A case cut
// short by an interrupt is not recorded. Planned runs (WithCases) have no
// coverage phase. The random phase is begun at the end.
func (r *runner) coverage() {
	defer r.rec.BeginPhase(phaseRandom)
	if r.cfg.noCoverage || r.cfg.cases != nil {
		return
	}
	r.rec.BeginPhase(phaseCoverage)
	inFlight := make(chan struct{}, max(r.cfg.concurrency, 1))
	var wg sync.WaitGroup
	cases := slices.Collect(generators.Coverage(r.cfg.oracle.Contract(), generators.Options{Callers: r.callerKinds()}))
	count := r.counter(phaseCoverage, len(cases))
	for _, c := range cases {
		if r.ctx.Err() != nil {
			break
		}
		inFlight <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-inFlight }()
			obs := kept(r.execute(r.ctx, c.Input, c.Caller))
			if r.ctx.Err() != nil {
				r.rec.NoteInterruption(phaseCoverage, 1, 0)
				return
			}
			if len(obs) > 0 {
				r.rec.Record(c.Labels, r.redact(c.Input), c.Caller, obs)
			}
			count.judged()
		}()
	}
	wg.Wait()
}
