package local

import (
	"crypto/rand"
	"encoding/base32"
	"encoding/base64"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go-v2/service/sts/types"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/model"
)

// Session durations (facts §4.1), as the model documents them.
const (
	defaultUserDuration = model.DefaultSessionSeconds * time.Second
	rootMaxDuration     = model.RootMaxSessionSeconds * time.Second
)

// Session token sizes, in bytes of base64 text.
const (
	// defaultTokenSize is the size of a token when no minimum is asked.
	defaultTokenSize = 400
	// maxTokenSize is the assumed maximum that SessionTokenUtilization is a
	// percentage of (the model's bound on MinimumSessionTokenSize).
	maxTokenSize = 4096
	// tokenSizeCap bounds padding under a mutated contract that allows
	// huge minimums; the default contract never reaches it.
	tokenSizeCap = 1 << 20
)

// tokenHeader is the binary start of version-2 session tokens: its base64
// text is "IQoJb3JpZ2lu", as in real tokens. Its length is a multiple of 3,
// so the random part encodes without disturbing it.
var tokenHeader = []byte("!\n\torigin")

// duration is the effective session length for a caller.
func duration(kind call.CallerKind, asked *int32) time.Duration {
	d := defaultUserDuration
	if asked != nil {
		d = time.Duration(*asked) * time.Second
	}
	if kind == call.Root && (asked == nil || d > rootMaxDuration) {
		d = rootMaxDuration
	}
	return d
}

// mint issues fresh temporary credentials.
func mint(id Identity, in *sts.GetSessionTokenInput, now time.Time) *sts.GetSessionTokenOutput {
	token := sessionToken(aws.ToInt32(in.MinimumSessionTokenSize))
	return &sts.GetSessionTokenOutput{
		Credentials: &types.Credentials{
			AccessKeyId:     aws.String("ASIA" + randomText(10, base32.StdEncoding)), // 16 chars [A-Z2-7]
			SecretAccessKey: aws.String(randomText(30, base64.StdEncoding)),          // 40 chars [A-Za-z0-9+/]
			SessionToken:    aws.String(token),
			Expiration:      aws.Time(now.Add(duration(id.Kind, in.DurationSeconds)).UTC()),
		},
		SessionTokenSize:        aws.Int32(int32(len(token))),
		SessionTokenUtilization: aws.Int32(utilization(len(token))),
	}
}

// sessionToken returns base64 text of at least max(minimum, default) bytes
// (up to tokenSizeCap), a multiple of 4 long so it has no padding.
func sessionToken(minimum int32) string {
	size := min(max(int(minimum), defaultTokenSize), tokenSizeCap)
	raw := make([]byte, (size+3)/4*3)
	copy(raw, tokenHeader)
	rand.Read(raw[len(tokenHeader):]) // never fails since Go 1.24
	return base64.StdEncoding.EncodeToString(raw)
}

// utilization is the token size as a percentage of maxTokenSize, 0..100.
func utilization(size int) int32 {
	return int32(min(max(size*100/maxTokenSize, 0), 100))
}

// randomText encodes n random bytes.
func randomText(n int, enc interface{ EncodeToString([]byte) string }) string {
	b := make([]byte, n)
	rand.Read(b) // never fails since Go 1.24
	return enc.EncodeToString(b)
}
