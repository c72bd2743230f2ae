package conformance

import (
	"maps"
	"slices"
	"strings"

	"pgregory.net/rapid"

	"github.com/stsconform/stsconform/conformance/call"
	"github.com/stsconform/stsconform/conformance/internal/capture"
	"github.com/stsconform/stsconform/conformance/internal/rapidflags"
	"github.com/stsconform/stsconform/conformance/oracle"
	"github.com/stsconform/stsconform/conformance/report"
)

// minimise lets rapid shrink one example per diverging (class, target)
// cell: the property fails only on a case of that class that diverges on
// that target, so rapid's minimal case stays in the cell.
func (r *runner) minimise() {
	// The suite replays by seed: no rapid fail files.
	defer rapidflags.Set("rapid.nofailfile", "true")()
	shrunk := 0
	cells := r.rec.DivergentCells()
	for i, cell := range cells {
		if r.ctx.Err() != nil {
			r.rec.NoteInterruption("minimisation", 0, len(cells)-i)
			return
		}
		if shrunk >= r.cfg.shrinkLimit {
			return
		}
		if r.known(cell[0], cell[1]) {
			continue
		}
		r.shrinkCell(cell[0], cell[1])
		shrunk++
	}
}

func (r *runner) shrinkCell(class, target string) {
	tb := capture.New("minimise")
	var last *report.Example
	var minimal call.Input
	var caller call.CallerKind
	found := false
	capture.Run(tb, func() {
		rapid.Check(tb, func(rt *rapid.T) {
			c := r.gen.Draw(rt, "case")
			if !slices.Contains(c.Labels, class) || r.ctx.Err() != nil {
				return
			}
			if _, ok := diverges(r.execute(r.ctx, c.Input, c.Caller), target); ok {
				minimal, caller, found = c.Input, c.Caller, true
				rt.Fatal("diverges")
			}
		})
	})
	if !found || r.ctx.Err() != nil {
		return // not reproduced, or interrupted: the survey's example stays
	}
	in, obs, ok := r.dropUnneeded(class, target, minimal, caller)
	if !ok || r.ctx.Err() != nil {
		return // flaky, or cut by an interrupt: the survey's example stays
	}
	o, _ := diverges(obs, target)
	last = report.NewExample(class, in, caller, o)
	last.Others = others(class, in, caller, obs, target)
	if seed := tb.Seed(); seed != 0 {
		last.Replay = withCommand(last.Replay, r.cfg.replay(r.cfg.runName, seed))
	}
	r.rec.SetShrunk(*last)
}

// members clear one input member each, by model name.
var members = map[string]func(*call.Input){
	"DurationSeconds":         func(in *call.Input) { in.DurationSeconds = nil },
	"SerialNumber":            func(in *call.Input) { in.SerialNumber = nil },
	"TokenCode":               func(in *call.Input) { in.TokenCode = nil },
	"MinimumSessionTokenSize": func(in *call.Input) { in.MinimumSessionTokenSize = nil },
}

// dropUnneeded finishes rapid's minimisation: it removes, one at a time,
// the members outside the cell's class that the divergence does not need
// (rapid's shrinker keeps some when removing them shifts later draws). A
// removal is kept only when the target still diverges in the same fields.
// It returns the smallest such input and what the targets did with it; ok
// is false when even rapid's case no longer diverges.
func (r *runner) dropUnneeded(class, target string, in call.Input, caller call.CallerKind) (call.Input, []report.Observation, bool) {
	obs := r.execute(r.ctx, in, caller)
	o, ok := diverges(obs, target)
	if !ok {
		return in, obs, false
	}
	want := divergentFields(o)
	// Repeat until nothing more can go: dropping one member can make
	// another unnecessary.
	for changed := true; changed && r.ctx.Err() == nil; {
		changed = false
		for _, name := range slices.Sorted(maps.Keys(members)) {
			if strings.HasPrefix(class, name+"/") {
				continue // the member the class is about stays
			}
			try := in
			members[name](&try)
			if try == in {
				continue
			}
			tried := r.execute(r.ctx, try, caller)
			if o, ok := diverges(tried, target); ok && slices.Equal(divergentFields(o), want) {
				in, obs, changed = try, tried, true
			}
		}
	}
	return in, obs, true
}

// divergentFields lists the fields that differ in a diverging observation.
func divergentFields(o report.Observation) []string {
	var out []string
	for _, d := range o.Verdict.Diffs {
		if d.Status != oracle.Unverified {
			out = append(out, d.Field)
		}
	}
	slices.Sort(out)
	return out
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
