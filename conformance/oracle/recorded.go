package oracle

import "github.com/stsconform/stsconform/conformance/call"

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
// Facts it uses them for: mfa-token-without-serial (the answer itself) and
// error-precedence (which error wins). Others are kept in the file for
// people until the oracle learns to use them.
func (o *Oracle) WithRecorded(rs ...Recorded) *Oracle {
	c := *o
	c.recorded = map[string]Recorded{}
	for k, v := range o.recorded {
		c.recorded[k] = v
	}
	for _, r := range rs {
		c.recorded[r.FactID] = r
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
	r, found := o.recorded[FactMFATokenOnly.ID]
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
	r, found := o.recorded[FactPrecedence.ID]
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
