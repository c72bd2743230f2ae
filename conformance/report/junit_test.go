package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/compare"
)

// junitOf renders rep's JUnit and reads it back.
func junitOf(t *testing.T, rep Report) junitSuites {
	t.Helper()
	var out bytes.Buffer
	require.NoError(t, WriteJUnit(&out, rep))
	var doc junitSuites
	require.NoError(t, xml.Unmarshal(out.Bytes(), &doc))
	return doc
}

// junitIndex maps "suite|classname|name" to each case.
func junitIndex(doc junitSuites) map[string]junitCase {
	out := map[string]junitCase{}
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			out[s.Name+"|"+c.Class+"|"+c.Name] = c
		}
	}
	return out
}

// A main run's JUnit has one case per finding, named by its title: a new
// one fails with what Verdicts says of it (the minimised example, with
// its curl and replay), a known one passes with its baseline reason; the
// classes are coverage cases that never fail and name their findings.
func TestJUnitHasOneCasePerFinding(t *testing.T) {
	rep := richReport()
	doc := junitOf(t, rep)
	cases := junitIndex(doc)
	require.Len(t, doc.Suites, 3)

	newCase := cases["stsconform/emu|stsconform/emu/findings|durationSeconds: min clause missing (value accepted)"]
	require.NotNil(t, newCase.Failure, "a new finding fails")
	assert.Equal(t, "finding", newCase.Failure.Type)
	assert.Equal(t, "emu diverges from AWS: durationSeconds: min clause missing (value accepted)", newCase.Failure.Message)
	assert.Equal(t, FindingMessage(rep.Findings[0]), newCase.Failure.Text)
	for _, want := range []string{"input: {DurationSeconds=899} as iam-user (minimised)", "expected: service-error HTTP 400",
		"actual:   success HTTP 200", "- outcome: expected", "curl: curl -sS", "replay: go test ./conformance -rapid.seed=7"} {
		assert.Contains(t, newCase.Failure.Text, want)
	}

	known := cases["stsconform/emu|stsconform/emu/findings|tokenCode: pattern clause missing (value accepted)"]
	assert.Nil(t, known.Failure, "a known finding passes")
	assert.Contains(t, known.SystemOut, "known finding (baseline reason: emu validates nothing)\nemu diverges from AWS: tokenCode")

	for _, class := range []string{"DurationSeconds/boundary", "TokenCode/hostile"} {
		c := cases["stsconform/emu|stsconform/emu|"+class]
		assert.Nil(t, c.Failure, "a class case never fails: its divergences fail as findings (%s)", class)
		assert.Contains(t, c.SystemOut, "its divergences are these findings", class)
	}
	assert.Contains(t, cases["stsconform/emu|stsconform/emu|DurationSeconds/boundary"].SystemOut, "\n  NEW   durationSeconds: min clause missing")
	assert.Contains(t, cases["stsconform/emu|stsconform/emu|TokenCode/hostile"].SystemOut, "\n  known tokenCode: pattern clause missing")
	assert.Equal(t, "2 agree, 0 diverge, 0 unverified", cases["stsconform/emu|stsconform/emu|Caller/root"].SystemOut)

	notSeen := cases["stsconform/emu|stsconform/emu/findings|tokenCode pattern clause missing"]
	require.NotNil(t, notSeen.Skipped, "a known finding this seed did not show is skipped")
	assert.Contains(t, notSeen.Skipped.Message, "not seen with this seed")

	stale := cases["stsconform/emu|stsconform/emu|SerialNumber/invalid:max (baseline entry)"]
	require.NotNil(t, stale.Failure, "a stale baseline entry fails")
	assert.Contains(t, stale.Failure.Text, "-update-baseline")

	assert.Equal(t, 3*3+2+1+1+3*2, doc.Tests, "3 classes × 3 targets, emu's 2 findings, its unseen one and its stale entry, 3 raw classes × 2 raw targets")
	assert.Equal(t, 3, doc.Failures, "the new finding, the stale entry, the new raw violation")
	assert.Equal(t, 3, doc.Skipped, "the class the client never ran, the finding not seen, the raw class local was sent none of")
}

