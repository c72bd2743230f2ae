package aws

import (
	"context"
	"encoding/base32"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/totp"
	"github.com/stsconform/stsconform/targets/fakests"
)

// fake starts a fake STS and points the SDK's environment at it, with the
// credentials of kind (no shared config files are read).
func fake(t *testing.T, kind call.CallerKind, mfa bool) *fakests.Server {
	t.Helper()
	s, err := fakests.Start()
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, s.Close()) })
	c := s.Credentials(kind)
	dir := t.TempDir()
	for k, v := range map[string]string{"AWS_ACCESS_KEY_ID": c.AccessKeyID, "AWS_SECRET_ACCESS_KEY": c.SecretAccessKey,
		"AWS_SESSION_TOKEN": c.SessionToken, "AWS_ENDPOINT_URL_STS": s.URL(), "AWS_REGION": "eu-west-1",
		"AWS_CONFIG_FILE": dir + "/config", "AWS_SHARED_CREDENTIALS_FILE": dir + "/credentials", "AWS_PROFILE": "",
		MFASerialEnv: "", MFASecretEnv: ""} {
		t.Setenv(k, v)
	}
	if mfa {
		t.Setenv(MFASerialEnv, s.Device().Serial)
		t.Setenv(MFASecretEnv, base32.StdEncoding.EncodeToString(s.Device().Secret))
	}
	return s
}

func open(t *testing.T, opts Options) *Target {
	t.Helper()
	if opts.Rate == 0 {
		opts.Rate = 1000
	}
	target, err := Open(context.Background(), opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = target.Close() })
	return target
}

func TestCallerKindFromGetCallerIdentity(t *testing.T) {
	for _, kind := range call.CallerKinds {
		t.Run(string(kind), func(t *testing.T) {
			s := fake(t, kind, false)
			target := open(t, Options{})
			assert.Equal(t, kind, target.Callers()[0].Kind)
			assert.Equal(t, s.URL(), target.Endpoint(), "AWS_ENDPOINT_URL_STS is honoured")
			assert.Equal(t, "eu-west-1", target.Region())
			assert.Equal(t, 1, s.Calls())
		})
	}
}

func TestWrongSecretIsASetupError(t *testing.T) {
	fake(t, call.User, false)
	t.Setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGSECRET")
	_, err := Open(context.Background(), Options{Rate: 1000})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "SignatureDoesNotMatch")
	assert.NotContains(t, err.Error(), "WRONGSECRET")
}

func TestBudgetIsNeverExceeded(t *testing.T) {
	s := fake(t, call.User, false)
	target := open(t, Options{Budget: 3})
	for range 2 {
		out, err := target.GetSessionToken(context.Background(), call.User, call.Input{})
		require.NoError(t, err)
		assert.Equal(t, call.Success, out.Kind)
	}
	_, err := target.GetSessionToken(context.Background(), call.User, call.Input{})
	var spent interface{ BudgetSpent() bool }
	require.ErrorAs(t, err, &spent)
	assert.Equal(t, 3, s.Calls(), "GetCallerIdentity and two cases")
}

func TestRateLimitSpacesCalls(t *testing.T) {
	fake(t, call.User, false)
	target := open(t, Options{Rate: 20})
	start := time.Now()
	for range 4 {
		_, err := target.GetSessionToken(context.Background(), call.User, call.Input{})
		require.NoError(t, err)
	}
	// Five calls at 20/s (the first goes at once) take at least 4 × 50 ms.
	assert.GreaterOrEqual(t, time.Since(start), 150*time.Millisecond)
}

func TestThrottlingIsWaitedOutAndCounted(t *testing.T) {
	s := fake(t, call.User, false)
	target := open(t, Options{Backoff: time.Millisecond, Budget: 10})
	s.Throttle(2)
	out, err := target.GetSessionToken(context.Background(), call.User, call.Input{})
	require.NoError(t, err)
	assert.Equal(t, call.Success, out.Kind)
	assert.Equal(t, int64(2), target.throttled.Load())
	assert.Contains(t, target.RunNotes()[1], "2 Throttling answers")
	s.Throttle(maxAttempts)
	_, err = target.GetSessionToken(context.Background(), call.User, call.Input{})
	var skipped interface{ Skipped() bool }
	require.ErrorAs(t, err, &skipped)
	used, _ := target.budget.spent()
	assert.Equal(t, 1+3+maxAttempts, used, "every attempt is counted")
}

