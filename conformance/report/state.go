package report

import (
	"slices"
	"strings"
)

// State is how a (class, target) cell reads at a glance: its worst result.
type State string

// Cell states, worst first. Baselined is a divergence the target's
// baseline lists; NotExpressible a cell whose every case the target could
// not build; Skipped a class the target never ran.
const (
	StateDiverge        State = "diverge"
	StateBaselined      State = "baselined"
	StateUnverified     State = "unverified"
	StateAgree          State = "agree"
	StateNotExpressible State = "not expressible"
	StateSkipped        State = "skipped"
	// StateOtherRun is a cell of a merged report whose class belongs to
	// another kind of run than its target's (a client gate's property
	// classes beside a main run's generator classes): not a result at all.
	StateOtherRun State = "other run"
)

// States lists every state, worst first.
var States = []State{StateDiverge, StateBaselined, StateUnverified, StateAgree, StateNotExpressible, StateSkipped}

// Symbol marks a state in text and in each HTML cell, so that colour is
// never needed to read it.
func (s State) Symbol() string {
	switch s {
	case StateDiverge:
		return "✗"
	case StateBaselined:
		return "◐"
	case StateUnverified:
		return "?"
	case StateAgree:
		return "✓"
	case StateNotExpressible:
		return "∅"
	case StateOtherRun:
		return "·"
	}
	return "–"
}

// Meaning explains a state in one line, for legends.
func (s State) Meaning() string {
	switch s {
	case StateDiverge:
		return "differs from documented AWS behaviour; fails the run"
	case StateBaselined:
		return "a known divergence, listed with its reason in the target's baseline"
	case StateUnverified:
		return "matches, but what AWS does there is UNVERIFIED"
	case StateAgree:
		return "matches documented AWS behaviour"
	case StateNotExpressible:
		return "the target cannot build these inputs; nothing was sent"
	case StateOtherRun:
		return "a class of another kind of run (the client gate's, or the main run's), merged into this report"
	}
	return "the target ran no case of this class"
}

// IsDivergence says whether the state is a divergence, known or not.
func (s State) IsDivergence() bool { return s == StateDiverge || s == StateBaselined }

// MatrixState is a cell's state in rep's matrix: StateOtherRun where the
// row's class is another kind of run's than target's, else CellState.
func MatrixState(rep Report, row Row, target string) State {
	if !classOfRun(rep, row, target) {
		return StateOtherRun
	}
	c, ok := row.Cells[target]
	return CellState(c, ok)
}

// classOfRun says whether a class belongs to the kind of run target was
// part of. In a report merged from a main run's jobs and a client gate's,
// a class that no target of the same tool ran is the other kind's (the
// gate's property classes beside the run's generator classes): it is left
// out of target's suite, not skipped. A class another job of the same
// kind ran stays, skipped when target did not run it.
func classOfRun(rep Report, row Row, target string) bool {
	tool, merged := "", false
	for _, src := range rep.MergedFrom {
		if slices.Contains(src.Targets, target) {
			tool, merged = src.Tool, true
		}
	}
	if !merged {
		return true
	}
	for _, src := range rep.MergedFrom {
		if src.Tool == tool && slices.ContainsFunc(src.Targets, func(t string) bool { _, ran := row.Cells[t]; return ran }) {
			return true
		}
	}
	return false
}

// CellState reads a cell; ok is false for a cell the run does not have.
func CellState(c Cell, ok bool) State {
	switch {
	case !ok || c.Agree+c.Diverge+c.Unverified+c.NotExpressible == 0:
		return StateSkipped
	case c.Diverge > 0 && c.Baseline == "known":
		return StateBaselined
	case c.Diverge > 0:
		return StateDiverge
	case c.Unverified > 0:
		return StateUnverified
	case c.Agree > 0:
		return StateAgree
	}
	return StateNotExpressible
}

// Lookup returns the cell of class on target, and whether the run has it.
func (rep Report) Lookup(class, target string) (Cell, bool) {
	for _, r := range rep.Matrix {
		if r.Class == class {
			c, ok := r.Cells[target]
			return c, ok
		}
	}
	return Cell{}, false
}

// Class is the state as a CSS class name.
func (s State) Class() string { return strings.ReplaceAll(string(s), " ", "-") }
