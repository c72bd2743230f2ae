package suite

import (
	"context"
	"fmt"
	"io"

	"github.com/stsconform/stsconform/conformance/rawwire"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets"
)

// rawMode sends raw requests to the HTTP targets among ts, writes rep
// again with their results as its Raw section (with its Markdown, HTML
// and JUnit views), and returns 1 when a property is violated (raw
// baselines apply to the emulator gate only), 130 when interrupted.
func (f Flags) rawMode(ctx context.Context, rep report.Report, ts []targets.Target, stdout, stderr io.Writer) int {
	if ctx.Err() != nil {
		return ExitInterrupted
	}
	var eps []rawwire.Endpoint
	for _, target := range ts {
		if ep, ok := rawwire.EndpointOf(target); ok {
			eps = append(eps, ep)
		}
	}
	if len(eps) == 0 {
		fmt.Fprintln(stdout, "raw mode: no HTTP target among -targets")
		return ExitOK
	}
	// The run's checks and seed are options of the raw run: no flag is
	// written.
	raw := rawwire.Check(ctx, eps, rawwire.WithContext(ctx), rawwire.WithChecks(f.Checks), rawwire.WithSeed(f.Seed))
	rep.Raw = &raw
	if err := f.writeReport(rep); err != nil {
		fmt.Fprintln(stderr, "stsconform: writing the report's raw section:", err)
		return ExitSetup
	}
	if f.Report != "" {
		fmt.Fprintln(stdout, "raw results: in", f.Report)
	}
	return rawVerdicts(raw, len(eps), stdout, stderr)
}

// writeReport writes rep again wherever the run wrote it.
func (f Flags) writeReport(rep report.Report) error {
	if f.Report != "" {
		if err := report.WriteFiles(rep, f.Report); err != nil {
			return err
		}
	}
	return report.WriteViews(rep, report.Views{HTML: f.HTML, JUnit: f.JUnit})
}

// rawVerdicts prints each raw failure and returns the exit status.
func rawVerdicts(rep report.Raw, nTargets int, stdout, stderr io.Writer) int {
	if rep.Partial {
		fmt.Fprintf(stderr, "stsconform: raw mode interrupted after %d requests: the raw report is partial, its violations are given no verdict\n", rep.Checks)
		return ExitInterrupted
	}
	status := ExitOK
	for _, c := range rep.Failures() {
		for _, v := range c.Violations {
			status = ExitDivergence
			ex := v.Example
			fmt.Fprintf(stdout, "%s breaks %s on %s (%d of %d requests)\n  request: %s %s %v body %s (%d bytes)\n  answer:  HTTP %d %s %s\n  why:     %s\n  replay:  %s\n",
				c.Target, v.Property, c.Class, v.Count, c.Cases, ex.Request.Method, ex.Request.Target, ex.Request.Headers,
				ex.Request.Body, ex.Request.Bytes, ex.Status, ex.Body, ex.Error, ex.Detail, ex.Curl)
		}
	}
	fmt.Fprintf(stdout, "rawwire: %d fixed probes and %d random requests to %d targets, seed %d, %d disagreements\n", rep.Probes, rep.Checks, nTargets, rep.Seed, len(rep.Disagreements))
	return status
}
