package conformance

import (
	"fmt"
	"io"
	"sort"

	"github.com/stsconform/stsconform/conformance/record"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets"
)

// printNotes writes what the targets report about the run (budget used,
// throttling), the cases skipped, and why the run stopped.
func (r *runner) printNotes(w io.Writer) {
	for _, ts := range r.targets {
		if n, ok := ts.target.(interface{ RunNotes() []string }); ok {
			for _, line := range n.RunNotes() {
				fmt.Fprintln(w, line)
			}
		}
	}
	if r.stops == nil {
		return
	}
	r.stops.mu.Lock()
	defer r.stops.mu.Unlock()
	names := make([]string, 0, len(r.stops.skips))
	for name := range r.stops.skips {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for reason, n := range r.stops.skips[name] {
			fmt.Fprintf(w, "%s: %d cases skipped, not judged: %s\n", name, n, reason)
		}
	}
	if err := r.stopped(); err != nil {
		fmt.Fprintln(w, err)
	}
}

// annotate completes the report: the targets' notes (budget, throttling,
// skipped cases, why the run stopped) and the -discover command of each
// open fact.
func (r *runner) annotate(rep *report.Report) {
	addDiscoverCommands(rep)
	for i := range rep.Targets {
		if i < len(r.targets) {
			rep.Targets[i].Notes = append(rep.Targets[i].Notes, r.notesOf(r.targets[i].target)...)
		}
	}
}

// notesOf is what the run has to say about one target.
func (r *runner) notesOf(t targets.Target) []string {
	var out []string
	if n, ok := t.(interface{ RunNotes() []string }); ok {
		out = append(out, n.RunNotes()...)
	}
	if r.stops == nil {
		return out
	}
	r.stops.mu.Lock()
	defer r.stops.mu.Unlock()
	for reason, n := range r.stops.skips[t.Name()] {
		out = append(out, fmt.Sprintf("%d cases skipped, not judged: %s", n, reason))
	}
	if err := r.stopped(); err != nil {
		out = append(out, err.Error())
	}
	sort.Strings(out)
	return out
}

// addDiscoverCommands names, for each open fact of the report, the
// -discover command that settles it against real AWS.
func addDiscoverCommands(rep *report.Report) {
	for i, f := range rep.UnverifiedFacts {
		if f.Discover == "" {
			rep.UnverifiedFacts[i].Discover = record.DiscoverCommand(f.ID)
		}
	}
}
