// Package record saves what a target answered, normalised so that no secret,
// id or time of a real account is kept, and reads it back: recordings
// (fixtures/recorded/<target>.json, replayed by the recorded target) and
// recorded facts (fixtures/recorded/facts.json, used by the oracle in place
// of UNVERIFIED defaults). It also holds the case plans of budgeted runs:
// the coverage plan (every class once) and the discovery questions.
package record

import "strings"

// MaskKeyID shows an access key id as its first four and last two
// characters (AKIA…AB): enough to tell keys apart, not to use one.
func MaskKeyID(id string) string {
	if len(id) <= 8 {
		return strings.Repeat("*", len(id))
	}
	return id[:4] + "…" + id[len(id)-2:]
}
