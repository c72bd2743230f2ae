package suite

import (
	"context"
	"fmt"
	"io"

	"github.com/stsconform/stsconform/conformance/rawwire"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets"
)

// rawMode sends raw requests to the HTTP targets among ts, sets rep.Raw
// to their results and writes rep again (with its Markdown, HTML, JUnit
// and table views), prints raw mode's block and verdicts, and returns 1
// when a property is violated that the raw baselines (<baselines>/raw/)
// do not list, 130 when interrupted.
func (f Flags) rawMode(ctx context.Context, rep *report.Report, ts []targets.Target, stdout, stderr io.Writer) int {
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
	dirs, err := resolveDirs(f.Baselines, f.RecordedDir)
	if err != nil {
		return setupError(stderr, err)
	}
	known, err := rawKnown(dirs.baselines, eps)
	if err != nil {
		return setupError(stderr, err)
	}
	// The run's checks and seed are options of the raw run: no flag is
	// written.
	raw := rawwire.Check(ctx, eps, rawwire.WithContext(ctx), rawwire.WithChecks(f.Checks), rawwire.WithSeed(f.Seed), rawwire.WithKnown(known))
	rep.Raw = &raw
	if err := f.writeReport(*rep); err != nil {
		fmt.Fprintln(stderr, "stsconform: writing the report's raw section:", err)
		return ExitSetup
	}
	report.WriteRawTable(stdout, rep.Raw)
	if f.Report != "" {
		fmt.Fprintln(stdout, "raw results: in", f.Report)
	}
	return rawVerdicts(raw, stdout, stderr)
}

// writeReport writes rep again wherever the run wrote it.
func (f Flags) writeReport(rep report.Report) error {
	v := report.Views{HTML: f.HTML, JUnit: f.JUnit}
	if f.Report != "" {
		if err := report.WriteFiles(rep, f.Report); err != nil {
			return err
		}
		v.Table = report.TablePath(f.Report)
	}
	return report.WriteViews(rep, v)
}

// rawVerdicts prints raw mode's share of the run's verdicts (the one
// report.Verdicts includes, and JUnit fails) and returns the exit status.
func rawVerdicts(raw report.Raw, stdout, stderr io.Writer) int {
	if raw.Partial {
		fmt.Fprintf(stderr, "stsconform: raw mode interrupted after %d requests: the raw report is partial, its violations are given no verdict\n", raw.Checks)
		return ExitInterrupted
	}
	failures, notes := raw.Verdicts()
	for _, line := range append(failures, notes...) {
		fmt.Fprintln(stdout, line)
	}
	if len(failures) > 0 {
		return ExitDivergence
	}
	return ExitOK
}
