package local

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
)

func TestTargetSuccess(t *testing.T) {
	target := NewTarget(fixedService())
	assert.Equal(t, "local", target.Name())
	out, err := target.GetSessionToken(context.Background(), call.User, call.Input{DurationSeconds: call.Int32(900)})
	require.NoError(t, err)
	assert.Equal(t, call.Success, out.Kind)
	assert.Equal(t, 200, out.HTTPStatus)
	require.NotNil(t, out.Credentials)
	assert.Equal(t, testNow.Add(900e9), out.Credentials.Expiration)
	assert.Equal(t, int32(len(out.Credentials.SessionToken)), *out.SessionTokenSize)
	assert.Equal(t, testNow, out.Sent)
	assert.Equal(t, testNow, out.Received)
}

func TestTargetServiceError(t *testing.T) {
	out, err := NewTarget(New()).GetSessionToken(context.Background(), call.Session, call.Input{})
	require.NoError(t, err)
	assert.Equal(t, call.ServiceError, out.Kind)
	assert.Equal(t, 403, out.HTTPStatus)
	assert.Equal(t, &call.ErrorDetails{Type: Sender, Code: "AccessDenied", Message: msgSessionCredentials}, out.Error)
}

func TestTargetOtherErrorIsGoError(t *testing.T) {
	_, err := NewTarget(New()).GetSessionToken(context.Background(), "nobody", call.Input{})
	assert.Error(t, err)
}

func TestTargetCallers(t *testing.T) {
	callers := NewTarget(New()).Callers()
	require.Len(t, callers, 3)
	for i, c := range callers {
		assert.Equal(t, call.CallerKinds[i], c.Kind)
		assert.Equal(t, []call.Device{call.DefaultDevice}, c.Devices)
		assert.True(t, c.DevicesKnown)
	}
}
