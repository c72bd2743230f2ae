package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/oracle"
)

// richReport has a cell in every state, versions, unverified facts and a
// value that needs escaping; the browser test renders it too.
func richReport() Report {
	rep := sampleReport()
	rep.Targets = []TargetInfo{{Name: "local", Version: "stsconform (in-process)"},
		{Name: "emu", Endpoint: "http://127.0.0.1:1", Version: "emu 1.2.3", Log: "out/logs/emu.log"},
		{Name: "client", Version: "go-v1 1.55.8", Notes: []string{"lets through: TokenCode/invalid:pattern"}}}
	rep.Totals["client"] = Counts{Agree: 3, NotExpressible: 2}
	known := Example{Target: "emu", Class: "TokenCode/hostile", Result: compare.Diverge,
		Input: call.Input{TokenCode: call.String("<script>alert(1)</script>")}, InputText: `{TokenCode="<script>alert(1)</script>"}`,
		Caller: call.User, Expected: []string{"service-error HTTP 400 Sender/ValidationError clauses {tokenCode:pattern} [CONFIRMED]"},
		Actual: "success HTTP 200 {AccessKeyId ASIA… (20 chars)}", Baseline: "known", Reason: "emu validates nothing",
		Diffs:  []compare.Diff{{Field: "outcome", Expected: "service-error HTTP 400 ValidationError", Actual: "success", Status: oracle.Confirmed}},
		Replay: &Replay{Command: "go test ./conformance -rapid.seed=8"}}
	unv := Example{Target: "local", Class: "TokenCode/hostile", Result: compare.Unverified, InputText: `{TokenCode="١٢٣٤٥٦"}`,
		Caller: call.User, Expected: []string{"service-error HTTP 400 … [UNVERIFIED]"}, Actual: "service-error HTTP 400 ValidationError",
		Reasons: []string{"length-unit-non-ascii [UNVERIFIED] sts-facts §6.3"}}
	rep.Matrix = append(rep.Matrix, Row{Class: "TokenCode/hostile", Cells: map[string]Cell{
		"local":  {Counts: Counts{Agree: 1, Unverified: 3}, Example: &unv},
		"emu":    {Counts: Counts{Diverge: 4}, DivergentFields: []string{"outcome"}, Baseline: "known", Reason: known.Reason, Example: &known},
		"client": {Counts: Counts{NotExpressible: 2}},
	}})
	rep.Matrix[0].Cells["client"] = Cell{Counts: Counts{Agree: 3}}
	rep.Matrix = append([]Row{{Class: "Caller/root", Cells: map[string]Cell{ // the client has no root caller
		"local": {Counts: Counts{Agree: 2}}, "emu": {Counts: Counts{Agree: 2}}}}}, rep.Matrix...)
	rep.Divergences = append(rep.Divergences, known)
	rep.Findings = append(rep.Findings, Finding{Target: "emu", Title: "tokenCode: pattern clause missing (value accepted)", Signature: "tokenCode pattern clause missing",
		DivergentFields: []string{"outcome"}, Cases: 4, Cells: []FindingCell{{Class: "TokenCode/hostile", Cases: 4}}, Example: known, Baseline: "known", Reason: known.Reason})
	rep.StaleBaseline[0].Class = "SerialNumber/invalid:max"
	rep.Raw = richRaw()
	rep.UnverifiedFacts = []FactTally{
		{ID: "length-unit-non-ascii", Status: oracle.Unverified, Source: "sts-facts §6.3", Verdicts: 7, ByTarget: map[string]int{"local": 3, "emu": 4}},
		{ID: "error-precedence", Status: oracle.Unverified, Source: "sts-facts §4.2", Verdicts: 1, ByTarget: map[string]int{"local": 1}, Discover: "stsconform discover error-precedence"},
	}
	return rep
}

// richRaw is sampleRaw with an INFERRED class where emu has a known
// violation whose example was minimised, is an error rather than an
// answer, and needs escaping.
func richRaw() *Raw {
	raw := sampleRaw()
	raw.Classes = append(raw.Classes, RawClass{Name: "bad-encoding", AWS: "INFERRED: 400 MalformedQueryString on Coral awsQuery services"})
	raw.Properties["answers"] = "every request gets a whole HTTP answer in time"
	ex := RawExample{Request: RawRequest{Method: "POST", Target: "/", Headers: []string{"Content-Type: application/x-www-form-urlencoded"},
		Body: `"Action=GetSessionToken&Version=2011-06-15&TokenCode=<b>%zz"`, Bytes: 59},
		Error: "connection reset by peer", Detail: "the connection closed before an answer", Shrunk: true,
		Curl: "curl -sS -g -X POST 'http://127.0.0.1:1/' --data-binary 'TokenCode=<b>%zz'"}
	raw.Cells = append(raw.Cells, RawCell{Class: "bad-encoding", Target: "local", Cases: 4},
		RawCell{Class: "bad-encoding", Target: "emu", Cases: 4, Violations: []RawViolation{{Property: "answers", Count: 3, Known: true, Example: ex}}})
	return raw
}

