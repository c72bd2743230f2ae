// Package call is the vocabulary shared by the oracle, the generators, the
// targets and the comparison: one GetSessionToken input, the caller making
// it, and the outcome a target gave. It holds data only, no judgement.
package call

import (
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/stsconform/stsconform/model"
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

// SDK returns the input as the aws-sdk-go-v2 request type: each model
// member copied to the SDK field of the same name.
func (in Input) SDK() *sts.GetSessionTokenInput {
	out := &sts.GetSessionTokenInput{}
	toSDK(in, out)
	return out
}

// FromSDK is the inverse of SDK: the model members of an SDK input.
func FromSDK(in *sts.GetSessionTokenInput) Input {
	var out Input
	if in != nil {
		fromSDK(in, &out)
	}
	return out
}

// Form returns the awsQuery form body an SDK sends for this input.
func (in Input) Form() url.Values {
	op := operation()
	v := url.Values{"Action": {op.Name}, "Version": {op.APIVersion}}
	for _, m := range in.Values() {
		v.Set(m.Member.Name, m.Text())
	}
	return v
}

// String renders the input for people: present members only, strings
// Go-quoted so that control and invisible characters show.
func (in Input) String() string {
	var parts []string
	for _, m := range in.Values() {
		text := m.Text()
		if m.Member.Kind == model.String {
			text = quote(text)
		}
		parts = append(parts, m.Member.Name+"="+text)
	}
	if len(parts) == 0 {
		return "{} (no members)"
	}
	return "{" + strings.Join(parts, " ") + "}"
}

// Size is a rough measure used to prefer smaller examples in reports: the
// length of each present member's text, plus one for each string.
func (in Input) Size() int {
	n := 0
	v := reflect.ValueOf(&in).Elem()
	for _, f := range fields() {
		switch p := v.Field(f.input).Interface().(type) {
		case *int32:
			if p != nil {
				n += digits(*p)
			}
		case *string:
			if p != nil {
				n += len(*p) + 1
			}
		}
	}
	return n
}

// digits is len(strconv.Itoa(v)) without building the text.
func digits(v int32) int {
	n, u := 1, int64(v)
	if u < 0 {
		n, u = 2, -u
	}
	for ; u >= 10; u /= 10 {
		n++
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
