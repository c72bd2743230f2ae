package generators

import (
	"slices"

	"github.com/stsconform/stsconform/call"
)

// CallerLabelPrefix starts the class label of a caller, e.g. "Caller/root".
const CallerLabelPrefix = "Caller/"

func callerLabel(k call.CallerKind) string { return CallerLabelPrefix + string(k) }

func defaultCallers() []call.CallerKind { return slices.Clone(call.CallerKinds) }

// weighted repeats call.User userWeight times and puts it first, so that it
// is drawn most often and shrinking leads to it.
func weighted(callers []call.CallerKind) []call.CallerKind {
	if len(callers) == 0 {
		callers = defaultCallers()
	}
	var out []call.CallerKind
	for _, k := range callers {
		n := 1
		if k == call.User {
			n = userWeight
		}
		for range n {
			out = append(out, k)
		}
	}
	slices.SortStableFunc(out, func(a, b call.CallerKind) int {
		return boolInt(a != call.User) - boolInt(b != call.User)
	})
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
