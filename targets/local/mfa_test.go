package local

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/totp"
)

// A code accepted once is refused when used again within its window, as
// AWS refuses it (sts-facts §4.3); another identity's use is its own.
func TestReusedMFACodeIsRefused(t *testing.T) {
	svc := fixedService()
	in := call.Input{SerialNumber: call.String(call.DefaultDevice.Serial), TokenCode: call.String(totp.Code(call.DefaultDevice.Secret, testNow))}
	_, err := svc.GetSessionToken(context.Background(), call.User, in.SDK())
	require.NoError(t, err)
	_, err = svc.GetSessionToken(context.Background(), call.User, in.SDK())
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, &APIError{HTTPStatus: 403, Type: Sender, Code: "AccessDenied", Message: msgMFAInvalidCode}, apiErr)
	_, err = svc.GetSessionToken(context.Background(), call.Root, in.SDK())
	assert.NoError(t, err, "the root user's device is another device")
}
