package oracle

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/call"
)

func TestRecordedAnswersReplaceUnverifiedDefaults(t *testing.T) {
	user, session := call.Caller{Kind: call.User}, call.Caller{Kind: call.Session}
	tokenOnly := call.Input{TokenCode: call.String("123456")}
	invalid := call.Input{DurationSeconds: call.Int32(899)}
	o := Default()
	require.NotNil(t, o.Expect(tokenOnly, user, time.Now()).AnyAnswer, "without a recording: any answer")
	require.Len(t, o.Expect(invalid, session, time.Now()).Alternatives, 2)

	rec := o.WithRecorded(
		Recorded{FactID: FactMFATokenOnly.ID, Kind: call.ServiceError, HTTPStatus: 403, Type: "Sender", Code: "AccessDenied",
			Message: MsgMFAProvideBoth, Provenance: "2026-12-03 us-east-1 iam-user"},
		Recorded{FactID: FactPrecedence.ID, Kind: call.ServiceError, Code: "AccessDenied", Provenance: "2026-12-03 us-east-1 session"})
	exp := rec.Expect(tokenOnly, user, time.Now())
	require.Nil(t, exp.AnyAnswer)
	require.Len(t, exp.Alternatives, 1)
	alt := exp.Alternatives[0]
	assert.Equal(t, "AccessDenied", alt.Error.Code)
	assert.Equal(t, Confirmed, alt.Status())
	assert.Contains(t, alt.Facts[0].Source, "recorded: 2026-12-03 us-east-1")
	prec := rec.Expect(invalid, session, time.Now()).Alternatives
	require.Len(t, prec, 1)
	assert.Equal(t, "AccessDenied", prec[0].Error.Code)
	assert.Equal(t, Inferred, prec[0].Status(), "no longer UNVERIFIED; the error type stays INFERRED")
	assert.NotNil(t, o.Expect(tokenOnly, user, time.Now()).AnyAnswer, "the original oracle is unchanged")
}
