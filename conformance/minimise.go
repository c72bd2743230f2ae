package conformance

import (
	"flag"
	"math/rand/v2"
	"slices"
	"strconv"

	"pgregory.net/rapid"

	"github.com/stsconform/stsconform/conformance/call"
	"github.com/stsconform/stsconform/conformance/internal/capture"
	"github.com/stsconform/stsconform/conformance/report"
)

// minimise lets rapid shrink one example per diverging (class, target)
// cell: the property fails only on a case of that class that diverges on
// that target, so rapid's minimal case stays in the cell.
func (r *runner) minimise() {
	defer quietFailFiles()()
	shrunk := 0
	for _, cell := range r.rec.DivergentCells() {
		if shrunk >= r.cfg.shrinkLimit || r.ctx.Err() != nil {
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
	capture.Run(tb, func() {
		rapid.Check(tb, func(rt *rapid.T) {
			c := r.gen.Draw(rt, "case")
			if !slices.Contains(c.Labels, class) || r.ctx.Err() != nil {
				return
			}
			obs := r.execute(r.ctx, c.Input, c.Caller)
			if o, ok := diverges(obs, target); ok {
				last = report.NewExample(class, c.Input, c.Caller, o)
				last.Others = others(class, c.Input, c.Caller, obs, target)
				rt.Fatal("diverges")
			}
		})
	})
	if last == nil {
		return // not reproduced: the survey's example stays
	}
	if seed := tb.Seed(); seed != 0 {
		last.Replay = withCommand(last.Replay, r.cfg.replay(r.cfg.runName, seed))
	}
	r.rec.SetShrunk(*last)
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

// fixSeed makes the run replayable: without -rapid.seed it picks one and
// sets the flag, so the survey and the minimisation share it and the
// report can name it.
func fixSeed() uint64 {
	f := flag.Lookup("rapid.seed")
	if f == nil {
		return 0
	}
	if v, err := strconv.ParseUint(f.Value.String(), 10, 64); err == nil && v != 0 {
		return v
	}
	v := rand.Uint64()
	_ = f.Value.Set(strconv.FormatUint(v, 10))
	return v
}

// quietFailFiles stops rapid from writing fail files while minimising: the
// suite replays by seed. It returns the function that restores the flag.
func quietFailFiles() func() {
	f := flag.Lookup("rapid.nofailfile")
	if f == nil {
		return func() {}
	}
	old := f.Value.String()
	_ = f.Value.Set("true")
	return func() { _ = f.Value.Set(old) }
}
