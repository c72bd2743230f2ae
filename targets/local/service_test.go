package local

import (
	"context"
	"encoding/base64"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/totp"
)

var testNow = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)

func fixedService() *Service {
	return New(WithClock(func() time.Time { return testNow }))
}

func getToken(t *testing.T, caller call.CallerKind, in call.Input) (*sts.GetSessionTokenOutput, *APIError) {
	t.Helper()
	out, err := fixedService().GetSessionToken(context.Background(), caller, in.SDK())
	if err == nil {
		return out, nil
	}
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	return nil, apiErr
}

func TestEffectiveDuration(t *testing.T) {
	for _, tc := range []struct {
		caller call.CallerKind
		asked  *int32
		want   time.Duration
	}{
		{call.User, nil, 12 * time.Hour},
		{call.User, call.Int32(900), 15 * time.Minute},
		{call.User, call.Int32(129600), 36 * time.Hour},
		{call.Root, nil, time.Hour},
		{call.Root, call.Int32(900), 15 * time.Minute},
		{call.Root, call.Int32(3600), time.Hour},
		{call.Root, call.Int32(3601), time.Hour},
		{call.Root, call.Int32(129600), time.Hour},
	} {
		out, apiErr := getToken(t, tc.caller, call.Input{DurationSeconds: tc.asked})
		require.Nil(t, apiErr)
		assert.Equal(t, testNow.Add(tc.want), *out.Credentials.Expiration, "%s %v", tc.caller, aws.ToInt32(tc.asked))
	}
}

func TestRootAboveModelMaxIsStillValidationError(t *testing.T) {
	_, apiErr := getToken(t, call.Root, call.Input{DurationSeconds: call.Int32(129601)})
	require.NotNil(t, apiErr)
	assert.Equal(t, "ValidationError", apiErr.Code)
}

func TestSessionCallerIsDenied(t *testing.T) {
	_, apiErr := getToken(t, call.Session, call.Input{})
	assert.Equal(t, &APIError{HTTPStatus: 403, Type: Sender, Code: "AccessDenied",
		Message: "Cannot call GetSessionToken with session credentials"}, apiErr)
}

func TestMFA(t *testing.T) {
	serial := call.DefaultDevice.Serial
	code := totp.Code(call.DefaultDevice.Secret, testNow)
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	for _, tc := range []struct {
		name string
		in   call.Input
		want string // "" for success
	}{
		{"valid code", call.Input{SerialNumber: &serial, TokenCode: &code}, ""},
		{"previous step", call.Input{SerialNumber: &serial,
			TokenCode: call.String(totp.Code(call.DefaultDevice.Secret, testNow.Add(-totp.Step)))}, ""},
		{"serial only", call.Input{SerialNumber: &serial},
			"MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code."},
		{"code only", call.Input{TokenCode: &code},
			"MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code."},
		{"unknown serial", call.Input{SerialNumber: call.String("arn:aws:iam::000000000000:user/x"), TokenCode: &code},
			"MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user."},
		{"wrong code", call.Input{SerialNumber: &serial, TokenCode: &wrong},
			"MultiFactorAuthentication failed with invalid MFA one time pass code."},
	} {
		for _, caller := range []call.CallerKind{call.User, call.Root} {
			t.Run(tc.name+"/"+string(caller), func(t *testing.T) {
				_, apiErr := getToken(t, caller, tc.in)
				if tc.want == "" {
					assert.Nil(t, apiErr)
					return
				}
				assert.Equal(t, &APIError{HTTPStatus: 403, Type: Sender, Code: "AccessDenied", Message: tc.want}, apiErr)
			})
		}
	}
}

func TestSessionDenialPrecedesMFA(t *testing.T) {
	_, apiErr := getToken(t, call.Session, call.Input{SerialNumber: call.String(call.DefaultDevice.Serial)})
	assert.Equal(t, msgSessionCredentials, apiErr.Message)
}

