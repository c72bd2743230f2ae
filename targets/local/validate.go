package local

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/model"
)

// memberValue is one input member as sent: its value rendered as AWS
// echoes it, and its integer value for integer members.
type memberValue struct {
	present bool
	text    string
	number  int64
}

// valueOf returns the value of the member with the given model name.
func valueOf(in call.Input, name string) memberValue {
	v, ok := in.Value(name)
	if !ok {
		return memberValue{}
	}
	return memberValue{present: true, text: v.Text(), number: int64(v.Int)}
}

// validate checks every member against the contract and reports all
// violations in one ValidationError: members in model order, and within a
// member the bound clauses before the pattern clause.
func (s *Service) validate(in *sts.GetSessionTokenInput) *APIError {
	var clauses []string
	members := call.FromSDK(in)
	for _, m := range s.contract.Members {
		clauses = append(clauses, s.memberClauses(m, valueOf(members, m.Name))...)
	}
	if len(clauses) == 0 {
		return nil
	}
	return validationError(validationMessage(clauses))
}

// validationMessage is Coral's "N validation error(s) detected: " header
// followed by the clauses joined by "; ".
func validationMessage(clauses []string) string {
	noun := "errors"
	if len(clauses) == 1 {
		noun = "error"
	}
	return strconv.Itoa(len(clauses)) + " validation " + noun + " detected: " + strings.Join(clauses, "; ")
}

func (s *Service) memberClauses(m model.Member, v memberValue) []string {
	if !v.present {
		if m.Required {
			return []string{"Value null at '" + m.Path() + "' failed to satisfy constraint: Member must not be null"}
		}
		return nil
	}
	var musts []string
	if m.Kind == model.Integer {
		musts = boundMusts("value", v.number, m)
	} else {
		musts = boundMusts("length", int64(s.length(v.text)), m)
		if m.Pattern != "" && !s.matches(m.Pattern, v.text) {
			musts = append(musts, "satisfy regular expression pattern: "+m.Pattern)
		}
	}
	clauses := make([]string, len(musts))
	for i, must := range musts {
		clauses[i] = clause(v.text, m.Path(), must)
	}
	return clauses
}

// boundMusts returns the "Member must …" phrases a measure violates;
// what is "value" or "length".
func boundMusts(what string, measure int64, m model.Member) []string {
	var musts []string
	if m.Min != nil && measure < *m.Min {
		musts = append(musts, "have "+what+" greater than or equal to "+strconv.FormatInt(*m.Min, 10))
	}
	if m.Max != nil && measure > *m.Max {
		musts = append(musts, "have "+what+" less than or equal to "+strconv.FormatInt(*m.Max, 10))
	}
	return musts
}

func clause(value, path, must string) string {
	return "Value '" + value + "' at '" + path + "' failed to satisfy constraint: Member must " + must
}

var patternCache sync.Map // pattern → *regexp.Regexp, or nil when it does not compile

// MatchWhole reports whether pattern matches all of value. Go's \w and \d
// are ASCII-only, like Java's defaults, so a model pattern anchored as
// ^(?:pattern)$ behaves as AWS's Java matcher does. A pattern Go cannot
// compile matches nothing.
func MatchWhole(pattern, value string) bool {
	re, ok := patternCache.Load(pattern)
	if !ok {
		compiled, _ := regexp.Compile(`^(?:` + pattern + `)$`) // nil on error
		re, _ = patternCache.LoadOrStore(pattern, compiled)
	}
	compiled := re.(*regexp.Regexp)
	return compiled != nil && compiled.MatchString(value)
}
