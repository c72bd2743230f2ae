package report

import (
	"sort"

	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/oracle"
)

// FactTally is one UNVERIFIED fact of the oracle and how many unverified
// verdicts rested on it: the facts whose confirmation would turn the most
// verdicts into agreements or divergences come first.
type FactTally struct {
	ID     string        `json:"id"`
	Status oracle.Status `json:"status"`
	Source string        `json:"source"`
	// Verdicts counts unverified verdicts (one case on one target) that
	// rested on the fact; ByTarget splits them by target.
	Verdicts int            `json:"verdicts"`
	ByTarget map[string]int `json:"byTarget"`
	// Discover is the command that settles the fact against real AWS, when
	// the suite has one.
	Discover string `json:"discover,omitempty"`
}

// unattributedFact stands for unverified verdicts that name no fact: an
// outcome that differed from the expectation only in details whose
// evidence is unverified.
var unattributedFact = oracle.Fact{ID: "unverified-detail", Status: oracle.Unverified,
	Source: "differences the oracle marks UNVERIFIED, with no fact named"}

// factTallies counts unverified verdicts per fact; the Recorder's mutex
// guards it.
type factTallies map[string]*FactTally

// add counts one observation if its verdict is unverified.
func (ft *factTallies) add(o Observation) {
	if o.Verdict.Result != compare.Unverified {
		return
	}
	if *ft == nil {
		*ft = factTallies{}
	}
	facts := o.Verdict.Reasons
	if len(facts) == 0 {
		facts = []oracle.Fact{unattributedFact}
	}
	seen := map[string]bool{}
	for _, f := range facts {
		if seen[f.ID] {
			continue
		}
		seen[f.ID] = true
		ft.count(FactTally{ID: f.ID, Status: f.Status, Source: f.Source}, o.Target, 1)
	}
}

// count adds n verdicts of target to the tally of fact f.
func (ft factTallies) count(f FactTally, target string, n int) {
	t := ft[f.ID]
	if t == nil {
		t = &FactTally{ID: f.ID, Status: f.Status, Source: f.Source, Discover: f.Discover, ByTarget: map[string]int{}}
		ft[f.ID] = t
	}
	if t.Discover == "" {
		t.Discover = f.Discover
	}
	t.Verdicts += n
	t.ByTarget[target] += n
}

// list returns the tallies, most verdicts first, then by id.
func (ft factTallies) list() []FactTally {
	out := make([]FactTally, 0, len(ft))
	for _, t := range ft {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Verdicts != out[j].Verdicts {
			return out[i].Verdicts > out[j].Verdicts
		}
		return out[i].ID < out[j].ID
	})
	if len(out) == 0 {
		return nil
	}
	return out
}
