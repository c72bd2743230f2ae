package report

import (
	"maps"
	"slices"
)

// mergeRaw joins the raw sections of runs on disjoint targets: targets,
// cells and disagreements are joined, properties and classes united; Seed,
// Checks and Probes are the runs' common values (0 when they differ); the
// result is partial if either was. A nil section adds nothing.
func mergeRaw(out, r *Raw) *Raw {
	if r == nil {
		return out
	}
	if out == nil {
		c := *r
		c.Targets = slices.Clone(r.Targets)
		c.Classes = slices.Clone(r.Classes)
		c.Cells = slices.Clone(r.Cells)
		c.Disagreements = slices.Clone(r.Disagreements)
		c.Properties = maps.Clone(r.Properties)
		return &c
	}
	if out.Seed != r.Seed {
		out.Seed = 0
	}
	if out.Checks != r.Checks {
		out.Checks = 0
	}
	if out.Probes != r.Probes {
		out.Probes = 0
	}
	out.Partial = out.Partial || r.Partial
	out.Targets = append(out.Targets, r.Targets...)
	if out.Properties == nil {
		out.Properties = map[string]string{}
	}
	maps.Copy(out.Properties, r.Properties)
	for _, c := range r.Classes {
		if !slices.ContainsFunc(out.Classes, func(o RawClass) bool { return o.Name == c.Name }) {
			out.Classes = append(out.Classes, c)
		}
	}
	out.Cells = append(out.Cells, r.Cells...)
	out.Disagreements = append(out.Disagreements, r.Disagreements...)
	out.sortCells()
	return out
}

// sortCells orders the cells as a single run does: by class, then by
// target.
func (r *Raw) sortCells() {
	class, target := map[string]int{}, map[string]int{}
	for i, c := range r.Classes {
		class[c.Name] = i
	}
	for i, t := range r.Targets {
		target[t.Name] = i
	}
	slices.SortStableFunc(r.Cells, func(a, b RawCell) int {
		if d := class[a.Class] - class[b.Class]; d != 0 {
			return d
		}
		return target[a.Target] - target[b.Target]
	})
	slices.SortStableFunc(r.Disagreements, func(a, b RawDisagreement) int { return class[a.Class] - class[b.Class] })
}
