package oracle

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stsconform/stsconform/model"
)

// Constraint names a kind of model constraint.
type Constraint string

// The constraints GetSessionToken members carry. For integers min and max
// bound the value, for strings the length.
const (
	Min     Constraint = "min"
	Max     Constraint = "max"
	Pattern Constraint = "pattern"
)

// Clause is one violation in a ValidationError message.
type Clause struct {
	Member     string     `json:"member"` // as AWS names it, e.g. "durationSeconds"
	Constraint Constraint `json:"constraint"`
	// Text is the clause exactly as AWS words it, when the wording is known.
	Text string `json:"text"`
	// Optional is set when AWS may or may not report the clause (the length
	// unit for non-ASCII values is unverified).
	Optional bool `json:"optional,omitempty"`
	// ExactText is false when the wording is unverified: the clause must be
	// present, but its text is not compared.
	ExactText bool   `json:"exactText"`
	Facts     []Fact `json:"facts"`
}

// ValidationHeader is the start of a ValidationError message listing n clauses.
func ValidationHeader(n int) string {
	if n == 1 {
		return "1 validation error detected: "
	}
	return strconv.Itoa(n) + " validation errors detected: "
}

// ClauseSeparator joins clauses in a ValidationError message.
const ClauseSeparator = "; "

// clauseText words a clause as AWS does.
func clauseText(value, member, phrase string) string {
	// Values print raw, between single quotes, not escaped (sts-facts §3.2).
	return fmt.Sprintf("Value '%s' at '%s' failed to satisfy constraint: Member must %s", value, member, phrase)
}

// violations lists the clauses one member's value breaks, in the order
// length (or range) first, then pattern.
func (o *Oracle) violations(m model.Member, value any) []Clause {
	switch v := value.(type) {
	case int32:
		return integerViolations(m, int64(v))
	case string:
		return o.stringViolations(m, v)
	}
	return nil
}

func integerViolations(m model.Member, v int64) []Clause {
	facts := memberFacts(m)
	_, unknownWording := boundEvidence[m.Name]
	exact := !unknownWording
	rendered := strconv.FormatInt(v, 10)
	switch {
	case m.Min != nil && v < *m.Min:
		return []Clause{{Member: m.Path(), Constraint: Min, ExactText: exact, Facts: facts,
			Text: clauseText(rendered, m.Path(), "have value greater than or equal to "+strconv.FormatInt(*m.Min, 10))}}
	case m.Max != nil && v > *m.Max:
		return []Clause{{Member: m.Path(), Constraint: Max, ExactText: exact, Facts: facts,
			Text: clauseText(rendered, m.Path(), "have value less than or equal to "+strconv.FormatInt(*m.Max, 10))}}
	}
	return nil
}

func (o *Oracle) stringViolations(m model.Member, v string) []Clause {
	out := o.lengthViolations(m, v)
	if m.Pattern != "" && !o.MatchesPattern(m.Pattern, v) {
		facts := []Fact{FactModelConstraints, FactClausePhrases}
		if !isASCII(v) { // only non-ASCII characters depend on the classes' reading
			facts = append(facts, FactASCIIClasses)
		}
		out = append(out, Clause{Member: m.Path(), Constraint: Pattern, ExactText: true, Facts: facts,
			Text: clauseText(v, m.Path(), "satisfy regular expression pattern: "+m.Pattern)})
	}
	if !xmlSafe(v) {
		for i := range out {
			out[i].ExactText = false
			out[i].Facts = append(out[i].Facts, FactXMLRendering)
		}
	}
	return out
}

// xmlSafe reports whether s survives an XML 1.0 response unchanged (a
// carriage return does not: parsers normalise it unless it is escaped).
func xmlSafe(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		ok := r == '\t' || r == '\n' || (r >= 0x20 && r <= 0xD7FF) ||
			(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
		if !ok {
			return false
		}
	}
	return true
}

// utf16Length is the length of s in UTF-16 code units, as Java counts it.
func utf16Length(s string) int64 {
	n := int64(0)
	for _, r := range s {
		n += int64(utf16.RuneLen(r))
	}
	return n
}

// lengthViolations checks a string's length. For an ASCII value every unit
// agrees. For any other value AWS's unit is unverified (code points per
// Smithy, UTF-16 units per Java): a bound broken in either unit gives an
// optional clause.
func (o *Oracle) lengthViolations(m model.Member, v string) []Clause {
	ascii := isASCII(v)
	optional := !ascii
	facts := append(memberFacts(m), FactClausePhrases)
	units := []int64{int64(len(v))}
	if !ascii {
		facts = append(facts, FactLengthUnit)
		units = []int64{int64(utf8.RuneCountInString(v)), utf16Length(v)}
		if unit, fact, ok := o.lengthUnit(); ok { // recorded from AWS (recorded.go)
			facts[len(facts)-1], units, optional = fact, []int64{unit(v)}, false
		}
	}
	var out []Clause
	if m.Min != nil && slices.Min(units) < *m.Min {
		out = append(out, Clause{Member: m.Path(), Constraint: Min, ExactText: true, Optional: optional, Facts: facts,
			Text: clauseText(v, m.Path(), "have length greater than or equal to "+strconv.FormatInt(*m.Min, 10))})
	}
	if m.Max != nil && slices.Max(units) > *m.Max {
		out = append(out, Clause{Member: m.Path(), Constraint: Max, ExactText: true, Optional: optional, Facts: facts,
			Text: clauseText(v, m.Path(), "have length less than or equal to "+strconv.FormatInt(*m.Max, 10))})
	}
	return out
}

// boundEvidence lists the members whose bounds rest on other facts than
// the model's, and whose clause wording AWS has not been seen to use: the
// only place the oracle names a member for its constraints.
var boundEvidence = map[string][]Fact{
	"MinimumSessionTokenSize": {FactTokenSizeRange, FactTokenSizeMessage},
}

func memberFacts(m model.Member) []Fact {
	if facts, ok := boundEvidence[m.Name]; ok {
		return slices.Clone(facts)
	}
	return []Fact{FactModelConstraints, FactClausePhrases}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// joinClauses renders a full ValidationError message in the given order.
func joinClauses(cs []Clause) string {
	texts := make([]string, len(cs))
	for i, c := range cs {
		texts[i] = c.Text
	}
	return ValidationHeader(len(cs)) + strings.Join(texts, ClauseSeparator)
}