func TestMFACodesAreNeverReused(t *testing.T) {
	s := fake(t, call.User, true)
	target := open(t, Options{})
	c := target.Callers()[0]
	require.True(t, c.DevicesKnown)
	d := s.Device()
	in := call.Input{SerialNumber: call.String(d.Serial), TokenCode: call.String(totp.Code(d.Secret, time.Now()))}
	out, err := target.GetSessionToken(context.Background(), call.User, in)
	require.NoError(t, err)
	assert.Equal(t, call.Success, out.Kind)
	calls := s.Calls()
	_, err = target.GetSessionToken(context.Background(), call.User, in)
	var skipped interface{ Skipped() bool }
	require.ErrorAs(t, err, &skipped)
	assert.Equal(t, calls, s.Calls(), "a reused code is not sent")
	red := target.RedactInput(in)
	assert.Equal(t, CodePlaceholder, *red.TokenCode)
	assert.NotContains(t, target.Replay(call.User, in), *in.TokenCode)
}

func TestBadMFASecretIsASetupError(t *testing.T) {
	fake(t, call.User, false)
	t.Setenv(MFASerialEnv, "arn:aws:iam::111122223333:mfa/x")
	t.Setenv(MFASecretEnv, "not-base32-!!")
	_, err := Open(context.Background(), Options{Rate: 1000})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "not-base32")
}

func TestParseSpec(t *testing.T) {
	o, err := ParseSpec("region=eu-west-1;profile=p;budget=20;rate=0.5;endpoint=http://127.0.0.1:1")
	require.NoError(t, err)
	assert.Equal(t, Options{Region: "eu-west-1", Profile: "p", Budget: 20, Rate: 0.5, Endpoint: "http://127.0.0.1:1"}, o)
	for _, bad := range []string{"budget=0", "rate=-1", "colour=red", "region"} {
		_, err := ParseSpec(bad)
		assert.Error(t, err, bad)
	}
}

func TestThrottledCallerIdentityIsWaitedOut(t *testing.T) {
	s := fake(t, call.User, false)
	s.Throttle(2)
	target := open(t, Options{Backoff: time.Millisecond})
	assert.Equal(t, call.User, target.Callers()[0].Kind)
	assert.Equal(t, int64(2), target.throttled.Load())
}

func TestSendRawIsSignedAndBudgeted(t *testing.T) {
	for _, kind := range []call.CallerKind{call.User, call.Session} {
		s := fake(t, kind, false)
		target := open(t, Options{Budget: 3})
		status, body, err := target.SendRaw(context.Background(), "GET", "Action=GetCallerIdentity&Version=2011-06-15")
		require.NoError(t, err)
		assert.Equal(t, 200, status, "%s: %s", kind, body)
		status, _, err = target.SendRaw(context.Background(), "POST", "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=abc")
		require.NoError(t, err)
		assert.Equal(t, 400, status)
		_, _, err = target.SendRaw(context.Background(), "POST", "Action=GetSessionToken&Version=2011-06-15")
		var spent interface{ BudgetSpent() bool }
		assert.ErrorAs(t, err, &spent)
		assert.Equal(t, 3, s.Calls())
	}
}

func TestReplayQuotesForTheShell(t *testing.T) {
	fake(t, call.User, true)
	target := open(t, Options{})
	got := target.Replay(call.User, call.Input{SerialNumber: call.String("it's")})
	assert.Contains(t, got, `--data-raw 'Action=GetSessionToken&SerialNumber=it%27s&Version=2011-06-15'`)
	d := target.Callers()[0].Devices[0]
	got = target.Replay(call.User, call.Input{SerialNumber: call.String(d.Serial), TokenCode: call.String(totp.Code(d.Secret, time.Now()))})
	assert.Contains(t, got, `SerialNumber='"$STSCONFORM_MFA_SERIAL"'&TokenCode='"$STSCONFORM_MFA_CODE"'`)
	assert.Contains(t, got, `--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"`)
}

func TestSharedProfileGivesCredentialsAndRegion(t *testing.T) {
	s := fake(t, call.User, false)
	root := s.Credentials(call.Root)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(dir+"/credentials", []byte("[stsconform]\naws_access_key_id = "+root.AccessKeyID+
		"\naws_secret_access_key = "+root.SecretAccessKey+"\n"), 0o600))
	require.NoError(t, os.WriteFile(dir+"/config", []byte("[profile stsconform]\nregion = ap-south-1\n"), 0o600))
	for k, v := range map[string]string{"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "", "AWS_REGION": "",
		"AWS_SHARED_CREDENTIALS_FILE": dir + "/credentials", "AWS_CONFIG_FILE": dir + "/config"} {
		t.Setenv(k, v)
	}
	target := open(t, Options{Profile: "stsconform"})
	assert.Equal(t, call.Root, target.Callers()[0].Kind)
	assert.Equal(t, "ap-south-1", target.Region())
	assert.Equal(t, "eu-central-1", open(t, Options{Profile: "stsconform", Region: "eu-central-1"}).Region(), "the region option wins")
}