// A report without findings (the client gate's) keeps a case per class ×
// target, a new divergence failing its class's case.
func TestJUnitOfAReportWithoutFindings(t *testing.T) {
	rep := gateReport()
	doc := junitOf(t, rep)
	cases := junitIndex(doc)
	assert.Equal(t, 2*2+1+1, doc.Tests, "2 classes × 2 clients, the stale entry, the divergence of a class the matrix lacks")
	failing := cases["stsconform/go-x|stsconform/go-x|encoding"]
	require.NotNil(t, failing.Failure)
	assert.Equal(t, "divergence", failing.Failure.Type)
	assert.Equal(t, DivergenceMessage(rep.Divergences[0]), failing.Failure.Text)
	known := cases["stsconform/js-x|stsconform/js-x|encoding"]
	assert.Nil(t, known.Failure, "a known divergence passes")
	assert.Contains(t, known.SystemOut, "known divergence (baseline reason: js sends it twice)")
	assert.Nil(t, cases["stsconform/go-x|stsconform/go-x|signing"].Failure)
	assert.NotNil(t, cases["stsconform/js-x|stsconform/js-x|signing"].Skipped, "a class the client never ran")
	assert.NotNil(t, cases["stsconform/go-x|stsconform/go-x|encoding (baseline entry)"].Failure, "a stale entry fails beside the cell's new divergence")
	assert.NotNil(t, cases["stsconform/js-x|stsconform/js-x|retries"].Failure, "a divergence of a class the matrix lacks fails too")
	assert.Equal(t, 3, doc.Failures)
}

// gateReport is shaped as the client gate's: no findings, one divergence
// per diverging cell (go-x new, js-x known), a stale entry on a cell that
// also has a new divergence, and a divergence of a class missing from the
// matrix (as a hand-edited report could have).
func gateReport() Report {
	rep := sampleReport()
	rep.Tool, rep.Findings, rep.NotSeen, rep.Raw = "stsconform sdk-gate", nil, nil, nil
	rep.Targets = []TargetInfo{{Name: "go-x"}, {Name: "js-x"}}
	ex := func(target, class, baseline, reason string) Example {
		return Example{Target: target, Class: class, Result: compare.Diverge, InputText: "{TokenCode=\"1\"}", Expected: []string{"one request"},
			Actual: "two requests", Baseline: baseline, Reason: reason}
	}
	goNew, jsKnown, orphan := ex("go-x", "encoding", "new", ""), ex("js-x", "encoding", "known", "js sends it twice"), ex("js-x", "retries", "new", "")
	rep.Matrix = []Row{
		{Class: "encoding", Cells: map[string]Cell{
			"go-x": {Counts: Counts{Diverge: 1, Agree: 2}, Baseline: "new", Example: &goNew},
			"js-x": {Counts: Counts{Diverge: 3}, Baseline: "known", Reason: jsKnown.Reason, Example: &jsKnown}}},
		{Class: "signing", Cells: map[string]Cell{"go-x": {Counts: Counts{Agree: 3}}}},
	}
	rep.Divergences = []Example{goNew, jsKnown, orphan}
	rep.StaleBaseline = []StaleEntry{{Target: "go-x", Class: "encoding", DivergentFields: []string{"request member X"}, Reason: "fixed"}}
	return rep
}

// verdictShapes are reports in each shape that matters to a verdict.
func verdictShapes() map[string]Report {
	allKnown := richReport()
	for i := range allKnown.Findings {
		allKnown.Findings[i].Baseline = "known"
	}
	allKnown.StaleBaseline = nil
	noBaseline := sampleReport()
	noBaseline.Findings[0].Baseline, noBaseline.StaleBaseline, noBaseline.NotSeen = "", nil, nil
	staleFinding := richReport()
	staleFinding.StaleBaseline = append(staleFinding.StaleBaseline,
		StaleEntry{Target: "local", Finding: "serialNumber pattern clause missing", DivergentFields: []string{"outcome"}, Reason: "was so"})
	includes := sampleReport()
	includes.Findings[0].Includes = []string{"durationSeconds max clause missing"}
	unlisted := richReport()
	stray := unlisted.Findings[0]
	stray.Target = "gone"
	unlisted.Findings = append(unlisted.Findings, stray)
	partial := richReport()
	partial.Partial = true
	empty := sampleReport()
	empty.Findings, empty.Divergences, empty.StaleBaseline, empty.NotSeen, empty.Raw = []Finding{}, nil, nil, nil, nil
	empty.Matrix[0].Cells["emu"] = Cell{Counts: Counts{Agree: 2}}
	run, gate := sampleReport(), gateReport()
	gate.StaleBaseline = nil
	merged, err := Merge([]Report{run, gate}, []string{"run.json", "gate.json"})
	if err != nil {
		panic(err)
	}
	return map[string]Report{
		"a run's and a client gate's merged":                  merged,
		"one new finding, a stale entry, a new raw violation": sampleReport(),
		"new and known findings":                              richReport(),
		"all known":                                           allKnown,
		"no baseline":                                         noBaseline,
		"a stale finding entry":                               staleFinding,
		"a finding with includes":                             includes,
		"a finding of a target the report does not list":      unlisted,
		"partial":                              partial,
		"no finding":                           empty,
		"without findings (the client gate's)": gateReport(),
	}
}

