package local

import (
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/stsconform/stsconform/conformance/totp"
)

// ReuseWindow is how long an accepted MFA code stays refused: a code is
// valid for its own step and one either side, so three steps cover every
// moment it could be accepted again.
const ReuseWindow = 3 * totp.Step

// usedCodes remembers the MFA codes each identity had accepted, so that a
// code is refused when used again, as AWS refuses it (sts-facts §4.3).
type usedCodes struct {
	mu sync.Mutex
	at map[string]time.Time // access key id, serial and code → when accepted
}

// use reports whether the code is fresh and, if so, marks it used.
func (u *usedCodes) use(id Identity, serial, code string, now time.Time) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	key := id.AccessKeyID + " " + serial + " " + code
	if at, ok := u.at[key]; ok && now.Sub(at) < ReuseWindow {
		return false
	}
	if u.at == nil {
		u.at = map[string]time.Time{}
	}
	for k, at := range u.at { // forget what can no longer be reused
		if now.Sub(at) >= ReuseWindow {
			delete(u.at, k)
		}
	}
	u.at[key] = now
	return true
}

// checkMFA applies AWS's MFA rules: both members or neither; the serial must
// name one of the caller's devices; the code must be the device's current
// TOTP code (one step of drift either side), not already used.
func (s *Service) checkMFA(id Identity, in *sts.GetSessionTokenInput, now time.Time) *APIError {
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
	if !totp.Valid(device.Secret, *in.TokenCode, now) || !s.used.use(id, device.Serial, *in.TokenCode, now) {
		return accessDenied(msgMFAInvalidCode)
	}
	return nil
}
