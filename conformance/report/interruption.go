package report

import "fmt"

// Interruption says what an interrupted run cut: where it stopped, the
// cases whose calls were cut short (dropped, never judged: a cancelled call
// is not the target's divergence), the diverging cells left unminimised
// (their survey examples stand), and that no baseline verdict was given.
type Interruption struct {
	// Phase is where the interrupt came: "survey", "minimisation" or "end".
	Phase string `json:"phase"`
	// CasesDropped counts cases in flight when the interrupt came.
	CasesDropped int `json:"casesDropped"`
	// CellsNotMinimised counts diverging cells that kept their survey
	// example because minimisation was cut or never started.
	CellsNotMinimised int `json:"cellsNotMinimised"`
	// BaselinesNotApplied is set when the run had baselines: a partial run
	// says nothing about known, new or stale divergences.
	BaselinesNotApplied bool `json:"baselinesNotApplied,omitempty"`
}

// NoteInterruption records what an interrupt cut; Finish(true) adds it to
// the report. Later notes add to earlier ones; the first phase stays.
func (r *Recorder) NoteInterruption(phase string, casesDropped, cellsNotMinimised int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cut.Phase == "" {
		r.cut.Phase = phase
	}
	r.cut.CasesDropped += casesDropped
	r.cut.CellsNotMinimised += cellsNotMinimised
}

// Summary says in one line what the interrupt cut.
func (c Interruption) Summary() string {
	s := fmt.Sprintf("interrupted during the %s: %d cases in flight dropped (not judged), %d diverging cells not minimised",
		c.Phase, c.CasesDropped, c.CellsNotMinimised)
	if c.BaselinesNotApplied {
		s += "; baselines not applied (no known/new/stale verdict)"
	}
	return s
}
