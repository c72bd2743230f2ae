package local

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/stsconform/stsconform/conformance/totp"
)

// checkMFA applies AWS's MFA rules: both members or neither; the serial must
// name one of the caller's devices; the code must be the device's current
// TOTP code (one step of drift either side).
func checkMFA(id Identity, in *sts.GetSessionTokenInput, now time.Time) *APIError {
	if in.SerialNumber == nil && in.TokenCode == nil {
		return nil
	}
	if in.SerialNumber == nil || in.TokenCode == nil {
		return accessDenied(msgMFAIncomplete)
	}
	device, ok := id.Device(*in.SerialNumber)
	if !ok {
		return accessDenied(msgMFAUnknownSerial)
	}
	if !totp.Valid(device.Secret, *in.TokenCode, now) {
		return accessDenied(msgMFAInvalidCode)
	}
	return nil
}
