package compare

import (
	"fmt"
	"strings"
	"time"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/oracle"
)

func diffOutcome(alt *oracle.Expected, out call.Outcome, opts Options) []Diff {
	if out.Kind != alt.Kind {
		return []Diff{{Field: "outcome", Expected: describeExpected(alt), Actual: out.String(), Status: fieldStatus(alt, oracle.FieldOutcome)}}
	}
	var diffs []Diff
	if out.HTTPStatus != alt.HTTPStatus {
		diffs = append(diffs, Diff{Field: "httpStatus", Expected: fmt.Sprint(alt.HTTPStatus), Actual: fmt.Sprint(out.HTTPStatus),
			Status: fieldStatus(alt, oracle.FieldHTTPStatus)})
	}
	switch {
	case alt.Error != nil:
		diffs = append(diffs, diffError(alt, out.Error)...)
	case alt.Success != nil:
		diffs = append(diffs, diffSuccess(alt.Success, out, opts)...)
	}
	return append(diffs, diffWire(alt, out)...)
}

// fieldStatus is the status of a difference in one field: that of the
// facts behind the field when the oracle states them, else the
// alternative's own (mismatchStatus).
func fieldStatus(alt *oracle.Expected, field string) oracle.Status {
	if st, ok := alt.FieldStatus(field); ok {
		return st
	}
	return mismatchStatus(alt)
}

func describeExpected(alt *oracle.Expected) string {
	if alt.Error != nil {
		return fmt.Sprintf("%s HTTP %d %s", alt.Kind, alt.HTTPStatus, alt.Error.Code)
	}
	return fmt.Sprintf("%s HTTP %d", alt.Kind, alt.HTTPStatus)
}

func diffError(alt *oracle.Expected, got *call.ErrorDetails) []Diff {
	if got == nil {
		return []Diff{{Field: "error", Expected: alt.Error.Code, Actual: "no error details", Status: fieldStatus(alt, oracle.FieldCode)}}
	}
	var diffs []Diff
	if got.Code != alt.Error.Code {
		diffs = append(diffs, Diff{Field: "code", Expected: alt.Error.Code, Actual: got.Code, Status: fieldStatus(alt, oracle.FieldCode)})
	}
	// The Type is only known when the adapter could read the raw body.
	if got.Type != "" && got.Type != alt.Error.Type {
		st, ok := alt.FieldStatus(oracle.FieldType)
		if !ok {
			st = oracle.Inferred
		}
		diffs = append(diffs, Diff{Field: "type", Expected: alt.Error.Type, Actual: got.Type, Status: st})
	}
	if alt.Error.Code == "ValidationError" {
		return append(diffs, diffClauses(alt.Error.Clauses, got.Message)...)
	}
	if got.Message != alt.Error.Message {
		diffs = append(diffs, Diff{Field: "message", Expected: quote(alt.Error.Message), Actual: quote(got.Message),
			Status: fieldStatus(alt, oracle.FieldMessage)})
	}
	return diffs
}

func diffSuccess(want *oracle.ExpectedSuccess, out call.Outcome, opts Options) []Diff {
	c := out.Credentials
	if c == nil {
		return []Diff{{Field: "credentials", Expected: "credentials", Actual: "none", Status: oracle.Confirmed}}
	}
	var diffs []Diff
	add := func(ok bool, f oracle.Fact, field, expected, actual string) {
		if !ok {
			diffs = append(diffs, Diff{Field: field, Expected: expected, Actual: actual, Status: f.Status})
		}
	}
	prefix := firstN(c.AccessKeyID, 4)
	add(prefix == want.AccessKeyPrefix, oracle.FactAccessKeyPrefix, "accessKeyId prefix", want.AccessKeyPrefix, quote(prefix))
	add(len(c.AccessKeyID) == want.AccessKeyLength && onlyFrom(c.AccessKeyID, want.AccessKeyAlphabet), oracle.FactAccessKeyForm,
		"accessKeyId form", fmt.Sprintf("%d chars of [A-Z2-7]", want.AccessKeyLength), describeKey(c.AccessKeyID))
	add(len(c.SecretAccessKey) == want.SecretLength, oracle.FactSecretForm,
		"secretAccessKey length", fmt.Sprint(want.SecretLength), fmt.Sprint(len(c.SecretAccessKey)))
	add(len(c.SessionToken) > 0 && len(c.SessionToken) >= want.MinTokenBytes, oracle.FactTokenMinimum,
		"sessionToken bytes", fmt.Sprintf(">= max(1, %d)", want.MinTokenBytes), fmt.Sprint(len(c.SessionToken)))
	if out.SessionTokenSize != nil {
		add(int(*out.SessionTokenSize) == len(c.SessionToken), oracle.FactTokenSizeField,
			"sessionTokenSize", fmt.Sprint(len(c.SessionToken)), fmt.Sprint(*out.SessionTokenSize))
	}
	lo := out.Sent.Add(want.Duration - opts.ExpirationTolerance)
	hi := out.Received.Add(want.Duration + opts.ExpirationTolerance)
	add(!c.Expiration.Before(lo) && !c.Expiration.After(hi), oracle.FactExpiration, "expiration",
		fmt.Sprintf("request time + %s (±%s)", want.Duration, opts.ExpirationTolerance),
		fmt.Sprintf("request time + %s", c.Expiration.Sub(out.Sent).Round(time.Second)))
	return diffs
}

func describeKey(k string) string {
	return fmt.Sprintf("%d chars %s…", len(k), quote(firstN(k, 4)))
}

func firstN(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

func onlyFrom(s, alphabet string) bool {
	for _, r := range s {
		if !strings.ContainsRune(alphabet, r) {
			return false
		}
	}
	return true
}

func quote(s string) string {
	const max = 300
	if len(s) > max {
		return fmt.Sprintf("%q… (%d bytes)", s[:max], len(s))
	}
	return fmt.Sprintf("%q", s)
}
