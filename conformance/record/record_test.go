package record

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/generators"
)

func TestCoverageHasEveryClassOnceWithinTheBudget(t *testing.T) {
	device := call.Device{Serial: "arn:aws:iam::111122223333:mfa/x", Secret: []byte("0123456789abcdefghij")}
	for _, tc := range []struct {
		name   string
		caller call.Caller
		cases  int
	}{
		{"no device", call.Caller{Kind: call.User}, 23},
		{"device", call.Caller{Kind: call.User, Devices: []call.Device{device}, DevicesKnown: true}, 26},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seen := map[string]bool{}
			n := 0
			for c := range Coverage(tc.caller, nil) {
				n++
				for _, l := range c.Labels {
					seen[l] = true
				}
			}
			assert.Equal(t, tc.cases, n)
			assert.Less(t, n+1, 50, "with GetCallerIdentity, within the default budget")
			for _, class := range generators.Classes() {
				mfa := strings.HasSuffix(class, "/device") || strings.HasSuffix(class, "/totp")
				other := strings.HasPrefix(class, generators.CallerLabelPrefix) && class != generators.CallerLabelPrefix+string(call.User)
				if other || mfa && !tc.caller.DevicesKnown {
					continue
				}
				assert.True(t, seen[class], class)
			}
		})
	}
}

func TestCoverageIsTheSameEveryTime(t *testing.T) {
	a, b := slices.Collect(Coverage(call.Caller{Kind: call.Root}, nil)), slices.Collect(Coverage(call.Caller{Kind: call.Root}, nil))
	assert.Equal(t, a, b)
}

func TestNormaliseKeepsNoSecretOrId(t *testing.T) {
	sent := time.Now()
	creds := &call.Credentials{AccessKeyID: "ASIAY34FZKBOKMUTVV7A", SecretAccessKey: strings.Repeat("s", 40),
		SessionToken: "IQoJb3JpZ2luSECRET", Expiration: sent.Add(time.Hour)}
	ok := Normalise(call.Outcome{Kind: call.Success, HTTPStatus: 200, Credentials: creds, Sent: sent}, nil)
	denied := Normalise(call.Outcome{Kind: call.ServiceError, HTTPStatus: 403, Error: &call.ErrorDetails{Type: "Sender",
		Code: "AccessDenied", Message: "User: arn:aws:iam::123456789012:user/x is not authorized", RequestID: "58c5dbae"}}, nil)
	data, err := json.Marshal([]Answer{ok, denied})
	require.NoError(t, err)
	for _, secret := range []string{"Y34FZKBOKMUTVV7A", "SECRET", "ssss", "123456789012", "58c5dbae"} {
		assert.NotContains(t, string(data), secret)
	}
	assert.Equal(t, int64(3600), ok.Credentials.ValidForSeconds)
	assert.Contains(t, denied.Error.Message, AccountPlaceholder)
}

func TestMaskKeyID(t *testing.T) {
	assert.Equal(t, "AKIA…AB", MaskKeyID("AKIAIOSFODNN7EXAMPAB"))
	assert.Equal(t, "****", MaskKeyID("AKIA"))
}

func TestDiscoverCommandOnlyForAskedFacts(t *testing.T) {
	assert.Contains(t, DiscoverCommand("length-unit-non-ascii"), "-discover-only=length-unit-non-ascii")
	assert.Empty(t, DiscoverCommand("model-constraints"))
}

func TestNormaliseRawKeepsNoBody(t *testing.T) {
	ok := []byte(`<GetSessionTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetSessionTokenResult><Credentials>` +
		`<AccessKeyId>ASIAY34FZKBOKMUTVV7A</AccessKeyId><SecretAccessKey>SECRETSECRET</SecretAccessKey><SessionToken>TOKENTOKEN</SessionToken>` +
		`</Credentials></GetSessionTokenResult></GetSessionTokenResponse>`)
	a := NormaliseRaw(200, ok, nil)
	require.NotNil(t, a.Credentials)
	assert.Equal(t, 12, a.Credentials.SecretLength)
	data, _ := json.Marshal(a)
	assert.NotContains(t, string(data), "SECRET")
	assert.NotContains(t, string(data), "TOKEN")
	e := NormaliseRaw(400, []byte(`<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>`), nil)
	assert.Equal(t, "ValidationError", e.Error.Code)
	html := NormaliseRaw(500, []byte("<html>secret page</html>"), nil)
	assert.NotContains(t, html.Failure, "secret page")
	assert.Contains(t, html.Failure, "HTTP 500")
}

// refusing answers every call with a given error.
type refusing struct{ code string }

func (refusing) Name() string           { return "refusing" }
func (refusing) Callers() []call.Caller { return []call.Caller{{Kind: call.User}} }
func (r refusing) GetSessionToken(context.Context, call.CallerKind, call.Input) (call.Outcome, error) {
	return call.Outcome{Kind: call.ServiceError, HTTPStatus: 403, Error: &call.ErrorDetails{Code: r.code, Message: "no"}}, nil
}

func TestDiscoverRecordsNoAuthenticationError(t *testing.T) {
	facts, _, err := Discover(context.Background(), refusing{"ExpiredToken"}, "")
	assert.ErrorContains(t, err, "setup error")
	assert.Empty(t, facts)
	facts, skipped, err := Discover(context.Background(), refusing{"AccessDenied"}, "")
	require.NoError(t, err)
	assert.Len(t, facts, len(Questions)-1)
	assert.Contains(t, strings.Join(skipped, "\n"), "sends no raw requests")
}
