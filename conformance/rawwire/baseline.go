package rawwire

import (
	"slices"

	"github.com/stsconform/stsconform/conformance/baseline"
	"github.com/stsconform/stsconform/conformance/report"
)

// Signature is a raw-mode finding's signature in a baseline: the property
// broken and the class of requests that broke it, e.g.
// "no-5xx on raw/duration-text".
func Signature(class, property string) string { return property + " on " + class }

// KnownIn is the WithKnown of a target's baseline (nil: nothing known).
func KnownIn(f *baseline.File, target string) func(target, class, property string) bool {
	return func(t, class, property string) bool {
		_, ok := f.FindFinding(Signature(class, property))
		return ok && t == target
	}
}

// Stale lists the baseline's entries target did not break in rep.
func Stale(f *baseline.File, rep report.Raw, target string) []baseline.Entry {
	if f == nil {
		return nil
	}
	seen := map[string]bool{}
	for _, c := range rep.Cells {
		for _, v := range c.Violations {
			if c.Target == target {
				seen[Signature(c.Class, v.Property)] = true
			}
		}
	}
	var out []baseline.Entry
	for _, e := range f.Divergences {
		if !seen[e.Finding] {
			out = append(out, e)
		}
	}
	return out
}

// RecordBaseline is target's baseline of what rep saw, in the baseline
// format of the main run, keeping the reasons old gave; new entries are
// baseline.Unreviewed, with an example of why.
func RecordBaseline(old *baseline.File, rep report.Raw, target, version, date string) *baseline.File {
	out := &baseline.File{Target: target, Version: version, Recorded: date, Seed: rep.Seed, Checks: rep.Checks, Divergences: []baseline.Entry{}}
	for _, c := range rep.Cells {
		if c.Target != target {
			continue
		}
		for _, v := range c.Violations {
			e := baseline.Entry{Finding: Signature(c.Class, v.Property), Classes: []string{c.Class}, DivergentFields: []string{v.Property},
				Reason: baseline.Unreviewed + " (e.g. " + v.Example.Detail + ")", Version: version, Recorded: date}
			if prev, ok := old.FindFinding(e.Finding); ok {
				e = prev
			}
			out.Divergences = append(out.Divergences, e)
		}
	}
	slices.SortStableFunc(out.Divergences, func(a, b baseline.Entry) int { return compareStrings(a.Finding, b.Finding) })
	return out
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
