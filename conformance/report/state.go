package report

import "strings"

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
	}
	return "the target ran no case of this class"
}

// IsDivergence says whether the state is a divergence, known or not.
func (s State) IsDivergence() bool { return s == StateDiverge || s == StateBaselined }

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
