package compare

import (
	"fmt"
	"regexp"
	"sort"

	"github.com/stsconform/stsconform/call"
)

// Normalized is an outcome reduced to what targets can be compared on.
type Normalized struct {
	// Class is "success", "<Code>/<HTTP status>", "client-error" or "no-answer".
	Class string `json:"class"`
	// Clauses are the member:constraint pairs a ValidationError lists, sorted.
	Clauses []string `json:"clauses,omitempty"`
}

// String prints the normalised outcome on one line.
func (n Normalized) String() string {
	if len(n.Clauses) == 0 {
		return n.Class
	}
	return fmt.Sprintf("%s %v", n.Class, n.Clauses)
}

var clauseRE = regexp.MustCompile(`at '([A-Za-z]+)' failed to satisfy constraint: Member must (have value greater|have value less|have length greater|have length less|satisfy regular expression)`)

var constraintOf = map[string]string{
	"have value greater": "min", "have length greater": "min",
	"have value less": "max", "have length less": "max",
	"satisfy regular expression": "pattern",
}

// Normalize reduces an outcome (or the absence of one) to its class and,
// for validation errors, the set of clauses its message lists.
func Normalize(out call.Outcome, callErr error) Normalized {
	switch {
	case callErr != nil:
		return Normalized{Class: "no-answer"}
	case out.Kind == call.Success:
		return Normalized{Class: "success"}
	case out.Kind == call.ClientError:
		return Normalized{Class: "client-error"}
	case out.Error == nil:
		return Normalized{Class: fmt.Sprintf("error/%d", out.HTTPStatus)}
	}
	n := Normalized{Class: fmt.Sprintf("%s/%d", out.Error.Code, out.HTTPStatus)}
	for _, m := range clauseRE.FindAllStringSubmatch(out.Error.Message, -1) {
		n.Clauses = append(n.Clauses, m[1]+":"+constraintOf[m[2]])
	}
	sort.Strings(n.Clauses)
	return n
}
