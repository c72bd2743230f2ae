package oracle

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
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

func TestRecordedLengthUnitDecidesTheLengthClause(t *testing.T) {
	emoji := call.Input{SerialNumber: call.String("😀😀😀😀😀")}
	minClause := func(o *Oracle) *Clause {
		for _, c := range o.Validate(emoji) {
			if c.Constraint == Min {
				return &c
			}
		}
		return nil
	}
	require.True(t, minClause(Default()).Optional, "unrecorded: the clause may or may not come")
	pattern := "Value '😀😀😀😀😀' at 'serialNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=/:,.@-]*"
	length := "Value '😀😀😀😀😀' at 'serialNumber' failed to satisfy constraint: Member must have length greater than or equal to 9"
	codePoints := Default().WithRecorded(Recorded{FactID: FactLengthUnit.ID, Kind: call.ServiceError, Code: "ValidationError",
		Message: "2 validation errors detected: " + length + "; " + pattern, Provenance: "test"})
	c := minClause(codePoints)
	require.NotNil(t, c, "code points: 5 < 9")
	assert.False(t, c.Optional)
	assert.NotContains(t, c.Facts, FactLengthUnit)
	utf16 := Default().WithRecorded(Recorded{FactID: FactLengthUnit.ID, Kind: call.ServiceError, Code: "ValidationError",
		Message: "1 validation error detected: " + pattern, Provenance: "test"})
	assert.Nil(t, minClause(utf16), "UTF-16 units: 10 >= 9")
}
