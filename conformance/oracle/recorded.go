package oracle

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/stsconform/stsconform/call"
)

// Recorded is what real STS answered to the minimal case of an UNVERIFIED
// fact (a -discover run, fixtures/recorded/facts.json). The oracle expects
// it in place of the fact's default, as CONFIRMED, with its provenance.
type Recorded struct {
	FactID     string
	Kind       call.Kind
	HTTPStatus int
	Type, Code string
	Message    string
	// Provenance says where and when it was recorded.
	Provenance string
}

// WithRecorded returns a copy of the oracle that uses recorded answers.
// Facts it uses them for: mfa-token-without-serial (the answer itself),
// error-precedence (which error wins) and length-unit-non-ascii (code points
// or UTF-16 units). Others are kept in the file for people until the oracle
// learns to use them.
func (o *Oracle) WithRecorded(rs ...Recorded) *Oracle {
	c := *o
	c.recorded = map[string][]Recorded{}
	for k, v := range o.recorded {
		c.recorded[k] = v
	}
	for _, r := range rs {
		c.recorded[r.FactID] = append(slices.Clip(c.recorded[r.FactID]), r)
	}
	return &c
}

// recordedFact is the fact of a recorded answer, CONFIRMED by it.
func (r Recorded) fact() Fact {
	return Fact{ID: r.FactID, Status: Confirmed, Source: "recorded: " + r.Provenance}
}

// expected is the recorded answer as an alternative.
func (r Recorded) expected() Expected {
	e := Expected{Kind: r.Kind, HTTPStatus: r.HTTPStatus, Facts: []Fact{r.fact()}}
	if r.Kind != call.Success {
		e.Error = &ExpectedError{Type: r.Type, Code: r.Code, Message: r.Message}
	}
	return e
}

// tokenOnly is the expectation for a TokenCode without SerialNumber.
func (o *Oracle) tokenOnly(ok Expected) Expectation {
	r, found := o.first(FactMFATokenOnly.ID)
	if !found {
		f := FactMFATokenOnly
		return Expectation{AnyAnswer: &f}
	}
	if r.Kind == call.Success {
		ok.Facts = append(ok.Facts, r.fact())
		return Expectation{Alternatives: []Expected{ok}}
	}
	return Expectation{Alternatives: []Expected{r.expected()}}
}

// precedence is the expectation when a session caller sends invalid values.
func (o *Oracle) precedence(v, d Expected) Expectation {
	r, found := o.first(FactPrecedence.ID)
	switch {
	case found && r.Code == v.Error.Code:
		v.Facts = append(v.Facts, r.fact())
		return Expectation{Alternatives: []Expected{v}}
	case found && r.Code == d.Error.Code:
		d.Facts = append(d.Facts, r.fact())
		return Expectation{Alternatives: []Expected{d}}
	}
	v.Facts = append(v.Facts, FactPrecedence)
	d.Facts = append(d.Facts, FactPrecedence)
	return Expectation{Alternatives: []Expected{v, d}}
}

// first is the first recorded answer for a fact.
func (o *Oracle) first(id string) (Recorded, bool) {
	if rs := o.recorded[id]; len(rs) > 0 {
		return rs[0], true
	}
	return Recorded{}, false
}

// lengthUnit reads the recorded answer to 5 emoji as SerialNumber (the
// -discover question): code points (5) break the minimum length of 9,
// UTF-16 units (10) do not. It returns the unit as a length function and
// the recorded fact.
func (o *Oracle) lengthUnit() (func(string) int64, Fact, bool) {
	for _, r := range o.recorded[FactLengthUnit.ID] {
		if r.Code != "ValidationError" || !strings.Contains(r.Message, "at 'serialNumber'") {
			continue
		}
		if strings.Contains(r.Message, "at 'serialNumber' failed to satisfy constraint: Member must have length greater than or equal to") {
			return func(s string) int64 { return int64(utf8.RuneCountInString(s)) }, r.fact(), true
		}
		return utf16Length, r.fact(), true
	}
	return nil, Fact{}, false
}
