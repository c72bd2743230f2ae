package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
)

// Change is one (class, target) cell whose verdict differs between two
// reports.
type Change struct {
	Class, Target string
	Old, New      State
	// OldFields and NewFields are the cell's divergent fields in each.
	OldFields, NewFields []string
	// Example is the new report's example (the old one's for a fix).
	Example *Example
}

// Delta is what changed from an old report to a new one.
type Delta struct {
	Old, New Report
	// NewDivergences diverge now and did not before (or differ in other
	// fields); Fixed diverged before and do not now; Changed are the other
	// changed verdicts (agree → unverified, a divergence becoming known, …).
	NewDivergences, Fixed, Changed []Change
	// OnlyOld and OnlyNew are targets present in one report only.
	OnlyOld, OnlyNew []string
}

// Compare lists what changed between two reports, cell by cell, over the
// targets both have.
func Compare(old, new Report) Delta {
	d := Delta{Old: old, New: new}
	both := []string{}
	for _, t := range new.Targets {
		if slices.ContainsFunc(old.Targets, func(o TargetInfo) bool { return o.Name == t.Name }) {
			both = append(both, t.Name)
		} else {
			d.OnlyNew = append(d.OnlyNew, t.Name)
		}
	}
	for _, t := range old.Targets {
		if !slices.Contains(both, t.Name) {
			d.OnlyOld = append(d.OnlyOld, t.Name)
		}
	}
	for _, class := range classes(old, new) {
		for _, t := range both {
			d.note(class, t)
		}
	}
	return d
}

func (d *Delta) note(class, target string) {
	oc, ook := d.Old.Lookup(class, target)
	nc, nok := d.New.Lookup(class, target)
	c := Change{Class: class, Target: target, Old: CellState(oc, ook), New: CellState(nc, nok),
		OldFields: oc.DivergentFields, NewFields: nc.DivergentFields, Example: examplePtr(nc)}
	sameFields := slices.Equal(c.OldFields, c.NewFields)
	switch {
	case c.Old == c.New && sameFields:
		return
	case c.New.IsDivergence() && (!c.Old.IsDivergence() || !sameFields):
		d.NewDivergences = append(d.NewDivergences, c)
	case c.Old.IsDivergence() && !c.New.IsDivergence():
		c.Example = examplePtr(oc)
		d.Fixed = append(d.Fixed, c)
	default:
		d.Changed = append(d.Changed, c)
	}
}

// examplePtr is a cell's example with its baseline verdict, or nil.
func examplePtr(c Cell) *Example {
	if c.Example == nil {
		return nil
	}
	ex := cellExample(c)
	return &ex
}

// classes returns the classes of both reports, sorted.
func classes(reps ...Report) []string {
	var out []string
	for _, rep := range reps {
		for _, r := range rep.Matrix {
			out = append(out, r.Class)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Empty says whether nothing changed.
func (d Delta) Empty() bool {
	return len(d.NewDivergences)+len(d.Fixed)+len(d.Changed)+len(d.OnlyOld)+len(d.OnlyNew) == 0
}

// Versions describes each shared target's version change, e.g.
// "moto 5.2.5 → 5.3.0", or its one version.
func (d Delta) Versions() []string {
	var out []string
	for _, n := range d.New.Targets {
		for _, o := range d.Old.Targets {
			if o.Name != n.Name {
				continue
			}
			switch {
			case o.Version != n.Version:
				out = append(out, fmt.Sprintf("%s %s → %s", n.Name, orDash(o.Version), orDash(n.Version)))
			default:
				out = append(out, fmt.Sprintf("%s %s", n.Name, orDash(n.Version)))
			}
		}
	}
	return out
}

// SeedsDiffer says whether the runs drew different cases, in which case
// some changes may be chance rather than behaviour.
func (d Delta) SeedsDiffer() bool {
	return d.Old.Seed != d.New.Seed || d.Old.Checks != d.New.Checks
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// WriteDiffText prints the delta for a terminal.
func WriteDiffText(w io.Writer, d Delta) {
	fmt.Fprintf(w, "stsconform diff: old %s → new %s\n", runLine(d.Old), runLine(d.New))
	fmt.Fprintf(w, "targets: %s\n", strings.Join(d.Versions(), ", "))
	if d.SeedsDiffer() {
		fmt.Fprintln(w, "note: the runs drew different cases (seed or checks differ); some changes may be chance")
	}
	for _, only := range []struct {
		what    string
		targets []string
	}{{"only in old", d.OnlyOld}, {"only in new", d.OnlyNew}} {
		if len(only.targets) > 0 {
			fmt.Fprintf(w, "%s: %s\n", only.what, strings.Join(only.targets, ", "))
		}
	}
	if d.Empty() {
		fmt.Fprintln(w, "no verdict changed")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, sec := range []struct {
		title   string
		changes []Change
	}{{"new divergences", d.NewDivergences}, {"fixed", d.Fixed}, {"changed verdicts", d.Changed}} {
		fmt.Fprintf(tw, "%d %s\n", len(sec.changes), sec.title)
		for _, c := range sec.changes {
			fmt.Fprintf(tw, "  %s\t%s\t%s %s → %s %s\t%s\n", c.Target, c.Class, c.Old.Symbol(), c.Old, c.New.Symbol(), c.New, fieldChange(c))
		}
	}
	tw.Flush()
}

func runLine(rep Report) string {
	return fmt.Sprintf("(seed %d, %d cases, %s)", rep.Seed, rep.Checks, rep.StartedAt.Format("2006-01-02 15:04Z"))
}

// fieldChange prints the divergent fields of a change.
func fieldChange(c Change) string {
	switch {
	case slices.Equal(c.OldFields, c.NewFields) && len(c.NewFields) > 0:
		return "[" + strings.Join(c.NewFields, ", ") + "]"
	case len(c.OldFields)+len(c.NewFields) == 0:
		return ""
	}
	return fmt.Sprintf("[%s] → [%s]", strings.Join(c.OldFields, ", "), strings.Join(c.NewFields, ", "))
}

// runOf is the report a section's examples come from: the old one for fixes.
func runOf(d Delta, section string) Report {
	if section == "fixed" {
		return d.Old
	}
	return d.New
}

// diffPage is what the diff template renders.
type diffPage struct {
	Title string
	Delta
	Sections []diffSection
}

type diffSection struct {
	ID, Title string
	Rows      []diffRow
}

type diffRow struct {
	Change
	Fields  string
	Example *exampleView
}

// WriteDiffHTML renders the delta as a self-contained HTML page, with the
// example of every new divergence and fix.
func WriteDiffHTML(w io.Writer, d Delta) error {
	p := diffPage{Title: "stsconform diff", Delta: d}
	for i, sec := range []struct {
		id, title string
		changes   []Change
	}{{"new", "New divergences", d.NewDivergences}, {"fixed", "Fixed", d.Fixed}, {"changed", "Changed verdicts", d.Changed}} {
		s := diffSection{ID: sec.id, Title: sec.title}
		for j, c := range sec.changes {
			r := diffRow{Change: c, Fields: fieldChange(c)}
			if c.Example != nil && sec.id != "changed" {
				id := fmt.Sprintf("ex-%d-%d", i, j)
				v := newExampleView(id, sec.id, c.New, *c.Example, runOf(d, sec.id).Replay)
				v.Open, v.BackText = true, "↑ back to the list"
				if sec.id == "fixed" {
					v.State = c.Old
				}
				r.Example = &v
			}
			s.Rows = append(s.Rows, r)
		}
		p.Sections = append(p.Sections, s)
	}
	return pages.ExecuteTemplate(w, "diff", p)
}
