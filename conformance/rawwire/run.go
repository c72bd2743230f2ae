package rawwire

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"pgregory.net/rapid"

	"github.com/stsconform/stsconform/conformance/internal/capture"
	"github.com/stsconform/stsconform/conformance/internal/rapidflags"
)

// Run sends -rapid.checks generated requests to every endpoint, checks the
// properties and compares the targets, and fails t once for each (class,
// target, property) violation the WithKnown option does not cover, with
// its smallest example and a curl replay. It returns the report.
func Run(t *testing.T, eps []Endpoint, opts ...Option) Report {
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
			t.Errorf("%s breaks %s on %s (%d of %d requests)\n%s", c.Target, v.Property, c.Class, v.Count, c.Cases, describe(v.Example))
		}
	}
	t.Logf("rawwire: %d requests to %d targets, seed %d, %d disagreements", rep.Checks, len(eps), rep.Seed, len(rep.Disagreements))
	for _, d := range rep.Disagreements {
		t.Logf("disagreement on %s (%d requests): %v, e.g. %s %s %s; AWS: %s", d.Class, d.Count, d.Outcomes, d.Example.Method, d.Example.Target, d.Example.Body, d.AWS)
	}
	return rep
}

// describe renders an example for a test log.
func describe(ex Example) string {
	return fmt.Sprintf("  request: %s %s %v body %s (%d bytes)\n  answer:  HTTP %d %s %s\n  why:     %s\n  replay:  %s",
		ex.Request.Method, ex.Request.Target, ex.Request.Headers, ex.Request.Body, ex.Request.Bytes,
		ex.Status, ex.Body, ex.Error, ex.Detail, ex.Curl)
}

// Check is Run without a testing.T: it never fails, it reports. rapid's
// -rapid.seed and -rapid.checks flags choose the requests; a zero seed is
// replaced by a random one, named in the report.
func Check(ctx context.Context, eps []Endpoint, opts ...Option) Report {
	cfg := defaults()
	for _, o := range opts {
		o(&cfg)
	}
	seed, restore := rapidflags.FixSeed()
	defer restore()
	s := newSender(cfg.timeout, cfg.maxBody)
	defer s.close()
	rec := newRecorder(cfg.known)
	tb := capture.New("rawwire")
	capture.Run(tb, func() {
		rapid.Check(tb, func(rt *rapid.T) {
			r := Requests().Draw(rt, "request")
			if ctx.Err() != nil {
				return
			}
			resps := sendAll(ctx, s, eps, r)
			if ctx.Err() == nil { // a request cut short is nobody's violation
				rec.observe(r, eps, resps)
			}
		})
	})
	if p := tb.Panic(); p != nil {
		panic(fmt.Sprint("rawwire: ", p)) // a bug in raw mode, not in a target
	}
	minimise(ctx, cfg, s, rec, eps)
	rep := rec.report(seed, eps)
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
