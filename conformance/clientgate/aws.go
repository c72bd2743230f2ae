package clientgate

import (
	"encoding/json"
	"math"
	"math/big"
	"regexp"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/oracle"
	"github.com/stsconform/stsconform/model"
	"github.com/stsconform/stsconform/targets/clients/driver"
)

// Acceptance is whether AWS accepts an input's values (validation only:
// the scripted server, not AWS, answers the client).
type Acceptance int

// Acceptances.
const (
	Accepts Acceptance = iota
	Refuses
	// Unknown: the input breaks only constraints whose evidence is
	// unverified (the length unit of non-ASCII values).
	Unknown
)

// Judgement is the oracle's view of a client input.
type Judgement struct {
	Acceptance Acceptance
	// Broken lists the constraints the input breaks, e.g.
	// "DurationSeconds:min" or "DurationSeconds:not-an-int32".
	Broken []string
	// Facts are the UNVERIFIED facts an Unknown acceptance rests on.
	Facts []oracle.Fact
}

// FactIntegerLiteral is what AWS makes of an integer member written
// otherwise than as its canonical decimal (900.0, 9e2, -0): unrecorded;
// the ID is the one -discover's wire questions settle.
var FactIntegerLiteral = oracle.Fact{ID: "wire-duration-seconds-text", Status: oracle.Unverified,
	Source: "no recording of an integer member written as 900.0, 9e2 or -0 on the wire (-discover asks DurationSeconds=9e2)"}

// Judge applies the oracle to a client input. A value the suite's types
// cannot hold breaks its member's type: an integer outside int32 (past
// every model bound), a fraction, NaN or an infinity; a lone surrogate is
// no Unicode scalar value and matches no pattern.
func Judge(o *oracle.Oracle, in driver.Input) Judgement {
	ci, typeBroken := ToCall(in)
	j := Judgement{Broken: typeBroken}
	required := len(typeBroken) > 0
	for _, m := range model.GetSessionToken().Members {
		if raw, ok := in[m.Name]; ok && m.Kind == model.Integer && !required && !plainInteger.Match(raw) {
			// 900.0, 9e2, -0: the value is an integer, the literal is not;
			// what AWS makes of "900.0" on the wire is unrecorded.
			j.Broken = append(j.Broken, m.Path()+":integer-written-otherwise"+unverifiedMark)
			j.Facts = addFact(j.Facts, FactIntegerLiteral)
		}
	}
	for _, c := range o.Validate(ci) {
		b := c.Member + ":" + string(c.Constraint)
		if c.Optional {
			b += unverifiedMark
			for _, f := range c.Facts {
				if f.Status == oracle.Unverified {
					j.Facts = addFact(j.Facts, f)
				}
			}
		}
		j.Broken = append(j.Broken, b)
		required = required || !c.Optional
	}
	switch {
	case required:
		j.Acceptance = Refuses
	case len(j.Broken) > 0:
		j.Acceptance = Unknown
	}
	return j
}

func addFact(facts []oracle.Fact, f oracle.Fact) []oracle.Fact {
	for _, g := range facts {
		if g.ID == f.ID {
			return facts
		}
	}
	return append(facts, f)
}

// unverifiedMark ends a broken constraint whose evidence is unverified.
const unverifiedMark = "(unverified)"

// plainInteger is an integer literal without fraction, exponent or -0.
var plainInteger = regexp.MustCompile(`^(0|-?[1-9][0-9]*)$`)

// ToCall converts a client input to the suite's input, as far as its types
// allow; it lists the members whose value they cannot hold, which are left
// out. Each model member is set through its call.Input field.
func ToCall(in driver.Input) (call.Input, []string) {
	var out call.Input
	var broken []string
	for _, m := range call.Members() {
		raw, ok := in[m.Name]
		if !ok {
			continue
		}
		if p, ok := out.IntField(m.Name); ok {
			v, ok := int32Of(raw)
			if !ok {
				broken = append(broken, m.Path()+":not-an-int32")
				continue
			}
			*p = &v
		} else if p, ok := out.StringField(m.Name); ok {
			var s string
			_ = json.Unmarshal(raw, &s) // a lone surrogate becomes U+FFFD, which no pattern accepts
			*p = &s
		}
	}
	return out, broken
}

func int32Of(raw json.RawMessage) (int32, bool) {
	r, err := driver.Number(raw)
	if err != nil || r == nil || !r.IsInt() {
		return 0, false
	}
	n := r.Num()
	if n.Cmp(big.NewInt(math.MaxInt32)) > 0 || n.Cmp(big.NewInt(math.MinInt32)) < 0 {
		return 0, false
	}
	return int32(n.Int64()), true
}
