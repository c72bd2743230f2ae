package suite

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets"
)

// conclude says what the run found and returns its exit status: a setup
// error or a failure of the run itself is 2, an interrupted run 130, a
// divergence 1. Raw mode runs after a complete suite run and fills
// rep.Raw.
func (f Flags) conclude(ctx context.Context, rep *report.Report, err error, ts []targets.Target, stdout, stderr io.Writer) int {
	var setup *conformance.SetupError
	var budget *conformance.BudgetStop
	switch {
	case errors.As(err, &setup):
		fmt.Fprintln(stderr, "stsconform:", setup.Message)
		return ExitSetup
	case errors.As(err, &budget):
		fmt.Fprintln(stdout, budget.Message)
	case err != nil:
		fmt.Fprintln(stderr, "stsconform:", err)
		return ExitSetup
	}
	if f.Report != "" {
		fmt.Fprintf(stdout, "report: %s (summary %s)\n", f.Report, report.MarkdownPath(f.Report))
	}
	if rep.Partial && budget == nil {
		fmt.Fprintln(stderr, "stsconform: interrupted:", interruptedMessage(*rep))
		return ExitInterrupted
	}
	failed := verdicts(*rep, stdout)
	if f.Raw {
		status := f.rawMode(ctx, rep, ts, stdout, stderr)
		if status != ExitOK && status != ExitDivergence {
			return status
		}
		failed = failed || status == ExitDivergence
	}
	if failed {
		return ExitDivergence
	}
	return ExitOK
}

// verdicts prints every new finding, stale baseline entry and note, and
// reports whether anything failed.
func verdicts(rep report.Report, w io.Writer) bool {
	failures, notes := report.Verdicts(rep)
	for _, f := range failures {
		fmt.Fprintln(w, f)
	}
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
	return len(failures) > 0
}

// interruptedMessage says what an interrupted run did and did not do.
func interruptedMessage(rep report.Report) string {
	cut := "the run was cut short"
	if rep.Interruption != nil {
		cut = rep.Interruption.Summary()
	}
	return fmt.Sprintf("the report is partial after %d judged cases: %s; %d divergences seen so far are listed in the report without a verdict",
		rep.Checks, cut, len(rep.Divergences))
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
