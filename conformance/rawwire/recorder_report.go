package rawwire

import (
	"slices"
	"strings"

	"github.com/stsconform/stsconform/conformance/report"
)

// report builds the raw section of the report, in class order, then
// target order.
func (rec *recorder) report(seed uint64, eps []Endpoint) report.Raw {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rep := report.Raw{Seed: seed, Checks: rec.checks, Probes: rec.probes, Targets: rawTargets(eps), Properties: Properties(),
		Cells: []report.RawCell{}, Disagreements: []report.RawDisagreement{}}
	for _, class := range Classes() {
		rep.Classes = append(rep.Classes, report.RawClass{Name: class, AWS: AWSEvidence(class)})
		for _, ep := range eps {
			if c := rec.cells[[2]string{class, ep.Name}]; c != nil {
				rep.Cells = append(rep.Cells, rec.withViolations(*c))
			}
		}
	}
	ds := make([]*disagreementRec, 0, len(rec.disagreements))
	for _, d := range rec.disagreements {
		ds = append(ds, d)
	}
	order := map[string]int{}
	for i, c := range Classes() {
		order[c] = i
	}
	slices.SortFunc(ds, func(a, b *disagreementRec) int {
		if a.Class != b.Class {
			return order[a.Class] - order[b.Class]
		}
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.key, b.key)
	})
	for _, d := range ds {
		rep.Disagreements = append(rep.Disagreements, d.RawDisagreement)
	}
	return rep
}

// rawTargets describes the endpoints in the report (without secrets).
func rawTargets(eps []Endpoint) []report.RawTarget {
	out := make([]report.RawTarget, 0, len(eps))
	for _, ep := range eps {
		out = append(out, report.RawTarget{Name: ep.Name, URL: ep.URL, AccessKeyID: ep.AccessKeyID, Region: ep.Region})
	}
	return out
}

func (rec *recorder) withViolations(c report.RawCell) report.RawCell {
	for k, v := range rec.violations {
		if k[0] == c.Class && k[1] == c.Target {
			c.Violations = append(c.Violations, v.RawViolation)
		}
	}
	slices.SortFunc(c.Violations, func(a, b report.RawViolation) int { return strings.Compare(a.Property, b.Property) })
	return c
}
