package report

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/stsconform/stsconform/conformance/call"
	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/oracle"
)

// Finding is one deviation of one target: the divergences whose signature
// (what deviates, derived from the comparison's differences and the
// oracle's clauses, never from the generator's class) is the same. It has
// one example, minimised while keeping that signature, and lists every
// (class, target) cell it was seen in.
type Finding struct {
	Target string `json:"target"`
	// Title names what deviates, from its example, e.g. "serialNumber:
	// pattern not enforced (value accepted)".
	Title string `json:"title"`
	// Signature identifies the finding; baselines key their entries by it.
	Signature string `json:"signature"`
	// DivergentFields are the fields that differed in its divergences.
	DivergentFields []string `json:"divergentFields"`
	// Cases counts the run's cases that showed it.
	Cases int `json:"cases"`
	// Cells are the classes it was seen in, with how many cases each.
	Cells []FindingCell `json:"cells"`
	// Example is its smallest case: minimised when Example.Shrunk is set.
	Example Example `json:"example"`
	// Baseline is "known" (with Reason) or "new" when the run had one.
	Baseline string `json:"baseline,omitempty"`
	Reason   string `json:"reason,omitempty"`
}

// FindingCell is one class a finding was seen in.
type FindingCell struct {
	Class string `json:"class"`
	Cases int    `json:"cases"`
}

// Classes lists the classes of the finding's cells.
func (f Finding) Classes() []string {
	out := make([]string, len(f.Cells))
	for i, c := range f.Cells {
		out[i] = c.Class
	}
	return out
}

// Signature is one deviation a divergence shows: a member whose clauses
// differ from the ones AWS reports (its constraint is in the finding's
// title), or, when no member does, the fields that differ with the
// expected answer they differ on.
type Signature struct {
	Key    string
	Fields []string
}

var (
	clauseRE = regexp.MustCompile(`at '([A-Za-z]+)' failed to satisfy constraint: Member must ([a-z ]+)`)
	phrases  = []struct{ prefix, constraint string }{
		{"have length less than or equal", "max"}, {"have value less than or equal", "max"},
		{"have length greater than or equal", "min"}, {"have value greater than or equal", "min"},
		{"satisfy regular expression pattern", "pattern"},
	}
)

// consequential are the fields a member's deviation changes with it.
var consequential = map[string]bool{"outcome": true, "clauses": true, "clause count": true, "header": true,
	"code": true, "httpStatus": true, "type": true, "message": true}

// SignaturesOf derives the deviations a diverging observation shows from
// the oracle's clauses and the target's answer: one per member whose
// clauses differ from the ones AWS reports (a missing refusal, a refused
// valid value, another constraint), else one for the verified fields that
// differ. Two deviations in one case (two members) are two signatures.
func SignaturesOf(o Observation) []Signature {
	fields := DivergentFieldsOf(o)
	var out []Signature
	if slices.ContainsFunc(fields, func(f string) bool { return consequential[f] || strings.HasPrefix(f, "clause ") }) {
		for _, m := range deviatingMembers(o) {
			out = append(out, Signature{Key: m + " validated differently", Fields: fields})
		}
	}
	if len(out) > 0 {
		return out
	}
	alt := firstAlternative(o)
	if alt != nil && alt.Success != nil && !slices.Contains(fields, "outcome") {
		// Each field of a successful answer is a deviation of its own.
		for _, f := range fields {
			out = append(out, Signature{Key: f + " differs on success", Fields: []string{f}})
		}
		return out
	}
	return []Signature{{Key: strings.Join(fields, ", ") + " differs on " + expectedName(alt), Fields: fields}}
}

func firstAlternative(o Observation) *oracle.Expected {
	if len(o.Expectation.Alternatives) > 0 {
		return &o.Expectation.Alternatives[0]
	}
	return nil
}

// memberClauses are the constraints AWS reports for each member (required
// and optional) and the ones the target reported.
type memberClauses struct{ want, may, got map[string][]string }

