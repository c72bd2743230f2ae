package clientgate_test

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stsconform/stsconform/conformance/clientgate"
	"github.com/stsconform/stsconform/conformance/clientgate/wire"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/internal/testenv"
	"github.com/stsconform/stsconform/targets/clients"
)

var (
	flagClients   = flag.String("clients", "go-v2,go-v1", "comma-separated clients (see targets/clients), or all: "+strings.Join(clients.Names(), ","))
	flagSeed      = flag.Uint64("seed", 1, "seed of the generated cases (the baselines' seed by default)")
	flagCases     = flag.Int("cases", clientgate.DefaultCases, "generated inputs per client")
	flagResponses = flag.Int("responses", clientgate.DefaultResponses, "generated response bodies per client")
	flagOnly      = flag.Int("only", -1, "replay this one input case only")
	flagOnlyResp  = flag.Int("only-response", -1, "replay this one response case only")
	flagOnlyVec   = flag.String("only-vector", "", "replay this one response vector (fixtures/wire/responses) only")
	flagVectors   = flag.Bool("vectors", true, "also run the response vectors of fixtures/wire/responses")
	flagReport    = flag.String("report", "", "write the JSON report (and .md, .html) here")
	flagUpdate    = flag.Bool("update-baseline", false, "rewrite fixtures/baselines/clients/<client>.json from this run")
	flagBaselines = flag.String("baselines", "", "baseline directory (default fixtures/baselines/clients; 'none' for no baseline)")
)

// root is the repository root (this package is two levels down).
func root(t testing.TB) string {
	dir, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// openSubjects opens the named clients; a driver not built skips the test
// (fails it in CI) naming its make command.
func openSubjects(t *testing.T, names string) []clientgate.Subject {
	var out []clientgate.Subject
	list := strings.Split(names, ",")
	if names == "all" {
		list = clients.Names()
	}
	for _, name := range list {
		e, err := clients.Lookup(strings.TrimSpace(name))
		if err != nil {
			t.Fatal(err)
		}
		c, err := e.Open(context.Background(), root(t))
		if errors.Is(err, clients.ErrNotInstalled) {
			testenv.Missing(t, err.Error())
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = c.Close() })
		out = append(out, clientgate.Subject{Name: e.Name, Client: c, DefaultAttempts: e.DefaultAttempts, NoValidate: e.NoValidate})
	}
	return out
}

// TestGate is the gate (make sdk-gate): the clients against the scripted
// server, judged against their reviewed baselines.
func TestGate(t *testing.T) {
	subjects := openSubjects(t, *flagClients)
	opts := clientgate.Options{Seed: *flagSeed, Cases: *flagCases, Responses: *flagResponses, Retries: true}
	if *flagVectors || *flagOnlyVec != "" {
		vs, err := wire.LoadVectors(os.DirFS(filepath.Join(root(t), "fixtures", "wire", "responses")))
		if err != nil {
			t.Fatal(err)
		}
		opts.Vectors = vs
	}
	if *flagOnlyVec != "" {
		opts.OnlyVector, opts.Retries = *flagOnlyVec, false
	}
	if *flagOnly >= 0 {
		opts.Only, opts.Retries = flagOnly, false
	}
	if *flagOnlyResp >= 0 {
		opts.OnlyResponse, opts.Retries = flagOnlyResp, false
	}
	rep, err := clientgate.Run(context.Background(), subjects, opts)
	if err != nil {
		t.Fatal(err)
	}
	dir := *flagBaselines
	if dir == "" {
		dir = filepath.Join(root(t), clientgate.BaselineDir)
	}
	if *flagUpdate {
		if err := clientgate.RecordBaselines(rep, dir, opts.Cases); err != nil {
			t.Fatal(err)
		}
	}
	var problems []string
	if dir != "none" {
		if problems, err = clientgate.ApplyBaselines(&rep, dir); err != nil {
			t.Fatal(err)
		}
	} else {
		for _, ex := range rep.Divergences {
			problems = append(problems, clientgate.Message(ex))
		}
	}
	writeReport(t, rep)
	var table strings.Builder
	report.WriteTable(&table, rep)
	t.Log("\n" + table.String())
	for _, info := range rep.Targets {
		t.Logf("%s (%s): %s", info.Name, info.Version, strings.Join(info.Notes, "; "))
	}
	for _, p := range problems {
		t.Error(p)
	}
}

func writeReport(t *testing.T, rep report.Report) {
	if *flagReport == "" {
		return
	}
	if err := report.WriteFiles(rep, *flagReport); err != nil {
		t.Fatal(err)
	}
	var md strings.Builder
	clientgate.WriteMatrix(&md, rep)
	f, err := os.OpenFile(report.MarkdownPath(*flagReport), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.WriteString("\n" + md.String())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	html := strings.TrimSuffix(*flagReport, filepath.Ext(*flagReport)) + ".html"
	if err := report.WriteViews(rep, report.Views{HTML: html}); err != nil {
		t.Fatal(err)
	}
}
