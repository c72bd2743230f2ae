// Package report holds the result of a conformance run: the conformance
// matrix (class × target → agree, diverge, unverified, with counts and the
// smallest example of each), the divergences, and the cases where targets
// disagree with each other. The JSON form is the source of truth; the
// Markdown summary and the terminal table are rendered from it.
package report

import (
	"time"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/compare"
)

// SchemaVersion is the version of the JSON report's schema. Bump it when a
// field changes meaning or is removed; adding a field does not need a bump.
const SchemaVersion = 1

// Report is a whole run.
type Report struct {
	SchemaVersion int       `json:"schemaVersion"`
	Tool          string    `json:"tool"`
	StartedAt     time.Time `json:"startedAt"`
	FinishedAt    time.Time `json:"finishedAt"`
	// Partial is set when the run stopped before every check ran.
	Partial bool `json:"partial"`
	// Interruption, on a partial run, says what the interrupt cut.
	Interruption *Interruption `json:"interruption,omitempty"`
	Seed         uint64        `json:"seed"`
	Checks       int           `json:"checks"`
	// Phases counts, per phase (coverage, then random), the cases run and
	// the diverging cells found; Checks is their sum.
	Phases  []PhaseCount      `json:"phases,omitempty"`
	Replay  string            `json:"replay"`
	Targets []TargetInfo      `json:"targets"`
	Totals  map[string]Counts `json:"totals"`
	Matrix  []Row             `json:"matrix"`
	// Findings are the run's deviations, one per (target, signature), with
	// one minimised example each and the cells each was seen in.
	Findings []Finding `json:"findings,omitempty"`
	// Divergences holds the findings' examples, in the same order.
	Divergences []Example `json:"divergences"`
	// StaleBaseline lists baseline entries no run divergence matched.
	StaleBaseline []StaleEntry `json:"staleBaseline,omitempty"`
	// NotSeen lists baselined findings a run with another seed or number
	// of checks than the baseline's did not show: reported, not failed
	// (the fixed-seed gate, which replays the baseline's run, fails them).
	NotSeen []StaleEntry `json:"notSeen,omitempty"`
	// Disagreements are cases where the oracle had no verified prediction
	// and targets answered differently from one another.
	Disagreements []Disagreement `json:"disagreements"`
	// UnverifiedFacts lists the UNVERIFIED facts unverified verdicts rested
	// on, with how many verdicts rested on each.
	UnverifiedFacts []FactTally `json:"unverifiedFacts,omitempty"`
	// MergedFrom lists the runs a merged report was made of (see Merge).
	MergedFrom []Source `json:"mergedFrom,omitempty"`
	// Raw holds raw mode's results (wire-level properties of raw awsQuery
	// requests to the HTTP targets) when the run had -raw.
	Raw *Raw `json:"raw,omitempty"`
}

// TargetInfo describes one target of the run.
type TargetInfo struct {
	Name     string `json:"name"`
	Endpoint string `json:"endpoint,omitempty"`
	Version  string `json:"version,omitempty"` // of the software behind it, when known
	Log      string `json:"log,omitempty"`     // its log file, for emulators
	// Notes are statements about the target as a whole, e.g. which invalid
	// inputs a client lets through unrefused (client gate).
	Notes []string `json:"notes,omitempty"`
}

// Counts tallies verdicts.
type Counts struct {
	Agree      int `json:"agree"`
	Diverge    int `json:"diverge"`
	Unverified int `json:"unverified"`
	// NotExpressible counts cases the target could not even build (a
	// client whose types cannot hold the input): nothing was sent.
	NotExpressible int `json:"notExpressible,omitempty"`
}

// Add counts one verdict.
func (c *Counts) Add(r compare.Result) {
	switch r {
	case compare.Agree:
		c.Agree++
	case compare.Diverge:
		c.Diverge++
	case compare.Unverified:
		c.Unverified++
	}
}

// Row is one class of cases (a generator label such as
// "DurationSeconds/boundary") across targets.
type Row struct {
	Class string          `json:"class"`
	Cells map[string]Cell `json:"cells"` // by target name
}

// Cell is one class on one target.
type Cell struct {
	Counts
	// DivergentFields is the sorted set of fields that differed in the
	// cell's divergences (e.g. "code", "clause tokenCode:pattern"): the
	// cell's divergence signature, which baselines record.
	DivergentFields []string `json:"divergentFields,omitempty"`
	// Baseline says whether the cell's divergence is known ("known", with
	// Reason) or not ("new"), when the run had a baseline.
	Baseline string `json:"baseline,omitempty"`
	Reason   string `json:"reason,omitempty"`
	// Example is the smallest case of the cell's worst result.
	Example *Example `json:"example,omitempty"`
}

// Example is one case on one target, with what was expected and what came.
type Example struct {
	Target    string          `json:"target"`
	Class     string          `json:"class"`
	Result    compare.Result  `json:"result"`
	Input     call.Input      `json:"input"`
	InputText string          `json:"inputText"`
	Caller    call.CallerKind `json:"caller"`
	Expected  []string        `json:"expected"`
	Actual    string          `json:"actual"`
	Diffs     []compare.Diff  `json:"diffs,omitempty"`
	Reasons   []string        `json:"reasons,omitempty"`
	Replay    *Replay         `json:"replay,omitempty"`
	// Baseline is "known" or "new" when the run had a baseline; Reason is
	// the baseline's reason for a known divergence.
	Baseline string `json:"baseline,omitempty"`
	Reason   string `json:"reason,omitempty"`
	// Others is what the other targets did with the same case.
	Others []Example `json:"others,omitempty"`
	// Shrunk is set when rapid minimised the example.
	Shrunk bool `json:"shrunk,omitempty"`
}

// Replay says how to send the case again.
type Replay struct {
	Command string `json:"command,omitempty"` // go test … -rapid.seed=…
	Curl    string `json:"curl,omitempty"`
}

// Disagreement is one case the targets answered differently.
type Disagreement struct {
	Class     string            `json:"class"`
	InputText string            `json:"inputText"`
	Caller    call.CallerKind   `json:"caller"`
	Answers   map[string]string `json:"answers"` // normalised outcome by target
}

// StaleEntry is a baselined divergence that did not occur.
type StaleEntry struct {
	Target          string   `json:"target"`
	Class           string   `json:"class,omitempty"`
	Finding         string   `json:"finding,omitempty"` // a finding's signature
	DivergentFields []string `json:"divergentFields"`
	Reason          string   `json:"reason"`
}
