package oracle

// Fields of an expected answer whose evidence the oracle states one by one
// (Expected.FieldFacts), so that a difference in one field carries the
// status of the fact behind that field, not the weakest fact of the whole
// answer.
const (
	FieldOutcome    = "outcome"    // the kind of answer: success or this error
	FieldHTTPStatus = "httpStatus" // the HTTP status
	FieldCode       = "code"       // the error code
	FieldType       = "type"       // the error type (Sender or Receiver)
	FieldMessage    = "message"    // the exact error message
)

// FieldStatus returns the status of the facts behind one field of the
// answer, and false when the oracle states none for it.
func (e Expected) FieldStatus(field string) (Status, bool) {
	fs, ok := e.FieldFacts[field]
	if !ok {
		return "", false
	}
	return Weakest(fs...), true
}

// withFields sets the facts behind each field; extra facts (e.g. that the
// target's devices are unknown) are added to every field.
func (e Expected) withFields(fields map[string][]Fact, extra ...Fact) Expected {
	if len(extra) == 0 {
		e.FieldFacts = fields // read only, as every FieldFacts
		return e
	}
	e.FieldFacts = make(map[string][]Fact, len(fields))
	for f, fs := range fields {
		e.FieldFacts[f] = append(fs[:len(fs):len(fs)], extra...)
	}
	return e
}

// errorFields gives the outcome, status, code and message one basis and
// the type another (the Type of an AccessDenied is INFERRED).
func errorFields(basis []Fact, status []Fact, typ []Fact) map[string][]Fact {
	return map[string][]Fact{
		FieldOutcome: basis, FieldCode: basis, FieldMessage: basis,
		FieldHTTPStatus: status, FieldType: typ,
	}
}

// wordingFacts are about how a clause is worded or rendered, not about
// whether AWS refuses the value.
var wordingFacts = map[string]bool{
	FactClausePhrases.ID: true, FactXMLRendering.ID: true, FactTokenSizeMessage.ID: true, FactLengthUnit.ID: true,
}

// refusalBasis is the evidence that AWS refuses the input with a
// ValidationError: the best-evidenced required clause's constraint facts.
func refusalBasis(clauses []Clause) []Fact {
	var best []Fact
	for _, c := range required(clauses) {
		var basis []Fact
		for _, f := range c.Facts {
			if !wordingFacts[f.ID] {
				basis = append(basis, f)
			}
		}
		if best == nil || Weakest(best...).Weaker(Weakest(basis...)) {
			best = basis
		}
	}
	return append([]Fact{FactValidationShape}, best...)
}
