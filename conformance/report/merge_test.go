package report

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/oracle"
)

// jobReport is one CI job's report: the rich report's cells of one target.
func jobReport(target string, seed uint64, start time.Time) Report {
	full := richReport()
	rep := full
	rep.Seed, rep.StartedAt, rep.FinishedAt = seed, start, start.Add(2*time.Second)
	rep.Targets = nil
	for _, t := range full.Targets {
		if t.Name == target {
			rep.Targets = []TargetInfo{t}
		}
	}
	rep.Totals = map[string]Counts{target: full.Totals[target]}
	rep.Matrix = nil
	for _, row := range full.Matrix {
		if c, ok := row.Cells[target]; ok {
			rep.Matrix = append(rep.Matrix, Row{Class: row.Class, Cells: map[string]Cell{target: c}})
		}
	}
	rep.Divergences, rep.StaleBaseline, rep.Disagreements, rep.UnverifiedFacts = nil, nil, nil, nil
	rep.Findings, rep.NotSeen = nil, nil
	for _, d := range full.Divergences {
		if d.Target == target {
			rep.Divergences = append(rep.Divergences, d)
		}
	}
	for _, f := range full.Findings {
		if f.Target == target {
			rep.Findings = append(rep.Findings, f)
		}
	}
	for _, f := range full.UnverifiedFacts {
		if n := f.ByTarget[target]; n > 0 {
			f.ByTarget, f.Verdicts = map[string]int{target: n}, n
			rep.UnverifiedFacts = append(rep.UnverifiedFacts, f)
		}
	}
	rep.Raw = jobRaw(full.Raw, target)
	return rep
}

// jobRaw is the raw section of one target's job: its target and cells (a
// job of one target has no disagreements); nil when it had none.
func jobRaw(full *Raw, target string) *Raw {
	raw := *full
	raw.Targets, raw.Cells, raw.Disagreements = nil, nil, nil
	for _, t := range full.Targets {
		if t.Name == target {
			raw.Targets = append(raw.Targets, t)
		}
	}
	if raw.Targets == nil {
		return nil
	}
	for _, c := range full.Cells {
		if c.Target == target {
			raw.Cells = append(raw.Cells, c)
		}
	}
	return &raw
}

func TestMergeOfOneJobPerTargetIsTheWholeMatrix(t *testing.T) {
	at := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	full := richReport()
	var jobs []Report
	for i, target := range []string{"local", "emu", "client"} {
		jobs = append(jobs, jobReport(target, 7, at.Add(time.Duration(i)*time.Second)))
	}
	merged, err := Merge(jobs, []string{"local.json", "emu.json", "client.json"})
	require.NoError(t, err)
	assert.Equal(t, full.Targets, merged.Targets)
	assert.Equal(t, full.Matrix, merged.Matrix)
	assert.Equal(t, full.Totals, merged.Totals)
	assert.Equal(t, full.Divergences, merged.Divergences, "the findings' examples")
	assert.Equal(t, full.Findings, merged.Findings)
	assert.Equal(t, full.UnverifiedFacts, merged.UnverifiedFacts, "tallies summed per fact")
	require.NotNil(t, merged.Raw, "the jobs' raw sections")
	wantRaw := *full.Raw
	wantRaw.Disagreements = nil
	assert.Equal(t, wantRaw, *merged.Raw, "raw targets and cells joined in class, then target order")
	assert.Len(t, merged.Raw.Failures(), 1, "emu's unknown violation")
	assert.Equal(t, uint64(7), merged.Seed, "the common seed")
	assert.Equal(t, at, merged.StartedAt)
	assert.Equal(t, at.Add(4*time.Second), merged.FinishedAt)
	require.Len(t, merged.MergedFrom, 3)
	assert.Equal(t, "emu.json", merged.MergedFrom[1].File)
	assert.Equal(t, []string{"emu"}, merged.MergedFrom[1].Targets)

	var page bytes.Buffer
	require.NoError(t, WriteHTML(&page, merged))
	assert.Contains(t, page.String(), `<table id="sources">`)
}

func TestMergeKeepsEachRunsSeedWhenTheyDiffer(t *testing.T) {
	at := time.Now().UTC()
	a, b := jobReport("local", 1, at), jobReport("emu", 2, at)
	b.Partial = true
	merged, err := Merge([]Report{a, b}, nil)
	require.NoError(t, err)
	assert.Zero(t, merged.Seed, "no common seed")
	assert.True(t, merged.Partial)
	assert.Equal(t, []uint64{1, 2}, []uint64{merged.MergedFrom[0].Seed, merged.MergedFrom[1].Seed})
	assert.Equal(t, "report 2", merged.MergedFrom[1].File)

	again, err := Merge([]Report{merged, jobReport("client", 3, at)}, []string{"m.json", "c.json"})
	require.NoError(t, err)
	require.NotNil(t, again.Raw, "a job without raw mode keeps the others' raw section")
	assert.Len(t, again.Raw.Targets, 2)
	assert.Len(t, again.MergedFrom, 3, "a merged report's own sources are kept")
}

