package report

import (
	"fmt"
	"strings"
)

// DivergenceMessage says what a person needs to act on a divergence: the
// input, what each target was expected to answer and answered, and the
// commands that replay it.
func DivergenceMessage(ex Example) string {
	return fmt.Sprintf("%s diverges from AWS on %s\n", ex.Target, ex.Class) + exampleBody(ex)
}

// exampleBody is a divergence's input, each target's expected and actual
// answer with the differences, and the commands that replay it.
func exampleBody(ex Example) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  input: %s as %s", ex.InputText, ex.Caller)
	if ex.Shrunk {
		b.WriteString(" (minimised)")
	}
	b.WriteString("\n")
	for _, e := range append([]Example{ex}, ex.Others...) {
		fmt.Fprintf(&b, "  %s [%s]\n    expected: %s\n    actual:   %s\n", e.Target, e.Result,
			strings.Join(e.Expected, "\n          or "), e.Actual)
		for _, d := range e.Diffs {
			fmt.Fprintf(&b, "    - %s\n", d)
		}
		if e.Replay != nil && e.Replay.Curl != "" {
			fmt.Fprintf(&b, "    curl: %s\n", e.Replay.Curl)
		}
	}
	if ex.Replay != nil && ex.Replay.Command != "" {
		fmt.Fprintf(&b, "  replay: %s\n", ex.Replay.Command)
	}
	return b.String()
}

// FindingMessage describes one finding: what deviates, the cells it was
// seen in, the deviations it includes, and its example.
func FindingMessage(f Finding) string {
	msg := fmt.Sprintf("%s diverges from AWS: %s\n  seen in %s; cells: %s\n", f.Target, f.Title, plural(f.Cases, "case"), cellList(f))
	if len(f.Includes) > 0 {
		msg += "  " + includesLine(f) + "\n"
	}
	return msg + exampleBody(f.Example)
}

// includesLabel introduces the deviations a finding includes
// (Finding.Includes: each seen only in cases that showed the finding, and
// in fewer, so no finding of its own), in every view.
const includesLabel = "includes (never seen without this finding)"

// includesLine names the deviations a finding includes.
func includesLine(f Finding) string {
	return includesLabel + ": " + strings.Join(includedList(f, ""), "; ")
}

// includedList names each included deviation (between quote marks) with
// its case count, where the report has it.
func includedList(f Finding, quote string) []string {
	out := make([]string, len(f.Includes))
	for i, sig := range f.Includes {
		out[i] = quote + sig + quote
		if n := f.IncludedCases[sig]; n > 0 {
			out[i] += " (" + plural(n, "case") + ")"
		}
	}
	return out
}

// StaleMessage says what to do about a baseline entry the run did not
// match (a finding's signature, or a class of the client gate's).
func StaleMessage(s StaleEntry) string {
	what := s.Finding
	if what == "" {
		what = s.Class
	}
	return fmt.Sprintf("%s no longer shows %s %v (baseline reason: %s): rerun with -update-baseline to re-record",
		s.Target, what, s.DivergentFields, s.Reason)
}

// RawViolationMessage says what a person needs to act on a raw-mode
// violation: the property, the class and how often, the request, what the
// property expects and what came, and the curl that replays it.
func RawViolationMessage(c RawCell, v RawViolation, meaning string) string {
	ex := v.Example
	var b strings.Builder
	fmt.Fprintf(&b, "%s breaks %s on %s (%d of %d requests)\n", c.Target, v.Property, c.Class, v.Count, c.Cases)
	fmt.Fprintf(&b, "  request:  %s %s %v body %s (%d bytes)", ex.Request.Method, ex.Request.Target, ex.Request.Headers, ex.Request.Body, ex.Request.Bytes)
	if ex.Shrunk {
		b.WriteString(" (minimised)")
	}
	if meaning != "" {
		fmt.Fprintf(&b, "\n  expected: %s", meaning)
	}
	fmt.Fprintf(&b, "\n  actual:   %s\n  why:      %s\n  replay:   %s\n", ex.Answer(), ex.Detail, ex.Curl)
	return b.String()
}
