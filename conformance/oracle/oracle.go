package oracle

import (
	"time"
	"unicode/utf8"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/totp"
	"github.com/stsconform/stsconform/model"
)

// Oracle holds a GetSessionToken contract, read from the service model.
type Oracle struct {
	op       model.Operation
	patterns map[string]*pattern
	recorded map[string][]Recorded // by fact id (recorded.go)
}

// New returns an oracle for the given contract.
func New(op model.Operation) *Oracle {
	o := &Oracle{op: op, patterns: map[string]*pattern{}}
	for _, m := range op.Members {
		if m.Pattern != "" {
			o.patterns[m.Pattern] = compilePattern(m.Pattern)
		}
	}
	return o
}

// Default returns the oracle for the vendored STS model.
func Default() *Oracle { return New(model.GetSessionToken()) }

// Contract returns the contract the oracle judges by.
func (o *Oracle) Contract() model.Operation { return o.op }

// MatchesPattern applies a model pattern as AWS does: to the whole value,
// with ASCII-only \w and \d (Go's RE2 classes are ASCII-only as well).
func (o *Oracle) MatchesPattern(pattern, value string) bool {
	p, ok := o.patterns[pattern]
	if !ok {
		p = compilePattern(pattern)
	}
	return utf8.ValidString(value) && p.matches(value)
}

// Expect says what AWS answers when caller sends in at time now (the time
// matters only for MFA codes).
func (o *Oracle) Expect(in call.Input, caller call.Caller, now time.Time) Expectation {
	clauses := o.Validate(in)
	refused := len(required(clauses)) > 0
	switch {
	case refused && caller.Kind == call.Session:
		return o.precedence(validationError(clauses), sessionDenied())
	case refused:
		return Expectation{Alternatives: []Expected{validationError(clauses)}}
	case caller.Kind == call.Session:
		return Expectation{Alternatives: []Expected{sessionDenied()}}
	}
	return o.expectMFA(in, caller, now)
}

// Validate lists the model constraints in breaks, in model order.
func (o *Oracle) Validate(in call.Input) []Clause {
	var out []Clause
	for _, m := range o.op.Members {
		if v, ok := in.Value(m.Name); ok {
			out = append(out, o.violations(m, v.Any())...)
		}
	}
	return out
}

func required(cs []Clause) []Clause {
	var out []Clause
	for _, c := range cs {
		if !c.Optional {
			out = append(out, c)
		}
	}
	return out
}

func validationError(clauses []Clause) Expected {
	facts := []Fact{FactValidationShape, FactModelConstraints}
	for _, c := range clauses {
		facts = append(facts, c.Facts...)
	}
	basis := refusalBasis(clauses)
	return Expected{Kind: call.ServiceError, HTTPStatus: 400, Facts: facts,
		Error: &ExpectedError{Type: "Sender", Code: "ValidationError", Clauses: clauses}}.withFields(errorFields(basis, basis, basis))
}

func accessDenied(message string, facts ...Fact) Expected {
	return Expected{Kind: call.ServiceError, HTTPStatus: 403, Facts: facts,
		Error: &ExpectedError{Type: "Sender", Code: "AccessDenied", Message: message}}
}

// AWS's messages for callers it refuses (sts-facts §4.2, §4.3).
const (
	MsgSessionCredentials = "Cannot call GetSessionToken with session credentials"
	MsgMFAProvideBoth     = "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code."
	MsgMFAUnknownSerial   = "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user."
	MsgMFAInvalidCode     = "MultiFactorAuthentication failed with invalid MFA one time pass code."
)

func sessionDenied() Expected {
	return accessDenied(MsgSessionCredentials, FactSessionCaller, FactErrorType).withFields(
		errorFields([]Fact{FactSessionCaller}, []Fact{FactSessionCaller}, []Fact{FactErrorType}))
}

// mfaDenied is an MFA refusal whose message rests on basis.
func mfaDenied(message string, basis Fact, extra ...Fact) Expected {
	facts := append([]Fact{basis, FactMFAStatus, FactErrorType}, extra...)
	return accessDenied(message, facts...).withFields(
		errorFields([]Fact{basis}, []Fact{FactMFAStatus}, []Fact{FactErrorType}), extra...)
}

func (o *Oracle) expectMFA(in call.Input, caller call.Caller, now time.Time) Expectation {
	ok := o.success(in, caller)
	switch {
	case in.SerialNumber == nil && in.TokenCode == nil:
		return Expectation{Alternatives: []Expected{ok}}
	case in.TokenCode == nil:
		return Expectation{Alternatives: []Expected{mfaDenied(MsgMFAProvideBoth, FactMFAProvideBoth)}}
	case in.SerialNumber == nil:
		return o.tokenOnly(ok)
	}
	if !caller.DevicesKnown {
		ok.Facts = append(ok.Facts, FactMFAUnknown)
		return Expectation{Alternatives: []Expected{ok,
			mfaDenied(MsgMFAUnknownSerial, FactMFAMessages, FactMFAUnknown),
			mfaDenied(MsgMFAInvalidCode, FactMFAMessages, FactMFAUnknown)}}
	}
	unknownSerial := mfaDenied(MsgMFAUnknownSerial, FactMFAMessages)
	badCode := mfaDenied(MsgMFAInvalidCode, FactMFAMessages)
	device, found := caller.Device(*in.SerialNumber)
	switch {
	case !found:
		return Expectation{Alternatives: []Expected{unknownSerial}}
	case !totp.Valid(device.Secret, *in.TokenCode, now):
		return Expectation{Alternatives: []Expected{badCode}}
	case reused(caller, device.Serial, *in.TokenCode, now):
		return Expectation{Alternatives: []Expected{mfaDenied(MsgMFAInvalidCode, FactMFAReused)}}
	}
	return Expectation{Alternatives: []Expected{ok}}
}

// ReuseWindow is how long a code the target accepted is refused if sent
// again: a code is valid for its step and one either side.
const ReuseWindow = 3 * totp.Step

// reused reports whether the target accepted this code of the device
// within its window.
func reused(caller call.Caller, serial, code string, now time.Time) bool {
	at, ok := caller.Accepted[call.AcceptedKey(serial, code)]
	return ok && now.Sub(at) < ReuseWindow
}

// Session durations (sts-facts §4.1). The bounds themselves come from the
// model; these are the documented defaults and the root cap.
const (
	DefaultUserDuration = model.DefaultSessionSeconds * time.Second
	RootDuration        = model.RootMaxSessionSeconds * time.Second
)

func (o *Oracle) success(in call.Input, caller call.Caller) Expected {
	d := DefaultUserDuration
	if caller.Kind == call.Root {
		d = RootDuration
	}
	if in.DurationSeconds != nil {
		d = time.Duration(*in.DurationSeconds) * time.Second
		if caller.Kind == call.Root && d > RootDuration {
			d = RootDuration
		}
	}
	minToken := 0
	if in.MinimumSessionTokenSize != nil {
		minToken = int(*in.MinimumSessionTokenSize)
	}
	return Expected{Kind: call.Success, HTTPStatus: 200, Facts: []Fact{FactDuration, FactExpiration},
		Success: &ExpectedSuccess{
			Duration: d, MinTokenBytes: minToken,
			AccessKeyPrefix: "ASIA", AccessKeyLength: 20, AccessKeyAlphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
			SecretLength: 40,
		}}
}
