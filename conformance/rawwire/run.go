package rawwire

import (
	"context"
	"sync"
	"testing"

	"github.com/stsconform/stsconform/conformance/report"
)

// Run sends the fixed Probes and then WithChecks generated requests to
// every endpoint, checks the properties and compares the targets, and
// fails t once for each (class, target, property) violation the WithKnown
// option does not cover, with its smallest example and a curl replay. It
// returns the report.
func Run(t *testing.T, eps []Endpoint, opts ...Option) report.Raw {
	t.Helper()
	cfg := defaults()
	for _, o := range opts {
		o(&cfg)
	}
	ctx := t.Context()
	if cfg.ctx != nil {
		ctx = cfg.ctx
	}
	rep := Check(ctx, eps, opts...)
	if rep.Partial {
		t.Errorf("rawwire: interrupted after %d requests: the raw report is partial, and its violations are given no verdict", rep.Checks)
		return rep
	}
	for _, c := range rep.Failures() {
		for _, v := range c.Violations {
			t.Error(report.RawViolationMessage(c, v, rep.Properties[v.Property]))
		}
	}
	t.Logf("rawwire: %d fixed probes and %d random requests to %d targets, seed %d, %d disagreements", rep.Probes, rep.Checks, len(eps), rep.Seed, len(rep.Disagreements))
	for _, d := range rep.Disagreements {
		t.Logf("disagreement on %s (%d requests): %v, e.g. %s %s %s; AWS: %s", d.Class, d.Count, d.Outcomes, d.Example.Method, d.Example.Target, d.Example.Body, d.AWS)
	}
	return rep
}

// Check is Run without a testing.T: it never fails, it reports. It sends
// the fixed Probes, then random requests: WithChecks of them, request i
// drawn from WithSeed's seed+i (a zero seed is replaced by a random one,
// named in the report). No process-global state is read but the values of
// rapid's flags, as defaults; none is written.
func Check(ctx context.Context, eps []Endpoint, opts ...Option) report.Raw {
	cfg := defaults()
	for _, o := range opts {
		o(&cfg)
	}
	cfg.resolve()
	s := newSender(cfg.timeout, cfg.maxBody)
	defer s.close()
	rec := newRecorder(cfg.known)
	probes := Probes()
	gen := Requests()
	for i := 0; i < len(probes)+cfg.checks && ctx.Err() == nil; i++ {
		var r Request
		if i < len(probes) {
			r = probes[i]
		} else {
			r = gen.Example(int(cfg.seed + uint64(i-len(probes))))
		}
		resps := sendAll(ctx, s, eps, r)
		if ctx.Err() == nil { // a request cut short is nobody's violation
			rec.observe(r, eps, resps, i < len(probes))
		}
	}
	minimise(ctx, cfg, s, rec, eps)
	rep := rec.report(cfg.seed, eps)
	rep.Partial = ctx.Err() != nil
	return rep
}

// sendAll sends one request to every endpoint at once.
func sendAll(ctx context.Context, s *sender, eps []Endpoint, r Request) []response {
	out := make([]response, len(eps))
	var wg sync.WaitGroup
	for i, ep := range eps {
		wg.Go(func() { out[i] = s.send(ctx, ep, r) })
	}
	wg.Wait()
	return out
}
