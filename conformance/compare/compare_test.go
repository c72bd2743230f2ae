package compare

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/oracle"
)

var (
	now  = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	user = call.Caller{Kind: call.User, Devices: []call.Device{call.DefaultDevice}, DevicesKnown: true}
)

func expect(in call.Input, c call.Caller) oracle.Expectation {
	return oracle.Default().Expect(in, c, now)
}

func validation(msg string) call.Outcome {
	return call.Outcome{Kind: call.ServiceError, HTTPStatus: 400,
		Error: &call.ErrorDetails{Type: "Sender", Code: "ValidationError", Message: msg}}
}

func good(d time.Duration) call.Outcome {
	return call.Outcome{Kind: call.Success, HTTPStatus: 200, Sent: now, Received: now.Add(time.Millisecond),
		Credentials: &call.Credentials{AccessKeyID: "ASIAABCDEFGHIJKLMNOP", SecretAccessKey: strings.Repeat("s", 40),
			SessionToken: "IQoJb3JpZ2luX2VjEXAMPLE", Expiration: now.Add(d)}}
}

const (
	clauseMin = "Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"
	clauseTok = "Value 'x' at 'tokenCode' failed to satisfy constraint: Member must have length greater than or equal to 6"
	clausePat = `Value 'x' at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\d]*`
)

func TestJudgeValidationErrors(t *testing.T) {
	in := call.Input{DurationSeconds: call.Int32(899), TokenCode: call.String("x")}
	e := expect(in, user)
	for _, tc := range []struct {
		name string
		out  call.Outcome
		want Result
	}{
		{"AWS order", validation("3 validation errors detected: " + clauseMin + "; " + clauseTok + "; " + clausePat), Agree},
		{"another order", validation("3 validation errors detected: " + clausePat + "; " + clauseMin + "; " + clauseTok), Agree},
		{"missing clause", validation("2 validation errors detected: " + clauseMin + "; " + clauseTok), Diverge},
		{"wrong count", validation("2 validation errors detected: " + clauseMin + "; " + clauseTok + "; " + clausePat), Diverge},
		{"extra clause", validation("4 validation errors detected: " + clauseMin + "; " + clauseTok + "; " + clausePat + "; " + clauseMin), Diverge},
		{"singular header", validation("3 validation error detected: " + clauseMin + "; " + clauseTok + "; " + clausePat), Diverge},
		{"garbage message", validation("\x00\xff<>"), Diverge},
		{"wrong status", call.Outcome{Kind: call.ServiceError, HTTPStatus: 500, Error: &call.ErrorDetails{Code: "ValidationError",
			Message: "3 validation errors detected: " + clauseMin + "; " + clauseTok + "; " + clausePat}}, Diverge},
		{"wrong code", call.Outcome{Kind: call.ServiceError, HTTPStatus: 400, Error: &call.ErrorDetails{Code: "InvalidParameterValue",
			Message: "3 validation errors detected: " + clauseMin + "; " + clauseTok + "; " + clausePat}}, Diverge},
		{"success", good(900 * time.Second), Diverge},
		{"no details", call.Outcome{Kind: call.ServiceError, HTTPStatus: 400}, Diverge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := Judge(e, tc.out, nil, DefaultOptions)
			assert.Equal(t, tc.want, v.Result, "%v", v.Diffs)
		})
	}
}

func TestJudgeSuccess(t *testing.T) {
	e := expect(call.Input{DurationSeconds: call.Int32(900)}, user)
	assert.Equal(t, Agree, Judge(e, good(900*time.Second), nil, DefaultOptions).Result)

	late := good(960 * time.Second)
	v := Judge(e, late, nil, DefaultOptions)
	require.Equal(t, Diverge, v.Result)
	assert.Equal(t, "expiration", v.Diffs[0].Field)

	akia := good(900 * time.Second)
	akia.Credentials.AccessKeyID = "AKIAABCDEFGHIJKLMNOP"
	v = Judge(e, akia, nil, DefaultOptions)
	require.Equal(t, Diverge, v.Result)
	assert.Equal(t, oracle.Confirmed, v.Diffs[0].Status)

	small := good(900 * time.Second)
	e = expect(call.Input{DurationSeconds: call.Int32(900), MinimumSessionTokenSize: call.Int32(4096)}, user)
	assert.Equal(t, Diverge, Judge(e, small, nil, DefaultOptions).Result, "token shorter than requested")
}

