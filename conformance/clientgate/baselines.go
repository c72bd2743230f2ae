package clientgate

import (
	"fmt"
	"strings"
	"time"

	"github.com/stsconform/stsconform/conformance/baseline"
	"github.com/stsconform/stsconform/conformance/report"
)

// BaselineDir is where the reviewed per-client baselines live, relative to
// the repository root.
const BaselineDir = "fixtures/baselines/clients"

// ApplyBaselines marks each diverging cell known or new per the clients'
// baselines in dir and returns the problems that fail the gate: new
// divergences, baselined ones that no longer occur, unreviewed entries.
func ApplyBaselines(rep *report.Report, dir string) ([]string, error) {
	files := map[string]*baseline.File{}
	for _, t := range rep.Targets {
		f, err := baseline.Load(dir, t.Name)
		if err != nil {
			return nil, err
		}
		files[t.Name] = f
	}
	baseline.Apply(rep, files)
	var problems []string
	for _, ex := range rep.Divergences {
		if ex.Baseline != "known" {
			problems = append(problems, "NEW "+Message(ex))
		}
	}
	for _, s := range rep.StaleBaseline {
		problems = append(problems, fmt.Sprintf("%s: baselined divergence no longer occurs on %s (fields %v; reason %q): the client changed; rerun with -update-baseline and review",
			s.Target, s.Class, s.DivergentFields, s.Reason))
	}
	for name, f := range files {
		for _, e := range entries(f) {
			if strings.HasPrefix(e.Reason, "UNREVIEWED") {
				problems = append(problems, fmt.Sprintf("%s: baseline entry %s %v is unreviewed: write its reason in %s", name, e.Class, e.DivergentFields, baseline.Path(dir, name)))
			}
		}
	}
	return problems, nil
}

func entries(f *baseline.File) []baseline.Entry {
	if f == nil {
		return nil
	}
	return f.Divergences
}

// RecordBaselines rewrites each client's baseline from rep, keeping the
// reasons already written.
func RecordBaselines(rep report.Report, dir string, cases int) error {
	for _, t := range rep.Targets {
		old, err := baseline.Load(dir, t.Name)
		if err != nil {
			return err
		}
		f := baseline.Record(old, rep, t.Name, t.Version, time.Now().UTC().Format(time.DateOnly))
		f.Checks = cases
		if err := baseline.Save(dir, f); err != nil {
			return err
		}
	}
	return nil
}

// Message renders one divergence for a person: the client and property,
// the input (or response), expected and actual, each difference, the
// replay command.
func Message(ex report.Example) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s diverges on %s\n  case: %s\n  expected: %s\n  actual:   %s\n", ex.Target, ex.Class, ex.InputText,
		strings.Join(ex.Expected, "\n        or "), ex.Actual)
	for _, d := range ex.Diffs {
		fmt.Fprintf(&b, "  - %s\n", d)
	}
	if ex.Reason != "" {
		fmt.Fprintf(&b, "  baseline: %s\n", ex.Reason)
	}
	if ex.Replay != nil && ex.Replay.Command != "" {
		fmt.Fprintf(&b, "  replay: %s\n", ex.Replay.Command)
	}
	return b.String()
}
