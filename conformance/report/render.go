package report

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
)

// WriteFiles writes the JSON report to path and the Markdown summary beside
// it (same name, .md).
func WriteFiles(rep Report, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return err
	}
	var md strings.Builder
	WriteMarkdown(&md, rep)
	return os.WriteFile(MarkdownPath(path), []byte(md.String()), 0o644)
}

// MarkdownPath is where the Markdown summary of a JSON report goes.
func MarkdownPath(jsonPath string) string {
	return strings.TrimSuffix(jsonPath, filepath.Ext(jsonPath)) + ".md"
}

// TablePath is where the terminal table of a JSON report goes (.txt).
func TablePath(jsonPath string) string {
	return strings.TrimSuffix(jsonPath, filepath.Ext(jsonPath)) + ".txt"
}

// Read loads a JSON report.
func Read(path string) (Report, error) {
	var rep Report
	data, err := os.ReadFile(path)
	if err != nil {
		return rep, err
	}
	err = json.Unmarshal(data, &rep)
	return rep, err
}

// WriteTable prints the short summary: one line per target with its totals,
// then one line per diverging cell, then raw mode's block (WriteRawTable)
// when the run had -raw.
func WriteTable(w io.Writer, rep Report) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	status := "complete"
	if rep.Partial {
		status = "PARTIAL"
	}
	fmt.Fprintf(tw, "stsconform: %d cases, seed %d, %s\n", rep.Checks, rep.Seed, status)
	fmt.Fprintln(tw, "target\tagree\tdiverge\tunverified\t")
	for _, t := range rep.Targets {
		c := rep.Totals[t.Name]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", t.Name, c.Agree, c.Diverge, c.Unverified)
	}
	tw.Flush()
	if len(rep.Phases) > 0 {
		fmt.Fprintln(w, PhasesSummary(rep.Phases))
	}
	if rep.Interruption != nil {
		fmt.Fprintln(w, rep.Interruption.Summary())
	}
	writeDivergenceLines(w, rep)
	WriteRawTable(w, rep.Raw)
}

// writeDivergenceLines lists the findings (or diverging cells) and stale
// baseline entries for the terminal, with the run's replay command.
func writeDivergenceLines(w io.Writer, rep Report) {
	if len(rep.Divergences) == 0 && len(rep.StaleBaseline) == 0 {
		fmt.Fprintln(w, "no divergence from documented AWS behaviour")
		return
	}
	if rep.Findings != nil {
		writeFindingLines(w, rep)
		if cells := rep.Divergences[min(len(rep.Findings), len(rep.Divergences)):]; len(cells) > 0 {
			// merged with a client gate's report: its cells, after the findings
			fmt.Fprintf(w, "%d diverging (class, target) cells of reports without findings:\n", len(cells))
			for _, d := range cells {
				fmt.Fprintf(w, "  %-5s %-20s %-36s %s\n", baselineMark(d.Baseline), d.Target, d.Class, firstDiff(d))
			}
		}
	} else {
		fmt.Fprintf(w, "%d diverging (class, target) cells:\n", len(rep.Divergences))
		for _, d := range rep.Divergences {
			fmt.Fprintf(w, "  %-5s %-20s %-36s %s\n", baselineMark(d.Baseline), d.Target, d.Class, firstDiff(d))
		}
	}
	for _, s := range rep.StaleBaseline {
		fmt.Fprintf(w, "  STALE %-20s %-36s baselined %v, no longer diverges\n", s.Target, s.Class+s.Finding, s.DivergentFields)
	}
	fmt.Fprintf(w, "replay: %s\n", rep.Replay)
}

// baselineMark labels a divergence for the table: NEW fails the run,
// known is in the target's baseline, "" when the run had no baseline.
func baselineMark(b string) string {
	switch b {
	case "known":
		return "known"
	case "new":
		return "NEW"
	}
	return ""
}

func firstDiff(ex Example) string {
	if len(ex.Diffs) == 0 {
		return ex.Actual
	}
	s := ex.Diffs[0].String()
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}

// WriteMarkdown renders the report as a Markdown summary.
func WriteMarkdown(w io.Writer, rep Report) {
	fmt.Fprintf(w, "# stsconform report\n\n")
	if rep.Partial {
		fmt.Fprintf(w, "**Partial run**: stopped before every check ran.")
		if rep.Interruption != nil {
			fmt.Fprintf(w, " %s", rep.Interruption.Summary())
		}
		fmt.Fprintf(w, "\n\n")
	}
	fmt.Fprintf(w, "%d cases, seed `%d`, %s to %s. Replay: `%s`\n\n", rep.Checks, rep.Seed,
		rep.StartedAt.Format("2006-01-02T15:04:05Z"), rep.FinishedAt.Format("15:04:05Z"), rep.Replay)
	if len(rep.Phases) > 0 {
		fmt.Fprintf(w, "Phases: %s.\n\n", strings.TrimPrefix(PhasesSummary(rep.Phases), "phases: "))
	}
	fmt.Fprintf(w, "| target | agree | diverge | unverified |\n|---|---|---|---|\n")
	for _, t := range rep.Targets {
		c := rep.Totals[t.Name]
		fmt.Fprintf(w, "| %s | %d | %d | %d |\n", t.Name, c.Agree, c.Diverge, c.Unverified)
	}
	writeMatrix(w, rep)
	writeDivergences(w, rep)
	for _, st := range rep.StaleBaseline {
		fmt.Fprintf(w, "\n**Stale baseline**: %s no longer diverges on %s%s %v (%s). Rerun with `-update-baseline`.\n",
			st.Target, st.Class, st.Finding, st.DivergentFields, st.Reason)
	}
	for _, s := range rep.NotSeen {
		fmt.Fprintf(w, "\n**Known, not seen**: %s: %s (%s). This seed did not show it; only the baseline's own seed must.\n",
			s.Target, s.Finding, s.Reason)
	}
	if len(rep.Disagreements) > 0 {
		fmt.Fprintf(w, "\n## Targets disagreeing where AWS behaviour is unverified\n\n")
		for _, d := range rep.Disagreements {
			fmt.Fprintf(w, "- `%s` as %s: %v\n", d.InputText, d.Caller, d.Answers)
		}
	}
	writeRaw(w, rep.Raw)
}

