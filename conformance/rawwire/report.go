package rawwire

// Report is a whole raw-mode run; it marshals to JSON as it is.
type Report struct {
	// Partial is set when an interrupt stopped the run early.
	Partial bool   `json:"partial"`
	Seed    uint64 `json:"seed"`
	Checks  int    `json:"checks"` // random requests generated (each sent to every target)
	// Probes counts the fixed requests every run sends first (Probes).
	Probes  int        `json:"probes"`
	Targets []Endpoint `json:"targets"`
	// Properties names every property checked, with its meaning.
	Properties map[string]string `json:"properties"`
	Classes    []ClassInfo       `json:"classes"`
	// Cells holds one entry per class × target that was sent requests.
	Cells []Cell `json:"cells"`
	// Disagreements are requests the targets answered differently
	// (normalised to status and error code): reported, never failed.
	Disagreements []Disagreement `json:"disagreements"`
}

// ClassInfo describes a class and what is known of AWS's answers there.
type ClassInfo struct {
	Name string `json:"name"`
	AWS  string `json:"aws"`
}

// Cell is what one target did with the requests of one class.
type Cell struct {
	Class      string      `json:"class"`
	Target     string      `json:"target"`
	Cases      int         `json:"cases"`
	Violations []Violation `json:"violations,omitempty"`
}

// Violation is a property a target broke in a class: how often, and the
// smallest example (minimised when Shrunk is set).
type Violation struct {
	Property string  `json:"property"`
	Count    int     `json:"count"`
	Known    bool    `json:"known"` // baselined by the caller: not a failure
	Example  Example `json:"example"`
}

// Example is one request and what a target answered.
type Example struct {
	Request Dump   `json:"request"`
	Status  int    `json:"status,omitempty"`
	Body    string `json:"body"` // quoted excerpt
	Error   string `json:"error,omitempty"`
	Detail  string `json:"detail"`
	Curl    string `json:"curl"`
	Shrunk  bool   `json:"shrunk,omitempty"`

	size int
	req  Request // the request, for the minimiser
}

// Disagreement groups the requests of a class that targets answered in
// the same different ways.
type Disagreement struct {
	Class    string            `json:"class"`
	Outcomes map[string]string `json:"outcomes"` // target → "success", "HTTP 400 Code", …
	Count    int               `json:"count"`
	Example  Dump              `json:"example"`
	Curl     string            `json:"curl"` // replays the example on the first target
	AWS      string            `json:"aws"`

	key  string
	size int
}

// Failures are the violations not known to the caller.
func (r Report) Failures() []Cell {
	var out []Cell
	for _, c := range r.Cells {
		var vs []Violation
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
