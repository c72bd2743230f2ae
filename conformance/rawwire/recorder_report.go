package rawwire

import (
	"slices"
	"strings"
)

// report builds the Report, in class order, then target order.
func (rec *recorder) report(seed uint64, eps []Endpoint) Report {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rep := Report{Seed: seed, Checks: rec.checks, Probes: rec.probes, Targets: eps, Properties: Properties(),
		Cells: []Cell{}, Disagreements: []Disagreement{}}
	for _, class := range Classes() {
		rep.Classes = append(rep.Classes, ClassInfo{Name: class, AWS: AWSEvidence(class)})
		for _, ep := range eps {
			if c := rec.cells[[2]string{class, ep.Name}]; c != nil {
				rep.Cells = append(rep.Cells, rec.withViolations(*c))
			}
		}
	}
	for _, d := range rec.disagreements {
		rep.Disagreements = append(rep.Disagreements, *d)
	}
	order := map[string]int{}
	for i, c := range Classes() {
		order[c] = i
	}
	slices.SortFunc(rep.Disagreements, func(a, b Disagreement) int {
		if a.Class != b.Class {
			return order[a.Class] - order[b.Class]
		}
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.key, b.key)
	})
	return rep
}

func (rec *recorder) withViolations(c Cell) Cell {
	for k, v := range rec.violations {
		if k[0] == c.Class && k[1] == c.Target {
			c.Violations = append(c.Violations, *v)
		}
	}
	slices.SortFunc(c.Violations, func(a, b Violation) int { return strings.Compare(a.Property, b.Property) })
	return c
}
