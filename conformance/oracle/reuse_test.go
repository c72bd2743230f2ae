package oracle

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/totp"
)

// A code the target accepted is refused when sent again within its
// window, and accepted once the window has passed.
func TestReusedCodeIsRefused(t *testing.T) {
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	d := call.DefaultDevice
	code := totp.Code(d.Secret, now)
	in := call.Input{SerialNumber: call.String(d.Serial), TokenCode: call.String(code)}
	caller := call.Caller{Kind: call.User, Devices: []call.Device{d}, DevicesKnown: true}
	first := Default().Expect(in, caller, now).Alternatives
	require.Len(t, first, 1)
	assert.Equal(t, call.Success, first[0].Kind)

	caller.Accepted = map[string]time.Time{call.AcceptedKey(d.Serial, code): now.Add(-time.Second)}
	again := Default().Expect(in, caller, now).Alternatives
	require.Len(t, again, 1)
	require.NotNil(t, again[0].Error)
	assert.Equal(t, MsgMFAInvalidCode, again[0].Error.Message)
	st, _ := again[0].FieldStatus(FieldMessage)
	assert.Equal(t, Confirmed, st)

	caller.Accepted[call.AcceptedKey(d.Serial, code)] = now.Add(-ReuseWindow)
	assert.Equal(t, call.Success, Default().Expect(in, caller, now).Alternatives[0].Kind, "outside the window")
}
