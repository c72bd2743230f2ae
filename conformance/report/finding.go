package report

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/stsconform/stsconform/call"
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
	// Includes are the deviations of the same member never seen without
	// it, which follow from it, e.g. "serialNumber max clause missing"
	// under "serialNumber pattern clause missing" for a server that trims
	// spaces. They are no findings of their own.
	Includes []string `json:"includes,omitempty"`
	// IncludedCases counts, for each included deviation, the cases that
	// showed it (every one of them showed this finding too).
	IncludedCases map[string]int `json:"includedCases,omitempty"`
	// Cells are the classes it was seen in, with how many cases each.
	Cells []FindingCell `json:"cells"`
	// Example is its simplest case (fewest broken constraints, then
	// smallest): minimised when Example.Shrunk is set.
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

// Signature is one deviation a divergence shows: one constraint of one
// member whose clause differs from the one AWS reports, and how (missing,
// reported where AWS reports none, worded differently), e.g.
// "serialNumber pattern clause missing"; or, when no member's clause
// differs, the fields that differ with the expected answer they differ on.
type Signature struct {
	Key    string
	Fields []string
}

// The ways a member's clause for one constraint deviates, as signatures
// end: "<member> <constraint> clause <direction>".
const (
	clauseMissing     = "clause missing"
	clauseExtra       = "clause where AWS reports none"
	clauseReworded    = "clause worded differently"
	unknownConstraint = "?"
)

