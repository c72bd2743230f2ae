package recorded

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/record"
)

func TestReplaysWhatWasRecorded(t *testing.T) {
	dir := t.TempDir()
	valid := int32(900)
	rec := record.Recording{Target: "aws", Provenance: record.Provenance{RecordedAt: "2026-12-03", Region: "us-east-1", CallerKind: call.User},
		Entries: []record.Entry{
			{Labels: []string{"DurationSeconds/valid", "Caller/iam-user"}, Input: call.Input{DurationSeconds: &valid}, Caller: call.User,
				Answer: record.Answer{Kind: call.Success, HTTPStatus: 200, Credentials: &record.CredentialsShape{
					AccessKeyIDPrefix: "ASIA", AccessKeyIDLength: 20, SecretLength: 40, SessionTokenBytes: 400, ValidForSeconds: 900}}},
			{Input: call.Input{TokenCode: call.String("123456")}, Caller: call.User, Answer: record.Answer{Kind: call.ServiceError,
				HTTPStatus: 403, Error: &record.ErrorAnswer{Type: "Sender", Code: "AccessDenied", Message: "m"}}},
			{Input: call.Input{TokenCode: call.String("$STSCONFORM_MFA_CODE")}, Caller: call.User},
		}}
	_, err := rec.Write(dir)
	require.NoError(t, err)
	target, err := OpenSpec("dir=" + dir)
	require.NoError(t, err)
	n := 0
	for range target.Cases() {
		n++
	}
	assert.Equal(t, 2, n, "the entry holding a placeholder cannot be sent again")
	assert.Contains(t, target.Version(), "recorded 2026-12-03")

	out, err := target.GetSessionToken(context.Background(), call.User, call.Input{DurationSeconds: &valid})
	require.NoError(t, err)
	assert.Len(t, out.Credentials.AccessKeyID, 20)
	assert.WithinDuration(t, time.Now().Add(900*time.Second), out.Credentials.Expiration, 2*time.Second)
	out, err = target.GetSessionToken(context.Background(), call.User, call.Input{TokenCode: call.String("123456")})
	require.NoError(t, err)
	assert.Equal(t, "AccessDenied", out.Error.Code)
	_, err = target.GetSessionToken(context.Background(), call.Root, call.Input{})
	var skipped interface{ Skipped() bool }
	assert.ErrorAs(t, err, &skipped)
}

func TestNoRecordingIsAnError(t *testing.T) {
	_, err := Open(t.TempDir())
	assert.ErrorContains(t, err, "no recorded answer")
}
