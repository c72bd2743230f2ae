package oracle

import (
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/totp"
	"github.com/stsconform/stsconform/model"
)

var (
	i32 = call.Int32
	str = call.String
)

// The facts file's bounds, typed once here so that a model that drifts from
// them fails this test (the oracle itself reads them from the model).
func TestModelAgreesWithFactsFile(t *testing.T) {
	want := map[string]struct {
		min, max int64
		pattern  string
	}{
		"DurationSeconds":         {900, 129600, ""},
		"SerialNumber":            {9, 256, `[\w+=/:,.@-]*`},
		"TokenCode":               {6, 6, `[\d]*`},
		"MinimumSessionTokenSize": {0, 4096, ""},
	}
	op := Default().Contract()
	require.Len(t, op.Members, len(want))
	for _, m := range op.Members {
		w, ok := want[m.Name]
		require.True(t, ok, "unexpected member %s", m.Name)
		require.NotNil(t, m.Min, m.Name)
		require.NotNil(t, m.Max, m.Name)
		assert.Equal(t, w.min, *m.Min, "%s min", m.Name)
		assert.Equal(t, w.max, *m.Max, "%s max", m.Name)
		assert.Equal(t, w.pattern, m.Pattern, "%s pattern", m.Name)
		assert.False(t, m.Required, "%s is optional", m.Name)
	}
}

