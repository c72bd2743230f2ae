// Package suite is the main job: the conformance suite run on the targets of
// a command line, as `stsconform run` does. It parses the flags, opens the
// targets, wires budgets, recording and discovery for real AWS, runs the
// suite (and raw mode), writes the reports and returns an exit status.
//
// Projects that test their own STS from `go test` use conformance.Run
// instead; this package is for programs.
package suite

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit statuses of Main.
const (
	ExitOK          = 0   // no divergence
	ExitDivergence  = 1   // a divergence, a stale baseline or a raw-mode violation
	ExitSetup       = 2   // a usage or setup error
	ExitInterrupted = 130 // stopped by SIGINT or SIGTERM; the report is partial
)

// Main runs the suite as the command line args say (the flags of Flags,
// without the program or command name) and returns the exit status. It is
// a program's main: it handles SIGINT and SIGTERM itself (the first ends
// the run with a partial report, a second one ends the process at once).
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var f Flags
	fs := flag.NewFlagSet("stsconform run", flag.ContinueOnError)
	f.Register(fs)
	fs.SetOutput(stderr)
	fs.Usage = func() { Usage(stderr, fs) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			Usage(stdout, fs)
			return ExitOK
		}
		return ExitSetup
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "stsconform run: unexpected argument %q (flags only; see stsconform run -help)\n", fs.Arg(0))
		return ExitSetup
	}
	ctx, stop := interruptible(ctx, stderr)
	defer stop()
	return f.Run(ctx, stdout, stderr)
}

// Usage prints how to run the suite: the flags of fs, the target specs and
// the exit statuses.
func Usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintln(w, "usage: stsconform run [flags]")
	fmt.Fprintln(w, "\nRuns the GetSessionToken conformance suite on the targets and writes the report.")
	fmt.Fprintln(w, "\nFlags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprintln(w)
	fmt.Fprintln(w, TargetSpecs)
	fmt.Fprintln(w)
	fmt.Fprintln(w, exitText)
}

// interruptible is ctx cancelled by the first SIGINT or SIGTERM, which is
// said on stderr; after it the signals are no longer caught, so that a
// second one ends the process.
func interruptible(parent context.Context, stderr io.Writer) (context.Context, func()) {
	ctx, cancel := context.WithCancel(parent)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-signals:
			signal.Stop(signals)
			fmt.Fprintln(stderr, "\nstsconform: interrupted: writing the partial report (interrupt again to exit at once)")
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(signals)
		cancel()
	}
}
