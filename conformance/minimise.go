package conformance

import (
	"reflect"
	"slices"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/model"
)

// minimise shrinks the example of every finding: starting from the case
// the run found, it simplifies one member at a time (derived from the
// model: absent, shorter, nearer a bound) and keeps a change only when the
// target still shows that finding's signature. Known findings are left as
// found; each finding may spend WithShrinkLimit calls.
func (r *runner) minimise() {
	if r.cfg.shrinkLimit <= 0 {
		return
	}
	found := r.rec.FindingStarts()
	for i, f := range found {
		if r.ctx.Err() != nil {
			r.rec.NoteInterruption("minimisation", 0, len(found)-i)
			return
		}
		if r.knownFinding(f.Target, f.Signature) {
			continue
		}
		r.shrinkFinding(f)
		if r.ctx.Err() != nil { // cut: this finding keeps its example too
			r.rec.NoteInterruption("minimisation", 0, len(found)-i)
			return
		}
	}
}

// shrinkFinding minimises one finding's example and records it. A step
// that would make the input break more of the model's constraints than it
// does is not taken: the example keeps only the finding's own deviation
// in view (a serial number that breaks the pattern stays long enough).
func (r *runner) shrinkFinding(f report.FindingStart) {
	keep := func(obs []report.Observation) bool {
		o, ok := diverges(obs, f.Target)
		return ok && slices.ContainsFunc(report.SignaturesOf(o), func(s report.Signature) bool { return s.Key == f.Signature })
	}
	s := shrinker{r: r, keep: keep, budget: r.cfg.shrinkLimit, broken: r.broken(f.Input)}
	c, obs, ok := s.run(shrinkCase{in: f.Input, caller: f.Caller})
	if !ok || r.ctx.Err() != nil {
		return // not reproduced (flaky), or interrupted: the example seen stays
	}
	o, _ := diverges(obs, f.Target)
	ex := report.NewExample(f.Class, c.in, c.caller, o)
	ex.Others = others(f.Class, c.in, c.caller, obs, f.Target)
	ex.Replay = withCommand(ex.Replay, r.cfg.replay(r.cfg.runName, r.seed))
	r.rec.SetShrunk(f.Target, f.Signature, *ex, o)
}

// shrinkCase is one candidate: an input and the caller that sends it.
type shrinkCase struct {
	in     call.Input
	caller call.CallerKind
}

// shrinker simplifies a case while keep holds, within budget calls.
type shrinker struct {
	r      *runner
	keep   func([]report.Observation) bool
	budget int
	best   []report.Observation
	broken int // constraints the current case breaks (it never grows)
}

// run returns the simplest case found that keeps the property, with the
// targets' observations of it; ok is false when even the start does not.
func (s *shrinker) run(c shrinkCase) (shrinkCase, []report.Observation, bool) {
	if !s.try(c) {
		return c, nil, false
	}
	members := s.r.cfg.oracle.Contract().Members
	for changed := true; changed && s.budget > 0 && s.r.ctx.Err() == nil; {
		changed = false
		for _, m := range members {
			changed = s.member(&c, m) || changed
		}
		changed = s.caller(&c) || changed
	}
	return c, s.best, true
}

// try runs a candidate and reports whether it keeps the property.
func (s *shrinker) try(c shrinkCase) bool {
	broken := s.r.broken(c.in)
	if s.budget <= 0 || s.r.ctx.Err() != nil || (s.best != nil && broken > s.broken) {
		return false
	}
	s.budget--
	obs := kept(s.r.execute(s.r.ctx, c.in, c.caller))
	if !s.keep(obs) {
		return false
	}
	s.best, s.broken = obs, broken
	return true
}

// broken counts the model constraints in breaks (the oracle's clauses).
func (r *runner) broken(in call.Input) int { return len(r.cfg.oracle.Validate(in)) }

// caller tries the default caller kind (an IAM user) instead.
func (s *shrinker) caller(c *shrinkCase) bool {
	if c.caller == call.User {
		return false
	}
	try := *c
	try.caller = call.User
	if s.try(try) {
		*c = try
		return true
	}
	return false
}

// member simplifies one member of the case.
func (s *shrinker) member(c *shrinkCase, m model.Member) bool {
	field := reflect.ValueOf(&c.in).Elem().FieldByName(m.Name)
	if !field.IsValid() || field.Kind() != reflect.Pointer || field.IsNil() {
		return false
	}
	if !m.Required && s.set(c, field, reflect.Zero(field.Type())) {
		return true
	}
	switch v := field.Elem(); v.Kind() {
	case reflect.String:
		return s.shorten(c, field, v.String())
	case reflect.Int32, reflect.Int64:
		return s.nearer(c, field, v.Int(), m)
	}
	return false
}

// set tries the case with field set to value; it keeps the change when the
// property holds.
func (s *shrinker) set(c *shrinkCase, field, value reflect.Value) bool {
	old := reflect.New(field.Type()).Elem()
	old.Set(field)
	field.Set(value)
	if s.try(*c) {
		return true
	}
	field.Set(old)
	return false
}

// shorten deletes chunks of a string, halves first, then single
// characters (delta debugging's deletion pass).
func (s *shrinker) shorten(c *shrinkCase, field reflect.Value, v string) bool {
	rs := []rune(v)
	changed := false
	for size := max(len(rs)/2, 1); size >= 1; size /= 2 {
		for i := 0; i+size <= len(rs) && s.budget > 0; {
			try := append(append([]rune{}, rs[:i]...), rs[i+size:]...)
			if s.set(c, field, stringPtr(field.Type(), string(try))) {
				rs, changed = try, true
				continue
			}
			i += size
		}
	}
	return changed
}

// nearer moves an integer towards the nearest of 0 and the model's bounds,
// by halving the distance while the property holds.
func (s *shrinker) nearer(c *shrinkCase, field reflect.Value, v int64, m model.Member) bool {
	goal := int64(0)
	for _, b := range []*int64{m.Min, m.Max} {
		if b != nil && abs(*b-v) < abs(goal-v) {
			goal = *b
		}
	}
	changed := false
	for d := goal - v; d != 0 && s.budget > 0; d /= 2 {
		for d != 0 && abs(d) <= abs(goal-v) && s.set(c, field, intPtr(field.Type(), v+d)) {
			v, changed = v+d, true
		}
	}
	return changed
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

func stringPtr(t reflect.Type, v string) reflect.Value {
	p := reflect.New(t.Elem())
	p.Elem().SetString(v)
	return p
}

func intPtr(t reflect.Type, v int64) reflect.Value {
	p := reflect.New(t.Elem())
	p.Elem().SetInt(v) // between the value and a bound of the model: in range
	return p
}

// others describes what the other targets did with the same case.
func others(class string, in call.Input, caller call.CallerKind, obs []report.Observation, target string) []report.Example {
	var out []report.Example
	for _, o := range obs {
		if o.Target != target {
			out = append(out, *report.NewExample(class, in, caller, o))
		}
	}
	return out
}

func withCommand(rp *report.Replay, cmd string) *report.Replay {
	if rp == nil {
		rp = &report.Replay{}
	}
	rp.Command = cmd
	return rp
}