// otherRunNote explains the "·" cells of a report merged from two kinds
// of run, "" for any other report.
func otherRunNote(rep Report) string {
	for _, row := range rep.Matrix {
		for _, t := range rep.Targets {
			if MatrixState(rep, row, t.Name) == StateOtherRun {
				return "; · " + StateOtherRun.Meaning()
			}
		}
	}
	return ""
}

func writeMatrix(w io.Writer, rep Report) {
	fmt.Fprintf(w, "\n## Conformance matrix\n\nEach cell: agree / diverge / unverified%s.\n\n| class |", otherRunNote(rep))
	for _, t := range rep.Targets {
		fmt.Fprintf(w, " %s |", t.Name)
	}
	fmt.Fprintf(w, "\n|---|%s\n", strings.Repeat("---|", len(rep.Targets)))
	for _, row := range rep.Matrix {
		fmt.Fprintf(w, "| %s |", row.Class)
		for _, t := range rep.Targets {
			if MatrixState(rep, row, t.Name) == StateOtherRun {
				fmt.Fprint(w, " · |")
				continue
			}
			c := row.Cells[t.Name]
			mark := ""
			if c.Diverge > 0 {
				mark = " ❌"
			}
			fmt.Fprintf(w, " %d / %d / %d%s |", c.Agree, c.Diverge, c.Unverified, mark)
		}
		fmt.Fprintln(w)
	}
}

func writeDivergences(w io.Writer, rep Report) {
	if len(rep.Divergences) == 0 {
		fmt.Fprintf(w, "\nNo divergence from documented AWS behaviour.\n")
		return
	}
	fmt.Fprintf(w, "\n## Divergences\n")
	for i, d := range rep.Divergences {
		if i < len(rep.Findings) {
			f := rep.Findings[i]
			fmt.Fprintf(w, "\n### %s — %s %s\n\n- cells (%s): %s\n", f.Target, f.Title, baselineMark(f.Baseline), plural(f.Cases, "case"), cellList(f))
			if len(f.Includes) > 0 {
				fmt.Fprintf(w, "- %s: %s\n", includesLabel, strings.Join(includedList(f, "`"), "; "))
			}
		} else {
			fmt.Fprintf(w, "\n### %s — %s %s\n\n", d.Target, d.Class, baselineMark(d.Baseline))
		}
		if d.Reason != "" {
			fmt.Fprintf(w, "- baseline reason: %s\n", d.Reason)
		}
		fmt.Fprintf(w, "- input: `%s` as %s", d.InputText, d.Caller)
		if d.Shrunk {
			fmt.Fprintf(w, " (minimised)")
		}
		fmt.Fprintf(w, "\n- expected: %s\n- actual: %s\n", strings.Join(d.Expected, " **or** "), d.Actual)
		for _, diff := range d.Diffs {
			fmt.Fprintf(w, "  - %s\n", diff)
		}
		if d.Replay != nil {
			if d.Replay.Command != "" {
				fmt.Fprintf(w, "- replay: `%s`\n", d.Replay.Command)
			}
			if d.Replay.Curl != "" {
				fmt.Fprintf(w, "- curl: `%s`\n", d.Replay.Curl)
			}
		}
	}
}

// writeFindingLines lists the findings for the terminal, each with the
// cells it covers and the deviations it includes.
func writeFindingLines(w io.Writer, rep Report) {
	fmt.Fprintf(w, "%d findings:\n", len(rep.Findings))
	for _, f := range rep.Findings {
		fmt.Fprintf(w, "  %-5s %-20s %s\n", baselineMark(f.Baseline), f.Target, f.Title)
		fmt.Fprintf(w, "        example: %s as %s\n        cells: %s\n", f.Example.InputText, f.Example.Caller, cellList(f))
		if len(f.Includes) > 0 {
			fmt.Fprintf(w, "        %s\n", includesLine(f))
		}
	}
	for _, s := range rep.NotSeen {
		fmt.Fprintf(w, "  not seen %-17s %s (known; this seed did not show it)\n", s.Target, s.Finding)
	}
}

// cellList names a finding's cells with their case counts.
func cellList(f Finding) string {
	parts := make([]string, len(f.Cells))
	for i, c := range f.Cells {
		parts[i] = fmt.Sprintf("%s (%d)", c.Class, c.Cases)
	}
	return strings.Join(parts, ", ")
}
