package goclient

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stsconform/stsconform/targets/clients/driver"
)

// Each client's input takes the model's members at its own widths; what
// its type lacks (v1 has no MinimumSessionTokenSize) is inexpressible.
func TestInputsByModelMember(t *testing.T) {
	big := json.RawMessage("3000000000") // past int32, within int64
	for _, tc := range []struct {
		name   string
		in     driver.Input
		v1, v2 string // the inexpressible member, "" when expressible
	}{
		{"every member v2 has", driver.Input{"DurationSeconds": json.RawMessage("900"), "MinimumSessionTokenSize": json.RawMessage("3"),
			"SerialNumber": json.RawMessage(`"arn"`), "TokenCode": json.RawMessage(`"123456"`)}, "MinimumSessionTokenSize", ""},
		{"int64 duration", driver.Input{"DurationSeconds": big}, "", "DurationSeconds"},
		{"no model member", driver.Input{"Policy": json.RawMessage(`"p"`)}, "Policy", "Policy"},
		{"string for an integer", driver.Input{"DurationSeconds": json.RawMessage(`"900"`)}, "DurationSeconds", "DurationSeconds"},
	} {
		_, err1 := v1Input(tc.in)
		_, err2 := v2Input(tc.in)
		for _, c := range []struct {
			client, want string
			err          error
		}{{"v1", tc.v1, err1}, {"v2", tc.v2, err2}} {
			var ie *driver.Inexpressible
			got := ""
			if errors.As(c.err, &ie) {
				got = ie.Member
			} else if c.err != nil {
				t.Fatalf("%s %s: %v is no Inexpressible", c.client, tc.name, c.err)
			}
			if got != c.want {
				t.Errorf("%s %s: inexpressible member %q, want %q (%v)", c.client, tc.name, got, c.want, c.err)
			}
		}
	}
	in, err := v2Input(driver.Input{"DurationSeconds": json.RawMessage("900"), "MinimumSessionTokenSize": json.RawMessage("3"),
		"SerialNumber": json.RawMessage(`"arn"`), "TokenCode": json.RawMessage(`"123456"`)})
	if err != nil || *in.DurationSeconds != 900 || *in.MinimumSessionTokenSize != 3 || *in.SerialNumber != "arn" || *in.TokenCode != "123456" {
		t.Errorf("v2 input %+v, %v", in, err)
	}
	v1, err := v1Input(driver.Input{"DurationSeconds": big, "TokenCode": json.RawMessage(`"123456"`)})
	if err != nil || *v1.DurationSeconds != 3000000000 || *v1.TokenCode != "123456" || v1.SerialNumber != nil {
		t.Errorf("v1 input %+v, %v", v1, err)
	}
}
