package rawwire

import (
	"context"
	"slices"
	"time"
)

// shrinkDraws is how many requests of its class the minimisation of one
// violation draws, to try the smaller ones.
const shrinkDraws = 256

// minimise looks for a smaller example of each unknown violation (up to
// WithShrinkLimit of them): it draws requests of the violation's class,
// deterministically from the run's seed, and sends those smaller than the
// example, smallest first, to the target until one breaks the same
// property. It writes no process-global state: no rapid flag is set.
func minimise(ctx context.Context, cfg config, s *sender, rec *recorder, eps []Endpoint) {
	if cfg.shrinkLimit <= 0 {
		return
	}
	byName := map[string]Endpoint{}
	for _, ep := range eps {
		byName[ep.Name] = ep
	}
	for i, cell := range rec.unknownCells() {
		if i >= cfg.shrinkLimit || ctx.Err() != nil {
			return
		}
		first := cfg.seed + uint64(cfg.checks) + uint64(i*shrinkDraws)
		shrinkCell(ctx, cfg.shrinkTime, s, rec, cell, byName[cell[1]], first)
	}
}

// shrinkCell minimises one (class, target, property) violation within d.
// When every smaller candidate was tried and none breaks the property,
// the example kept is the smallest known: it is marked shrunk as it is.
func shrinkCell(ctx context.Context, d time.Duration, s *sender, rec *recorder, cell [3]string, ep Endpoint, first uint64) {
	class, property := cell[0], cell[2]
	_, size, ok := rec.example(class, ep.Name, property)
	if !ok {
		return
	}
	deadline := time.Now().Add(d)
	for _, r := range smallerThan(class, size, first) {
		if time.Now().After(deadline) {
			return // not every candidate tried: the example is not called minimal
		}
		resp := s.send(ctx, ep, r)
		if ctx.Err() != nil {
			return // a request cut short is nobody's violation
		}
		for _, v := range judge(r, resp) {
			if v.Property == property {
				rec.shrunk(r, ep, v, resp)
				return
			}
		}
	}
	rec.markShrunk(class, ep.Name, property)
}

// smallerThan draws shrinkDraws requests of a class from seeds first,
// first+1, … and returns those smaller than size, distinct, smallest first.
func smallerThan(class string, size int, first uint64) []Request {
	gen := ClassRequests(class)
	seen := map[string]bool{}
	var out []Request
	for j := range uint64(shrinkDraws) {
		r := gen.Example(int(first + j))
		k := r.Method + " " + r.ContentType + " " + string(r.Payload())
		if r.size() >= size || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b Request) int { return a.size() - b.size() })
	return out
}
