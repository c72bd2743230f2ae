package clientgate

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/oracle"
	discover "github.com/stsconform/stsconform/conformance/record"
	"github.com/stsconform/stsconform/conformance/report"
)

// Property classes: the rows of the gate's report.
const (
	ClassValidation     = "validation"
	ClassEncoding       = "encoding"
	ClassSigning        = "signing"
	ClassSuccessParsing = "success parsing"
	ClassErrorParsing   = "error parsing"
	ClassRetries        = "retries"
)

// Classes lists the property classes in report order.
var Classes = []string{ClassValidation, ClassEncoding, ClassSigning, ClassSuccessParsing, ClassErrorParsing, ClassRetries}

// Observation is one property judged on one case for one client.
type Observation struct {
	Client, Class string
	// Result is agree, diverge or unverified; NotExpressible overrides it.
	Result         compare.Result
	NotExpressible bool
	Diffs          []compare.Diff
	InputText      string
	Size           int
	Expected       []string
	Actual         string
	Reasons        []string
	Replay         string
	// Facts are the UNVERIFIED facts an unverified result rests on.
	Facts []oracle.Fact
	// Latitude lists what the client did within the protocol's latitude
	// (notes, not divergences): an Expiration kept as a string, a zoneless
	// one held naive, an epoch read as an instant.
	Latitude []latitude
}

// latitude is one note of an observation: its kind and a short example.
type latitude struct{ key, example string }

// recorder builds the gate's report.Report.
type recorder struct {
	mu      sync.Mutex
	rep     report.Report
	cells   map[[2]string]*report.Cell
	fields  map[[2]string]map[string]bool
	sizes   map[[2]string]int
	letsBy  map[string]map[string]int // client → broken constraint → count
	letsEx  map[[2]string]string      // (client, constraint) → smallest input
	notes   map[string]map[string]int // client → note kind → count
	notesEx map[[2]string]string      // (client, note kind) → shortest example
	facts   map[string]*report.FactTally
	clients []string
	observe func(Observation)
}

func newRecorder(clients []report.TargetInfo, seed uint64, replay string) *recorder {
	r := &recorder{cells: map[[2]string]*report.Cell{}, fields: map[[2]string]map[string]bool{},
		sizes: map[[2]string]int{}, letsBy: map[string]map[string]int{}, letsEx: map[[2]string]string{},
		notes: map[string]map[string]int{}, notesEx: map[[2]string]string{}, facts: map[string]*report.FactTally{}}
	r.rep = report.Report{SchemaVersion: report.SchemaVersion, Tool: "stsconform sdk-gate", StartedAt: time.Now().UTC(),
		Seed: seed, Replay: replay, Targets: clients, Totals: map[string]report.Counts{},
		Divergences: []report.Example{}, Disagreements: []report.Disagreement{}}
	for _, c := range clients {
		r.clients = append(r.clients, c.Name)
	}
	return r
}