var (
	clauseRE = regexp.MustCompile(`at '([A-Za-z]+)' failed to satisfy constraint: Member must ([^;]+)`)
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
// the oracle's clauses and the target's answer: one per member and
// constraint whose clause differs from the one AWS reports (a missing
// refusal, a refused valid value, another wording), else one for the
// verified fields that differ. Two deviations in one case (two
// constraints, of one member or two) are two signatures.
func SignaturesOf(o Observation) []Signature {
	fields := DivergentFieldsOf(o)
	var out []Signature
	if slices.ContainsFunc(fields, func(f string) bool { return consequential[f] || strings.HasPrefix(f, "clause ") }) {
		for _, k := range clauseDeviations(o) {
			out = append(out, Signature{Key: k, Fields: fields})
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
// wantText and gotText are their phrases ("have length less than or
// equal to 256"), keyed "member:constraint".
type memberClauses struct {
	want, may, got    map[string][]string
	wantText, gotText map[string]string
}

func clausesOf(o Observation) memberClauses {
	mc := memberClauses{want: map[string][]string{}, may: map[string][]string{}, got: map[string][]string{},
		wantText: map[string]string{}, gotText: map[string]string{}}
	if alt := firstAlternative(o); alt != nil && alt.Error != nil {
		for _, c := range alt.Error.Clauses {
			if m := clauseRE.FindStringSubmatch(c.Text); m != nil {
				mc.wantText[c.Member+":"+string(c.Constraint)] = phraseOf(m[2])
			}
			if c.Optional {
				mc.may[c.Member] = append(mc.may[c.Member], string(c.Constraint))
			} else {
				mc.want[c.Member] = append(mc.want[c.Member], string(c.Constraint))
			}
		}
	}
	if e := o.Outcome.Error; o.Err == nil && e != nil {
		for _, m := range clauseRE.FindAllStringSubmatch(e.Message, -1) {
			c := constraintOf(m[2])
			mc.got[m[1]] = append(mc.got[m[1]], c)
			mc.gotText[m[1]+":"+c] = phraseOf(m[2])
		}
	}
	return mc
}

// phraseOf trims what follows a clause's phrase in a message.
func phraseOf(s string) string {
	s, _, _ = strings.Cut(s, oracle.ClauseSeparator)
	return strings.TrimSpace(s)
}

func constraintOf(phrase string) string {
	for _, p := range phrases {
		if strings.HasPrefix(phrase, p.prefix) {
			return p.constraint
		}
	}
	return unknownConstraint
}

// clauseDeviations lists, sorted, "<member> <constraint> clause <how>" for
// each constraint whose clause the target reports otherwise than AWS.
func clauseDeviations(o Observation) []string {
	mc := clausesOf(o)
	reworded := rewordedClauses(o, mc)
	verified := map[string]bool{}
	for _, f := range DivergentFieldsOf(o) {
		verified[f] = true
	}
	set := map[string]bool{}
	for _, m := range union(mc.want, mc.got) {
		for _, k := range memberDeviations(m, mc, reworded, verified) {
			set[k] = true
		}
	}
	return sortedKeys(set)
}

// rewordedClauses are the clauses ("member:constraint") the target
// reported whose text the comparison did not find as AWS words it.
func rewordedClauses(o Observation, mc memberClauses) map[string]bool {
	out := map[string]bool{}
	for _, d := range o.Verdict.Diffs {
		if d.Status == oracle.Unverified {
			continue
		}
		if rest, ok := strings.CutPrefix(d.Field, "clause "); ok && d.Field != "clause count" {
			if m, c, _ := strings.Cut(rest, ":"); slices.Contains(mc.got[m], c) {
				out[rest] = true
			}
		}
		if d.Field == "clauses" {
			// An optional clause in other words is left over, with no clause difference.
			for _, sm := range clauseRE.FindAllStringSubmatch(d.Actual, -1) {
				if m, c := sm[1], constraintOf(sm[2]); slices.Contains(mc.may[m], c) {
					out[m+":"+c] = true
				}
			}
		}
	}
	return out
}

// memberDeviations are one member's deviations: the required clauses the
// target left out (a phrase no constraint is known by, in the place of a
// missing one, is that clause worded differently); else the clauses AWS
// does not report; else the clauses worded differently. A clause naming
// another value than the one sent is missing: the target validated
// another value. A wrong bound in a clause's text is the bound's
// direction: stricter than AWS is a clause where AWS reports none, laxer
// a clause missing, whichever case showed it. The clauses a target
// reports in the place of one it left out follow from it and make no
// deviation of their own. Only what the comparison verified counts: a
// clause missing needs its clause difference or the outcome's, one where
// AWS reports none the leftover clauses' or, where AWS reports no clause
// at all, the outcome's, code's, status's or message's.
func memberDeviations(m string, mc memberClauses, reworded, verified map[string]bool) []string {
	var missing, extra, other []string
	unknown := countOf(mc.got[m], unknownConstraint)
	for _, c := range mc.want[m] {
		switch {
		case slices.Contains(mc.got[m], c) || !verified["outcome"] && !verified["clause "+m+":"+c]:
		case unknown > 0:
			unknown--
			other = append(other, m+" "+c+" "+clauseReworded)
		default:
			missing = append(missing, m+" "+c+" "+clauseMissing)
		}
	}
	// A refusal where AWS expects none differs in its outcome, code or status.
	refused := verified["clauses"] || len(mc.want) == 0 &&
		(verified["outcome"] || verified["code"] || verified["httpStatus"] || verified["message"])
	for _, c := range mc.got[m] {
		if c != unknownConstraint && !slices.Contains(mc.want[m], c) && !slices.Contains(mc.may[m], c) && refused {
			extra = append(extra, m+" "+c+" "+clauseExtra)
		}
	}
	if unknown > 0 && refused {
		extra = append(extra, m+" unrecognised "+clauseExtra)
	}
	for _, c := range mc.got[m] {
		if !reworded[m+":"+c] {
			continue
		}
		switch boundDirection(c, mc.wantText[m+":"+c], mc.gotText[m+":"+c]) {
		case stricter:
			extra = append(extra, m+" "+c+" "+clauseExtra)
		case laxer:
			missing = append(missing, m+" "+c+" "+clauseMissing)
		case sameText:
			missing = append(missing, m+" "+c+" "+clauseMissing)
		default:
			other = append(other, m+" "+c+" "+clauseReworded)
		}
	}
	switch {
	case len(missing) > 0:
		return missing
	case len(extra) > 0:
		return extra
	}
	return other
}

type direction int

const (
	otherText direction = iota
	sameText
	stricter
	laxer
)

var boundRE = regexp.MustCompile(`^(.*) to (-?[0-9]+)$`)

// boundDirection compares the phrases ("have value less than or equal to
// 129599") AWS and the target word a clause of constraint c with.
func boundDirection(c, want, got string) direction {
	if want == got {
		return sameText
	}
	w, g := boundRE.FindStringSubmatch(want), boundRE.FindStringSubmatch(got)
	if w == nil || g == nil || w[1] != g[1] || (c != "min" && c != "max") {
		return otherText
	}
	wb, err1 := strconv.ParseInt(w[2], 10, 64)
	gb, err2 := strconv.ParseInt(g[2], 10, 64)
	if err1 != nil || err2 != nil {
		return otherText
	}
	if (c == "min") == (gb > wb) {
		return stricter
	}
	return laxer
}

func countOf(cs []string, c string) int {
	n := 0
	for _, x := range cs {
		if x == c {
			n++
		}
	}
	return n
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
// "serialNumber: pattern clause missing (value accepted)" for the
// signature "serialNumber pattern clause missing".
func FindingTitle(o Observation, signature string) string {
	member, rest, _ := strings.Cut(signature, " ")
	constraint, how, _ := strings.Cut(rest, " ")
	if how != clauseMissing && how != clauseExtra && how != clauseReworded {
		if expected, ok := strings.CutPrefix(signature, "outcome differs on "); ok {
			return actualName(o) + " where AWS answers " + expected
		}
		return signature
	}
	title := member + ": " + constraint + " " + how
	switch {
	case how == clauseMissing && o.Err == nil && o.Outcome.Error == nil:
		return title + " (value accepted)"
	case how == clauseExtra && len(clausesOf(o).want) == 0:
		return title + " (valid value refused)"
	}
	return title
}

// actualName names what a target answered: success, an error code, or no
// usable answer.
func actualName(o Observation) string {
	switch {
	case o.Err != nil:
		return "no usable answer"
	case o.Outcome.Error != nil && o.Outcome.Error.Code != "":
		return o.Outcome.Error.Code
	case o.Outcome.Kind == call.Success:
		return "success"
	}
	return string(o.Outcome.Kind)
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
	broken int // model constraints the example's input breaks
	class  string
	in     call.Input
	caller call.CallerKind
	obs    Observation
	shrunk *Example
	// with counts, for each other deviation of the same member, the cases
	// that showed both.
	with map[string]int
}

// noteFinding adds one diverging observation to its finding.
func (r *Recorder) noteFinding(labels []string, in call.Input, caller call.CallerKind, o Observation) {
	if o.Verdict.Result != compare.Diverge || len(labels) == 0 {
		return
	}
	sigs := SignaturesOf(o)
	for _, sig := range sigs {
		key := [2]string{o.Target, sig.Key}
		f := r.findings[key]
		if f == nil {
			f = &findingState{target: o.Target, sig: sig, cells: map[string]int{}, fields: map[string]bool{}, size: -1, with: map[string]int{}}
			r.findings[key] = f
		}
		f.cases++
		for _, other := range sigs {
			if m, ok := clauseMember(sig.Key); ok && other.Key != sig.Key && strings.HasPrefix(other.Key, m+" ") {
				f.with[other.Key]++
			}
		}
		for _, l := range labels {
			f.cells[l]++
		}
		for _, fl := range sig.Fields {
			f.fields[fl] = true
		}
		if f.shrunk == nil && (f.size < 0 || simpler(brokenBy(o), in.Size(), f.broken, f.size)) {
			f.size, f.broken, f.class, f.in, f.caller, f.obs = in.Size(), brokenBy(o), labels[0], in, caller, o
			f.title = FindingTitle(o, sig.Key)
		}
	}
}

// simpler orders a finding's candidate examples: fewer broken constraints
// first (the finding's deviation alone in view), then the smaller input.
func simpler(broken, size, thanBroken, thanSize int) bool {
	if broken != thanBroken {
		return broken < thanBroken
	}
	return size < thanSize
}

// brokenBy counts the model constraints the observed input breaks: the
// clauses of the validation error the oracle expects (none when valid).
func brokenBy(o Observation) int {
	n := 0
	for _, alt := range o.Expectation.Alternatives {
		if alt.Error != nil {
			n = max(n, len(alt.Error.Clauses))
		}
	}
	return n
}

// FindingStart is where a finding's minimisation starts: its simplest case
// (see simpler).
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

// findingKeys lists the findings to report: every one but those that
// follow from another (see followsFrom).
func (r *Recorder) findingKeys() [][2]string {
	keys := make([][2]string, 0, len(r.findings))
	for k := range r.findings {
		if _, ok := r.followsFrom(k); !ok {
			keys = append(keys, k)
		}
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

// followsFrom names the finding a deviation of a member follows from
// (and is reported under): another deviation of the same member, seen in
// every case this one was seen in and in more cases. A server that trims
// spaces around a serial accepts a 257-character one with a trailing
// space: its max clause missing comes only with the pattern clause
// missing. It is that finding's own, or the one it follows from in turn.
func (r *Recorder) followsFrom(key [2]string) (string, bool) {
	f := r.findings[key]
	var best *findingState
	for other, n := range f.with {
		g := r.findings[[2]string{key[0], other}]
		if n == f.cases && g != nil && g.cases > f.cases &&
			(best == nil || g.cases > best.cases || g.cases == best.cases && g.sig.Key < best.sig.Key) {
			best = g
		}
	}
	if best == nil {
		return "", false
	}
	if up, ok := r.followsFrom([2]string{key[0], best.sig.Key}); ok {
		return up, true
	}
	return best.sig.Key, true
}

// clauseMember is the member of a clause deviation's signature.
func clauseMember(signature string) (string, bool) {
	member, rest, _ := strings.Cut(signature, " ")
	_, how, _ := strings.Cut(rest, " ")
	return member, how == clauseMissing || how == clauseExtra || how == clauseReworded
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
		for k := range r.findings {
			if k[0] == key[0] {
				if up, ok := r.followsFrom(k); ok && up == key[1] {
					fd.Includes = append(fd.Includes, k[1])
					if fd.IncludedCases == nil {
						fd.IncludedCases = map[string]int{}
					}
					fd.IncludedCases[k[1]] = r.findings[k].cases
				}
			}
		}
		slices.Sort(fd.Includes)
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
