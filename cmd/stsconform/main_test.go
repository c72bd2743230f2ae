package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/report"
)

// known is a saved report with a cell in every state (the report
// package's golden file).
var known = filepath.Join("..", "..", "conformance", "report", "testdata", "rich.json.golden")

func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status := run(args, &out, &errOut)
	return status, out.String(), errOut.String()
}

func TestReportRendersASavedReport(t *testing.T) {
	t.Setenv("GITHUB_STEP_SUMMARY", "") // not the real job's summary
	dir := t.TempDir()
	html, junit := filepath.Join(dir, "r.html"), filepath.Join(dir, "r.xml")
	status, _, stderr := runCmd(t, "report", "-html", html, "-junit", junit, known)
	require.Equal(t, 0, status, stderr)
	page, err := os.ReadFile(html)
	require.NoError(t, err)
	assert.Contains(t, string(page), `data-state="baselined"`)
	assert.FileExists(t, junit)

	status, stdout, _ := runCmd(t, "report", known)
	assert.Equal(t, 0, status)
	assert.Contains(t, stdout, "stsconform: 10 cases, seed 7", "no output flag: the table")
}

func TestReportMergesOneReportPerTarget(t *testing.T) {
	dir := t.TempDir()
	rep, err := report.Load(known)
	require.NoError(t, err)
	var paths []string
	for _, target := range rep.Targets {
		one := rep
		one.Targets = []report.TargetInfo{target}
		one.Matrix = nil
		for _, row := range rep.Matrix {
			if c, ok := row.Cells[target.Name]; ok {
				one.Matrix = append(one.Matrix, report.Row{Class: row.Class, Cells: map[string]report.Cell{target.Name: c}})
			}
		}
		path := filepath.Join(dir, target.Name+".json")
		require.NoError(t, report.WriteFiles(one, path))
		paths = append(paths, path)
	}
	merged := filepath.Join(dir, "merged.json")
	summary := filepath.Join(dir, "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	status, _, stderr := runCmd(t, append([]string{"report", "-json", merged, "-html", filepath.Join(dir, "m.html")}, paths...)...)
	require.Equal(t, 0, status, stderr)
	back, err := report.Load(merged)
	require.NoError(t, err)
	assert.Equal(t, rep.Matrix, back.Matrix)
	assert.Len(t, back.MergedFrom, 3)
	md, err := os.ReadFile(summary)
	require.NoError(t, err)
	assert.Contains(t, string(md), "# stsconform report")

	status, _, stderr = runCmd(t, "report", paths[0], paths[0])
	assert.Equal(t, 2, status)
	assert.Contains(t, stderr, "is in both")
}

func TestDiffPrintsWhatChanged(t *testing.T) {
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	dir := t.TempDir()
	rep, err := report.Load(known)
	require.NoError(t, err)
	rep.Matrix[0].Cells["local"] = report.Cell{Counts: report.Counts{Diverge: 1}, DivergentFields: []string{"code"}}
	newer := filepath.Join(dir, "new.json")
	data, err := json.Marshal(rep)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(newer, data, 0o644))
	page := filepath.Join(dir, "d", "diff.html")
	status, stdout, stderr := runCmd(t, "diff", "-html", page, "-fail-new", known, newer)
	assert.Equal(t, exitNew, status, stderr)
	assert.Contains(t, stdout, "1 new divergences\n  local  Caller/root")
	assert.FileExists(t, page)

	status, stdout, _ = runCmd(t, "diff", known, known)
	assert.Equal(t, 0, status)
	assert.Contains(t, stdout, "no verdict changed")
}

func TestBadCommandLinesSayWhy(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "v2.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"schemaVersion":2}`), 0o644))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "usage:"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"report"}, "at least one JSON report"},
		{[]string{"diff", known}, "two JSON reports"},
		{[]string{"report", "-nope", known}, "flag provided but not defined"},
		{[]string{"report", "missing.json"}, "missing.json"},
		{[]string{"diff", known, bad}, "schema version 2"},
	} {
		status, _, stderr := runCmd(t, tc.args...)
		assert.Equal(t, 2, status, strings.Join(tc.args, " "))
		assert.Contains(t, stderr, tc.want, strings.Join(tc.args, " "))
	}
}

func TestHelpExplainsRunAndTargetSpecs(t *testing.T) {
	status, stdout, _ := runCmd(t, "--help")
	require.Equal(t, 0, status)
	for _, want := range []string{"stsconform run", "stsconform report", "stsconform diff", "endpoint=URL", "local-http", "1 on a divergence, 2 on a usage or setup error"} {
		assert.Contains(t, stdout, want)
	}
	status, stdout, _ = runCmd(t, "run", "--help")
	require.Equal(t, 0, status)
	assert.Contains(t, stdout, "Target specs (-targets, comma-separated):")
}

func TestRunExitStatuses(t *testing.T) {
	status, _, stderr := runCmd(t, "run", "--no-such-flag")
	assert.Equal(t, 2, status, "a usage error")
	assert.Contains(t, stderr, "flag provided but not defined: -no-such-flag")
	status, stdout, stderr := runCmd(t, "run", "--targets=local", "--checks=5", "--baselines=")
	assert.Equal(t, 0, status, "a conforming target:\n%s\n%s", stdout, stderr)
}

func TestVersion(t *testing.T) {
	status, stdout, _ := runCmd(t, "version")
	require.Equal(t, 0, status)
	assert.Regexp(t, `^stsconform \S+\n$`, stdout)
}

// The step summary is written once, after raw mode: a -raw run's summary
// has the raw section; one without -raw has none.
func TestRunStepSummaryHasTheRawSection(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  bool
	}{{"raw", true}, {"no raw", false}} {
		t.Run(tc.name, func(t *testing.T) {
			summary := filepath.Join(t.TempDir(), "summary.md")
			t.Setenv("GITHUB_STEP_SUMMARY", summary)
			args := []string{"run", "-targets=local-http", "-checks=3", "-seed=5", "-baselines=", "-raw=" + strconv.FormatBool(tc.raw)}
			status, stdout, stderr := runCmd(t, args...)
			require.Equal(t, 0, status, "stdout:\n%s\nstderr:\n%s", stdout, stderr)
			md, err := os.ReadFile(summary)
			require.NoError(t, err)
			assert.Equal(t, 1, strings.Count(string(md), "# stsconform report\n"), "written once")
			if !tc.raw {
				assert.NotContains(t, string(md), "## Raw mode")
				return
			}
			assert.Contains(t, string(md), "## Raw mode\n\n")
			assert.Contains(t, string(md), "random requests to each target, seed `5`")
			assert.Contains(t, stdout, "raw mode: ", "the terminal's raw block")
		})
	}
}
