package report

import (
	"fmt"
	"maps"
	"slices"
)

// Verdicts is what a finished run asks of its caller: the failures (new
// findings, stale baseline entries), each a message a person can act on,
// and the notes (known findings, baselined findings this seed did not
// show), then raw mode's (Raw.Verdicts), when the run had -raw. The test entry (conformance.Run) and the command (stsconform run)
// both print these, so that they judge a report alike.
func Verdicts(rep Report) (failures, notes []string) {
	known := 0
	for _, f := range rep.Findings {
		if f.Baseline == "known" {
			known++
			continue
		}
		failures = append(failures, FindingMessage(f))
	}
	if rep.Findings == nil {
		// A report without findings (the client gate's): its cells.
		for _, d := range rep.Divergences {
			if d.Baseline == "known" {
				known++
				continue
			}
			failures = append(failures, DivergenceMessage(d))
		}
	}
	for _, d := range divergencesOutsideFindings(rep) {
		failures = append(failures, DivergenceMessage(d))
	}
	if known > 0 {
		notes = append(notes, fmt.Sprintf("%d known findings, as the baselines list them (see the report)", known))
	}
	for _, s := range rep.NotSeen {
		notes = append(notes, fmt.Sprintf("%s: known finding %q not seen with this seed (only the baseline's own seed and checks must show it)", s.Target, s.Finding))
	}
	for _, s := range rep.StaleBaseline {
		failures = append(failures, StaleMessage(s))
	}
	rawFailures, rawNotes := rep.Raw.Verdicts()
	return append(failures, rawFailures...), append(notes, rawNotes...)
}

// divergencesOutsideFindings are, in a report with findings, the examples
// of the diverging cells (new divergences) no finding of their target was
// seen in: none in a run's own report; a client gate's, merged with a
// run's (Merge keeps only the findings' examples as its divergences).
func divergencesOutsideFindings(rep Report) []Example {
	if rep.Findings == nil {
		return nil
	}
	covered := map[[2]string]bool{}
	for _, f := range rep.Findings {
		for _, c := range f.Cells {
			covered[[2]string{c.Class, f.Target}] = true
		}
	}
	var out []Example
	for _, row := range rep.Matrix {
		for _, target := range slices.Sorted(maps.Keys(row.Cells)) {
			cell := row.Cells[target]
			if CellState(cell, true) == StateDiverge && cell.Example != nil && !covered[[2]string{row.Class, target}] {
				out = append(out, *cell.Example)
			}
		}
	}
	return out
}
