package oracle

import (
	"time"

	"github.com/stsconform/stsconform/call"
)

// Expectation is everything AWS may answer to one call. A target agrees
// when its outcome matches one of the alternatives.
type Expectation struct {
	Alternatives []Expected `json:"alternatives"`
	// AnyAnswer is set when no source says what AWS answers: any well-formed
	// answer short of a server fault is then reported as unverified.
	AnyAnswer *Fact `json:"anyAnswer,omitempty"`
}

// Expected is one acceptable outcome.
type Expected struct {
	Kind       call.Kind `json:"kind"`
	HTTPStatus int       `json:"httpStatus"`
	// Facts the alternative rests on; the weakest decides whether a match
	// counts as agreement (CONFIRMED, INFERRED) or as unverified.
	Facts []Fact `json:"facts"`
	// FieldFacts, where set, are the facts behind each field (fields.go):
	// a difference in that field has their status.
	FieldFacts map[string][]Fact `json:"fieldFacts,omitempty"`

	Error   *ExpectedError   `json:"error,omitempty"`
	Success *ExpectedSuccess `json:"success,omitempty"`
}

// ExpectedError is an awsQuery error response.
type ExpectedError struct {
	Type string `json:"type"`
	Code string `json:"code"`
	// Message is exact for errors other than ValidationError.
	Message string `json:"message,omitempty"`
	// Clauses are the violations a ValidationError message lists.
	Clauses []Clause `json:"clauses,omitempty"`
}

// ExpectedSuccess describes valid credentials for the call.
type ExpectedSuccess struct {
	Duration        time.Duration `json:"duration"`
	MinTokenBytes   int           `json:"minTokenBytes"`
	AccessKeyPrefix string        `json:"accessKeyPrefix"`
	AccessKeyLength int           `json:"accessKeyLength"`
	// AccessKeyAlphabet lists the characters an access key id is made of.
	AccessKeyAlphabet string `json:"accessKeyAlphabet"`
	SecretLength      int    `json:"secretLength"`
}

// Status returns the weakest status among the alternative's facts.
func (e Expected) Status() Status {
	return Weakest(e.Facts...)
}

// Weakest returns the weakest status among facts (CONFIRMED if none).
func Weakest(facts ...Fact) Status {
	s := Confirmed
	for _, f := range facts {
		if f.Status.Weaker(s) {
			s = f.Status
		}
	}
	return s
}
