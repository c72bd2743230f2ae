package wire

import (
	"crypto/sha256"
	"fmt"
	"strings"
)

// Grade is how much a Finding weighs.
type Grade string

// Grades, worst first.
const (
	// Divergence: the client returned a wrong value, invented or dropped
	// one, or accepted a body it had to refuse.
	Divergence Grade = "divergence"
	// Refusal: the client returned an error for a valid, well-formed body.
	Refusal Grade = "refused-valid-body"
	// Note: worth reporting, not wrong (an Expiration kept as a string,
	// fractional digits dropped, a lenient parse of an invalid value).
	Note Grade = "note"
)

// Finding kinds.
const (
	FindValue           = "value"                // a value differs
	FindAbsent          = "absent"               // the body has it, the client returned none
	FindInvented        = "invented"             // the client returned what the body does not have
	FindEmptyAsAbsent   = "empty-as-absent"      // an empty element returned as absent
	FindWrongOutcome    = "wrong-outcome"        // success for an error body, or the reverse
	FindRefused         = "refused"              // an error for a body it could read
	FindAcceptedBad     = "accepted-bad-body"    // values from a body that is not an awsQuery answer
	FindUnparsed        = "unparsed-expiration"  // Expiration kept as the string, byte-equal
	FindNaive           = "naive-for-zoned"      // a zoned Expiration held without zone
	FindNaiveKept       = "naive-kept"           // a zoneless Expiration held without zone, wall clock exact
	FindInstant         = "instant"              // Expiration names another instant
	FindPrecision       = "precision-lost"       // Expiration right to the client's precision only
	FindLenient         = "lenient-expiration"   // an invalid Expiration form read as an instant
	FindZoneAssumed     = "zone-assumed"         // a zoneless Expiration given a zone
	FindRendering       = "bad-rendering"        // the driver's Expiration does not fit its kind
	FindRequestIDChoice = "request-id-source"    // body and header differ; which the client took
	FindFaultInvented   = "fault-invented"       // a fault the body has no Type for
	FindNotJudged       = "not-judged"           // nothing to compare (unjudged body, no answer)
	FindRefusedBadValue = "refused-invalid-body" // an error for a body whose values are invalid: right
)

// Finding is one difference between what the body says and what a client
// returned. Want and Got are printable: secret members show as their shape.
type Finding struct {
	Field string `json:"field"`
	Kind  string `json:"kind"`
	Grade Grade  `json:"grade"`
	Want  string `json:"want,omitempty"`
	Got   string `json:"got,omitempty"`
	// Detail helps a reader act: where two secrets first differ, which
	// request id source the client took.
	Detail string `json:"detail,omitempty"`
}

// String renders a finding on one line.
func (f Finding) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s [%s]", f.Field, f.Kind, f.Grade)
	if f.Want != "" || f.Got != "" {
		fmt.Fprintf(&b, ": want %s, got %s", f.Want, f.Got)
	}
	if f.Detail != "" {
		b.WriteString(" (" + f.Detail + ")")
	}
	return b.String()
}

// Worst returns the worst grade among findings, "" when there are none.
func Worst(findings []Finding) Grade {
	var worst Grade
	rank := map[Grade]int{"": 0, Note: 1, Refusal: 2, Divergence: 3}
	for _, f := range findings {
		if rank[f.Grade] > rank[worst] {
			worst = f.Grade
		}
	}
	return worst
}

// Shape describes a secret without showing it: its length and a short
// digest, so two shapes can be told apart.
func Shape(s string) string {
	sum := sha256.Sum256([]byte(s))
	return fmt.Sprintf("(%d bytes, sha256 %x…)", len(s), sum[:4])
}

// show renders a value for a Finding: quoted, or as a Shape when secret.
func show(s *string, secret bool) string {
	switch {
	case s == nil:
		return "absent"
	case secret:
		return Shape(*s)
	}
	return fmt.Sprintf("%q", *s)
}

// relation says how got relates to want, for secrets whose values cannot
// be printed: the aws-sdk-go v1 bug (last text token only) shows as a
// suffix.
func relation(want, got string) string {
	switch {
	case strings.HasSuffix(want, got):
		return fmt.Sprintf("got is the last %d bytes of want", len(got))
	case strings.HasPrefix(want, got):
		return fmt.Sprintf("got is the first %d bytes of want", len(got))
	case strings.TrimSpace(want) == got:
		return "got is want with surrounding whitespace trimmed"
	}
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	return fmt.Sprintf("first difference at byte %d", i)
}