func TestViewsMatchGoldenFiles(t *testing.T) {
	rep := richReport()
	js, err := json.MarshalIndent(rep, "", "  ")
	require.NoError(t, err)
	golden(t, "rich.json", append(js, '\n'))
	var page, junit bytes.Buffer
	require.NoError(t, WriteHTML(&page, rep))
	require.NoError(t, WriteJUnit(&junit, rep))
	golden(t, "report.html", page.Bytes())
	golden(t, "report.junit.xml", junit.Bytes())
}

// A saved report renders to exactly what the run it came from renders.
func TestSavedReportRendersTheSame(t *testing.T) {
	saved, err := Load(filepath.Join("testdata", "rich.json.golden"))
	require.NoError(t, err)
	for name, render := range map[string]func(*bytes.Buffer, Report) error{
		"html":  func(b *bytes.Buffer, r Report) error { return WriteHTML(b, r) },
		"junit": func(b *bytes.Buffer, r Report) error { return WriteJUnit(b, r) },
		"md":    func(b *bytes.Buffer, r Report) error { WriteMarkdown(b, r); return nil },
	} {
		var fromRun, fromFile bytes.Buffer
		require.NoError(t, render(&fromRun, richReport()))
		require.NoError(t, render(&fromFile, saved))
		assert.Equal(t, fromRun.String(), fromFile.String(), name)
	}
}

func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	var page bytes.Buffer
	require.NoError(t, WriteHTML(&page, richReport()))
	html := page.String()
	for _, external := range []string{"<script", "src=", "<link", "@import", "http://cdn", "https://"} {
		assert.NotContains(t, html, external)
	}
	assert.Contains(t, html, "&lt;script&gt;alert(1)&lt;/script&gt;", "input values are escaped")
	for _, s := range States {
		assert.Contains(t, html, `data-state="`+string(s)+`"`, "a cell in state %s", s)
	}
	assert.Contains(t, html, `<mark class="bad">success</mark>`, "the differing field is highlighted")
}

func TestJUnitFailsAPartialRun(t *testing.T) {
	rep := sampleReport()
	rep.Partial = true
	rep.Interruption = &Interruption{Phase: "survey", CasesDropped: 2}
	var out bytes.Buffer
	require.NoError(t, WriteJUnit(&out, rep))
	assert.Contains(t, out.String(), `name="run complete"`)
	assert.Contains(t, out.String(), "interrupted: the report is partial")
	assert.Contains(t, out.String(), "interrupted during the survey: 2 cases in flight dropped")
	var page bytes.Buffer
	require.NoError(t, WriteHTML(&page, rep))
	assert.Contains(t, page.String(), "✗ partial run after 10 cases: interrupted during the survey")
}

func TestStepSummaryIsAppendedWhenSet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "summary.md")
	require.NoError(t, os.WriteFile(path, []byte("earlier step\n"), 0o644))
	t.Setenv("GITHUB_STEP_SUMMARY", path)
	require.NoError(t, AppendStepSummary(sampleReport()))
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(got), "earlier step\n# stsconform report"), "appended, not overwritten")

	t.Setenv("GITHUB_STEP_SUMMARY", "")
	require.NoError(t, AppendStepSummary(sampleReport()), "unset: nothing to do")
}

func TestLoadRefusesAnotherSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"schemaVersion": 2}`), 0o644))
	_, err := Load(path)
	assert.ErrorContains(t, err, "schema version 2")
}

func TestWriteViewsWritesEveryNamedFile(t *testing.T) {
	dir := t.TempDir()
	v := Views{HTML: filepath.Join(dir, "r.html"), JUnit: filepath.Join(dir, "sub", "r.xml")}
	require.NoError(t, WriteViews(sampleReport(), v))
	require.FileExists(t, v.HTML)
	require.FileExists(t, v.JUnit)
	assert.NoFileExists(t, filepath.Join(dir, "r.md"))
}

func TestDurationOfAnUnknownSpan(t *testing.T) {
	assert.Equal(t, "unknown", duration(time.Time{}, time.Now()))
}
