package report

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/stsconform/stsconform/conformance/call"
	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/oracle"
)

func TestSignaturesOf(t *testing.T) {
	refusal := func(clauses ...oracle.Clause) oracle.Expectation {
		return oracle.Expectation{Alternatives: []oracle.Expected{{Kind: call.ServiceError, HTTPStatus: 400,
			Error: &oracle.ExpectedError{Code: "ValidationError", Clauses: clauses}}}}
	}
	success := oracle.Expectation{Alternatives: []oracle.Expected{{Kind: call.Success, HTTPStatus: 200, Success: &oracle.ExpectedSuccess{}}}}
	denied := oracle.Expectation{Alternatives: []oracle.Expected{{Kind: call.ServiceError, HTTPStatus: 403,
		Error: &oracle.ExpectedError{Code: "AccessDenied"}}}}
	serialPattern := oracle.Clause{Member: "serialNumber", Constraint: oracle.Pattern, ExactText: true}
	durationMin := oracle.Clause{Member: "durationSeconds", Constraint: oracle.Min, ExactText: true}
	validationError := func(msg string) call.Outcome {
		return call.Outcome{Kind: call.ServiceError, HTTPStatus: 400, Error: &call.ErrorDetails{Code: "ValidationError", Message: msg}}
	}
	diff := func(fields ...string) compare.Verdict {
		v := compare.Verdict{Result: compare.Diverge}
		for _, f := range fields {
			v.Diffs = append(v.Diffs, compare.Diff{Field: f, Status: oracle.Confirmed})
		}
		return v
	}
	for _, tc := range []struct {
		name  string
		obs   Observation
		want  []string
		title string
	}{
		{"a refusal missing is its member's deviation",
			Observation{Expectation: refusal(serialPattern), Outcome: call.Outcome{Kind: call.Success}, Verdict: diff("outcome")},
			[]string{"serialNumber validated differently"}, "serialNumber: pattern clause missing (value accepted)"},
		{"a clause missing among others names only its member",
			Observation{Expectation: refusal(serialPattern, durationMin),
				Outcome: validationError("1 validation error detected: Value '1' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"),
				Verdict: diff("clause serialNumber:pattern", "header")},
			[]string{"serialNumber validated differently"}, "serialNumber: pattern clause missing"},
		{"a valid value refused names the member refused",
			Observation{Expectation: success,
				Outcome: validationError("1 validation error detected: Value '129600' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129599"),
				Verdict: diff("outcome")},
			[]string{"durationSeconds validated differently"}, "durationSeconds: max clause where AWS reports none (valid value refused)"},
		{"each field of a successful answer is a deviation of its own",
			Observation{Expectation: success, Outcome: call.Outcome{Kind: call.Success}, Verdict: diff("accessKeyId prefix", "expiration")},
			[]string{"accessKeyId prefix differs on success", "expiration differs on success"}, "accessKeyId prefix differs on success"},
		{"a skipped MFA check is the refusal that did not come",
			Observation{Expectation: denied, Outcome: call.Outcome{Kind: call.Success}, Verdict: diff("outcome")},
			[]string{"outcome differs on AccessDenied"}, "outcome differs on AccessDenied"},
		{"unverified differences are no part of a signature",
			Observation{Expectation: denied, Outcome: call.Outcome{Kind: call.Success},
				Verdict: compare.Verdict{Result: compare.Diverge, Diffs: []compare.Diff{{Field: "code", Status: oracle.Confirmed}, {Field: "message", Status: oracle.Unverified}}}},
			[]string{"code differs on AccessDenied"}, "code differs on AccessDenied"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range SignaturesOf(tc.obs) {
				got = append(got, s.Key)
			}
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.title, FindingTitle(tc.obs, got[0]))
		})
	}
}
