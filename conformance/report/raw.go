package report

import "fmt"

// Raw is a whole raw-mode run (raw awsQuery requests sent to the HTTP
// targets and judged by wire-level properties): the main report's Raw
// section. conformance/rawwire builds it.
type Raw struct {
	// Partial is set when an interrupt stopped the run early.
	Partial bool   `json:"partial"`
	Seed    uint64 `json:"seed"`
	Checks  int    `json:"checks"` // random requests generated (each sent to every target)
	// Probes counts the fixed requests every run sends first.
	Probes  int         `json:"probes"`
	Targets []RawTarget `json:"targets"`
	// Properties names every property checked, with its meaning.
	Properties map[string]string `json:"properties"`
	Classes    []RawClass        `json:"classes"`
	// Cells holds one entry per class × target that was sent requests.
	Cells []RawCell `json:"cells"`
	// Disagreements are requests the targets answered differently
	// (normalised to status and error code): reported, never failed.
	Disagreements []RawDisagreement `json:"disagreements"`
}

// RawTarget is one HTTP target raw mode sent requests to (never its
// secret key).
type RawTarget struct {
	Name        string `json:"name"`
	URL         string `json:"url"`
	AccessKeyID string `json:"accessKeyId"`
	Region      string `json:"region"`
}

// RawClass describes a class of raw requests and what is known of AWS's
// answers there.
type RawClass struct {
	Name string `json:"name"`
	AWS  string `json:"aws"`
}

// RawCell is what one target did with the requests of one class.
type RawCell struct {
	Class      string         `json:"class"`
	Target     string         `json:"target"`
	Cases      int            `json:"cases"`
	Violations []RawViolation `json:"violations,omitempty"`
}

// RawViolation is a property a target broke in a class: how often, and the
// smallest example (minimised when Shrunk is set).
type RawViolation struct {
	Property string     `json:"property"`
	Count    int        `json:"count"`
	Known    bool       `json:"known"` // baselined by the caller: not a failure
	Example  RawExample `json:"example"`
}

// RawExample is one raw request and what a target answered.
type RawExample struct {
	Request RawRequest `json:"request"`
	Status  int        `json:"status,omitempty"`
	Body    string     `json:"body"` // quoted excerpt
	Error   string     `json:"error,omitempty"`
	Detail  string     `json:"detail"`
	Curl    string     `json:"curl"`
	Shrunk  bool       `json:"shrunk,omitempty"`
}

// RawRequest is a readable dump of one raw request.
type RawRequest struct {
	Method  string   `json:"method"`
	Target  string   `json:"target"` // request target: path and query, quoted
	Headers []string `json:"headers"`
	Body    string   `json:"body,omitempty"` // quoted excerpt
	Bytes   int      `json:"bodyBytes"`
}

// RawDisagreement groups the requests of a class that targets answered in
// the same different ways.
type RawDisagreement struct {
	Class    string            `json:"class"`
	Outcomes map[string]string `json:"outcomes"` // target → "success", "HTTP 400 Code", …
	Count    int               `json:"count"`
	Example  RawRequest        `json:"example"`
	Curl     string            `json:"curl"` // replays the example on the first target
	AWS      string            `json:"aws"`
}

// Failures are the cells' violations not known to the caller, in cell
// order.
func (r Raw) Failures() []RawCell {
	var out []RawCell
	for _, c := range r.Cells {
		var vs []RawViolation
		for _, v := range c.Violations {
			if !v.Known {
				vs = append(vs, v)
			}
		}
		if len(vs) > 0 {
			c.Violations = vs
			out = append(out, c)
		}
	}
	return out
}

// Answer is what the target answered, in one line: its status and body
// excerpt, or the error that stood for an answer.
func (ex RawExample) Answer() string {
	if ex.Error != "" {
		if ex.Status != 0 {
			return fmt.Sprintf("HTTP %d %s (%s)", ex.Status, ex.Body, ex.Error)
		}
		return ex.Error
	}
	return fmt.Sprintf("HTTP %d %s", ex.Status, ex.Body)
}

// Verdicts are the raw section's share of the run's verdicts (see
// Verdicts): each unknown violation fails, and so does an interrupted
// raw run, whose violations are given no verdict; known ones are a note.
func (r *Raw) Verdicts() (failures, notes []string) {
	if r == nil {
		return nil, nil
	}
	if r.Partial {
		return []string{r.partialMessage()}, nil
	}
	for _, c := range r.Failures() {
		for _, v := range c.Violations {
			failures = append(failures, RawViolationMessage(c, v, r.Properties[v.Property]))
		}
	}
	if n := r.known(); n > 0 {
		notes = append(notes, fmt.Sprintf("%d known raw-mode violations (class × target × property), as the raw baselines list them (see the report)", n))
	}
	return failures, notes
}

// known counts the violations the caller baselined.
func (r Raw) known() int {
	n := 0
	for _, c := range r.Cells {
		for _, v := range c.Violations {
			if v.Known {
				n++
			}
		}
	}
	return n
}

// partialMessage says that an interrupted raw run has no verdict.
func (r Raw) partialMessage() string {
	return fmt.Sprintf("raw mode was interrupted after %d requests: the raw report is partial, its violations are given no verdict", r.Checks)
}

// absent says whether there is no raw section to render: none, or one
// that sent nothing to no target.
func (r *Raw) absent() bool {
	return r == nil || (len(r.Targets) == 0 && len(r.Cells) == 0)
}