func TestCredentialShapes(t *testing.T) {
	out, apiErr := getToken(t, call.User, call.Input{})
	require.Nil(t, apiErr)
	c := out.Credentials
	assert.Regexp(t, `^ASIA[A-Z2-7]{16}$`, *c.AccessKeyId)
	assert.Regexp(t, `^[A-Za-z0-9/+]{40}$`, *c.SecretAccessKey)
	assert.True(t, strings.HasPrefix(*c.SessionToken, "IQoJb3JpZ2lu"))
	_, err := base64.StdEncoding.DecodeString(*c.SessionToken)
	assert.NoError(t, err)
	assert.Equal(t, int32(len(*c.SessionToken)), *out.SessionTokenSize)
	assert.Equal(t, int32(len(*c.SessionToken)*100/4096), *out.SessionTokenUtilization)
	assert.Equal(t, time.UTC, c.Expiration.Location())

	again, _ := getToken(t, call.User, call.Input{})
	assert.NotEqual(t, *c.AccessKeyId, *again.Credentials.AccessKeyId)
	assert.NotEqual(t, *c.SessionToken, *again.Credentials.SessionToken)
}

func TestSessionTokenHonoursMinimumSize(t *testing.T) {
	for _, minimum := range []int32{0, 1, 399, 400, 401, 1000, 4095, 4096} {
		out, apiErr := getToken(t, call.User, call.Input{MinimumSessionTokenSize: call.Int32(minimum)})
		require.Nil(t, apiErr)
		size := len(*out.Credentials.SessionToken)
		assert.GreaterOrEqual(t, size, int(minimum))
		assert.Less(t, size, max(int(minimum), defaultTokenSize)+4, "padding stays tight")
		assert.Equal(t, int32(size), *out.SessionTokenSize)
		assert.True(t, regexp.MustCompile(`^IQoJb3JpZ2lu[A-Za-z0-9+/]*$`).MatchString(*out.Credentials.SessionToken))
		assert.LessOrEqual(t, *out.SessionTokenUtilization, int32(100))
	}
	out, _ := getToken(t, call.User, call.Input{MinimumSessionTokenSize: call.Int32(4096)})
	assert.Equal(t, int32(100), *out.SessionTokenUtilization)
}

func TestIdentities(t *testing.T) {
	svc := New()
	for _, kind := range call.CallerKinds {
		key := AccessKeyID(kind)
		assert.Len(t, key, 20)
		id, ok := svc.Identity(key)
		require.True(t, ok)
		assert.Equal(t, kind, id.Kind)
		assert.Equal(t, []call.Device{call.DefaultDevice}, id.Devices)
	}
	assert.True(t, strings.HasPrefix(SessionAccessKeyID, "ASIA"))
	assert.Len(t, DefaultSecretAccessKey, 40)
	_, ok := svc.Identity("AKIAUNKNOWN")
	assert.False(t, ok)
	assert.Empty(t, AccessKeyID("nobody"))
}

func TestNonAWSErrors(t *testing.T) {
	_, err := New().GetSessionToken(context.Background(), "nobody", nil)
	assert.ErrorContains(t, err, "unknown caller kind")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = New().GetSessionToken(ctx, call.User, nil)
	assert.ErrorIs(t, err, context.Canceled)
}

func TestAPIErrorImplementsSmithyAPIError(t *testing.T) {
	e := accessDenied("no")
	assert.Equal(t, "AccessDenied", e.ErrorCode())
	assert.Equal(t, "no", e.ErrorMessage())
	assert.Equal(t, "api error AccessDenied: no", e.Error())
	assert.Equal(t, smithy.FaultClient, e.ErrorFault())
	assert.Equal(t, smithy.FaultServer, (&APIError{Type: Receiver}).ErrorFault())
}

func TestConcurrentUse(t *testing.T) {
	svc := New()
	var wg sync.WaitGroup
	for i := range 32 {
		wg.Go(func() {
			in := call.Input{DurationSeconds: call.Int32(int32(899 + i%3)), SerialNumber: call.String("abcdefghé")}
			_, err := svc.GetSessionToken(context.Background(), call.User, in.SDK())
			assert.Error(t, err)
		})
	}
	wg.Wait()
}
