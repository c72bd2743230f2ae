// Package model reads the GetSessionToken contract (bounds and patterns of
// each input member) from the vendored AWS service model, so that no bound is
// typed twice. Both the oracle and the local STS library use it.
package model

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/stsconform/stsconform/fixtures"
)

// Kind is the wire type of a member.
type Kind string

// Member kinds used by GetSessionToken.
const (
	Integer Kind = "integer"
	String  Kind = "string"
)

// Member is one input member with its constraints, as the model states them.
// Min and Max are value bounds for integers and length bounds for strings.
type Member struct {
	Name     string // model name, e.g. "DurationSeconds"
	Kind     Kind
	Min, Max *int64
	Pattern  string // botocore form, unanchored, e.g. `[\d]*`; "" when none
	Required bool
	// Default is the value AWS uses when the member is absent, where the
	// model's documentation states one (documented below); nil otherwise.
	Default *int64
}

// GetSessionToken's documented session durations, in seconds: the
// DurationSeconds documentation in the service model (sts-facts §4.1). The
// shapes carry only the bounds, so they are stated here, once.
const (
	DefaultSessionSeconds = 43200 // an IAM user's session when DurationSeconds is absent
	RootMaxSessionSeconds = 3600  // the cap on the account root user's session
)

// documentedDefaults are member defaults the model states only in prose.
var documentedDefaults = map[string]map[string]int64{
	"GetSessionToken": {"DurationSeconds": DefaultSessionSeconds},
}

// Path is the member as AWS names it in validation messages: the model name
// with its first letter lower-cased (e.g. "durationSeconds").
func (m Member) Path() string {
	if m.Name == "" {
		return ""
	}
	return strings.ToLower(m.Name[:1]) + m.Name[1:]
}

// Operation is the input contract of one operation.
type Operation struct {
	Name       string
	APIVersion string
	Members    []Member // in model order
}

// Member returns the member with the given model name.
func (o Operation) Member(name string) (Member, bool) {
	for _, m := range o.Members {
		if m.Name == name {
			return m, true
		}
	}
	return Member{}, false
}

type rawModel struct {
	Metadata struct {
		APIVersion string `json:"apiVersion"`
	} `json:"metadata"`
	Operations map[string]struct {
		Input struct {
			Shape string `json:"shape"`
		} `json:"input"`
	} `json:"operations"`
	Shapes map[string]rawShape `json:"shapes"`
}

type rawShape struct {
	Type     string   `json:"type"`
	Min      *int64   `json:"min"`
	Max      *int64   `json:"max"`
	Pattern  string   `json:"pattern"`
	Required []string `json:"required"`
	Members  map[string]struct {
		Shape string `json:"shape"`
	} `json:"members"`
}

// Parse reads one operation's input contract from a botocore service model.
// Members come in a stable order: the order of the names in the model file.
func Parse(data []byte, operation string) (Operation, error) {
	var raw rawModel
	if err := json.Unmarshal(data, &raw); err != nil {
		return Operation{}, fmt.Errorf("model: %w", err)
	}
	op, ok := raw.Operations[operation]
	if !ok {
		return Operation{}, fmt.Errorf("model: no operation %q", operation)
	}
	input, ok := raw.Shapes[op.Input.Shape]
	if !ok {
		return Operation{}, fmt.Errorf("model: no input shape %q", op.Input.Shape)
	}
	order, err := memberOrder(data, op.Input.Shape)
	if err != nil {
		return Operation{}, err
	}
	out := Operation{Name: operation, APIVersion: raw.Metadata.APIVersion}
	for _, name := range order {
		shape, ok := raw.Shapes[input.Members[name].Shape]
		if !ok {
			return Operation{}, fmt.Errorf("model: member %s has no shape", name)
		}
		out.Members = append(out.Members, Member{
			Name: name, Kind: Kind(shape.Type), Min: shape.Min, Max: shape.Max,
			Pattern: shape.Pattern, Required: slices.Contains(input.Required, name),
			Default: documentedDefault(operation, name),
		})
	}
	return out, nil
}

func documentedDefault(operation, member string) *int64 {
	if v, ok := documentedDefaults[operation][member]; ok {
		return &v
	}
	return nil
}

// memberOrder recovers the order of member names as written in the file,
// which encoding/json's maps lose.
func memberOrder(data []byte, shape string) ([]string, error) {
	var raw struct {
		Shapes map[string]struct {
			Members json.RawMessage `json:"members"`
		} `json:"shapes"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(raw.Shapes[shape].Members)))
	var names []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
			} else {
				depth--
			}
		case string:
			if depth == 1 && dec.More() {
				names = append(names, v)
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					return nil, fmt.Errorf("model: %w", err)
				}
			}
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("model: shape %q has no members", shape)
	}
	return names, nil
}

var getSessionToken = sync.OnceValues(func() (Operation, error) {
	return Parse(fixtures.STSServiceModel, "GetSessionToken")
})

// GetSessionToken returns the GetSessionToken contract from the vendored
// model (parsed once; each caller gets its own copy of the members). It
// panics only if the embedded file is broken, which a test guards.
func GetSessionToken() Operation {
	op, err := getSessionToken()
	if err != nil {
		panic(err)
	}
	op.Members = slices.Clone(op.Members)
	return op
}
