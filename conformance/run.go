// Package conformance runs generated GetSessionToken cases against targets,
// judges every outcome against the oracle (documented AWS behaviour) and
// reports divergences with a minimal, replayable example.
//
// Run is the entry point for any Go project's own tests:
//
//	func TestMySTS(t *testing.T) {
//	    conformance.Run(t, []targets.Target{myTarget}, conformance.WithReport("out/report.json"))
//	}
//
// Check does the same without a testing.T, for tools. The main job,
// `stsconform run` (`make conformance`), is package conformance/suite.
package conformance

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"pgregory.net/rapid"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/baseline"
	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/generators"
	"github.com/stsconform/stsconform/targets"
)

type runner struct {
	cfg     config
	ctx     context.Context
	targets []targetState
	rec     *report.Recorder
	gen     *rapid.Generator[generators.Case]
	seed    uint64

	baselines map[string]*baseline.File // by target name; nil entries: none
	stops     *stops                    // early stops and skips (stops.go)
}

// Run checks every target against the oracle on the same generated cases
// (WithChecks of them, by default -rapid.checks) and fails t once for each
// finding (one deviation of one target), with its minimal input, the cells
// it was seen in, what each target was expected to answer and answered,
// and the commands that replay it.
func Run(t *testing.T, ts []targets.Target, opts ...Option) report.Report {
	t.Helper()
	opts = append([]Option{withRunName(regexp.QuoteMeta(t.Name()) + "$"), WithContext(t.Context())}, opts...)
	rep, err := Check(ts, opts...)
	if budgetStopped(err) {
		t.Log(err)
	} else if err != nil {
		t.Fatal(err)
	}
	if p := reportPath(opts); p != "" {
		t.Logf("report: %s (summary %s)", p, report.MarkdownPath(p))
	}
	if rep.Partial && !budgetStopped(err) {
		t.Error(interruptedMessage(rep))
		return rep
	}
	failures, notes := report.Verdicts(rep)
	for _, f := range failures {
		t.Error(f)
	}
	for _, n := range notes {
		t.Log(n)
	}
	return rep
}

// interruptedMessage says what an interrupted run did and did not do. Its
// divergences are in the report but given no verdict: the baselines were
// not applied and the examples may be unminimised.
func interruptedMessage(rep report.Report) string {
	return fmt.Sprintf("the report is partial after %d judged cases: %s; %d divergences seen so far are listed in the report without a verdict",
		rep.Checks, rep.Interruption.Summary(), len(rep.Divergences))
}

// Check runs the suite and returns its report; rep.Divergences lists what
// diverged. The error is for the run itself (a report that cannot be
// written, a crash of the suite), never for a target's behaviour.
func Check(ts []targets.Target, opts ...Option) (rep report.Report, err error) {
	cfg := defaults()
	for _, o := range opts {
		o(&cfg)
	}
	cfg.resolve()
	r := &runner{cfg: cfg, ctx: cfg.ctx, targets: newTargetStates(ts), seed: cfg.seed}
	r.withStops()
	r.gen = generators.Cases(generators.Options{Callers: r.callerKinds()})
	r.rec = report.NewRecorder(r.targetInfos(), r.seed, cfg.replay(cfg.runName, r.seed))
	complete := false
	defer func() {
		var cerr error
		rep, cerr = r.conclude(!complete)
		r.annotate(&rep)
		err = errors.Join(err, cerr, r.write(rep))
		r.printNotes(r.cfg.out)
	}()
	if err := r.loadBaselines(); err != nil {
		return rep, err
	}
	r.coverage() // the deterministic phase first (coverage.go)
	if err := r.survey(); err != nil {
		return rep, err
	}
	if r.cfg.cases == nil {
		r.minimise()
	}
	complete = r.ctx.Err() == nil
	return rep, r.stopped()
}

