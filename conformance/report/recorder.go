package report

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/oracle"
)

// Observation is what one target did with one case, and its verdict.
type Observation struct {
	Target      string
	Expectation oracle.Expectation
	Outcome     call.Outcome
	Err         error
	Verdict     compare.Verdict
	// Curl, when the target is reachable over HTTP, gives the command that
	// resends the case; it is only called for the examples kept.
	Curl func() string
}

// Recorder builds a Report from the cases of a run. It is safe for
// concurrent use.
type Recorder struct {
	mu      sync.Mutex
	rep     Report
	rows    map[string]*Row
	pending map[[2]string]*pendingExample // (class, target) → smallest case of its worst result
	fields  map[[2]string]map[string]bool // (class, target) → fields that differed in divergences
	targets []string
	facts   factTallies
	cut     Interruption // what an interrupt cut, if one came
	phases  phaseTallies // per-phase counts (phases.go)
	// findings by (target, signature) (finding.go)
	findings map[[2]string]*findingState
}

// pendingExample is a cell's example before it is rendered (at Finish).
type pendingExample struct {
	result compare.Result
	size   int
	in     call.Input
	caller call.CallerKind
	obs    Observation
}

// NewRecorder starts a report for the given targets.
func NewRecorder(targets []TargetInfo, seed uint64, replay string) *Recorder {
	r := &Recorder{rows: map[string]*Row{}, pending: map[[2]string]*pendingExample{}, fields: map[[2]string]map[string]bool{}, findings: map[[2]string]*findingState{}, rep: Report{
		SchemaVersion: SchemaVersion, Tool: "stsconform", StartedAt: time.Now().UTC(),
		Seed: seed, Replay: replay, Targets: targets, Totals: map[string]Counts{},
		Divergences: []Example{}, Disagreements: []Disagreement{},
	}}
	for _, t := range targets {
		r.targets = append(r.targets, t.Name)
	}
	return r
}

// Record adds one case: its class labels, its input and caller, and what
// each target did.
func (r *Recorder) Record(labels []string, in call.Input, caller call.CallerKind, obs []Observation) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rep.Checks++
	for _, o := range obs {
		totals := r.rep.Totals[o.Target]
		totals.Add(o.Verdict.Result)
		r.rep.Totals[o.Target] = totals
		r.facts.add(o)
		for _, label := range labels {
			r.cell(label, o, in, caller)
		}
		r.noteFinding(labels, in, caller, o)
	}
	r.noteDisagreement(labels, in, caller, obs)
	r.phases.note(labels, obs)
}

func (r *Recorder) cell(label string, o Observation, in call.Input, caller call.CallerKind) {
	row, ok := r.rows[label]
	if !ok {
		row = &Row{Class: label, Cells: map[string]Cell{}}
		r.rows[label] = row
	}
	cell := row.Cells[o.Target]
	cell.Add(o.Verdict.Result)
	row.Cells[o.Target] = cell
	key := [2]string{label, o.Target}
	if o.Verdict.Result == compare.Diverge {
		r.noteFields(key, o.Verdict.Diffs)
	}
	p := r.pending[key]
	if p == nil || severity(o.Verdict.Result) > severity(p.result) ||
		o.Verdict.Result == p.result && in.Size() < p.size {
		r.pending[key] = &pendingExample{result: o.Verdict.Result, size: in.Size(), in: in, caller: caller, obs: o}
	}
}

func (r *Recorder) noteFields(key [2]string, diffs []compare.Diff) {
	set := r.fields[key]
	if set == nil {
		set = map[string]bool{}
		r.fields[key] = set
	}
	for _, d := range diffs {
		if d.Status != oracle.Unverified {
			set[d.Field] = true
		}
	}
}

func severity(r compare.Result) int {
	switch r {
	case compare.Diverge:
		return 2
	case compare.Unverified:
		return 1
	}
	return 0
}

