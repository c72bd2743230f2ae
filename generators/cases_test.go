package generators

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/stsconform/stsconform/call"
)

func TestClasses(t *testing.T) {
	classes := Classes()
	assert.Len(t, classes, 6+8+8+6+3)
	assert.Equal(t, "DurationSeconds/absent", classes[0])
	assert.Contains(t, classes, "SerialNumber/device")
	assert.Contains(t, classes, "TokenCode/totp")
	assert.Contains(t, classes, "TokenCode/invalid:pattern")
	assert.Equal(t, []string{"Caller/iam-user", "Caller/root", "Caller/session"}, classes[len(classes)-3:])
}

// Every class is produced within rapid's default number of checks, and
// every case's labels agree with its input.
func TestCasesCoverEveryClass(t *testing.T) {
	seen := map[string]bool{}
	gen := Cases(Options{Clock: fixedClock})
	rapid.Check(t, func(rt *rapid.T) {
		c := gen.Draw(rt, "case")
		checkLabels(rt, c)
		for _, l := range c.Labels {
			seen[l] = true
		}
	})
	for _, class := range Classes() {
		assert.True(t, seen[class], "class %s never drawn", class)
	}
	assert.ElementsMatch(t, Classes(), slices.Collect(maps.Keys(seen)), "no label outside Classes()")
}

// checkLabels: one label per member in model order, then the caller's;
// absent exactly when the field is nil.
func checkLabels(t require.TestingT, c Case) {
	present := map[string]bool{
		"DurationSeconds": c.Input.DurationSeconds != nil, SerialNumberName: c.Input.SerialNumber != nil,
		TokenCodeName: c.Input.TokenCode != nil, "MinimumSessionTokenSize": c.Input.MinimumSessionTokenSize != nil,
	}
	members := operation().Members
	require.Len(t, c.Labels, len(members)+1)
	for i, m := range members {
		name, flavour, ok := strings.Cut(c.Labels[i], "/")
		require.True(t, ok)
		require.Equal(t, m.Name, name)
		require.Equal(t, flavour != string(Absent), present[name], c.Labels[i])
	}
	require.Equal(t, "Caller/"+string(c.Caller), c.Labels[len(members)])
}

// The mix exercises success and MFA paths, and iam-user is drawn most.
func TestCasesMix(t *testing.T) {
	const n = 2000
	gen := Cases(Options{Clock: fixedClock})
	var clean, pairs int
	callers := map[call.CallerKind]int{}
	for seed := range n {
		c := gen.Example(seed)
		callers[c.Caller]++
		if allValidOrAbsent(c.Labels) {
			clean++
		}
		if slices.Contains(c.Labels, "SerialNumber/device") && slices.Contains(c.Labels, "TokenCode/totp") {
			pairs++
		}
	}
	t.Logf("valid-or-absent %d, device+totp %d, callers %v (of %d)", clean, pairs, callers, n)
	assert.InDelta(t, 0.25, float64(clean)/n, 0.1)
	assert.Greater(t, float64(pairs)/n, 0.06, "device+totp about one case in twelve")
	assert.Greater(t, callers[call.User], callers[call.Root])
	assert.Greater(t, callers[call.User], callers[call.Session])
	assert.Positive(t, callers[call.Session])
}

func allValidOrAbsent(labels []string) bool {
	for _, l := range labels[:len(labels)-1] {
		_, f, _ := strings.Cut(l, "/")
		if !slices.Contains([]Flavour{Valid, Absent, Device, TOTP}, Flavour(f)) {
			return false
		}
	}
	return true
}

func TestCasesRestrictCallers(t *testing.T) {
	gen := Cases(Options{Callers: []call.CallerKind{call.Root}})
	rapid.Check(t, func(rt *rapid.T) {
		require.Equal(rt, call.Root, gen.Draw(rt, "case").Caller)
	})
}

func TestWeightedPutsUserFirst(t *testing.T) {
	w := weighted([]call.CallerKind{call.Session, call.User})
	assert.Equal(t, []call.CallerKind{call.User, call.User, call.User, call.Session}, w)
	assert.Len(t, weighted(nil), userWeight+len(call.CallerKinds)-1)
}
