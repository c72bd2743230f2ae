package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// writeRaw renders the raw-mode section of the Markdown summary: each
// property × target (ok, or the requests that broke it, known or new),
// then the unknown violations with their smallest example.
func writeRaw(w io.Writer, raw *Raw) {
	if raw.absent() {
		return
	}
	fmt.Fprintf(w, "\n## Raw mode\n\n%d fixed probes and %d random requests to each target, seed `%d`", raw.Probes, raw.Checks, raw.Seed)
	if raw.Partial {
		fmt.Fprintf(w, " (**partial**: interrupted, no verdict)")
	}
	fmt.Fprintf(w, "; targets disagreed on %d groups of requests.\n\n", len(raw.Disagreements))
	names := make([]string, 0, len(raw.Targets))
	for _, t := range raw.Targets {
		names = append(names, t.Name)
	}
	fmt.Fprintf(w, "| property | %s |\n|---|%s\n", strings.Join(names, " | "), strings.Repeat("---|", len(names)))
	broken := raw.broken()
	for _, p := range raw.propertyNames() {
		cells := make([]string, 0, len(names))
		for _, t := range names {
			cells = append(cells, broken[[2]string{p, t}].String())
		}
		fmt.Fprintf(w, "| %s | %s |\n", p, strings.Join(cells, " | "))
	}
	for _, c := range raw.Failures() {
		for _, v := range c.Violations {
			ex := v.Example
			answer := fmt.Sprintf("HTTP %d", ex.Status)
			if ex.Error != "" {
				answer = ex.Error
			}
			fmt.Fprintf(w, "\n**Raw failure**: %s breaks %s on %s (%d of %d requests): %s. `%s %s` answered %s. Replay: `%s`\n",
				c.Target, v.Property, c.Class, v.Count, c.Cases, ex.Detail, ex.Request.Method, ex.Request.Target, answer, ex.Curl)
		}
	}
}

// rawTally counts the requests that broke a property on a target.
type rawTally struct{ known, unknown int }

// String is the tally as a table cell.
func (t rawTally) String() string {
	switch {
	case t.unknown > 0 && t.known > 0:
		return fmt.Sprintf("**%d new**, %d known", t.unknown, t.known)
	case t.unknown > 0:
		return fmt.Sprintf("**%d new**", t.unknown)
	case t.known > 0:
		return fmt.Sprintf("%d known", t.known)
	}
	return "ok"
}

// broken tallies the violations by (property, target).
func (r Raw) broken() map[[2]string]rawTally {
	out := map[[2]string]rawTally{}
	for _, c := range r.Cells {
		for _, v := range c.Violations {
			k := [2]string{v.Property, c.Target}
			t := out[k]
			if v.Known {
				t.known += v.Count
			} else {
				t.unknown += v.Count
			}
			out[k] = t
		}
	}
	return out
}

// propertyNames are the properties checked, sorted, with any a cell
// names that Properties does not.
func (r Raw) propertyNames() []string {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for p := range r.Properties {
		add(p)
	}
	for _, c := range r.Cells {
		for _, v := range c.Violations {
			add(v.Property)
		}
	}
	slices.Sort(out)
	return out
}

// WriteRawTable prints raw mode's short block for the terminal: per
// target, its violations by class with their counts (NEW fails the run,
// known is baselined), each with its replay command on the next line.
// A nil or empty section prints nothing.
func WriteRawTable(w io.Writer, raw *Raw) {
	if raw.absent() {
		return
	}
	status := ""
	if raw.Partial {
		status = " (PARTIAL: interrupted, no verdict)"
	}
	fmt.Fprintf(w, "raw mode: %d fixed probes and %d random requests to each target, seed %d%s; targets disagreed on %s\n",
		raw.Probes, raw.Checks, raw.Seed, status, plural(len(raw.Disagreements), "group")+" of requests")
	for _, t := range raw.Targets {
		var lines []string
		classes := 0
		for _, c := range raw.Cells {
			if c.Target != t.Name {
				continue
			}
			classes++
			for _, v := range c.Violations {
				lines = append(lines, fmt.Sprintf("    %-5s %-22s %s: %d of %d requests\n          replay: %s\n",
					rawMark(v.Known), c.Class, v.Property, v.Count, c.Cases, v.Example.Curl))
			}
		}
		if len(lines) == 0 {
			fmt.Fprintf(w, "  %-20s no violation in %s\n", t.Name, plural(classes, "class"))
			continue
		}
		fmt.Fprintf(w, "  %-20s %s:\n%s", t.Name, plural(len(lines), "violation"), strings.Join(lines, ""))
	}
}

// rawMark labels a raw violation for the terminal.
func rawMark(known bool) string {
	if known {
		return "known"
	}
	return "NEW"
}
