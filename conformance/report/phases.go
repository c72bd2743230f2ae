package report

import (
	"fmt"
	"strings"

	"github.com/stsconform/stsconform/conformance/compare"
)

// PhaseCount is what one phase of a run did: the deterministic coverage
// phase, then rapid's random one.
type PhaseCount struct {
	Name  string `json:"name"`  // "coverage" or "random"
	Cases int    `json:"cases"` // cases judged in the phase
	// Diverge counts diverging verdicts (a case diverging on two targets
	// counts twice).
	Diverge int `json:"diverge"`
	// DivergentCells counts the (class, target) cells with a divergence in
	// the phase; NewCells those of them no earlier phase had.
	DivergentCells int `json:"divergentCells"`
	NewCells       int `json:"newCells"`
}

// phaseTallies count per phase; the Recorder's lock guards them.
type phaseTallies struct {
	list  []PhaseCount
	cells []map[[2]string]bool // per phase
	seen  map[[2]string]bool   // cells with a divergence in any phase
}

// BeginPhase counts the cases recorded from now on under name.
func (r *Recorder) BeginPhase(name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.phases.list = append(r.phases.list, PhaseCount{Name: name})
	r.phases.cells = append(r.phases.cells, map[[2]string]bool{})
}

// note counts one recorded case in the current phase, if one was begun.
func (p *phaseTallies) note(labels []string, obs []Observation) {
	if len(p.list) == 0 {
		return
	}
	if p.seen == nil {
		p.seen = map[[2]string]bool{}
	}
	i := len(p.list) - 1
	pc := &p.list[i]
	pc.Cases++
	for _, o := range obs {
		if o.Verdict.Result != compare.Diverge {
			continue
		}
		pc.Diverge++
		for _, l := range labels {
			key := [2]string{l, o.Target}
			if p.cells[i][key] {
				continue
			}
			p.cells[i][key] = true
			pc.DivergentCells++
			if !p.seen[key] {
				p.seen[key] = true
				pc.NewCells++
			}
		}
	}
}

// PhasesSummary says in one line what each phase ran and found: its cases,
// its diverging cells, and for a later phase how many of those cells no
// earlier phase had (what the random phase adds to the coverage plan).
func PhasesSummary(ps []PhaseCount) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = fmt.Sprintf("%s %d cases, %d diverging cells", p.Name, p.Cases, p.DivergentCells)
		if i > 0 {
			parts[i] += fmt.Sprintf(" (%d no earlier phase had)", p.NewCells)
		}
	}
	return "phases: " + strings.Join(parts, "; ")
}

// RandomCases is how many cases rapid's random phase ran: what
// -rapid.checks replays. It is Checks for a run without phases.
func (r Report) RandomCases() int {
	for _, p := range r.Phases {
		if p.Name == "random" {
			return p.Cases
		}
	}
	return r.Checks
}
