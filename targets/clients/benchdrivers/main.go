// Command benchdrivers measures the client-driver protocol's overhead
// (make bench-drivers): for each non-Go client of the registry
// (targets/clients), cases per second of its client called in a plain loop
// inside its own language (the client's loop server) against the same case
// sent through its real driver by package driver, as the gate sends it (one
// request kept ahead of the reply waited for), and in lockstep (one at a
// time), all against the local STS library served on loopback.
//
//	benchdrivers [-clients=rusoto,aws-sdk-rust,botocore,js] [-n 300] [-rounds 20] [-root .] [-cpuprofile FILE]
//
// Each round times N calls in the loop server, then N cases pipelined, then
// N cases in lockstep, so that all three see the same machine load. The
// overhead of a round is its time per case through the driver over the
// loop's, minus one; issue 10's aim is at most 20 %.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"syscall"

	clients "github.com/stsconform/stsconform/targets/clients"
)

// defaultClients are the non-Go clients, one per driver program:
// botocore-unvalidated runs botocore's driver with validation off, and can
// be asked for by name.
const defaultClients = "rusoto,aws-sdk-rust,botocore,js"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:])
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchdrivers:", err)
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// config is what the flags set.
type config struct {
	clients []clients.Entry
	n       int
	rounds  int
	warmup  int
	root    string
	profile string // a CPU profile of this process, or ""
}

func run(ctx context.Context, args []string) error {
	cfg, err := parseFlags(args)
	if err != nil {
		return err
	}
	if cfg.profile != "" {
		stop, err := startProfile(cfg.profile)
		if err != nil {
			return err
		}
		defer stop()
	}
	fmt.Printf("%d rounds of %d calls per side; overhead aim: at most +%.0f %%; load average %s\n", cfg.rounds, cfg.n, aim, loadAverage())
	for _, e := range cfg.clients {
		res, err := measure(ctx, cfg, e)
		if err != nil {
			return fmt.Errorf("%s: %w", e.Name, err)
		}
		res.print(os.Stdout)
		fmt.Printf("  load average after it: %s\n", loadAverage())
	}
	return nil
}

// startProfile starts a CPU profile written to path; stop ends it.
func startProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		_ = f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "benchdrivers: writing the CPU profile:", err)
		}
	}, nil
}

// loadAverage is the machine's 1, 5 and 15 minute load averages (Linux).
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	fields := strings.Fields(string(data))
	if err != nil || len(fields) < 3 {
		return "unknown"
	}
	return strings.Join(fields[:3], " ")
}

func parseFlags(args []string) (config, error) {
	fs := flag.NewFlagSet("benchdrivers", flag.ContinueOnError)
	names := fs.String("clients", defaultClients, "comma-separated non-Go clients of the registry: "+strings.Join(clients.Names(), ", "))
	cfg := config{}
	fs.IntVar(&cfg.n, "n", 300, "calls per side per round")
	fs.IntVar(&cfg.rounds, "rounds", 20, "rounds per client")
	fs.IntVar(&cfg.warmup, "warmup", 50, "untimed calls per side before the first round")
	fs.StringVar(&cfg.root, "root", ".", "the repository root")
	fs.StringVar(&cfg.profile, "cpuprofile", "", "write this process's CPU profile (local server and Go side) to `file`")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	switch {
	case fs.NArg() > 0:
		return config{}, fmt.Errorf("unexpected arguments %q", fs.Args())
	case cfg.n < 1 || cfg.rounds < 1 || cfg.warmup < 0:
		return config{}, errors.New("-n and -rounds must be positive, -warmup not negative")
	}
	for _, name := range strings.Split(*names, ",") {
		e, err := clients.Lookup(strings.TrimSpace(name))
		if err != nil {
			return config{}, err
		}
		if e.LoopCommand(cfg.root) == nil {
			return config{}, fmt.Errorf("%s runs in-process: it has no driver protocol to measure", e.Name)
		}
		cfg.clients = append(cfg.clients, e)
	}
	return cfg, nil
}
