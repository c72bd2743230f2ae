package rawwire

import (
	"slices"
	"strings"
	"sync"

	"github.com/stsconform/stsconform/conformance/report"
)

// violationRec is a violation being recorded, with its example's request
// and size for the minimiser.
type violationRec struct {
	report.RawViolation
	size int
	req  Request
}

// disagreementRec is a disagreement being recorded, with its grouping key
// and its example's size.
type disagreementRec struct {
	report.RawDisagreement
	key  string
	size int
}

// recorder accumulates what targets answered; safe for concurrent use.
type recorder struct {
	mu            sync.Mutex
	known         func(target, class, property string) bool
	cells         map[[2]string]*report.RawCell // class, target
	violations    map[[3]string]*violationRec   // class, target, property
	disagreements map[string]*disagreementRec   // class + outcomes
	checks        int                           // random requests observed
	probes        int                           // fixed probes observed
}

func newRecorder(known func(target, class, property string) bool) *recorder {
	return &recorder{known: known, cells: map[[2]string]*report.RawCell{}, violations: map[[3]string]*violationRec{},
		disagreements: map[string]*disagreementRec{}}
}

// observe records one request (a fixed probe or a random one) and every
// target's response to it.
func (rec *recorder) observe(r Request, eps []Endpoint, resps []response, probe bool) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if probe {
		rec.probes++
	} else {
		rec.checks++
	}
	outcomes := map[string]string{}
	for i, ep := range eps {
		rec.cell(r.Class, ep.Name).Cases++
		for _, v := range judge(r, resps[i]) {
			rec.violation(r, ep, v, resps[i], false)
		}
		outcomes[ep.Name] = outcome(resps[i])
	}
	rec.disagreement(r, eps[0], outcomes)
}

func (rec *recorder) cell(class, target string) *report.RawCell {
	k := [2]string{class, target}
	if rec.cells[k] == nil {
		rec.cells[k] = &report.RawCell{Class: class, Target: target}
	}
	return rec.cells[k]
}

// violation counts one and keeps the smallest example (a shrunk one wins).
func (rec *recorder) violation(r Request, ep Endpoint, v violation, resp response, shrunk bool) {
	k := [3]string{r.Class, ep.Name, v.Property}
	cur := rec.violations[k]
	if cur == nil {
		cur = &violationRec{RawViolation: report.RawViolation{Property: v.Property, Known: rec.known(ep.Name, r.Class, v.Property)}}
		rec.violations[k] = cur
	}
	if !shrunk {
		cur.Count++
	}
	ex := exampleOf(ep, r, v, resp)
	ex.Shrunk = shrunk
	if cur.Example.Curl == "" || shrunk || (!cur.Example.Shrunk && r.size() < cur.size) {
		cur.Example, cur.size, cur.req = ex, r.size(), r
	}
}

func exampleOf(ep Endpoint, r Request, v violation, resp response) report.RawExample {
	ex := report.RawExample{Request: DumpOf(ep, r), Status: resp.Status, Body: excerpt(resp.Body, dumpBytes),
		Detail: v.Detail, Curl: Curl(ep, r)}
	if resp.Err != nil {
		ex.Error = resp.Err.Error()
	}
	return ex
}

// disagreement records a request whose normalised outcomes differ.
func (rec *recorder) disagreement(r Request, ep Endpoint, outcomes map[string]string) {
	distinct := map[string]bool{}
	var sig []string
	for name, o := range outcomes {
		distinct[o] = true
		sig = append(sig, name+"="+o)
	}
	if len(distinct) < 2 {
		return
	}
	slices.Sort(sig)
	k := r.Class + "|" + strings.Join(sig, "|")
	d := rec.disagreements[k]
	if d == nil {
		d = &disagreementRec{RawDisagreement: report.RawDisagreement{Class: r.Class, Outcomes: outcomes, AWS: AWSEvidence(r.Class)}, key: k}
		rec.disagreements[k] = d
	}
	d.Count++
	if d.Example.Method == "" || r.size() < d.size {
		d.Example, d.Curl, d.size = DumpOf(ep, r), Curl(ep, r), r.size()
	}
}

// unknownCells lists the (class, target, property) violations not known.
func (rec *recorder) unknownCells() [][3]string {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var out [][3]string
	for k, v := range rec.violations {
		if !v.Known {
			out = append(out, k)
		}
	}
	slices.SortFunc(out, func(a, b [3]string) int {
		return strings.Compare(strings.Join(a[:], "\x00"), strings.Join(b[:], "\x00"))
	})
	return out
}

// shrunk replaces a cell's example by the minimiser's one.
func (rec *recorder) shrunk(r Request, ep Endpoint, v violation, resp response) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.violation(r, ep, v, resp, true)
}

// example returns a violation's current example request and its size.
func (rec *recorder) example(class, target, property string) (Request, int, bool) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	v := rec.violations[[3]string{class, target, property}]
	if v == nil {
		return Request{}, 0, false
	}
	return v.req, v.size, true
}

// markShrunk says a violation's example is the smallest the minimiser
// found.
func (rec *recorder) markShrunk(class, target, property string) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if v := rec.violations[[3]string{class, target, property}]; v != nil {
		v.Example.Shrunk = true
	}
}
