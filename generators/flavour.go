package generators

import (
	"slices"
	"sync"

	"github.com/stsconform/stsconform/model"
)

// Flavour is the kind of value a generator draws for one member.
type Flavour string

// The flavours. Not every member has every flavour: see Flavours.
const (
	Absent         Flavour = "absent"          // nil: the member is not sent
	Valid          Flavour = "valid"           // satisfies every constraint
	Boundary       Flavour = "boundary"        // value or length min-1, min, max or max+1
	InvalidMin     Flavour = "invalid:min"     // below the minimum, otherwise valid
	InvalidMax     Flavour = "invalid:max"     // above the maximum, otherwise valid
	InvalidPattern Flavour = "invalid:pattern" // valid length, a character outside the pattern
	Hostile        Flavour = "hostile"         // non-ASCII, metacharacters, extremes
	Device         Flavour = "device"          // SerialNumber of call.DefaultDevice
	TOTP           Flavour = "totp"            // current code of call.DefaultDevice
)

// Model member names that have an MFA flavour.
const (
	SerialNumberName = "SerialNumber"
	TokenCodeName    = "TokenCode"
)

// mfaFlavour is the extra flavour of the MFA members.
var mfaFlavour = map[string]Flavour{SerialNumberName: Device, TokenCodeName: TOTP}

// Drawn is one drawn member value with its class label.
type Drawn[V any] struct {
	Value   *V      // nil when the member is absent
	Flavour Flavour // the flavour it was drawn in
	Label   string  // class label, e.g. "DurationSeconds/boundary"
}

// Label returns the class label of a member drawn in flavour f.
func Label(member string, f Flavour) string { return member + "/" + string(f) }

var operation = sync.OnceValue(model.GetSessionToken)

// Member returns the model member with the given name; it panics when the
// model has no such member, which is a programming error.
func Member(name string) model.Member {
	m, ok := operation().Member(name)
	if !ok {
		panic("generators: no model member " + name)
	}
	return m
}

// Flavours lists the flavours the named member can be drawn in, simplest
// first, as its model constraints allow (no invalid:pattern without a
// pattern, no invalid:min when nothing lies below the minimum). It returns
// nil for a name the model does not have.
func Flavours(member string) []Flavour {
	m, ok := operation().Member(member)
	if !ok {
		return nil
	}
	return flavoursOf(m)
}

func flavoursOf(m model.Member) []Flavour {
	b := boundsOf(m)
	out := []Flavour{Absent, Valid}
	if m.Min != nil || m.Max != nil {
		out = append(out, Boundary)
	}
	if b.belowMin() {
		out = append(out, InvalidMin)
	}
	if b.aboveMax() {
		out = append(out, InvalidMax)
	}
	if m.Kind == model.String && m.Pattern != "" && len(mustAlphabet(m.Pattern).outside) > 0 {
		out = append(out, InvalidPattern)
	}
	out = append(out, Hostile)
	if f, ok := mfaFlavour[m.Name]; ok {
		out = append(out, f)
	}
	return out
}

// Classes lists every label Cases can produce with its default options:
// one per member and flavour, in model order, then one per caller kind.
func Classes() []string {
	var out []string
	for _, m := range operation().Members {
		for _, f := range flavoursOf(m) {
			out = append(out, Label(m.Name, f))
		}
	}
	for _, k := range defaultCallers() {
		out = append(out, callerLabel(k))
	}
	return slices.Clip(out)
}