// The run's exit status (Verdicts) and JUnit fail the same things: each
// failing JUnit case of the main run holds exactly one failure of
// Verdicts, and each such failure fails one case (raw mode's, which may
// hold several violations, are checked by TestRawVerdictsAndJUnitAgree);
// a partial run adds its "run complete" cases.
func TestVerdictsAndJUnitAgree(t *testing.T) {
	for name, rep := range verdictShapes() {
		t.Run(name, func(t *testing.T) {
			failures, _ := Verdicts(rep)
			rawFailures, _ := rep.Raw.Verdicts()
			require.GreaterOrEqual(t, len(failures), len(rawFailures))
			require.ElementsMatch(t, rawFailures, failures[len(failures)-len(rawFailures):], "raw mode's failures come last")
			mainFailures := failures[:len(failures)-len(rawFailures)]
			doc := junitOf(t, rep)
			var junitMain, junitRaw []string
			partial := 0
			for _, s := range doc.Suites {
				for _, c := range s.Cases {
					switch {
					case c.Failure == nil:
					case c.Failure.Type == "raw-violation":
						junitRaw = append(junitRaw, c.Failure.Text)
					case c.Name == "run complete":
						partial++
					default:
						junitMain = append(junitMain, c.Failure.Text)
					}
				}
			}
			assert.ElementsMatch(t, mainFailures, junitMain)
			for _, f := range rawFailures {
				assert.Contains(t, strings.Join(junitRaw, "\n"), f)
			}
			if rep.Partial {
				assert.Equal(t, len(doc.Suites), partial, "a failing \"run complete\" per suite")
			} else {
				assert.Zero(t, partial)
			}
		})
	}
}

// Every view shows, under a finding, the deviations it includes; none
// shows the line for a finding without any.
func TestEveryViewShowsWhatAFindingIncludes(t *testing.T) {
	views := map[string]func(*bytes.Buffer, Report){
		"table":    func(b *bytes.Buffer, r Report) { WriteTable(b, r) },
		"markdown": func(b *bytes.Buffer, r Report) { WriteMarkdown(b, r) },
		"html":     func(b *bytes.Buffer, r Report) { require.NoError(t, WriteHTML(b, r)) },
		"junit":    func(b *bytes.Buffer, r Report) { require.NoError(t, WriteJUnit(b, r)) },
		"verdicts": func(b *bytes.Buffer, r Report) { f, _ := Verdicts(r); b.WriteString(strings.Join(f, "\n")) },
	}
	want := map[string]string{
		"table":    "        cells: DurationSeconds/boundary (1)\n        includes (never seen without this finding): durationSeconds min clause worded differently; durationSeconds max clause missing (3 cases)\n",
		"markdown": "- cells (1 case): DurationSeconds/boundary (1)\n- includes (never seen without this finding): `durationSeconds min clause worded differently`; `durationSeconds max clause missing` (3 cases)\n",
		"html":     `<br><small class="includes">includes (never seen without this finding): <code>durationSeconds min clause worded differently</code>; <code>durationSeconds max clause missing</code> (3 cases)</small>`,
		"junit":    "cells: DurationSeconds/boundary (1)&#xA;  includes (never seen without this finding): durationSeconds min clause worded differently; durationSeconds max clause missing (3 cases)&#xA;  input:",
		"verdicts": "cells: DurationSeconds/boundary (1)\n  includes (never seen without this finding): durationSeconds min clause worded differently; durationSeconds max clause missing (3 cases)\n  input:",
	}
	for name, render := range views {
		t.Run(name, func(t *testing.T) {
			rep := sampleReport()
			rep.Findings[0].Includes = append(rep.Findings[0].Includes, "durationSeconds max clause missing")
			rep.Findings[0].IncludedCases = map[string]int{"durationSeconds max clause missing": 3} // the other: an older report's, no count
			var with, without bytes.Buffer
			render(&with, rep)
			assert.Contains(t, with.String(), want[name])
			rep.Findings[0].Includes = nil
			render(&without, rep)
			assert.NotContains(t, without.String(), "includes (never seen")
		})
	}
}

