package local

import (
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
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

const formType = "application/x-www-form-urlencoded"

// userAuth is a SigV4 Authorization header naming the user's key (the
// handler does not check the signature).
const userAuth = "AWS4-HMAC-SHA256 Credential=" + UserAccessKeyID +
	"/20260304/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=00"

func startServer(t *testing.T) *HTTPServer {
	t.Helper()
	srv, err := StartHTTP(New())
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, srv.Close()) })
	return srv
}

func sdkClient(url, accessKeyID string) *sts.Client {
	return sts.New(sts.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(url), RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider(accessKeyID, DefaultSecretAccessKey, ""),
	})
}

func TestSDKRoundTripSuccess(t *testing.T) {
	srv := startServer(t)
	code := totp.Code(call.DefaultDevice.Secret, time.Now())
	in := call.Input{DurationSeconds: call.Int32(900), SerialNumber: call.String(call.DefaultDevice.Serial),
		TokenCode: &code, MinimumSessionTokenSize: call.Int32(1000)}
	before := time.Now().Truncate(time.Second)
	out, err := sdkClient(srv.URL(), UserAccessKeyID).GetSessionToken(context.Background(), in.SDK())
	require.NoError(t, err)
	c := out.Credentials
	assert.Regexp(t, `^ASIA[A-Z2-7]{16}$`, *c.AccessKeyId)
	assert.Len(t, *c.SecretAccessKey, 40)
	assert.GreaterOrEqual(t, len(*c.SessionToken), 1000)
	assert.Equal(t, int32(len(*c.SessionToken)), *out.SessionTokenSize)
	assert.NotNil(t, out.SessionTokenUtilization)
	assert.WithinRange(t, *c.Expiration, before.Add(900*time.Second), time.Now().Add(900*time.Second))
}

func TestSDKRoundTripRootDefaultDuration(t *testing.T) {
	srv := startServer(t)
	out, err := sdkClient(srv.URL(), RootAccessKeyID).GetSessionToken(context.Background(), &sts.GetSessionTokenInput{})
	require.NoError(t, err)
	assert.WithinDuration(t, time.Now().Add(time.Hour), *out.Credentials.Expiration, 5*time.Second)
}

func TestSDKRoundTripErrors(t *testing.T) {
	srv := startServer(t)
	for _, tc := range []struct {
		name      string
		key       string
		in        call.Input
		status    int
		code, msg string
	}{
		{"validation", UserAccessKeyID, call.Input{DurationSeconds: call.Int32(600)}, 400, "ValidationError",
			"1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"},
		{"hostile value", UserAccessKeyID, call.Input{SerialNumber: call.String(`<&'">x`), TokenCode: call.String("123456")}, 400, "ValidationError",
			`2 validation errors detected: Value '<&'">x' at 'serialNumber' failed to satisfy constraint: Member must have length greater than or equal to 9; ` +
				`Value '<&'">x' at 'serialNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=/:,.@-]*`},
		{"session", SessionAccessKeyID, call.Input{}, 403, "AccessDenied", msgSessionCredentials},
		{"unknown key", "AKIAUNKNOWNKEY234567", call.Input{}, 403, "InvalidClientTokenId",
			"The security token included in the request is invalid."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := sdkClient(srv.URL(), tc.key).GetSessionToken(context.Background(), tc.in.SDK())
			var apiErr smithy.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.code, apiErr.ErrorCode())
			assert.Equal(t, tc.msg, apiErr.ErrorMessage())
			var respErr *smithyhttp.ResponseError
			require.True(t, errors.As(err, &respErr))
			assert.Equal(t, tc.status, respErr.HTTPStatusCode())
		})
	}
}

func serve(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	NewHandler(New()).ServeHTTP(w, r)
	return w
}

func formRequest(body string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	r.Header.Set("Content-Type", formType+"; charset=utf-8")
	r.Header.Set("Authorization", userAuth)
	return r
}

type parsedError struct {
	XMLName xml.Name `xml:"https://sts.amazonaws.com/doc/2011-06-15/ ErrorResponse"`
	Type    string   `xml:"Error>Type"`
	Code    string   `xml:"Error>Code"`
	Message string   `xml:"Error>Message"`
	ID      string   `xml:"RequestId"`
}

func parseError(t *testing.T, w *httptest.ResponseRecorder) parsedError {
	t.Helper()
	var e parsedError
	require.NoError(t, xml.Unmarshal(w.Body.Bytes(), &e), w.Body.String())
	assert.Equal(t, "text/xml", w.Header().Get("Content-Type"))
	assert.Equal(t, w.Header().Get("x-amzn-RequestId"), e.ID)
	assert.Equal(t, "Sender", e.Type)
	return e
}

func TestSuccessBodyShape(t *testing.T) {
	w := serve(formRequest("Action=GetSessionToken&Version=2011-06-15"))
	require.Equal(t, 200, w.Code)
	assert.Equal(t, "text/xml", w.Header().Get("Content-Type"))
	body := w.Body.String()
	assert.Regexp(t, `^<GetSessionTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">`+
		`<GetSessionTokenResult><Credentials><AccessKeyId>ASIA[A-Z2-7]{16}</AccessKeyId>`+
		`<SecretAccessKey>[A-Za-z0-9/+]{40}</SecretAccessKey><SessionToken>IQoJb3JpZ2lu[A-Za-z0-9/+]+</SessionToken>`+
		`<Expiration>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ</Expiration></Credentials>`+
		`<SessionTokenSize>400</SessionTokenSize><SessionTokenUtilization>9</SessionTokenUtilization></GetSessionTokenResult>`+
		`<ResponseMetadata><RequestId>[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}</RequestId></ResponseMetadata>`+
		`</GetSessionTokenResponse>$`, body)
	assert.Contains(t, body, "<RequestId>"+w.Header().Get("x-amzn-RequestId")+"</RequestId>")
}

