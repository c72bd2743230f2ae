package clientgate

import (
	"fmt"
	"io"
	"strings"

	"github.com/stsconform/stsconform/conformance/report"
)

// WriteMatrix writes the client matrix in Markdown: rows are the property
// classes, columns the clients, each cell its state (agree, diverge,
// baselined, unverified, not expressible) with its counts; then, for each
// cell that is not a plain agreement, its example: the worst case of the
// cell, smallest first (a wrong value before a refusal of a valid body,
// before an unverified case, before an input the client cannot express).
// It needs the baselines applied (ApplyBaselines) to tell baselined from
// diverge.
func WriteMatrix(w io.Writer, rep report.Report) {
	fmt.Fprintf(w, "## Client matrix\n\nEach cell: its state, then agree ✓ / diverge ✗ / unverified ? / not expressible ∅ counts.\n\n| class |")
	for _, t := range rep.Targets {
		fmt.Fprintf(w, " %s |", t.Name)
	}
	fmt.Fprintf(w, "\n|---|%s\n", strings.Repeat("---|", len(rep.Targets)))
	type note struct {
		class, client string
		state         report.State
		ex            *report.Example
	}
	var notes []note
	for _, class := range Classes {
		fmt.Fprintf(w, "| %s |", class)
		for _, t := range rep.Targets {
			c, ok := rep.Lookup(class, t.Name)
			st := report.CellState(c, ok)
			fmt.Fprintf(w, " %s %s %s |", st.Symbol(), st, counts(c))
			if ok && c.Example != nil && (st != report.StateAgree || c.NotExpressible > 0) {
				notes = append(notes, note{class, t.Name, st, c.Example})
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\nLegend: %s\n\n### Cell examples\n\n", legend())
	for _, n := range notes {
		fmt.Fprintf(w, "- **%s × %s** %s %s: `%s`", n.class, n.client, n.state.Symbol(), n.state, clip(n.ex.InputText, 160))
		if len(n.ex.Diffs) > 0 {
			fmt.Fprintf(w, " — %s", clip(n.ex.Diffs[0].String(), 240))
		} else if len(n.ex.Expected) > 0 {
			fmt.Fprintf(w, " — %s", clip(n.ex.Expected[0], 160))
		}
		if n.ex.Reason != "" {
			fmt.Fprintf(w, " (baseline: %s)", clip(n.ex.Reason, 200))
		}
		fmt.Fprintln(w)
	}
	writeNotes(w, rep)
}

// writeNotes lists each client's notes (what it lets through, what it
// reads within the protocol's latitude) and the UNVERIFIED facts
// unverified verdicts rest on.
func writeNotes(w io.Writer, rep report.Report) {
	fmt.Fprintf(w, "\n### Per client\n\n")
	for _, t := range rep.Targets {
		fmt.Fprintf(w, "- **%s** (%s)\n", t.Name, t.Version)
		for _, n := range t.Notes {
			fmt.Fprintf(w, "  - %s\n", clip(n, 2000))
		}
	}
	if len(rep.UnverifiedFacts) == 0 {
		return
	}
	fmt.Fprintf(w, "\n### Unverified facts\n\n")
	for _, f := range rep.UnverifiedFacts {
		fmt.Fprintf(w, "- `%s` [%s] %s: %d verdicts %v", f.ID, f.Status, f.Source, f.Verdicts, f.ByTarget)
		if f.Discover != "" {
			fmt.Fprintf(w, "; settle with `%s`", f.Discover)
		}
		fmt.Fprintln(w)
	}
}

func counts(c report.Cell) string {
	s := fmt.Sprintf("%d✓ %d✗", c.Agree, c.Diverge)
	if c.Unverified > 0 {
		s += fmt.Sprintf(" %d?", c.Unverified)
	}
	if c.NotExpressible > 0 {
		s += fmt.Sprintf(" %d∅", c.NotExpressible)
	}
	return s
}

func legend() string {
	var parts []string
	for _, s := range report.States {
		parts = append(parts, s.Symbol()+" "+string(s)+": "+s.Meaning())
	}
	return strings.Join(parts, "; ")
}

// clip shortens s to n bytes (at a rune boundary) and keeps it on one
// Markdown line.
func clip(s string, n int) string {
	s = strings.NewReplacer("\n", `\n`, "|", `\|`, "`", "'").Replace(s)
	if len(s) <= n {
		return s
	}
	for n > 0 && (s[n]&0xC0) == 0x80 {
		n--
	}
	return s[:n] + "…"
}
