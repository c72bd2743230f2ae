// Package call is the vocabulary shared by the oracle, the generators, the
// targets and the comparison: one GetSessionToken input, the caller making
// it, and the outcome a target gave. It holds data only, no judgement.
package call

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// APIVersion is the STS API version every request names.
const APIVersion = "2011-06-15"

// Input is one GetSessionToken request. A nil field is absent from the
// request; a non-nil field is sent, even when empty.
type Input struct {
	DurationSeconds         *int32  `json:"DurationSeconds,omitempty"`
	SerialNumber            *string `json:"SerialNumber,omitempty"`
	TokenCode               *string `json:"TokenCode,omitempty"`
	MinimumSessionTokenSize *int32  `json:"MinimumSessionTokenSize,omitempty"`
}

// SDK returns the input as the aws-sdk-go-v2 request type.
func (in Input) SDK() *sts.GetSessionTokenInput {
	return &sts.GetSessionTokenInput{
		DurationSeconds:         in.DurationSeconds,
		SerialNumber:            in.SerialNumber,
		TokenCode:               in.TokenCode,
		MinimumSessionTokenSize: in.MinimumSessionTokenSize,
	}
}

// Form returns the awsQuery form body an SDK sends for this input.
func (in Input) Form() url.Values {
	v := url.Values{"Action": {"GetSessionToken"}, "Version": {APIVersion}}
	if in.DurationSeconds != nil {
		v.Set("DurationSeconds", strconv.Itoa(int(*in.DurationSeconds)))
	}
	if in.SerialNumber != nil {
		v.Set("SerialNumber", *in.SerialNumber)
	}
	if in.TokenCode != nil {
		v.Set("TokenCode", *in.TokenCode)
	}
	if in.MinimumSessionTokenSize != nil {
		v.Set("MinimumSessionTokenSize", strconv.Itoa(int(*in.MinimumSessionTokenSize)))
	}
	return v
}

// String renders the input for people: present members only, strings
// Go-quoted so that control and invisible characters show.
func (in Input) String() string {
	var parts []string
	if in.DurationSeconds != nil {
		parts = append(parts, "DurationSeconds="+strconv.Itoa(int(*in.DurationSeconds)))
	}
	if in.SerialNumber != nil {
		parts = append(parts, "SerialNumber="+quote(*in.SerialNumber))
	}
	if in.TokenCode != nil {
		parts = append(parts, "TokenCode="+quote(*in.TokenCode))
	}
	if in.MinimumSessionTokenSize != nil {
		parts = append(parts, "MinimumSessionTokenSize="+strconv.Itoa(int(*in.MinimumSessionTokenSize)))
	}
	if len(parts) == 0 {
		return "{} (no members)"
	}
	return "{" + strings.Join(parts, " ") + "}"
}

// Size is a rough measure used to prefer smaller examples in reports.
func (in Input) Size() int {
	n := 0
	for _, s := range []*string{in.SerialNumber, in.TokenCode} {
		if s != nil {
			n += len(*s) + 1
		}
	}
	for _, i := range []*int32{in.DurationSeconds, in.MinimumSessionTokenSize} {
		if i != nil {
			n += len(strconv.Itoa(int(*i)))
		}
	}
	return n
}

func quote(s string) string {
	const max = 80
	q := strconv.Quote(s)
	if len(q) > max {
		return q[:max] + "…" + `" (` + strconv.Itoa(len(s)) + " bytes)"
	}
	return q
}

// Int32 returns a pointer to v, for building inputs.
func Int32(v int32) *int32 { return &v }

// String returns a pointer to s, for building inputs.
func String(s string) *string { return &s }