// constraintsOf summarises a validation as "member:constraint" strings.
func constraintsOf(cs []Clause) []string {
	out := []string{}
	for _, c := range cs {
		s := c.Member + ":" + string(c.Constraint)
		if c.Optional {
			s += "?"
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func TestValidateBoundaries(t *testing.T) {
	long := func(n int) *string { return str(strings.Repeat("a", n)) }
	for _, tc := range []struct {
		name string
		in   call.Input
		want []string
	}{
		{"no members", call.Input{}, []string{}},
		{"duration 899", call.Input{DurationSeconds: i32(899)}, []string{"durationSeconds:min"}},
		{"duration 900", call.Input{DurationSeconds: i32(900)}, []string{}},
		{"duration 901", call.Input{DurationSeconds: i32(901)}, []string{}},
		{"duration 129599", call.Input{DurationSeconds: i32(129599)}, []string{}},
		{"duration 129600", call.Input{DurationSeconds: i32(129600)}, []string{}},
		{"duration 129601", call.Input{DurationSeconds: i32(129601)}, []string{"durationSeconds:max"}},
		{"duration negative", call.Input{DurationSeconds: i32(-1)}, []string{"durationSeconds:min"}},
		{"serial 8", call.Input{SerialNumber: long(8)}, []string{"serialNumber:min"}},
		{"serial 9", call.Input{SerialNumber: long(9)}, []string{}},
		{"serial 256", call.Input{SerialNumber: long(256)}, []string{}},
		{"serial 257", call.Input{SerialNumber: long(257)}, []string{"serialNumber:max"}},
		{"serial empty", call.Input{SerialNumber: str("")}, []string{"serialNumber:min"}},
		{"serial all pattern chars", call.Input{SerialNumber: str("aZ09_+=/:,.@-")}, []string{}},
		{"serial space", call.Input{SerialNumber: str("user name1")}, []string{"serialNumber:pattern"}},
		{"serial short and bad", call.Input{SerialNumber: str("a b")}, []string{"serialNumber:min", "serialNumber:pattern"}},
		{"serial é (non-ASCII letter)", call.Input{SerialNumber: str("abcdefghé")}, []string{"serialNumber:pattern"}},
		{"serial 5 emoji", call.Input{SerialNumber: str("😀😀😀😀😀")}, []string{"serialNumber:min?", "serialNumber:pattern"}},
		{"serial Greek", call.Input{SerialNumber: str("ΑΒΓΔΕΖΗΘΙ")}, []string{"serialNumber:pattern"}},
		{"token 5", call.Input{TokenCode: str("12345")}, []string{"tokenCode:min"}},
		{"token 6", call.Input{TokenCode: str("123456")}, []string{}},
		{"token 7", call.Input{TokenCode: str("1234567")}, []string{"tokenCode:max"}},
		{"token empty", call.Input{TokenCode: str("")}, []string{"tokenCode:min"}},
		{"token letters", call.Input{TokenCode: str("12345a")}, []string{"tokenCode:pattern"}},
		{"token Arabic-Indic digits", call.Input{TokenCode: str("١٢٣٤٥٦")}, []string{"tokenCode:pattern"}},
		{"token fullwidth digits", call.Input{TokenCode: str("１２３４５６")}, []string{"tokenCode:pattern"}},
		{"token ٣ short", call.Input{TokenCode: str("٣")}, []string{"tokenCode:min?", "tokenCode:pattern"}},
		{"token astral digit", call.Input{TokenCode: str("𝟎12345")}, []string{"tokenCode:max?", "tokenCode:pattern"}},
		{"token astral short", call.Input{TokenCode: str("𝟎𝟎123")}, []string{"tokenCode:max?", "tokenCode:min?", "tokenCode:pattern"}},
		{"serial 256 code points, 257 UTF-16 units", call.Input{SerialNumber: str("😀" + strings.Repeat("a", 255))}, []string{"serialNumber:max?", "serialNumber:pattern"}},
		{"minimum token size -1", call.Input{MinimumSessionTokenSize: i32(-1)}, []string{"minimumSessionTokenSize:min"}},
		{"minimum token size 0", call.Input{MinimumSessionTokenSize: i32(0)}, []string{}},
		{"minimum token size 4096", call.Input{MinimumSessionTokenSize: i32(4096)}, []string{}},
		{"minimum token size 4097", call.Input{MinimumSessionTokenSize: i32(4097)}, []string{"minimumSessionTokenSize:max"}},
		{"several members", call.Input{DurationSeconds: i32(1), TokenCode: str("x")},
			[]string{"durationSeconds:min", "tokenCode:min", "tokenCode:pattern"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, constraintsOf(Default().Validate(tc.in)))
		})
	}
}

func TestClauseWordingMatchesRecordedAWSMessages(t *testing.T) {
	o := Default()
	for _, tc := range []struct {
		in   call.Input
		want string
	}{
		// goldstack PR #425 (GetSessionToken, real AWS).
		{call.Input{DurationSeconds: i32(600)}, "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"},
		// Real CLI output quoted in sts-facts §3.2.
		{call.Input{TokenCode: str("11111111111111")}, "1 validation error detected: Value '11111111111111' at 'tokenCode' failed to satisfy constraint: Member must have length less than or equal to 6"},
		{call.Input{TokenCode: str("12345")}, "1 validation error detected: Value '12345' at 'tokenCode' failed to satisfy constraint: Member must have length greater than or equal to 6"},
		{call.Input{SerialNumber: str("user name1")}, `1 validation error detected: Value 'user name1' at 'serialNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=/:,.@-]*`},
	} {
		assert.Equal(t, tc.want, joinClauses(o.Validate(tc.in)))
	}
	assert.Equal(t, "2 validation errors detected: ", ValidationHeader(2))
}

func TestMinimumSessionTokenSizeWordingIsUnverified(t *testing.T) {
	cs := Default().Validate(call.Input{MinimumSessionTokenSize: i32(5000)})
	require.Len(t, cs, 1)
	assert.False(t, cs[0].ExactText)
	assert.Contains(t, cs[0].Facts, FactTokenSizeMessage)
}

func only(t *testing.T, e Expectation) Expected {
	t.Helper()
	require.Nil(t, e.AnyAnswer)
	require.Len(t, e.Alternatives, 1)
	return e.Alternatives[0]
}

func TestDurations(t *testing.T) {
	o := Default()
	user := call.Caller{Kind: call.User, DevicesKnown: true}
	root := call.Caller{Kind: call.Root, DevicesKnown: true}
	now := time.Now()
	for _, tc := range []struct {
		name   string
		caller call.Caller
		in     *int32
		want   time.Duration
	}{
		{"user default", user, nil, 43200 * time.Second},
		{"user 900", user, i32(900), 900 * time.Second},
		{"user 129600", user, i32(129600), 129600 * time.Second},
		{"root default", root, nil, 3600 * time.Second},
		{"root 3600", root, i32(3600), 3600 * time.Second},
		{"root 3601 capped", root, i32(3601), 3600 * time.Second},
		{"root 129600 capped", root, i32(129600), 3600 * time.Second},
		{"root 900", root, i32(900), 900 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := only(t, o.Expect(call.Input{DurationSeconds: tc.in}, tc.caller, now))
			require.Equal(t, call.Success, e.Kind)
			assert.Equal(t, tc.want, e.Success.Duration)
		})
	}
	e := only(t, o.Expect(call.Input{DurationSeconds: i32(129601)}, root, now))
	assert.Equal(t, "ValidationError", e.Error.Code, "root above the model maximum is still a validation error")
}

func TestCallersAndMFA(t *testing.T) {
	o := Default()
	now := time.Now()
	dev := call.DefaultDevice
	known := call.Caller{Kind: call.User, Devices: []call.Device{dev}, DevicesKnown: true}
	unknown := call.Caller{Kind: call.User}
	session := call.Caller{Kind: call.Session}
	code := totp.Code(dev.Secret, now)
	wrong := "000000"
	if wrong == code {
		wrong = "111111"
	}

	e := only(t, o.Expect(call.Input{}, session, now))
	assert.Equal(t, MsgSessionCredentials, e.Error.Message)
	assert.Equal(t, 403, e.HTTPStatus)

	both := o.Expect(call.Input{DurationSeconds: i32(1)}, session, now)
	require.Len(t, both.Alternatives, 2, "precedence is unverified: both answers are possible")
	for _, a := range both.Alternatives {
		assert.Equal(t, Unverified, a.Status())
	}

	e = only(t, o.Expect(call.Input{SerialNumber: str(dev.Serial), TokenCode: str(code)}, known, now))
	assert.Equal(t, call.Success, e.Kind)
	e = only(t, o.Expect(call.Input{SerialNumber: str(dev.Serial), TokenCode: str(wrong)}, known, now))
	assert.Equal(t, MsgMFAInvalidCode, e.Error.Message)
	e = only(t, o.Expect(call.Input{SerialNumber: str("GAHT12345678"), TokenCode: str(code)}, known, now))
	assert.Equal(t, MsgMFAUnknownSerial, e.Error.Message)
	assert.Contains(t, e.Error.Message, "code.  Please", "two spaces, as AWS writes it")
	e = only(t, o.Expect(call.Input{SerialNumber: str(dev.Serial)}, known, now))
	assert.Equal(t, MsgMFAProvideBoth, e.Error.Message)
	assert.Equal(t, Inferred, e.Status())

	tokenOnly := o.Expect(call.Input{TokenCode: str(code)}, known, now)
	require.NotNil(t, tokenOnly.AnyAnswer)
	assert.Equal(t, Unverified, tokenOnly.AnyAnswer.Status)

	alts := o.Expect(call.Input{SerialNumber: str("GAHT12345678"), TokenCode: str("123456")}, unknown, now)
	kinds := []string{}
	for _, a := range alts.Alternatives {
		kinds = append(kinds, string(a.Kind)+" "+messageOf(a))
	}
	assert.ElementsMatch(t, []string{"success ", "service-error " + MsgMFAUnknownSerial, "service-error " + MsgMFAInvalidCode}, kinds)
}

func messageOf(e Expected) string {
	if e.Error == nil {
		return ""
	}
	return e.Error.Message
}

func TestSuccessShape(t *testing.T) {
	e := only(t, Default().Expect(call.Input{MinimumSessionTokenSize: i32(4096)}, call.Caller{Kind: call.User}, time.Now()))
	assert.Equal(t, 4096, e.Success.MinTokenBytes)
	assert.Equal(t, "ASIA", e.Success.AccessKeyPrefix)
	assert.Equal(t, 200, e.HTTPStatus)
}

func TestOracleFollowsItsContract(t *testing.T) {
	op := model.GetSessionToken()
	for i, m := range op.Members {
		if m.Name == "DurationSeconds" {
			lower := *m.Min + 1
			op.Members[i].Min = &lower
		}
	}
	cs := New(op).Validate(call.Input{DurationSeconds: i32(900)})
	assert.Equal(t, []string{"durationSeconds:min"}, constraintsOf(cs))
}
