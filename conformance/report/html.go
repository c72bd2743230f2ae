package report

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/oracle"
)

// The page templates: html.tmpl holds the layout, the style and the parts
// the report and the diff pages share. html/template escapes every value.
//
//go:embed html.tmpl diff.tmpl
var templateFS embed.FS

var pages = template.Must(template.New("pages").Funcs(template.FuncMap{"plural": plural}).ParseFS(templateFS, "*.tmpl"))

// page is what the report template renders.
type page struct {
	Title    string
	Rep      Report
	Duration string
	Verdict  string
	Failing  bool
	Targets  []targetView
	States   []State
	Rows     []rowView
	Examples []exampleView
	Raw      *rawView // nil without a raw section
	// IncludesLabel introduces a finding's included deviations.
	IncludesLabel string
}

type targetView struct {
	TargetInfo
	Totals Counts
}

type rowView struct {
	Class string
	Cells []cellView
}

// cellView is one matrix cell; Anchor names its example, if it has one.
type cellView struct {
	ID, Anchor, Target string
	State              State
	Counts             Counts
	Fields             []string
	Bar                []barPart
}

// barPart is one result's share of a cell, drawn as a stacked bar.
type barPart struct{ Class, Width string }

// bar splits a cell's cases by result, worst first.
func bar(c Counts) []barPart {
	total := c.Agree + c.Diverge + c.Unverified + c.NotExpressible
	var out []barPart
	for _, p := range []struct {
		s State
		n int
	}{{StateDiverge, c.Diverge}, {StateUnverified, c.Unverified}, {StateAgree, c.Agree}, {StateNotExpressible, c.NotExpressible}} {
		if p.n > 0 {
			out = append(out, barPart{Class: p.s.Class(), Width: fmt.Sprintf("%.1f%%", 100*float64(p.n)/float64(total))})
		}
	}
	return out
}

// exampleView is a cell's example as the page shows it.
type exampleView struct {
	ID, Back string
	BackText string // the back link's words
	State    State
	Open     bool // shown without a click (the diff page)
	// Command replays the example: its own command when rapid minimised
	// it (Minimised), else the run's.
	Command   string
	Minimised bool
	Example
	Expected [][]segment
	Actual   []segment
}

// segment is a piece of text; Mark is "bad" for the part a divergence
// names, "soft" for an unverified difference, "" for plain text.
type segment struct{ Text, Mark string }

// WriteHTML renders the report as one self-contained HTML page: no
// external resource, no script. Clicking a matrix cell shows its example.
func WriteHTML(w io.Writer, rep Report) error {
	return pages.ExecuteTemplate(w, "report", newPage(rep))
}

func newPage(rep Report) page {
	p := page{Title: "stsconform report", Rep: rep, Duration: duration(rep.StartedAt, rep.FinishedAt), States: States, IncludesLabel: includesLabel}
	for _, t := range rep.Targets {
		p.Targets = append(p.Targets, targetView{TargetInfo: t, Totals: rep.Totals[t.Name]})
	}
	failing, otherRun := 0, false
	for i, row := range rep.Matrix {
		rv := rowView{Class: row.Class}
		for j, t := range rep.Targets {
			cell := row.Cells[t.Name]
			cv := cellView{ID: fmt.Sprintf("cell-%d-%d", i, j), Target: t.Name, State: MatrixState(rep, row, t.Name),
				Counts: cell.Counts, Fields: cell.DivergentFields, Bar: bar(cell.Counts)}
			if cv.State == StateOtherRun {
				otherRun = true
				rv.Cells = append(rv.Cells, cv)
				continue
			}
			if cv.State == StateDiverge {
				failing++
			}
			if cell.Example != nil {
				cv.Anchor = fmt.Sprintf("ex-%d-%d", i, j)
				p.Examples = append(p.Examples, newExampleView(cv.Anchor, cv.ID, cv.State, cellExample(cell), rep.Replay))
			}
			rv.Cells = append(rv.Cells, cv)
		}
		p.Rows = append(p.Rows, rv)
	}
	if otherRun { // a merged report of two kinds of run: its legend says so
		p.States = append(slices.Clone(States), StateOtherRun)
	}
	p.Raw = newRawView(rep.Raw)
	p.Verdict, p.Failing = verdict(rep, failing)
	return p
}

