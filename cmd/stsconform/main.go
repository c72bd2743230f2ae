// Command stsconform runs the GetSessionToken conformance suite on targets
// (run), renders saved conformance reports (the JSON report is the source
// of truth) and compares them.
//
//	stsconform run [-targets=specs] [-report=out/report.json] [flags]   (stsconform run -help)
//	stsconform report [-html f] [-md f] [-txt f] [-junit f] [-json f] a.json [b.json …]
//	stsconform diff [-html f] [-fail-new] old.json new.json
//
// report renders one saved report, or merges several (one CI job per
// target) into one; with no output flag it prints the summary table. It
// appends the Markdown summary to $GITHUB_STEP_SUMMARY when that is set.
// diff prints new divergences, fixed ones and changed verdicts. run exits
// with 1 on a divergence and 2 on a usage or setup error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/conformance/suite"
)

const usage = `usage:
  stsconform run [-targets=specs] [-report=path] [flags]   run the suite (stsconform run -help: every flag)
  stsconform report [-html f] [-md f] [-txt f] [-junit f] [-json f] a.json [b.json …]
  stsconform diff [-html f] [-fail-new] old.json new.json
  stsconform version`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// version is stamped by `make dist` (-ldflags -X main.version=…); a `go
// install …@v1.2.3` build reports its module version instead.
var version = ""

// versionString is the command's version: the stamped one, the module
// version of an installed build, or "devel".
func versionString() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

// help is the usage, with the target specs and exit statuses of run.
func help() string {
	return usage + "\n\n" + suite.TargetSpecs + "\n\nrun exits with 0 when every target behaves as AWS does (or as its baseline says), " +
		"1 on a divergence, 2 on a usage or setup error, 130 when interrupted."
}

// errUsage marks a command line that cannot be run.
var errUsage = errors.New("bad usage")

// exitNew is the exit status of diff -fail-new when a divergence is new.
const exitNew = 1

// run executes one command line and returns the exit status: 0, 1 (diff
// -fail-new found a new divergence) or 2 (an error, said on stderr).
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	var status int
	var err error
	switch args[0] {
	case "run":
		return suite.Main(context.Background(), args[1:], stdout, stderr)
	case "report":
		err = reportCmd(args[1:], stdout, stderr)
	case "diff":
		status, err = diffCmd(args[1:], stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "stsconform", versionString())
		return 0
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(stdout, help())
		return 0
	default:
		err = fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
	if err != nil {
		fmt.Fprintln(stderr, "stsconform:", err)
		if errors.Is(err, errUsage) {
			fmt.Fprintln(stderr, usage)
		}
		return 2
	}
	return status
}

func reportCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var v report.Views
	fs.StringVar(&v.HTML, "html", "", "write the HTML page to `path`")
	fs.StringVar(&v.Markdown, "md", "", "write the Markdown summary to `path`")
	fs.StringVar(&v.Table, "txt", "", "write the summary table to `path`")
	fs.StringVar(&v.JUnit, "junit", "", "write JUnit XML to `path`")
	jsonPath := fs.String("json", "", "write the (merged) JSON report to `path`, with its Markdown summary beside it")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: report needs at least one JSON report", errUsage)
	}
	rep, err := load(fs.Args())
	if err != nil {
		return err
	}
	if *jsonPath != "" {
		if err := report.WriteFiles(rep, *jsonPath); err != nil {
			return err
		}
	}
	if err := report.WriteViews(rep, v); err != nil {
		return err
	}
	if v == (report.Views{}) && *jsonPath == "" {
		report.WriteTable(stdout, rep)
	}
	for _, p := range []string{*jsonPath, v.HTML, v.Markdown, v.Table, v.JUnit} {
		if p != "" {
			fmt.Fprintln(stderr, "wrote", p)
		}
	}
	return report.AppendStepSummary(rep)
}

// load reads one report, or merges several.
func load(paths []string) (report.Report, error) {
	reps := make([]report.Report, len(paths))
	for i, p := range paths {
		rep, err := report.Load(p)
		if err != nil {
			return rep, err
		}
		reps[i] = rep
	}
	if len(reps) == 1 {
		return reps[0], nil
	}
	return report.Merge(reps, paths)
}

func diffCmd(args []string, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	htmlPath := fs.String("html", "", "also write the diff as an HTML page to `path`")
	failNew := fs.Bool("fail-new", false, "exit with status 1 when a divergence is new")
	if err := fs.Parse(args); err != nil {
		return 0, fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() != 2 {
		return 0, fmt.Errorf("%w: diff needs two JSON reports, old and new (got %s)", errUsage, strings.Join(fs.Args(), " "))
	}
	old, err := report.Load(fs.Arg(0))
	if err != nil {
		return 0, err
	}
	cur, err := report.Load(fs.Arg(1))
	if err != nil {
		return 0, err
	}
	d := report.Compare(old, cur)
	report.WriteDiffText(stdout, d)
	if *htmlPath != "" {
		if err := writeDiffHTML(*htmlPath, d); err != nil {
			return 0, err
		}
		fmt.Fprintln(stderr, "wrote", *htmlPath)
	}
	if *failNew && len(d.NewDivergences) > 0 {
		return exitNew, nil
	}
	return 0, nil
}

func writeDiffHTML(path string, d report.Delta) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	return errors.Join(report.WriteDiffHTML(f, d), f.Close())
}