func TestMergeRefusesATargetInTwoReports(t *testing.T) {
	at := time.Now()
	_, err := Merge([]Report{jobReport("emu", 1, at), jobReport("emu", 1, at)}, []string{"a.json", "b.json"})
	assert.ErrorContains(t, err, `target "emu" is in both a.json and b.json`)
	_, err = Merge(nil, nil)
	assert.Error(t, err)
}

func TestRecorderTalliesUnverifiedFacts(t *testing.T) {
	rec := NewRecorder([]TargetInfo{{Name: "a"}, {Name: "b"}}, 1, "")
	unit, prec := oracle.FactLengthUnit, oracle.FactPrecedence
	obs := func(target string, r string, reasons ...oracle.Fact) Observation {
		o := Observation{Target: target}
		o.Verdict.Result = compareResult(r)
		o.Verdict.Reasons = reasons
		return o
	}
	rec.Record([]string{"X"}, sampleReport().Divergences[0].Input, "iam-user",
		[]Observation{obs("a", "unverified", unit, prec, unit), obs("b", "unverified", unit)})
	rec.Record([]string{"X", "Y"}, sampleReport().Divergences[0].Input, "iam-user",
		[]Observation{obs("a", "agree", unit), obs("b", "unverified")})
	rep := rec.Finish(false)
	require.Len(t, rep.UnverifiedFacts, 3)
	assert.Equal(t, FactTally{ID: unit.ID, Status: oracle.Unverified, Source: unit.Source, Verdicts: 2,
		ByTarget: map[string]int{"a": 1, "b": 1}}, rep.UnverifiedFacts[0], "one count per verdict, not per label or repeat")
	assert.Equal(t, prec.ID, rep.UnverifiedFacts[1].ID, "ties by id")
	assert.Equal(t, unattributedFact.ID, rep.UnverifiedFacts[2].ID, "an unverified verdict naming no fact")
}

// A client gate's report has cells, not findings. Merged with a run's
// report, its diverging cells stay among the divergences, after the
// findings' examples, and the table and the Markdown show them.
func TestMergeKeepsAClientGatesDivergences(t *testing.T) {
	start := time.Date(2026, 12, 4, 3, 0, 0, 0, time.UTC)
	run := jobReport("emu", 7, start)
	require.NotEmpty(t, run.Findings)
	ex := Example{Target: "go-x", Class: "encoding", InputText: `{SerialNumber="a+b"}`, Actual: "SerialNumber=a+b",
		Baseline: "new", Diffs: []compare.Diff{{Field: "form SerialNumber", Expected: `"a%2Bb"`, Actual: `"a+b"`, Status: oracle.Confirmed}}}
	gate := Report{Seed: 1, StartedAt: start, FinishedAt: start.Add(time.Second), Targets: []TargetInfo{{Name: "go-x"}},
		Totals:      map[string]Counts{"go-x": {Diverge: 1}},
		Matrix:      []Row{{Class: "encoding", Cells: map[string]Cell{"go-x": {Counts: Counts{Diverge: 1}, Baseline: "new", Example: &ex}}}},
		Divergences: []Example{ex}}
	merged, err := Merge([]Report{run, gate}, []string{"run.json", "gate.json"})
	require.NoError(t, err)
	require.Len(t, merged.Divergences, len(run.Findings)+1)
	assert.Equal(t, "go-x", merged.Divergences[len(run.Findings)].Target)
	var table, md bytes.Buffer
	WriteTable(&table, merged)
	WriteMarkdown(&md, merged)
	assert.Contains(t, table.String(), "1 diverging (class, target) cells of reports without findings")
	assert.Contains(t, table.String(), "go-x")
	assert.Contains(t, md.String(), "### go-x — encoding NEW")
}

// A report merged from a main run and a client gate marks the cells of the
// other kind of run "·" (other run) in its page and its Markdown, and only
// such a report has that state in its legend.
func TestMergedMatrixMarksTheOtherRunsClasses(t *testing.T) {
	run, merged := runMergedWithGate(t)
	encoding := Row{}
	for _, row := range merged.Matrix {
		if row.Class == "encoding" {
			encoding = row
		}
	}
	assert.Equal(t, StateOtherRun, MatrixState(merged, encoding, "emu"))
	assert.NotEqual(t, StateOtherRun, MatrixState(merged, encoding, "go-x"))
	var page, md bytes.Buffer
	require.NoError(t, WriteHTML(&page, merged))
	WriteMarkdown(&md, merged)
	assert.Contains(t, page.String(), `<td class="other-run"`)
	assert.Contains(t, page.String(), "<b>·</b> other run", "the legend")
	assert.Contains(t, md.String(), " · |")

	page.Reset()
	require.NoError(t, WriteHTML(&page, run))
	assert.NotContains(t, page.String(), `class="other-run"`, "a single run has no other run")
}

// runMergedWithGate is the emulator job's report and that report merged
// with a client gate's (gateReport): two kinds of run in one report.
func runMergedWithGate(t *testing.T) (run, merged Report) {
	t.Helper()
	start := time.Date(2026, 12, 4, 3, 0, 0, 0, time.UTC)
	run = jobReport("emu", 7, start)
	gate := gateReport()
	gate.StartedAt, gate.FinishedAt = start, start.Add(time.Second)
	merged, err := Merge([]Report{run, gate}, []string{"run.json", "gate.json"})
	require.NoError(t, err)
	return run, merged
}
