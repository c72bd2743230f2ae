package fakests

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/totp"
)

func start(t *testing.T) *Server {
	t.Helper()
	s, err := Start()
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, s.Close()) })
	return s
}

func client(s *Server, keyID, secret, token string) *sts.Client {
	return sts.New(sts.Options{Region: "us-east-1", BaseEndpoint: aws.String(s.URL()), RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider(keyID, secret, token)})
}

func clientFor(s *Server, kind call.CallerKind) *sts.Client {
	c := s.Credentials(kind)
	return client(s, c.AccessKeyID, c.SecretAccessKey, c.SessionToken)
}

// apiError returns the code and HTTP status of an SDK error.
func apiError(t *testing.T, err error) (string, int) {
	t.Helper()
	var apiErr smithy.APIError
	require.ErrorAs(t, err, &apiErr)
	var resp *smithyhttp.ResponseError
	require.True(t, errors.As(err, &resp))
	return apiErr.ErrorCode(), resp.HTTPStatusCode()
}

func TestCallerIdentityOfEachKind(t *testing.T) {
	s := start(t)
	for kind, arn := range map[call.CallerKind]string{call.User: "arn:aws:iam::" + Account + ":user/fakests",
		call.Root: "arn:aws:iam::" + Account + ":root", call.Session: "arn:aws:sts::" + Account + ":assumed-role/fakests/session"} {
		out, err := clientFor(s, kind).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
		require.NoError(t, err, kind)
		assert.Equal(t, arn, *out.Arn, kind)
		assert.Equal(t, Account, *out.Account)
	}
}

func TestSignatureIsVerified(t *testing.T) {
	s := start(t)
	user, session := s.Credentials(call.User), s.Credentials(call.Session)
	wrong := user.SecretAccessKey[:39] + "x"
	if wrong == user.SecretAccessKey {
		wrong = user.SecretAccessKey[:39] + "y"
	}
	for _, tc := range []struct {
		name             string
		key, secret, tok string
		code             string
		status           int
	}{
		{"wrong secret", user.AccessKeyID, wrong, "", "SignatureDoesNotMatch", 403},
		{"unknown key", "AKIAUNKNOWNKEY234567", user.SecretAccessKey, "", "InvalidClientTokenId", 403},
		{"session without its token", session.AccessKeyID, session.SecretAccessKey, "", "InvalidClientTokenId", 403},
		{"session with another token", session.AccessKeyID, session.SecretAccessKey, "IQoJwrong", "InvalidClientTokenId", 403},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := client(s, tc.key, tc.secret, tc.tok).GetSessionToken(context.Background(), &sts.GetSessionTokenInput{})
			code, status := apiError(t, err)
			assert.Equal(t, tc.code, code)
			assert.Equal(t, tc.status, status)
		})
	}
	_, err := clientFor(s, call.Session).GetSessionToken(context.Background(), &sts.GetSessionTokenInput{})
	code, _ := apiError(t, err)
	assert.Equal(t, "AccessDenied", code, "a correctly signed session request reaches the library")
	s.ExpireSessions()
	_, err = clientFor(s, call.Session).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	code, _ = apiError(t, err)
	assert.Equal(t, "ExpiredToken", code)
}

func TestValidationAndDefaultsComeFromTheLibrary(t *testing.T) {
	s := start(t)
	_, err := clientFor(s, call.User).GetSessionToken(context.Background(), &sts.GetSessionTokenInput{DurationSeconds: aws.Int32(899)})
	code, status := apiError(t, err)
	assert.Equal(t, "ValidationError", code)
	assert.Equal(t, 400, status)
	out, err := clientFor(s, call.Root).GetSessionToken(context.Background(), &sts.GetSessionTokenInput{})
	require.NoError(t, err)
	assert.WithinDuration(t, time.Now().Add(time.Hour), *out.Credentials.Expiration, 5*time.Second)
}

func TestMFAWithRealTOTPAndNoReuse(t *testing.T) {
	s := start(t)
	d := s.Device()
	code := totp.Code(d.Secret, time.Now())
	in := &sts.GetSessionTokenInput{SerialNumber: aws.String(d.Serial), TokenCode: aws.String(code)}
	_, err := clientFor(s, call.User).GetSessionToken(context.Background(), in)
	require.NoError(t, err)
	_, err = clientFor(s, call.User).GetSessionToken(context.Background(), in)
	code2, status := apiError(t, err)
	assert.Equal(t, "AccessDenied", code2, "a code is accepted once")
	assert.Equal(t, 403, status)
	wrongSerial := &sts.GetSessionTokenInput{SerialNumber: aws.String("arn:aws:iam::" + Account + ":mfa/other"), TokenCode: aws.String("123456")}
	_, err = clientFor(s, call.User).GetSessionToken(context.Background(), wrongSerial)
	c, _ := apiError(t, err)
	assert.Equal(t, "AccessDenied", c)
}

func TestThrottlingOnDemand(t *testing.T) {
	s := start(t)
	s.Throttle(2)
	for range 2 {
		_, err := clientFor(s, call.User).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
		code, status := apiError(t, err)
		assert.Equal(t, "Throttling", code)
		assert.Equal(t, 400, status)
	}
	_, err := clientFor(s, call.User).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	assert.NoError(t, err)
	assert.Equal(t, 3, s.Calls())
}
