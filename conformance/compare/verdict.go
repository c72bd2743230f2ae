// Package compare judges an outcome a target gave against what the oracle
// expects, and normalises outcomes so that targets can be compared with one
// another. It never panics on garbage: whatever a target answered becomes a
// verdict.
package compare

import (
	"fmt"
	"slices"
	"time"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/oracle"
)

// Result is the verdict on one outcome.
type Result string

// Verdict results. Unverified means the outcome matched only expectations
// whose evidence is unverified, or differed only in unverified details.
const (
	Agree      Result = "agree"
	Diverge    Result = "diverge"
	Unverified Result = "unverified"
)

// Results lists the results, best first: the order in which a verdict
// picks among the oracle's alternatives.
var Results = []Result{Agree, Unverified, Diverge}

// Diff is one difference between the expected and the actual outcome.
type Diff struct {
	Field    string        `json:"field"`
	Expected string        `json:"expected"`
	Actual   string        `json:"actual"`
	Status   oracle.Status `json:"status"`
	// Fact, where set, is the fact the difference rests on; an unverified
	// one is among the verdict's reasons.
	Fact *oracle.Fact `json:"fact,omitempty"`
}

// String prints the diff on one line.
func (d Diff) String() string {
	return fmt.Sprintf("%s: expected %s, got %s [%s]", d.Field, d.Expected, d.Actual, d.Status)
}

// Verdict is the judgement of one outcome.
type Verdict struct {
	Result Result `json:"result"`
	// Expected is the alternative the outcome was closest to (nil when the
	// oracle had no prediction).
	Expected *oracle.Expected `json:"expected,omitempty"`
	Diffs    []Diff           `json:"diffs,omitempty"`
	// Reasons lists the unverified facts behind an unverified result.
	Reasons []oracle.Fact `json:"reasons,omitempty"`
}

// Options tune the comparison.
type Options struct {
	// ExpirationTolerance is how far an expiration may lie outside
	// [sent+duration, received+duration] (servers round to seconds).
	ExpirationTolerance time.Duration
}

// DefaultOptions are used when none are given.
var DefaultOptions = Options{ExpirationTolerance: 5 * time.Second}

// Judge compares what a target answered (out, or callErr when it gave no
// usable answer) with the oracle's expectation.
func Judge(e oracle.Expectation, out call.Outcome, callErr error, opts Options) Verdict {
	if callErr != nil {
		return Verdict{Result: Diverge, Diffs: []Diff{{
			Field: "answer", Expected: "a GetSessionToken response",
			Actual: "no usable answer: " + callErr.Error(), Status: oracle.Confirmed}}}
	}
	if e.AnyAnswer != nil {
		return judgeAnyAnswer(*e.AnyAnswer, out)
	}
	var best *Verdict
	for i := range e.Alternatives {
		v := judgeAlternative(&e.Alternatives[i], out, opts)
		if best == nil || better(v, *best) {
			best = &v
		}
	}
	if best == nil {
		return Verdict{Result: Diverge, Diffs: []Diff{{Field: "oracle", Expected: "an expectation", Actual: "none", Status: oracle.Confirmed}}}
	}
	return *best
}

func judgeAnyAnswer(f oracle.Fact, out call.Outcome) Verdict {
	if out.HTTPStatus >= 500 {
		return Verdict{Result: Diverge, Diffs: []Diff{{Field: "httpStatus", Expected: "not a server fault (< 500)",
			Actual: fmt.Sprint(out.HTTPStatus), Status: oracle.Confirmed}}}
	}
	return Verdict{Result: Unverified, Reasons: []oracle.Fact{f}}
}

func judgeAlternative(alt *oracle.Expected, out call.Outcome, opts Options) Verdict {
	diffs := diffOutcome(alt, out, opts)
	v := Verdict{Result: Agree, Expected: alt, Diffs: diffs}
	for _, d := range diffs {
		if d.Status != oracle.Unverified {
			v.Result = Diverge
			return v
		}
	}
	for _, f := range alt.Facts {
		if f.Status == oracle.Unverified {
			v.Reasons = append(v.Reasons, f)
		}
	}
	for _, d := range diffs {
		if d.Fact != nil && d.Fact.Status == oracle.Unverified && !slices.ContainsFunc(v.Reasons, func(f oracle.Fact) bool { return f.ID == d.Fact.ID }) {
			v.Reasons = append(v.Reasons, *d.Fact)
		}
	}
	if len(diffs) > 0 || len(v.Reasons) > 0 {
		v.Result = Unverified
	}
	return v
}

func better(a, b Verdict) bool {
	ra, rb := resultRank(a.Result), resultRank(b.Result)
	if ra != rb {
		return ra < rb
	}
	return blocking(a) < blocking(b)
}

func resultRank(r Result) int {
	if i := slices.Index(Results, r); i >= 0 {
		return i
	}
	return len(Results) - 1
}

// blocking weighs the differences that rule an alternative out; a
// different kind of outcome outweighs any number of field differences, so
// a success is compared with the expected success.
func blocking(v Verdict) int {
	n := 0
	for _, d := range v.Diffs {
		switch {
		case d.Field == "outcome":
			n += 1000
		case d.Status != oracle.Unverified:
			n++
		}
	}
	return n
}

// mismatchStatus is the status of a difference that rules an alternative
// out: the alternative's own evidence, where an unverified choice between
// alternatives still counts as known (AWS answers one of them).
func mismatchStatus(alt *oracle.Expected) oracle.Status {
	if alt.Status() == oracle.Confirmed {
		return oracle.Confirmed
	}
	return oracle.Inferred
}
