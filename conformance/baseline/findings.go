package baseline

import (
	"slices"
	"strings"

	"github.com/stsconform/stsconform/conformance/report"
)

// FindFinding returns the entry for a finding's signature.
func (f *File) FindFinding(signature string) (Entry, bool) {
	if e := f.findingEntry(signature); e != nil {
		return *e, true
	}
	return Entry{}, false
}

func (f *File) findingEntry(signature string) *Entry {
	if f == nil {
		return nil
	}
	for i := range f.Divergences {
		if e := &f.Divergences[i]; e.Finding == signature {
			return e
		}
	}
	return nil
}

// gate reports whether rep replays the run f was recorded from.
func (f *File) gate(rep *report.Report) bool {
	return f.Seed == rep.Seed && f.Checks == rep.RandomCases()
}

// applyFindings marks each finding known or new and the matrix's cells with
// them; a baselined finding the run did not show is stale in the gate and
// not seen otherwise. It returns the number of new findings.
func applyFindings(rep *report.Report, files map[string]*File) int {
	matched := map[*Entry]bool{}
	fresh := 0
	cellNew := map[[2]string]bool{}
	cellReasons := map[[2]string][]string{}
	for i := range rep.Findings {
		fd := &rep.Findings[i]
		if e := files[fd.Target].findingEntry(fd.Signature); e != nil {
			matched[e] = true
			fd.Baseline, fd.Reason = "known", e.Reason
		} else {
			fd.Baseline = "new"
			fresh++
		}
		for _, c := range fd.Cells {
			key := [2]string{c.Class, fd.Target}
			cellNew[key] = cellNew[key] || fd.Baseline == "new"
			if fd.Reason != "" && !slices.Contains(cellReasons[key], fd.Reason) {
				cellReasons[key] = append(cellReasons[key], fd.Reason)
			}
		}
		if i < len(rep.Divergences) {
			rep.Divergences[i].Baseline, rep.Divergences[i].Reason = fd.Baseline, fd.Reason
		}
	}
	markCells(rep, cellNew, cellReasons)
	for target, f := range files {
		if f == nil {
			continue
		}
		for i := range f.Divergences {
			e := &f.Divergences[i]
			if matched[e] {
				continue
			}
			s := report.StaleEntry{Target: target, Class: e.Class, Finding: e.Finding, DivergentFields: e.DivergentFields, Reason: e.Reason}
			if e.Finding == "" || f.gate(rep) {
				rep.StaleBaseline = append(rep.StaleBaseline, s)
			} else {
				rep.NotSeen = append(rep.NotSeen, s)
			}
		}
	}
	return fresh
}

func markCells(rep *report.Report, cellNew map[[2]string]bool, reasons map[[2]string][]string) {
	for i := range rep.Matrix {
		row := &rep.Matrix[i]
		for target, cell := range row.Cells {
			key := [2]string{row.Class, target}
			isNew, ok := cellNew[key]
			if !ok {
				continue
			}
			cell.Baseline, cell.Reason = "known", strings.Join(reasons[key], "; ")
			if isNew {
				cell.Baseline = "new"
			}
			row.Cells[target] = cell
		}
	}
}

// recordFindings builds a target's baseline entries from a run's findings,
// keeping the reason an earlier baseline gave the same signature; else the
// reasons its cell entries gave the finding's classes, marked for review.
func recordFindings(old *File, rep report.Report, target, version, date string) []Entry {
	out := []Entry{}
	for _, fd := range rep.Findings {
		if fd.Target != target {
			continue
		}
		e := Entry{Finding: fd.Signature, Classes: fd.Classes(), DivergentFields: fd.DivergentFields, Reason: Unreviewed, Version: version, Recorded: date}
		if prev, ok := old.FindFinding(fd.Signature); ok {
			e.Reason, e.Version, e.Recorded = prev.Reason, prev.Version, prev.Recorded
		} else if reason, ok := old.cellReasons(fd); ok {
			e.Reason = "UNREVIEWED (from the cell entries of " + strings.Join(fd.Classes(), ", ") + "): " + reason
		}
		out = append(out, e)
	}
	return out
}

// cellReasons joins the reasons old cell entries gave the finding's
// classes with overlapping fields.
func (f *File) cellReasons(fd report.Finding) (string, bool) {
	if f == nil {
		return "", false
	}
	var reasons []string
	for _, e := range f.Divergences {
		if e.Class == "" || !slices.Contains(fd.Classes(), e.Class) || strings.HasPrefix(e.Reason, "UNREVIEWED") {
			continue
		}
		if overlaps(e.DivergentFields, fd.DivergentFields) && !slices.Contains(reasons, e.Reason) {
			reasons = append(reasons, e.Reason)
		}
	}
	return strings.Join(reasons, " | "), len(reasons) > 0
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
