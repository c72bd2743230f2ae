package model

import "slices"

// Status is the strength of the evidence behind a fact, as tagged in
// sts-facts.md. It is the one three-level ranking every layer uses: the
// oracle to weigh its facts, the comparison to weigh a difference, the
// reports to read them.
type Status string

// Evidence statuses, strongest first.
const (
	Confirmed  Status = "CONFIRMED"
	Inferred   Status = "INFERRED"
	Unverified Status = "UNVERIFIED"
)

// Statuses lists the statuses, strongest first.
var Statuses = []Status{Confirmed, Inferred, Unverified}

// Rank orders statuses: 0 for CONFIRMED, 1 for INFERRED, 2 for
// UNVERIFIED; an unknown status ranks as UNVERIFIED, never as stronger.
func (s Status) Rank() int {
	if i := slices.Index(Statuses, s); i >= 0 {
		return i
	}
	return len(Statuses) - 1
}

// Weaker reports whether s rests on weaker evidence than o.
func (s Status) Weaker(o Status) bool { return s.Rank() > o.Rank() }

// Weakest returns the weakest of the statuses (CONFIRMED if none).
func Weakest(statuses ...Status) Status {
	w := Confirmed
	for _, s := range statuses {
		if s.Weaker(w) {
			w = s
		}
	}
	return w
}
