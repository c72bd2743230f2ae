package report

import "fmt"

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
	if known > 0 {
		notes = append(notes, fmt.Sprintf("%d known findings, as the baselines list them (see the report)", known))
	}
	for _, s := range rep.NotSeen {
		notes = append(notes, fmt.Sprintf("%s: known finding %q not seen with this seed (only the baseline's own seed and checks must show it)", s.Target, s.Finding))
	}
	for _, s := range rep.StaleBaseline {
		what := s.Finding
		if what == "" {
			what = s.Class
		}
		failures = append(failures, fmt.Sprintf("%s no longer shows %s %v (baseline reason: %s): rerun with -update-baseline to re-record",
			s.Target, what, s.DivergentFields, s.Reason))
	}
	rawFailures, rawNotes := rep.Raw.Verdicts()
	return append(failures, rawFailures...), append(notes, rawNotes...)
}