func TestGETRequest(t *testing.T) {
	r := httptest.NewRequest(http.MethodGet, "/?Action=GetSessionToken&Version=2011-06-15&DurationSeconds=900", nil)
	r.Header.Set("Authorization", userAuth)
	w := serve(r)
	assert.Equal(t, 200, w.Code, w.Body.String())
	assert.Contains(t, w.Body.String(), "<GetSessionTokenResponse")
}

func TestPresignedGETRequest(t *testing.T) {
	q := url.Values{"Action": {"GetSessionToken"}, "Version": {"2011-06-15"},
		"X-Amz-Credential": {RootAccessKeyID + "/20260304/us-east-1/sts/aws4_request"}}
	w := serve(httptest.NewRequest(http.MethodGet, "/?"+q.Encode(), nil))
	assert.Equal(t, 200, w.Code, w.Body.String())
}

func TestProtocolErrors(t *testing.T) {
	noAuth := func(r *http.Request) *http.Request { r.Header.Del("Authorization"); return r }
	for _, tc := range []struct {
		name      string
		req       *http.Request
		status    int
		code, msg string
	}{
		{"missing action", formRequest("Version=2011-06-15"), 400, "MissingAction", "The request must contain the parameter Action."},
		{"unknown action", formRequest("Action=AssumeRole&Version=2011-06-15"), 400, "InvalidAction",
			"Could not find operation AssumeRole for version 2011-06-15"},
		{"other version", formRequest("Action=GetSessionToken&Version=2010-01-01"), 400, "InvalidAction",
			"Could not find operation GetSessionToken for version 2010-01-01"},
		{"no authentication", noAuth(formRequest("Action=GetSessionToken&Version=2011-06-15")), 403,
			"MissingAuthenticationToken", "Request is missing Authentication Token"},
		{"not an integer", formRequest("Action=GetSessionToken&Version=2011-06-15&DurationSeconds=9e2&MinimumSessionTokenSize=2147483648"), 400,
			"ValidationError", "2 validation errors detected: " +
				clauseFor("9e2", "durationSeconds", "be a decimal integer between -2147483648 and 2147483647") + "; " +
				clauseFor("2147483648", "minimumSessionTokenSize", "be a decimal integer between -2147483648 and 2147483647")},
		{"bad percent-encoding", formRequest("Action=GetSessionToken&Version=%zz"), 400, "MalformedQueryString",
			"The request parameters are not valid form-urlencoded text."},
		{"method", httptest.NewRequest(http.MethodPut, "/", nil), 405, "MethodNotAllowed", "The requested method PUT is not allowed."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := serve(tc.req)
			assert.Equal(t, tc.status, w.Code)
			e := parseError(t, w)
			assert.Equal(t, tc.code, e.Code)
			assert.Equal(t, tc.msg, e.Message)
		})
	}
}

func TestOversizedBodyIs413(t *testing.T) {
	w := serve(formRequest("Action=GetSessionToken&Version=2011-06-15&SerialNumber=" + strings.Repeat("a", maxBodyBytes)))
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
	assert.Equal(t, "RequestEntityTooLarge", parseError(t, w).Code)
}

func TestInvalidXMLCharactersAreReplaced(t *testing.T) {
	w := serve(formRequest("Action=GetSessionToken&Version=2011-06-15&TokenCode=%00%FF%0A&SerialNumber=abcdefghi"))
	assert.Equal(t, 400, w.Code)
	e := parseError(t, w)
	assert.Contains(t, e.Message, "Value '\uFFFD\uFFFD\n' at 'tokenCode'")
}

func TestGarbageRequestsNeverFail(t *testing.T) {
	bodies := []string{"", "&&&", "=", "Action", "Action=GetSessionToken&Action=Other&Version=2011-06-15",
		"Action=GetSessionToken&Version=2011-06-15&DurationSeconds=&TokenCode=&SerialNumber=",
		"Action=GetSessionToken&Version=2011-06-15&DurationSeconds=%D9%A9%D9%A0%D9%A0",
		"\x00\xff<xml/>", strings.Repeat("%", 1000)}
	auths := []string{"", userAuth, "AWS4-HMAC-SHA256", "Credential=", "Credential=/x", "Bearer abc",
		"AWS4-HMAC-SHA256 Credential=" + SessionAccessKeyID + "/d/r/sts/aws4_request"}
	types := []string{"", formType, "text/plain", "multipart/form-data; boundary=x", ";;;", formType + "; charset=latin1"}
	for _, body := range bodies {
		for _, auth := range auths {
			for _, ct := range types {
				r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
				r.URL.RawQuery = body
				r.Header.Set("Authorization", auth)
				r.Header.Set("Content-Type", ct)
				w := serve(r)
				assert.Less(t, w.Code, 500, "%q %q %q", body, auth, ct)
				if w.Code != 200 {
					parseError(t, w)
				}
			}
		}
	}
}

func TestServerRejectsGarbageOverTheWire(t *testing.T) {
	srv := startServer(t)
	resp, err := http.Post(srv.URL()+"/nowhere?%%", "application/json", strings.NewReader("{"))
	require.NoError(t, err)
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	assert.Equal(t, 400, resp.StatusCode)
}

func TestCloseIsIdempotent(t *testing.T) {
	srv, err := StartHTTP(New())
	require.NoError(t, err)
	require.NoError(t, srv.Close())
	assert.NoError(t, srv.Close())
	_, err = http.Get(srv.URL())
	assert.Error(t, err)
}
