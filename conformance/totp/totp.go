// Package totp computes RFC 6238 time-based one-time passwords (HMAC-SHA1,
// 30-second steps, 6 digits), the codes virtual MFA devices show.
package totp

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/binary"
	"fmt"
	"time"
)

// Step is the TOTP time step.
const Step = 30 * time.Second

// Code returns the 6-digit code for secret at time t.
func Code(secret []byte, t time.Time) string {
	return hotp(secret, uint64(t.Unix())/uint64(Step/time.Second))
}

// Valid reports whether code is the code for secret at t or one step either
// side of it (the clock drift AWS tolerates for virtual devices).
func Valid(secret []byte, code string, t time.Time) bool {
	for _, d := range []time.Duration{0, -Step, Step} {
		if hmac.Equal([]byte(Code(secret, t.Add(d))), []byte(code)) {
			return true
		}
	}
	return false
}

// hotp is RFC 4226 with 6 digits.
func hotp(secret []byte, counter uint64) string {
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], counter)
	mac := hmac.New(sha1.New, secret)
	mac.Write(msg[:])
	sum := mac.Sum(nil)
	off := sum[len(sum)-1] & 0x0f
	bin := binary.BigEndian.Uint32(sum[off:off+4]) & 0x7fffffff
	return fmt.Sprintf("%06d", bin%1_000_000)
}
