package sdkclient

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
)

func target(t *testing.T, h http.HandlerFunc, timeout time.Duration) *Target {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	tg, err := New(Config{Name: "test", Endpoint: srv.URL, Timeout: timeout, MaxBodyBytes: 4096,
		Identities: []Identity{{Caller: call.Caller{Kind: call.User}, AccessKeyID: "AKIAEXAMPLE", SecretAccessKey: "secret"}}})
	require.NoError(t, err)
	return tg
}

const errorBody = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
	`<Code>ValidationError</Code><Message>1 validation error detected: x</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`

func TestServiceErrorIsAnOutcome(t *testing.T) {
	var calls int
	tg := target(t, func(w http.ResponseWriter, r *http.Request) {
		calls++
		assert.Contains(t, r.Header.Get("Authorization"), "Credential=AKIAEXAMPLE/")
		w.WriteHeader(400)
		_, _ = w.Write([]byte(errorBody))
	}, time.Second)
	out, err := tg.GetSessionToken(context.Background(), call.User, call.Input{})
	require.NoError(t, err)
	assert.Equal(t, call.ServiceError, out.Kind)
	assert.Equal(t, 400, out.HTTPStatus)
	assert.Equal(t, call.ErrorDetails{Type: "Sender", Code: "ValidationError", Message: "1 validation error detected: x", RequestID: "r-1"}, *out.Error)
	assert.Equal(t, 1, calls)
}

func TestServerFaultIsNotRetried(t *testing.T) {
	calls := 0
	tg := target(t, func(w http.ResponseWriter, r *http.Request) { calls++; w.WriteHeader(503) }, time.Second)
	_, err := tg.GetSessionToken(context.Background(), call.User, call.Input{})
	assert.ErrorContains(t, err, "HTTP 503", "an empty error body is no usable answer")
	assert.Equal(t, 1, calls, "one attempt only")
}

func TestNoUsableAnswerIsAnError(t *testing.T) {
	for name, h := range map[string]http.HandlerFunc{
		"garbage success": func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("not xml")) },
		"foreign xml":     func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("<html><body/></html>")) },
		"truncated xml": func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte("<GetSessionTokenResponse><GetSessionTokenResult>"))
		},
		"garbage error": func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(400); _, _ = w.Write([]byte("{oops")) },
		"huge body":     func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(strings.Repeat("x", 10000))) },
		"hang": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(time.Second):
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			tg := target(t, h, 300*time.Millisecond)
			start := time.Now()
			_, err := tg.GetSessionToken(context.Background(), call.User, call.Input{})
			assert.Error(t, err)
			assert.Less(t, time.Since(start), 2*time.Second, "the per-call timeout cuts a hung target off")
		})
	}
}

func TestReplayNeverPrintsTheSecret(t *testing.T) {
	tg := target(t, func(w http.ResponseWriter, r *http.Request) {}, time.Second)
	cmd := tg.Replay(call.User, call.Input{SerialNumber: call.String("it's <&>")})
	assert.NotContains(t, cmd, "secret")
	assert.Contains(t, cmd, "--aws-sigv4 'aws:amz:us-east-1:sts'")
	assert.Contains(t, cmd, "SerialNumber=it%27s+%3C%26%3E")
	assert.Contains(t, cmd, `"$AWS_SECRET_ACCESS_KEY"`)
}