// The page's headline counts what fails the run: new findings (one
// deviation, one finding), or diverging cells in a report without them.
func TestHTMLVerdictCountsFindings(t *testing.T) {
	for _, tc := range []struct {
		name string
		rep  Report
		want string
	}{
		{"two new findings in one cell", func() Report {
			rep := sampleReport()
			rep.Findings = append(rep.Findings, rep.Findings[0])
			rep.Findings[1].Signature, rep.Findings[1].Title = "durationSeconds max clause missing", "durationSeconds: max clause missing"
			return rep
		}(), "✗ 2 new findings, 1 stale baseline entry"},
		{"a known finding", func() Report {
			rep := sampleReport()
			rep.Findings[0].Baseline, rep.StaleBaseline, rep.Raw = "known", nil, nil
			return rep
		}(), "✓ no new divergence"},
		{"without findings (the client gate's)", gateReport(), "✗ 1 diverging cell, 1 stale baseline entry"},
		{"a run's and a client gate's merged", func() Report {
			run, gate := sampleReport(), gateReport()
			run.Findings[0].Baseline, run.StaleBaseline, run.Raw, gate.StaleBaseline = "known", nil, nil, nil
			rep, err := Merge([]Report{run, gate}, []string{"run.json", "gate.json"})
			require.NoError(t, err)
			return rep
		}(), "✗ 0 new findings, 1 diverging cell outside any finding, 0 stale baseline entries"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var page bytes.Buffer
			require.NoError(t, WriteHTML(&page, tc.rep))
			assert.Contains(t, page.String(), tc.want)
		})
	}
}

// In a report merged from a main run and a client gate, each target's
// suite has its own run's classes only: the gate's property classes are
// not skipped cases of an emulator, nor the generator classes of a client.
func TestMergedJUnitKeepsEachRunsClasses(t *testing.T) {
	run, merged := runMergedWithGate(t)
	cases := junitIndex(junitOf(t, merged))
	_, emuEncoding := cases["stsconform/emu|stsconform/emu|encoding"]
	assert.False(t, emuEncoding, "the gate's class in the emulator's suite")
	for _, row := range run.Matrix {
		_, inGate := cases["stsconform/go-x|stsconform/go-x|"+row.Class]
		assert.False(t, inGate, "the run's class %s in a client's suite", row.Class)
		_, inRun := cases["stsconform/emu|stsconform/emu|"+row.Class]
		assert.True(t, inRun, "the run's class %s in its own suite", row.Class)
	}
	signing, ok := cases["stsconform/js-x|stsconform/js-x|signing"]
	require.True(t, ok, "a class of its run that a client did not run stays")
	assert.NotNil(t, signing.Skipped)
}

// Jobs of the same kind (one target each) keep each other's classes: a
// class one job ran and another did not is a skipped case of the other.
func TestMergedJUnitOfJobsSkipsWhatATargetDidNotRun(t *testing.T) {
	start := time.Date(2026, 12, 4, 3, 0, 0, 0, time.UTC)
	a, b := jobReport("local", 1, start), jobReport("emu", 1, start)
	b.Matrix = b.Matrix[:len(b.Matrix)-1] // emu did not run the last class
	missing := a.Matrix[len(a.Matrix)-1].Class
	merged, err := Merge([]Report{a, b}, []string{"a.json", "b.json"})
	require.NoError(t, err)
	c, ok := junitIndex(junitOf(t, merged))["stsconform/emu|stsconform/emu|"+missing]
	require.True(t, ok, "class %s of the same kind of run", missing)
	assert.NotNil(t, c.Skipped)
}
