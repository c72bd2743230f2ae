package report

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// Source is one run a merged report was made of.
type Source struct {
	File       string    `json:"file,omitempty"`
	Seed       uint64    `json:"seed"`
	Checks     int       `json:"checks"`
	StartedAt  time.Time `json:"startedAt"`
	FinishedAt time.Time `json:"finishedAt"`
	Partial    bool      `json:"partial,omitempty"`
	// Interruption is what an interrupt cut in that run, if one came.
	Interruption *Interruption `json:"interruption,omitempty"`
	Replay       string        `json:"replay,omitempty"`
	Targets      []string      `json:"targets"`
	// Tool is the report's tool: "stsconform" for a run, "stsconform
	// sdk-gate" for the client gate (their classes differ).
	Tool string `json:"tool,omitempty"`
}

// SourceOf describes a report as one source of a merge.
func SourceOf(rep Report, file string) Source {
	s := Source{File: file, Seed: rep.Seed, Checks: rep.Checks, StartedAt: rep.StartedAt,
		FinishedAt: rep.FinishedAt, Partial: rep.Partial, Interruption: rep.Interruption, Replay: rep.Replay, Tool: rep.Tool}
	for _, t := range rep.Targets {
		s.Targets = append(s.Targets, t.Name)
	}
	return s
}

// Merge combines the reports of runs on different targets (one CI job per
// target) into one: targets, matrix rows, divergences, disagreements,
// fact tallies and raw sections (see mergeRaw) are joined; MergedFrom
// keeps each run's seed, checks and times. A target may appear in one report only. Seed and Checks are the
// runs' common values (0 when they differ); the merge is partial if any run
// was. files names the reports, in order (it may be shorter).
func Merge(reps []Report, files []string) (Report, error) {
	if len(reps) == 0 {
		return Report{}, fmt.Errorf("merge: no report")
	}
	out := Report{SchemaVersion: SchemaVersion, Tool: "stsconform", Totals: map[string]Counts{},
		Divergences: []Example{}, Disagreements: []Disagreement{}}
	owner := map[string]string{}
	rows := map[string]*Row{}
	facts := factTallies{}
	var cellsOnly []Example // the divergences of reports without findings
	for i, rep := range reps {
		file := fmt.Sprintf("report %d", i+1)
		if i < len(files) {
			file = files[i]
		}
		if err := claimTargets(owner, rep, file); err != nil {
			return Report{}, err
		}
		out.addSources(rep, file)
		out.Targets = append(out.Targets, rep.Targets...)
		for name, c := range rep.Totals {
			out.Totals[name] = c
		}
		mergeRows(rows, rep.Matrix)
		out.Divergences = append(out.Divergences, rep.Divergences...)
		if rep.Findings == nil {
			cellsOnly = append(cellsOnly, rep.Divergences...)
		}
		out.Findings = append(out.Findings, rep.Findings...)
		out.StaleBaseline = append(out.StaleBaseline, rep.StaleBaseline...)
		out.NotSeen = append(out.NotSeen, rep.NotSeen...)
		out.Disagreements = append(out.Disagreements, rep.Disagreements...)
		out.Raw = mergeRaw(out.Raw, rep.Raw)
		for _, f := range rep.UnverifiedFacts {
			for target, n := range f.ByTarget {
				facts.count(f, target, n)
			}
		}
	}
	out.summariseSources()
	out.Matrix = sortedRows(rows)
	if out.Findings != nil {
		// The runs' targets are disjoint: their findings, in run order, and
		// the findings' examples as the divergences, then the diverging
		// cells of reports without findings (a client gate's).
		out.Divergences = []Example{}
		for _, f := range out.Findings {
			out.Divergences = append(out.Divergences, f.Example)
		}
		gate := Report{Divergences: cellsOnly}
		gate.sortDivergences()
		out.Divergences = append(out.Divergences, gate.Divergences...)
	} else {
		out.sortDivergences()
	}
	out.UnverifiedFacts = facts.list()
	return out, nil
}

// claimTargets records which report each target comes from, refusing a
// target that two reports share.
func claimTargets(owner map[string]string, rep Report, file string) error {
	for _, t := range rep.Targets {
		if prev, ok := owner[t.Name]; ok {
			return fmt.Errorf("merge: target %q is in both %s and %s; give each job its own target name", t.Name, prev, file)
		}
		owner[t.Name] = file
	}
	return nil
}

// addSources notes rep (or, for a merged report, its own sources).
func (out *Report) addSources(rep Report, file string) {
	if len(rep.MergedFrom) > 0 {
		out.MergedFrom = append(out.MergedFrom, rep.MergedFrom...)
		return
	}
	out.MergedFrom = append(out.MergedFrom, SourceOf(rep, file))
}

// summariseSources sets the run-wide fields from the sources.
func (out *Report) summariseSources() {
	first := out.MergedFrom[0]
	out.Seed, out.Checks, out.StartedAt, out.FinishedAt, out.Replay = first.Seed, first.Checks, first.StartedAt, first.FinishedAt, first.Replay
	for _, s := range out.MergedFrom {
		if s.Seed != out.Seed {
			out.Seed = 0
		}
		if s.Checks != out.Checks {
			out.Checks = 0
		}
		if s.Replay != out.Replay {
			out.Replay = ""
		}
		if s.StartedAt.Before(out.StartedAt) {
			out.StartedAt = s.StartedAt
		}
		if s.FinishedAt.After(out.FinishedAt) {
			out.FinishedAt = s.FinishedAt
		}
		out.Partial = out.Partial || s.Partial
	}
}

func mergeRows(rows map[string]*Row, matrix []Row) {
	for _, r := range matrix {
		row := rows[r.Class]
		if row == nil {
			row = &Row{Class: r.Class, Cells: map[string]Cell{}}
			rows[r.Class] = row
		}
		for target, c := range r.Cells {
			row.Cells[target] = c
		}
	}
}

func sortedRows(rows map[string]*Row) []Row {
	out := make([]Row, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Class < out[j].Class })
	return out
}

// sortDivergences orders divergences as a single run does: by class, then
// by the order of the targets.
func (out *Report) sortDivergences() {
	order := map[string]int{}
	for i, t := range out.Targets {
		order[t.Name] = i
	}
	slices.SortStableFunc(out.Divergences, func(a, b Example) int {
		if c := strings.Compare(a.Class, b.Class); c != 0 {
			return c
		}
		return order[a.Target] - order[b.Target]
	})
}