func clausesOf(o Observation) memberClauses {
	mc := memberClauses{want: map[string][]string{}, may: map[string][]string{}, got: map[string][]string{}}
	if alt := firstAlternative(o); alt != nil && alt.Error != nil {
		for _, c := range alt.Error.Clauses {
			if c.Optional {
				mc.may[c.Member] = append(mc.may[c.Member], string(c.Constraint))
			} else {
				mc.want[c.Member] = append(mc.want[c.Member], string(c.Constraint))
			}
		}
	}
	if e := o.Outcome.Error; o.Err == nil && e != nil {
		for _, m := range clauseRE.FindAllStringSubmatch(e.Message, -1) {
			mc.got[m[1]] = append(mc.got[m[1]], constraintOf(m[2]))
		}
	}
	return mc
}

func constraintOf(phrase string) string {
	for _, p := range phrases {
		if strings.HasPrefix(phrase, p.prefix) {
			return p.constraint
		}
	}
	return "?"
}

// deviatingMembers lists, sorted, the members whose reported clauses are
// not the ones AWS reports: another set of constraints, or a clause of
// theirs the comparison found missing or worded otherwise.
func deviatingMembers(o Observation) []string {
	mc := clausesOf(o)
	set := map[string]bool{}
	for _, m := range union(mc.want, mc.got) {
		if !sameClauses(mc.want[m], mc.may[m], mc.got[m]) {
			set[m] = true
		}
	}
	for _, d := range o.Verdict.Diffs {
		if d.Status == oracle.Unverified {
			continue
		}
		if rest, ok := strings.CutPrefix(d.Field, "clause "); ok && d.Field != "clause count" {
			m, _, _ := strings.Cut(rest, ":")
			set[m] = true
		}
		if d.Field == "clauses" {
			for _, m := range clauseRE.FindAllStringSubmatch(d.Actual, -1) {
				set[m[1]] = true
			}
		}
	}
	return sortedKeys(set)
}

// sameClauses: every required constraint reported, nothing beyond the
// required and optional ones.
func sameClauses(want, may, got []string) bool {
	for _, c := range want {
		if !slices.Contains(got, c) {
			return false
		}
	}
	for _, c := range got {
		if !slices.Contains(want, c) && !slices.Contains(may, c) {
			return false
		}
	}
	return true
}

func union(a, b map[string][]string) []string {
	set := map[string]bool{}
	for k := range a {
		set[k] = true
	}
	for k := range b {
		set[k] = true
	}
	return sortedKeys(set)
}

// FindingTitle names what deviates in an observation of a finding, e.g.
// "serialNumber: pattern clause missing (value accepted)".
func FindingTitle(o Observation, signature string) string {
	member, ok := strings.CutSuffix(signature, " validated differently")
	if !ok {
		return signature
	}
	mc := clausesOf(o)
	var missing, extra []string
	for _, c := range mc.want[member] {
		if !slices.Contains(mc.got[member], c) {
			missing = append(missing, c)
		}
	}
	for _, c := range mc.got[member] {
		if !slices.Contains(mc.want[member], c) && !slices.Contains(mc.may[member], c) {
			extra = append(extra, c)
		}
	}
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, strings.Join(missing, "+")+" clause missing")
	}
	if len(extra) > 0 {
		parts = append(parts, strings.Join(extra, "+")+" clause where AWS reports none")
	}
	if len(parts) == 0 {
		parts = append(parts, strings.Join(mc.got[member], "+")+" clause worded otherwise")
	}
	title := member + ": " + strings.Join(parts, ", ")
	switch {
	case len(mc.want[member]) > 0 && o.Err == nil && o.Outcome.Error == nil:
		return title + " (value accepted)"
	case len(mc.want) == 0 && len(extra) > 0:
		return title + " (valid value refused)"
	}
	return title
}