// verdict is the page's headline: a partial run, else what fails the run
// (new findings, or diverging cells in a report without findings, stale
// baseline entries, raw cells with new violations), else a pass.
func verdict(rep Report, failing int) (string, bool) {
	switch {
	case rep.Partial && rep.Interruption == nil && len(rep.MergedFrom) > 0:
		return "✗ partial: a merged run stopped early (see the runs below)", true
	case rep.Partial:
		if rep.Interruption != nil {
			return fmt.Sprintf("✗ partial run after %d cases: %s", rep.Checks, rep.Interruption.Summary()), true
		}
		return fmt.Sprintf("✗ partial run: stopped after %d cases", rep.Checks), true
	case rep.Raw != nil && rep.Raw.Partial:
		return fmt.Sprintf("✗ partial raw mode: stopped after %d requests, its violations given no verdict", rep.Raw.Checks), true
	}
	rawFailing := 0
	if rep.Raw != nil {
		rawFailing = len(rep.Raw.Failures())
	}
	what := plural(failing, "diverging cell")
	if rep.Findings != nil {
		// One deviation, one finding: the ones Verdicts fails, and the
		// diverging cells no finding covers (a client gate's, merged in).
		found, outside := newFindings(rep), len(divergencesOutsideFindings(rep))
		failing, what = found+outside, plural(found, "new finding")
		if outside > 0 {
			what += ", " + plural(outside, "diverging cell") + " outside any finding"
		}
	}
	if failing > 0 || len(rep.StaleBaseline) > 0 || rawFailing > 0 {
		msg := fmt.Sprintf("✗ %s, %s", what, plural(len(rep.StaleBaseline), "stale baseline entry"))
		if rep.Raw != nil {
			msg += ", " + plural(rawFailing, "raw cell") + " with new violations"
		}
		return msg, true
	}
	return "✓ no new divergence from documented AWS behaviour", false
}

// newFindings counts the findings Verdicts fails: those not known.
func newFindings(rep Report) int {
	n := 0
	for _, f := range rep.Findings {
		if f.Baseline != "known" {
			n++
		}
	}
	return n
}

// cellExample is a cell's example with the cell's baseline verdict, which
// is the one that counts.
func cellExample(cell Cell) Example {
	ex := *cell.Example
	if ex.Result == compare.Diverge && cell.Baseline != "" {
		ex.Baseline, ex.Reason = cell.Baseline, cell.Reason
	}
	return ex
}

// plural counts things in English: "1 diverging cell", "2 diverging cells",
// "2 classes".
func plural(n int, thing string) string {
	switch {
	case n == 1:
		return "1 " + thing
	case strings.HasSuffix(thing, "entry"):
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(thing, "y"))
	case strings.HasSuffix(thing, "s"):
		return fmt.Sprintf("%d %ses", n, thing)
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

func newExampleView(id, back string, state State, ex Example, runReplay string) exampleView {
	v := exampleView{ID: id, Back: back, BackText: "↑ back to the matrix", State: state, Example: ex, Command: runReplay}
	if ex.Replay != nil && ex.Replay.Command != "" {
		v.Command, v.Minimised = ex.Replay.Command, true
	}
	var bad, soft, badExp, softExp []string
	for _, d := range ex.Diffs {
		if d.Status == oracle.Unverified {
			soft, softExp = append(soft, strings.Trim(d.Actual, `"`)), append(softExp, strings.Trim(d.Expected, `"`))
		} else {
			bad, badExp = append(bad, strings.Trim(d.Actual, `"`)), append(badExp, strings.Trim(d.Expected, `"`))
		}
	}
	v.Actual = mark(ex.Actual, bad, soft)
	for _, e := range ex.Expected {
		v.Expected = append(v.Expected, mark(e, badExp, softExp))
	}
	return v
}

// mark splits text into segments, marking the first occurrence of each
// needle (bad ones before soft ones). Needles shorter than two characters
// are ignored: they would mark noise.
func mark(text string, bad, soft []string) []segment {
	segs := []segment{{Text: text}}
	for _, group := range []struct {
		needles []string
		mark    string
	}{{bad, "bad"}, {soft, "soft"}} {
		for _, n := range group.needles {
			segs = markOne(segs, n, group.mark)
		}
	}
	return segs
}

func markOne(segs []segment, needle, m string) []segment {
	if len(needle) < 2 {
		return segs
	}
	for i, s := range segs {
		before, after, found := strings.Cut(s.Text, needle)
		if s.Mark != "" || !found {
			continue
		}
		out := append([]segment{}, segs[:i]...)
		out = append(out, segment{Text: before}, segment{Text: needle, Mark: m}, segment{Text: after})
		return append(out, segs[i+1:]...)
	}
	return segs
}

func duration(from, to time.Time) string {
	if from.IsZero() || to.IsZero() {
		return "unknown"
	}
	return to.Sub(from).Round(time.Millisecond).String()
}