func TestJudgeUnverifiedAndFailures(t *testing.T) {
	tokenOnly := expect(call.Input{TokenCode: call.String("123456")}, user)
	assert.Equal(t, Unverified, Judge(tokenOnly, good(43200*time.Second), nil, DefaultOptions).Result)
	assert.Equal(t, Diverge, Judge(tokenOnly, call.Outcome{Kind: call.ServiceError, HTTPStatus: 500}, nil, DefaultOptions).Result)

	e := expect(call.Input{}, user)
	v := Judge(e, call.Outcome{}, errors.New("connection reset"), DefaultOptions)
	assert.Equal(t, Diverge, v.Result)
	assert.Contains(t, v.Diffs[0].Actual, "connection reset")

	// Non-ASCII: the length clause is optional, the pattern clause is not.
	emoji := call.Input{SerialNumber: call.String("😀😀😀😀😀")}
	pat := `Value '😀😀😀😀😀' at 'serialNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=/:,.@-]*`
	lenc := `Value '😀😀😀😀😀' at 'serialNumber' failed to satisfy constraint: Member must have length greater than or equal to 9`
	e = expect(emoji, user)
	assert.Equal(t, Unverified, Judge(e, validation("1 validation error detected: "+pat), nil, DefaultOptions).Result)
	assert.Equal(t, Unverified, Judge(e, validation("2 validation errors detected: "+lenc+"; "+pat), nil, DefaultOptions).Result)
	assert.Equal(t, Diverge, Judge(e, validation("1 validation error detected: "+lenc), nil, DefaultOptions).Result)
}

func TestNormalize(t *testing.T) {
	n := Normalize(validation("2 validation errors detected: "+clauseMin+"; "+clauseTok), nil)
	assert.Equal(t, "ValidationError/400 [durationSeconds:min tokenCode:min]", n.String())
	assert.Equal(t, "no-answer", Normalize(call.Outcome{}, errors.New("x")).Class)
	assert.Equal(t, "success", Normalize(good(time.Hour), nil).Class)
	assert.Equal(t, "error/502", Normalize(call.Outcome{Kind: call.ServiceError, HTTPStatus: 502}, nil).Class)
}

// Whatever a target answers, judging and normalising it never panics.
func TestJudgeNeverPanicsOnGarbage(t *testing.T) {
	o := oracle.Default()
	rapid.Check(t, func(rt *rapid.T) {
		in := call.Input{
			DurationSeconds: call.Int32(rapid.Int32().Draw(rt, "duration")),
			TokenCode:       call.String(rapid.String().Draw(rt, "token")),
		}
		out := call.Outcome{
			Kind:       rapid.SampledFrom([]call.Kind{call.Success, call.ServiceError, call.ClientError, "bogus"}).Draw(rt, "kind"),
			HTTPStatus: rapid.IntRange(-1, 999).Draw(rt, "status"),
		}
		if rapid.Bool().Draw(rt, "has error") {
			out.Error = &call.ErrorDetails{
				Code:    rapid.String().Draw(rt, "code"),
				Message: rapid.OneOf(rapid.String(), rapid.Just("3 validation errors detected: ; ; Value '")).Draw(rt, "message"),
			}
		}
		if rapid.Bool().Draw(rt, "has credentials") {
			out.Credentials = &call.Credentials{AccessKeyID: rapid.String().Draw(rt, "key")}
		}
		e := o.Expect(in, user, now)
		_ = Judge(e, out, nil, DefaultOptions)
		_ = Normalize(out, nil)
	})
}

// When several outcomes are acceptable, a success is compared with the
// expected success, not reported as "not an error".
func TestClosestAlternativeHasTheSameKind(t *testing.T) {
	unknown := call.Caller{Kind: call.User}
	e := expect(call.Input{SerialNumber: call.String("GAHT12345678"), TokenCode: call.String("123456")}, unknown)
	out := good(43200 * time.Second)
	out.Credentials.AccessKeyID = "AKIAABCDEFGHIJKLMNOP"
	v := Judge(e, out, nil, DefaultOptions)
	require.Equal(t, Diverge, v.Result)
	require.Len(t, v.Diffs, 1)
	assert.Equal(t, "accessKeyId prefix", v.Diffs[0].Field)
}