// add records one observation.
func (r *recorder) add(o Observation) {
	if r.observe != nil {
		r.observe(o)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	key := [2]string{o.Class, o.Client}
	cell := r.cells[key]
	if cell == nil {
		cell = &report.Cell{}
		r.cells[key] = cell
	}
	totals := r.rep.Totals[o.Client]
	if o.NotExpressible {
		cell.NotExpressible++
		totals.NotExpressible++
	} else {
		cell.Add(o.Result)
		totals.Add(o.Result)
	}
	r.rep.Totals[o.Client] = totals
	r.tallyNotes(o)
	if o.Result == compare.Diverge {
		set := r.fields[key]
		if set == nil {
			set = map[string]bool{}
			r.fields[key] = set
		}
		for _, d := range o.Diffs {
			if d.Status != oracle.Unverified {
				set[d.Field] = true
			}
		}
	}
	if worse(o, cell.Example, o.Size, r.sizes[key]) {
		cell.Example, r.sizes[key] = example(o), o.Size
	}
}

// tallyNotes counts an observation's notes and the unverified facts its
// result rests on; the caller holds the lock.
func (r *recorder) tallyNotes(o Observation) {
	for _, l := range o.Latitude {
		m := r.notes[o.Client]
		if m == nil {
			m = map[string]int{}
			r.notes[o.Client] = m
		}
		m[l.key]++
		k := [2]string{o.Client, l.key}
		if ex, ok := r.notesEx[k]; !ok || len(l.example) < len(ex) {
			r.notesEx[k] = l.example
		}
	}
	if o.Result != compare.Unverified || o.NotExpressible {
		return
	}
	for _, f := range o.Facts {
		t := r.facts[f.ID]
		if t == nil {
			t = &report.FactTally{ID: f.ID, Status: f.Status, Source: f.Source, ByTarget: map[string]int{}, Discover: discover.DiscoverCommand(f.ID)}
			r.facts[f.ID] = t
		}
		t.Verdicts++
		t.ByTarget[o.Client]++
	}
}

// rank orders results for picking a cell's example, worst first: a wrong
// value, then a refusal of a valid body (lesser), unverified, not
// expressible, agreement.
func rank(res compare.Result, notExpressible bool, diffs []compare.Diff) int {
	switch {
	case res == compare.Diverge && !allLesser(diffs):
		return 4
	case res == compare.Diverge:
		return 3
	case res == compare.Unverified:
		return 2
	case notExpressible:
		return 1
	}
	return 0
}

// lesserPrefix marks the fields of the lesser grade of divergence.
const lesserPrefix = "response refused (lesser)"

func allLesser(diffs []compare.Diff) bool {
	for _, d := range diffs {
		if !strings.HasPrefix(d.Field, lesserPrefix) {
			return false
		}
	}
	return len(diffs) > 0
}

func worse(o Observation, cur *report.Example, size, curSize int) bool {
	if cur == nil {
		return true
	}
	now, old := rank(o.Result, o.NotExpressible, o.Diffs), rank(cur.Result, cur.Result == notExpressibleResult, cur.Diffs)
	return now > old || now == old && size < curSize
}

// notExpressibleResult is an example's result when nothing could be sent.
const notExpressibleResult compare.Result = "not-expressible"

func example(o Observation) *report.Example {
	res := o.Result
	if o.NotExpressible {
		res = notExpressibleResult
	}
	ex := &report.Example{Target: o.Client, Class: o.Class, Result: res, InputText: o.InputText,
		Expected: o.Expected, Actual: o.Actual, Diffs: o.Diffs, Reasons: o.Reasons}
	if o.Replay != "" {
		ex.Replay = &report.Replay{Command: o.Replay}
	}
	return ex
}

// letThrough notes invalid input a client sent without refusing it.
func (r *recorder) letThrough(client string, broken []string, input string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	m := r.letsBy[client]
	if m == nil {
		m = map[string]int{}
		r.letsBy[client] = m
	}
	for _, b := range broken {
		m[b]++
		if ex, ok := r.letsEx[[2]string{client, b}]; !ok || len(input) < len(ex) {
			r.letsEx[[2]string{client, b}] = input
		}
	}
}

func (r *recorder) finish(partial bool) report.Report {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep := r.rep
	rep.FinishedAt, rep.Partial = time.Now().UTC(), partial
	for _, class := range Classes {
		row := report.Row{Class: class, Cells: map[string]report.Cell{}}
		for _, c := range r.clients {
			cell := r.cells[[2]string{class, c}]
			if cell == nil {
				continue
			}
			cell.DivergentFields = sortedKeys(r.fields[[2]string{class, c}])
			row.Cells[c] = *cell
			if cell.Diverge > 0 && cell.Example != nil {
				rep.Divergences = append(rep.Divergences, *cell.Example)
			}
		}
		if len(row.Cells) > 0 {
			rep.Matrix = append(rep.Matrix, row)
		}
	}
	for i := range rep.Targets {
		rep.Targets[i].Notes = append(rep.Targets[i].Notes, r.letsThroughNote(rep.Targets[i].Name))
		if n := r.latitudeNote(rep.Targets[i].Name); n != "" {
			rep.Targets[i].Notes = append(rep.Targets[i].Notes, n)
		}
	}
	rep.UnverifiedFacts = r.factList()
	return rep
}

// latitudeNote states what a client did within the protocol's latitude
// (wire.Note findings), kind by kind with a count and the shortest example.
func (r *recorder) latitudeNote(client string) string {
	m := r.notes[client]
	if len(m) == 0 {
		return ""
	}
	var parts []string
	for _, k := range sortedKeys(boolSet(m)) {
		parts = append(parts, k+" ×"+strconv.Itoa(m[k])+" (e.g. "+r.notesEx[[2]string{client, k}]+")")
	}
	return "reads within the protocol's latitude (notes, not divergences): " + strings.Join(parts, ", ")
}

// factList is the report's unverifiedFacts: most verdicts first.
func (r *recorder) factList() []report.FactTally {
	var out []report.FactTally
	for _, t := range r.facts {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Verdicts != out[j].Verdicts {
			return out[i].Verdicts > out[j].Verdicts
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// letsThroughNote states which invalid inputs a client sent unrefused.
func (r *recorder) letsThroughNote(client string) string {
	m := r.letsBy[client]
	var sure, unsure []string
	for _, k := range sortedKeys(boolSet(m)) {
		part := k + " ×" + strconv.Itoa(m[k]) + " (e.g. " + r.letsEx[[2]string{client, k}] + ")"
		if strings.HasSuffix(k, unverifiedMark) {
			unsure = append(unsure, part)
		} else {
			sure = append(sure, part)
		}
	}
	note := "lets through (sent unrefused, AWS refuses): "
	if len(sure) == 0 {
		note += "nothing drawn"
	}
	note += strings.Join(sure, ", ")
	if len(unsure) > 0 {
		note += "; sent unrefused where AWS's answer is unverified (length unit of non-ASCII values, integers written as floats): " + strings.Join(unsure, ", ")
	}
	return note
}

func boolSet(m map[string]int) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
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
