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
// seen in, and its example.
func FindingMessage(f Finding) string {
	return fmt.Sprintf("%s diverges from AWS: %s\n  seen in %d cases; cells: %s\n", f.Target, f.Title, f.Cases, cellList(f)) +
		exampleBody(f.Example)
}