// survey is the random phase: case i of the run is drawn from seed+i, so
// that the seed and the number of checks replay it, with no process-global
// state (rapid's flags are neither read nor written here).
func (r *runner) survey() error {
	if r.cfg.cases != nil {
		return r.surveyPlan()
	}
	// Cases are recorded in the background while the next one runs, and
	// with concurrency > 1 several cases are in flight at once.
	records := newRecordBatches()
	inFlight := make(chan struct{}, max(r.cfg.concurrency, 1))
	var wg sync.WaitGroup
	count := r.counter(phaseRandom, r.cfg.checks)
	run := func(c generators.Case) {
		obs := kept(r.execute(r.ctx, c.Input, c.Caller))
		if r.ctx.Err() != nil {
			// Cut short by the interrupt: never the target's fault.
			r.rec.NoteInterruption("survey", 1, 0)
			return
		}
		records.add(func() { r.rec.Record(c.Labels, r.redact(c.Input), c.Caller, obs) })
		count.judged()
	}
	var drawErr error
	for d := range r.drawAhead() {
		if r.ctx.Err() != nil {
			break // interrupted: the remaining checks end at once
		}
		c, err := d.c, d.err
		if err != nil {
			drawErr = err
			break
		}
		if r.cfg.concurrency <= 1 {
			run(c)
			continue
		}
		inFlight <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-inFlight }()
			run(c)
		}()
	}
	wg.Wait()
	records.close()
	return drawErr
}

// drawn is one drawn case of the random phase, or why it could not be.
type drawn struct {
	c   generators.Case
	err error
}

// drawAhead draws the random phase's cases in order on a goroutine of its
// own, a batch ahead of the one running (batches.go): drawing overlaps the
// calls. It stops at the first error, at the interrupt, or when the reader
// stops.
func (r *runner) drawAhead() iter.Seq[drawn] {
	return func(yield func(drawn) bool) {
		out, stop := make(chan []drawn, 2), make(chan struct{})
		defer close(stop)
		go func() {
			defer close(out)
			batch := make([]drawn, 0, drawBatch)
			for i := range r.cfg.checks {
				c, err := r.draw(i)
				batch = append(batch, drawn{c, err})
				last := err != nil || r.ctx.Err() != nil || i == r.cfg.checks-1
				if len(batch) < drawBatch && !last {
					continue
				}
				select {
				case out <- batch:
				case <-stop:
					return
				}
				if last {
					return
				}
				batch = make([]drawn, 0, drawBatch)
			}
		}()
		for batch := range out {
			for _, d := range batch {
				if !yield(d) {
					return
				}
			}
		}
	}
}

// draw returns the random phase's case i: a pure function of the seed.
func (r *runner) draw(i int) (c generators.Case, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the suite itself failed (a bug in stsconform): drawing case %d: %v", i, p)
		}
	}()
	return r.gen.Example(int(r.seed + uint64(i))), nil
}

func (r *runner) write(rep report.Report) error {
	var table strings.Builder
	report.WriteTable(&table, rep)
	fmt.Fprint(r.cfg.out, table.String())
	if err := report.WriteViews(rep, r.cfg.views); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	if r.cfg.reportPath == "" {
		return nil
	}
	if err := report.WriteFiles(rep, r.cfg.reportPath); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	return os.WriteFile(report.TablePath(r.cfg.reportPath), []byte(table.String()), 0o644)
}

func (r *runner) callerKinds() []call.CallerKind {
	var out []call.CallerKind
	for _, kind := range call.CallerKinds {
		for _, ts := range r.targets {
			if _, ok := ts.callers[kind]; ok {
				out = append(out, kind)
				break
			}
		}
	}
	return out
}

func (r *runner) targetInfos() []report.TargetInfo {
	out := make([]report.TargetInfo, len(r.targets))
	for i, ts := range r.targets {
		out[i] = report.TargetInfo{Name: ts.target.Name()}
		if e, ok := ts.target.(interface{ Endpoint() string }); ok {
			out[i].Endpoint = e.Endpoint()
		}
		if v, ok := ts.target.(Versioned); ok {
			out[i].Version = v.Version()
		}
		if l, ok := ts.target.(interface{ LogPath() string }); ok {
			out[i].Log = l.LogPath()
		}
	}
	return out
}

// diverges reports whether the named target diverged on a case of class.
func diverges(obs []report.Observation, target string) (report.Observation, bool) {
	for _, o := range obs {
		if o.Target == target && o.Verdict.Result == compare.Diverge {
			return o, true
		}
	}
	return report.Observation{}, false
}
