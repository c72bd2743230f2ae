package baseline

import (
	"slices"

	"github.com/stsconform/stsconform/conformance/report"
)

// Apply marks each finding of rep (and each diverging cell) known, with
// its reason, or new, per the targets' baselines, and lists the entries the
// run did not match (see the package doc). A report without findings (the
// client gate's) is matched cell by cell. It returns the number of new
// findings (or cells).
func Apply(rep *report.Report, files map[string]*File) int {
	if rep.Findings != nil {
		return applyFindings(rep, files)
	}
	matched := map[*Entry]bool{}
	fresh := 0
	for i := range rep.Matrix {
		row := &rep.Matrix[i]
		for target, cell := range row.Cells {
			if cell.Diverge == 0 {
				continue
			}
			e := files[target].entry(row.Class, cell.DivergentFields)
			if e != nil {
				matched[e] = true
				cell.Baseline, cell.Reason = "known", e.Reason
			} else {
				cell.Baseline = "new"
				fresh++
			}
			row.Cells[target] = cell
			markExample(rep, target, row.Class, cell)
		}
	}
	for target, f := range files {
		if f == nil {
			continue
		}
		for i := range f.Divergences {
			if e := &f.Divergences[i]; !matched[e] {
				rep.StaleBaseline = append(rep.StaleBaseline, report.StaleEntry{
					Target: target, Class: e.Class, DivergentFields: e.DivergentFields, Reason: e.Reason})
			}
		}
	}
	return fresh
}

func (f *File) entry(class string, fields []string) *Entry {
	if f == nil {
		return nil
	}
	for i := range f.Divergences {
		e := &f.Divergences[i]
		if e.Finding == "" && e.Class == class && slices.Equal(e.DivergentFields, fields) {
			return e
		}
	}
	return nil
}

func markExample(rep *report.Report, target, class string, cell report.Cell) {
	for i := range rep.Divergences {
		d := &rep.Divergences[i]
		if d.Target == target && d.Class == class {
			d.Baseline, d.Reason = cell.Baseline, cell.Reason
		}
	}
}

// Record builds a target's new baseline from a run, keeping the reasons of
// entries an earlier baseline already gave; new entries are Unreviewed.
func Record(old *File, rep report.Report, target, version, date string) *File {
	f := &File{Target: target, Version: version, Recorded: date, Seed: rep.Seed, Checks: rep.RandomCases(), Divergences: []Entry{}}
	if rep.Findings != nil {
		f.Divergences = recordFindings(old, rep, target, version, date)
		return f
	}
	for _, row := range rep.Matrix {
		cell := row.Cells[target]
		if cell.Diverge == 0 {
			continue
		}
		e := Entry{Class: row.Class, DivergentFields: cell.DivergentFields, Reason: Unreviewed, Version: version, Recorded: date}
		if prev, ok := old.Find(row.Class, cell.DivergentFields); ok {
			e.Reason, e.Version, e.Recorded = prev.Reason, prev.Version, prev.Recorded
		} else if reason, ok := old.reasonFor(row.Class, cell.DivergentFields); ok {
			e.Reason = reason
		}
		f.Divergences = append(f.Divergences, e)
	}
	return f
}
