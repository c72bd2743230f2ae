package generators

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/model"
)

func coverageList(op model.Operation) []Case {
	return slices.Collect(Coverage(op, Options{Clock: func() time.Time { return fixedNow }}))
}

// The coverage list holds the edges the model implies, with the labels of
// the random phase, and is the same each time.
func TestCoverageHoldsTheModelsEdges(t *testing.T) {
	cases := coverageList(model.GetSessionToken())
	require.Equal(t, cases, coverageList(model.GetSessionToken()), "deterministic")
	seen := map[string]bool{}
	for _, c := range cases {
		seen[c.Input.String()+" "+string(c.Caller)] = true
		assert.Len(t, c.Labels, len(model.GetSessionToken().Members)+1)
		for _, l := range c.Labels {
			assert.Contains(t, Classes(), l)
		}
	}
	for _, want := range []string{
		"{DurationSeconds=899} iam-user", "{DurationSeconds=900} iam-user", "{DurationSeconds=901} iam-user",
		"{DurationSeconds=129599} iam-user", "{DurationSeconds=129600} iam-user", "{DurationSeconds=129601} iam-user",
		"{DurationSeconds=0} iam-user", "{DurationSeconds=-2147483648} iam-user", "{DurationSeconds=2147483647} iam-user",
		"{DurationSeconds=3601} root", "{DurationSeconds=3600} root", "{} (no members) root", "{} (no members) session",
		"{MinimumSessionTokenSize=-1} iam-user", "{MinimumSessionTokenSize=4097} iam-user",
		`{SerialNumber=""} iam-user`, `{SerialNumber="+"} iam-user`, `{SerialNumber="ABCD+FGHI"} iam-user`,
		`{SerialNumber="ABCD*FGHI"} iam-user`, `{SerialNumber="ABCDéFGHI"} iam-user`, `{SerialNumber=" ABCDEFGHI"} iam-user`,
		`{TokenCode="12345"} iam-user`, `{TokenCode="1234567"} iam-user`, `{TokenCode="123/56"} iam-user`,
		`{TokenCode="123:56"} iam-user`, `{TokenCode="000001"} iam-user`, `{TokenCode="999999"} iam-user`,
		`{TokenCode="123٣56"} iam-user`, `{TokenCode="123\x0056"} iam-user`,
		`{DurationSeconds=899 TokenCode="12345"} iam-user`,
		`{SerialNumber="arn:aws:iam::000000000000:mfa/stsconform"} iam-user`,
	} {
		assert.True(t, seen[want], "coverage lacks %s", want)
	}
	assert.Greater(t, len(cases), 150)
	assert.Less(t, len(cases), 400, "the phase stays cheap")
}

// A valid code is the device's code when the case is reached; the wrong
// code is not valid then.
func TestCoverageMFACodes(t *testing.T) {
	var codes []string
	for _, c := range coverageList(model.GetSessionToken()) {
		if c.Input.SerialNumber != nil && *c.Input.SerialNumber == call.DefaultDevice.Serial && c.Input.TokenCode != nil {
			codes = append(codes, *c.Input.TokenCode+" "+c.Labels[2])
		}
	}
	assert.Contains(t, codes, "000000 TokenCode/valid")
	assert.Len(t, codes, 6, "valid, reused and wrong code, for the user and root")
	assert.Equal(t, codes[0], codes[1], "the reused code is the valid one")
}

// The list is derived from the model: another bound gives another list.
func TestCoverageFollowsTheModel(t *testing.T) {
	op := model.GetSessionToken()
	i := slices.IndexFunc(op.Members, func(m model.Member) bool { return m.Name == "DurationSeconds" })
	lo := *op.Members[i].Min + 100
	op.Members[i].Min = &lo
	changed := coverageList(op)
	assert.NotEqual(t, coverageList(model.GetSessionToken()), changed)
	var ds []int32
	for _, c := range changed {
		if c.Input.DurationSeconds != nil && c.Caller == call.User {
			ds = append(ds, *c.Input.DurationSeconds)
		}
	}
	assert.Contains(t, ds, int32(999))
	assert.Contains(t, ds, int32(1001))
	assert.NotContains(t, ds, int32(899))
}
