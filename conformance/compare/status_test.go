package compare

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/oracle"
)

// A difference carries the status of the fact behind that field, not the
// weakest fact of the whole expected answer.
func TestDifferencesCarryTheirOwnFactsStatus(t *testing.T) {
	session := call.Caller{Kind: call.Session}
	denied := func(typ, msg string) call.Outcome {
		return call.Outcome{Kind: call.ServiceError, HTTPStatus: 403,
			Error: &call.ErrorDetails{Type: typ, Code: "AccessDenied", Message: msg}}
	}
	wrongCode := call.Outcome{Kind: call.ServiceError, HTTPStatus: 400,
		Error: &call.ErrorDetails{Type: "Sender", Code: "InvalidParameterValue", Message: "1 validation error detected: " + clauseMin}}
	tooSmall := call.Int32(-1)
	for _, tc := range []struct {
		name   string
		in     call.Input
		caller call.Caller
		out    call.Outcome
		want   map[string]oracle.Status
	}{
		// Refusing session credentials is CONFIRMED, though Type=Sender
		// is INFERRED.
		{"session caller given credentials", call.Input{}, session, good(oracle.DefaultUserDuration),
			map[string]oracle.Status{"outcome": oracle.Confirmed}},
		{"session refusal with another message and type", call.Input{}, session, denied("Receiver", "no"),
			map[string]oracle.Status{"message": oracle.Confirmed, "type": oracle.Inferred}},
		{"session refusal with another status", call.Input{}, session,
			call.Outcome{Kind: call.ServiceError, HTTPStatus: 400, Error: &call.ErrorDetails{Code: "AccessDenied", Message: oracle.MsgSessionCredentials}},
			map[string]oracle.Status{"httpStatus": oracle.Confirmed}},
		// The ValidationError code stays CONFIRMED when an unrelated
		// MinimumSessionTokenSize violation (INFERRED range, UNVERIFIED
		// wording) is in the input too; alone, it is INFERRED.
		{"code with an unrelated token size", call.Input{DurationSeconds: call.Int32(899), MinimumSessionTokenSize: tooSmall}, user, wrongCode,
			map[string]oracle.Status{"code": oracle.Confirmed}},
		{"code for the token size alone", call.Input{MinimumSessionTokenSize: tooSmall}, user, wrongCode,
			map[string]oracle.Status{"code": oracle.Inferred}},
		{"MFA refusal with another status", call.Input{SerialNumber: call.String(call.DefaultDevice.Serial), TokenCode: call.String("000000")}, user,
			call.Outcome{Kind: call.ServiceError, HTTPStatus: 400, Error: &call.ErrorDetails{Code: "AccessDenied", Message: oracle.MsgMFAInvalidCode}},
			map[string]oracle.Status{"httpStatus": oracle.Inferred}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := Judge(oracle.Default().Expect(tc.in, tc.caller, now), tc.out, nil, DefaultOptions)
			assert.Equal(t, Diverge, v.Result)
			got := map[string]oracle.Status{}
			for _, d := range v.Diffs {
				got[d.Field] = d.Status
			}
			for field, st := range tc.want {
				assert.Equal(t, st, got[field], "%s in %v", field, v.Diffs)
			}
		})
	}
}

// A validation message without its header is a difference, and its
// clauses are compared all the same.
func TestHeaderlessMessageClausesAreCompared(t *testing.T) {
	e := expect(call.Input{DurationSeconds: call.Int32(899)}, user)
	fields := func(msg string) []string {
		var out []string
		for _, d := range Judge(e, validation(msg), nil, DefaultOptions).Diffs {
			out = append(out, d.Field)
		}
		return out
	}
	assert.Equal(t, []string{"header"}, fields(clauseMin), "right clause, no header")
	wrong := fields("Value '899' at 'durationSeconds' failed to satisfy constraint: Member must be at least 900")
	assert.Equal(t, []string{"header", "clause durationSeconds:min", "clauses"}, wrong)
}

// Headers and namespaces are compared, each with its own fact's status.
func TestEnvelopeIsCompared(t *testing.T) {
	id := "0f7c1a2e-1111-4222-8333-444455556666"
	other := "another"
	ok := good(oracle.DefaultUserDuration)
	e := expect(call.Input{}, user)
	for _, tc := range []struct {
		name string
		wire call.Wire
		want map[string]oracle.Status
	}{
		{"as AWS", call.Wire{ContentType: "text/xml", RequestIDHeader: &id, BodyRequestID: id, Root: "GetSessionTokenResponse", Namespace: oracle.XMLNamespace}, nil},
		{"charset parameter", call.Wire{ContentType: "text/xml; charset=utf-8", RequestIDHeader: &id, BodyRequestID: id, Root: "GetSessionTokenResponse", Namespace: oracle.XMLNamespace}, nil},
		{"no namespace", call.Wire{ContentType: "text/xml", RequestIDHeader: &id, BodyRequestID: id, Root: "GetSessionTokenResponse"},
			map[string]oracle.Status{"xmlns": oracle.Confirmed}},
		{"json content type", call.Wire{ContentType: "application/json", RequestIDHeader: &id, BodyRequestID: id, Root: "GetSessionTokenResponse", Namespace: oracle.XMLNamespace},
			map[string]oracle.Status{"content-type": oracle.Inferred}},
		{"no request id header", call.Wire{ContentType: "text/xml", BodyRequestID: id, Root: "GetSessionTokenResponse", Namespace: oracle.XMLNamespace},
			map[string]oracle.Status{"x-amzn-RequestId": oracle.Inferred}},
		{"another request id", call.Wire{ContentType: "text/xml", RequestIDHeader: &other, BodyRequestID: id, Root: "GetSessionTokenResponse", Namespace: oracle.XMLNamespace},
			map[string]oracle.Status{"x-amzn-RequestId": oracle.Unverified}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := ok
			w := tc.wire
			out.Wire = &w
			v := Judge(e, out, nil, DefaultOptions)
			got := map[string]oracle.Status{}
			for _, d := range v.Diffs {
				got[d.Field] = d.Status
			}
			if tc.want == nil {
				require.Equal(t, Agree, v.Result, "%v", v.Diffs)
				return
			}
			assert.Equal(t, tc.want, got)
		})
	}
	out := validation("1 validation error detected: " + clauseMin)
	e = expect(call.Input{DurationSeconds: call.Int32(899)}, user)
	out.Wire = &call.Wire{ContentType: "application/xml", Root: "ErrorResponse", BodyRequestID: id}
	v := Judge(e, out, nil, DefaultOptions)
	assert.Equal(t, Diverge, v.Result, "an ErrorResponse without namespace (INFERRED)")
	assert.Len(t, v.Diffs, 3)
	out.Wire = &call.Wire{ContentType: "application/xml", Root: "ErrorResponse", Namespace: oracle.XMLNamespace, BodyRequestID: id}
	v = Judge(e, out, nil, DefaultOptions)
	assert.Equal(t, Unverified, v.Result, "an error's headers are unverified")
	require.Len(t, v.Reasons, 1, "one reason, however many headers differ")
	assert.Equal(t, oracle.FactErrorHeaders.ID, v.Reasons[0].ID)
}