func expectedName(alt *oracle.Expected) string {
	switch {
	case alt == nil:
		return "no expectation"
	case alt.Error != nil:
		return alt.Error.Code
	}
	return "success"
}

// DivergentFieldsOf lists the verified fields that differ in an
// observation, sorted.
func DivergentFieldsOf(o Observation) []string {
	var out []string
	for _, d := range o.Verdict.Diffs {
		if d.Status != oracle.Unverified && !slices.Contains(out, d.Field) {
			out = append(out, d.Field)
		}
	}
	slices.Sort(out)
	return out
}

// findingState is a finding while the run goes on.
type findingState struct {
	target string
	sig    Signature
	title  string
	cases  int
	cells  map[string]int
	fields map[string]bool
	size   int
	class  string
	in     call.Input
	caller call.CallerKind
	obs    Observation
	shrunk *Example
}

// noteFinding adds one diverging observation to its finding.
func (r *Recorder) noteFinding(labels []string, in call.Input, caller call.CallerKind, o Observation) {
	if o.Verdict.Result != compare.Diverge || len(labels) == 0 {
		return
	}
	for _, sig := range SignaturesOf(o) {
		key := [2]string{o.Target, sig.Key}
		f := r.findings[key]
		if f == nil {
			f = &findingState{target: o.Target, sig: sig, cells: map[string]int{}, fields: map[string]bool{}, size: -1}
			r.findings[key] = f
		}
		f.cases++
		for _, l := range labels {
			f.cells[l]++
		}
		for _, fl := range sig.Fields {
			f.fields[fl] = true
		}
		if f.shrunk == nil && (f.size < 0 || in.Size() < f.size) {
			f.size, f.class, f.in, f.caller, f.obs = in.Size(), labels[0], in, caller, o
			f.title = FindingTitle(o, sig.Key)
		}
	}
}

// FindingStart is where a finding's minimisation starts: its smallest case.
type FindingStart struct {
	Target, Signature, Class string
	Input                    call.Input
	Caller                   call.CallerKind
}

// FindingStarts lists every finding so far, in a stable order.
func (r *Recorder) FindingStarts() []FindingStart {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []FindingStart
	for _, key := range r.findingKeys() {
		f := r.findings[key]
		out = append(out, FindingStart{Target: f.target, Signature: key[1], Class: f.class, Input: f.in, Caller: f.caller})
	}
	return out
}

// SetShrunk replaces a finding's example by its minimised one, o being
// the target's observation of it (which names the finding).
func (r *Recorder) SetShrunk(target, signature string, ex Example, o Observation) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if f := r.findings[[2]string{target, signature}]; f != nil {
		ex.Shrunk = true
		f.shrunk = &ex
		f.title = FindingTitle(o, signature)
	}
}

func (r *Recorder) findingKeys() [][2]string {
	keys := make([][2]string, 0, len(r.findings))
	for k := range r.findings {
		keys = append(keys, k)
	}
	order := map[string]int{}
	for i, t := range r.targets {
		order[t] = i
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return order[keys[i][0]] < order[keys[j][0]]
		}
		return keys[i][1] < keys[j][1]
	})
	return keys
}

// findingList renders the findings.
func (r *Recorder) findingList() []Finding {
	out := []Finding{}
	for _, key := range r.findingKeys() {
		f := r.findings[key]
		fd := Finding{Target: f.target, Title: f.title, Signature: key[1], DivergentFields: sortedKeys(f.fields), Cases: f.cases}
		for _, c := range sortedKeys(boolSet(f.cells)) {
			fd.Cells = append(fd.Cells, FindingCell{Class: c, Cases: f.cells[c]})
		}
		if f.shrunk != nil {
			fd.Example = *f.shrunk
		} else {
			fd.Example = *NewExample(f.class, f.in, f.caller, f.obs)
		}
		out = append(out, fd)
	}
	return out
}

func boolSet(m map[string]int) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
