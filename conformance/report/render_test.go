package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/oracle"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func sampleReport() Report {
	at := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	ex := Example{
		Target: "emu", Class: "DurationSeconds/boundary", Result: compare.Diverge,
		Input: call.Input{DurationSeconds: call.Int32(899)}, InputText: "{DurationSeconds=899}", Caller: call.User,
		Expected: []string{"service-error HTTP 400 Sender/ValidationError clauses {durationSeconds:min} [CONFIRMED]"},
		Actual:   "success HTTP 200 {AccessKeyId ASIA… (20 chars), SecretAccessKey (40 chars), SessionToken (400 bytes), Expiration 2026-11-24T12:15:00Z}",
		Diffs:    []compare.Diff{{Field: "outcome", Expected: "service-error HTTP 400 ValidationError", Actual: "success", Status: oracle.Confirmed}},
		Replay:   &Replay{Command: "go test ./conformance -rapid.seed=7", Curl: "curl -sS 'http://127.0.0.1:1' …"},
		Shrunk:   true, Baseline: "new",
	}
	return Report{
		SchemaVersion: SchemaVersion, Tool: "stsconform", StartedAt: at, FinishedAt: at.Add(time.Second),
		Seed: 7, Checks: 10, Replay: "go test ./conformance -rapid.seed=7",
		Targets: []TargetInfo{{Name: "local"}, {Name: "emu", Endpoint: "http://127.0.0.1:1"}},
		Totals:  map[string]Counts{"local": {Agree: 6, Unverified: 4}, "emu": {Agree: 5, Diverge: 1, Unverified: 4}},
		Matrix: []Row{{Class: "DurationSeconds/boundary", Cells: map[string]Cell{
			"local": {Counts: Counts{Agree: 2}},
			"emu":   {Counts: Counts{Agree: 1, Diverge: 1}, DivergentFields: []string{"outcome"}, Baseline: "new", Example: &ex},
		}}},
		Findings: []Finding{{Target: "emu", Title: "durationSeconds: min clause missing (value accepted)", Signature: "durationSeconds min clause missing",
			DivergentFields: []string{"outcome"}, Cases: 1, Cells: []FindingCell{{Class: "DurationSeconds/boundary", Cases: 1}}, Example: ex, Baseline: "new",
			Includes: []string{"durationSeconds min clause worded differently"}}},
		Divergences:   []Example{ex},
		StaleBaseline: []StaleEntry{{Target: "emu", Class: "TokenCode/hostile", DivergentFields: []string{"code"}, Reason: "old bug"}},
		NotSeen:       []StaleEntry{{Target: "emu", Finding: "tokenCode pattern clause missing", DivergentFields: []string{"outcome"}, Reason: "emu validates nothing"}},
		Disagreements: []Disagreement{{Class: "TokenCode/absent", InputText: "{TokenCode=\"123456\"}", Caller: call.User,
			Answers: map[string]string{"local": "success", "emu": "AccessDenied/403"}}},
		Raw: sampleRaw(),
	}
}

// sampleRaw is a raw section: emu breaks one property unknown and one
// known, local none.
func sampleRaw() *Raw {
	ex := RawExample{Request: RawRequest{Method: "POST", Target: "/", Headers: []string{"Content-Type: text/plain"}, Body: `"Action=GetSessionToken"`, Bytes: 22},
		Status: 200, Body: `"<GetSessionTokenResponse>…"`, Detail: "a body without a form content type was accepted", Curl: "curl -sS 'http://127.0.0.1:1/' …"}
	return &Raw{Seed: 7, Checks: 10, Probes: 3,
		Targets:    []RawTarget{{Name: "local", URL: "http://127.0.0.1:2"}, {Name: "emu", URL: "http://127.0.0.1:1"}},
		Properties: map[string]string{"content-type": "a non-form body is refused", "status-code": "the status matches the error"},
		Classes:    []RawClass{{Name: "content-type", AWS: "CONFIRMED: 400"}, {Name: "duplicate", AWS: "UNVERIFIED"}},
		Cells: []RawCell{{Class: "content-type", Target: "local", Cases: 5},
			{Class: "content-type", Target: "emu", Cases: 5, Violations: []RawViolation{{Property: "content-type", Count: 2, Example: ex}}},
			{Class: "duplicate", Target: "emu", Cases: 8, Violations: []RawViolation{{Property: "status-code", Count: 1, Known: true, Example: ex}}}},
		Disagreements: []RawDisagreement{{Class: "content-type", Outcomes: map[string]string{"local": "HTTP 400 InvalidAction", "emu": "success"},
			Count: 2, Example: ex.Request, Curl: ex.Curl, AWS: "CONFIRMED: 400"}},
	}
}

func TestRenderingMatchesGoldenFiles(t *testing.T) {
	rep := sampleReport()
	var md, table bytes.Buffer
	WriteMarkdown(&md, rep)
	WriteTable(&table, rep)
	js, err := json.MarshalIndent(rep, "", "  ")
	require.NoError(t, err)
	for name, got := range map[string][]byte{"report.md": md.Bytes(), "report.txt": table.Bytes(), "report.json": js} {
		golden(t, name, got)
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./conformance/report -update to create it")
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs from its golden file (-want +got; rerun with -update if intended):\n%s", name, diff)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.json")
	rep := sampleReport()
	require.NoError(t, WriteFiles(rep, path))
	back, err := Read(path)
	require.NoError(t, err)
	require.Equal(t, rep.Divergences[0].InputText, back.Divergences[0].InputText)
	require.FileExists(t, filepath.Join(dir, "r.md"))
}
