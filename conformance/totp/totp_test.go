package totp

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// RFC 6238 appendix B test vectors (SHA-1 secret), last 6 digits.
func TestCodeMatchesRFC6238Vectors(t *testing.T) {
	secret := []byte("12345678901234567890")
	for _, tc := range []struct {
		unix int64
		want string
	}{
		{59, "287082"},
		{1111111109, "081804"},
		{1111111111, "050471"},
		{1234567890, "005924"},
		{2000000000, "279037"},
		{20000000000, "353130"},
	} {
		assert.Equal(t, tc.want, Code(secret, time.Unix(tc.unix, 0)), "T=%d", tc.unix)
	}
}

func TestValidAcceptsAdjacentStepsOnly(t *testing.T) {
	secret := []byte("k")
	now := time.Unix(1_700_000_000, 0)
	assert.True(t, Valid(secret, Code(secret, now), now))
	assert.True(t, Valid(secret, Code(secret, now.Add(-Step)), now))
	assert.True(t, Valid(secret, Code(secret, now.Add(Step)), now))
	assert.False(t, Valid(secret, Code(secret, now.Add(-3*Step)), now))
	assert.False(t, Valid(secret, "12345", now))
}