// NewExample describes one observation of one case.
func NewExample(class string, in call.Input, caller call.CallerKind, o Observation) *Example {
	ex := &Example{
		Target: o.Target, Class: class, Result: o.Verdict.Result, Input: in, InputText: in.String(),
		Caller: caller, Diffs: o.Verdict.Diffs,
	}
	if o.Err != nil {
		ex.Actual = "no usable answer: " + o.Err.Error()
	} else {
		ex.Actual = o.Outcome.String()
	}
	for _, a := range o.Expectation.Alternatives {
		ex.Expected = append(ex.Expected, DescribeExpected(a))
	}
	if o.Expectation.AnyAnswer != nil {
		ex.Expected = append(ex.Expected, "unknown: "+o.Expectation.AnyAnswer.Source)
	}
	for _, f := range o.Verdict.Reasons {
		ex.Reasons = append(ex.Reasons, fmt.Sprintf("%s [%s] %s", f.ID, f.Status, f.Source))
	}
	if o.Curl != nil {
		ex.Replay = &Replay{Curl: o.Curl()}
	}
	return ex
}

// DescribeExpected prints one expected alternative on one line.
func DescribeExpected(e oracle.Expected) string {
	s := fmt.Sprintf("%s HTTP %d", e.Kind, e.HTTPStatus)
	switch {
	case e.Error != nil && len(e.Error.Clauses) > 0:
		parts := []string{}
		for _, c := range e.Error.Clauses {
			p := c.Member + ":" + string(c.Constraint)
			if c.Optional {
				p += "(optional)"
			}
			parts = append(parts, p)
		}
		s += fmt.Sprintf(" Sender/%s clauses {%s}", e.Error.Code, strings.Join(parts, ", "))
	case e.Error != nil:
		s += fmt.Sprintf(" Sender/%s: %s", e.Error.Code, e.Error.Message)
	case e.Success != nil:
		s += fmt.Sprintf(" credentials (%s… key) valid for %s, token >= %d bytes",
			e.Success.AccessKeyPrefix, e.Success.Duration, e.Success.MinTokenBytes)
	}
	return s + " [" + string(e.Status()) + "]"
}

// maxDisagreements bounds how many cross-target disagreements are kept.
const maxDisagreements = 20

func (r *Recorder) noteDisagreement(labels []string, in call.Input, caller call.CallerKind, obs []Observation) {
	if len(obs) < 2 || len(r.rep.Disagreements) >= maxDisagreements || !anyUnverified(obs) {
		return
	}
	answers := map[string]string{}
	distinct := map[string]bool{}
	verified := true
	for _, o := range obs {
		n := compare.Normalize(o.Outcome, o.Err).String()
		answers[o.Target] = n
		distinct[n] = true
		verified = verified && o.Verdict.Result != compare.Unverified
	}
	if len(distinct) > 1 && !verified {
		r.rep.Disagreements = append(r.rep.Disagreements, Disagreement{
			Class: strings.Join(labels, " "), InputText: in.String(), Caller: caller, Answers: answers})
	}
}

// example renders a cell's example.
func (r *Recorder) example(class, target string) *Example {
	p := r.pending[[2]string{class, target}]
	switch {
	case p == nil:
		return nil
	}
	return NewExample(class, p.in, p.caller, p.obs)
}

func (r *Recorder) sortedClasses() []string {
	classes := make([]string, 0, len(r.rows))
	for c := range r.rows {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	return classes
}

// Finish returns the report. partial marks a run that stopped early.
func (r *Recorder) Finish(partial bool) Report {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep := r.rep
	rep.FinishedAt = time.Now().UTC()
	rep.Partial = partial
	if partial {
		cut := r.cut
		if cut.Phase == "" {
			cut.Phase = "end"
		}
		rep.Interruption = &cut
	}
	rep.UnverifiedFacts = r.facts.list()
	rep.Phases = append([]PhaseCount(nil), r.phases.list...)
	rep.Matrix = nil
	rep.Divergences = []Example{}
	for _, class := range r.sortedClasses() {
		row := Row{Class: class, Cells: map[string]Cell{}}
		for t, c := range r.rows[class].Cells {
			c.Example = r.example(class, t)
			c.DivergentFields = sortedKeys(r.fields[[2]string{class, t}])
			row.Cells[t] = c
		}
		rep.Matrix = append(rep.Matrix, row)
	}
	rep.Findings = r.findingList()
	for _, f := range rep.Findings {
		rep.Divergences = append(rep.Divergences, f.Example)
	}
	return rep
}

func anyUnverified(obs []Observation) bool {
	for _, o := range obs {
		if o.Verdict.Result == compare.Unverified {
			return true
		}
	}
	return false
}

func sortedKeys(set map[string]bool) []string {
	if len(set) == 0 {
		return nil
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
