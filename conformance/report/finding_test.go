package report

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/stsconform/stsconform/call"
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
	serialMax := oracle.Clause{Member: "serialNumber", Constraint: oracle.Max, ExactText: true}
	tokenPattern := oracle.Clause{Member: "tokenCode", Constraint: oracle.Pattern, ExactText: true, Text: "Value 'abc' at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\d]*"}
	durationMax := oracle.Clause{Member: "durationSeconds", Constraint: oracle.Max, ExactText: true,
		Text: "Value '129601' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129600"}
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
			[]string{"serialNumber pattern clause missing"}, "serialNumber: pattern clause missing (value accepted)"},
		{"two constraints missing are two deviations",
			Observation{Expectation: refusal(serialMax, serialPattern), Outcome: call.Outcome{Kind: call.Success}, Verdict: diff("outcome")},
			[]string{"serialNumber max clause missing", "serialNumber pattern clause missing"}, "serialNumber: max clause missing (value accepted)"},
		{"a clause missing among others names only its member",
			Observation{Expectation: refusal(serialPattern, durationMin),
				Outcome: validationError("1 validation error detected: Value '1' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"),
				Verdict: diff("clause serialNumber:pattern", "header")},
			[]string{"serialNumber pattern clause missing"}, "serialNumber: pattern clause missing"},
		{"another constraint in the place of the one left out follows from it",
			Observation{Expectation: refusal(serialPattern),
				Outcome: validationError("1 validation error detected: Value ' 12345678' at 'serialNumber' failed to satisfy constraint: Member must have length greater than or equal to 9"),
				Verdict: diff("clause serialNumber:pattern", "clauses")},
			[]string{"serialNumber pattern clause missing"}, "serialNumber: pattern clause missing"},
		{"a bound stricter than AWS's is the valid value refused, whichever case shows it",
			Observation{Expectation: refusal(durationMax),
				Outcome: validationError("1 validation error detected: Value '129601' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129599"),
				Verdict: diff("clause durationSeconds:max", "clauses")},
			[]string{"durationSeconds max clause where AWS reports none"}, "durationSeconds: max clause where AWS reports none"},
		{"a bound laxer than AWS's is the refusal missing, whichever case shows it",
			Observation{Expectation: refusal(durationMax),
				Outcome: validationError("1 validation error detected: Value '129602' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129601"),
				Verdict: diff("clause durationSeconds:max", "clauses")},
			[]string{"durationSeconds max clause missing"}, "durationSeconds: max clause missing"},
		{"a clause naming another value than the one sent is missing",
			Observation{Expectation: refusal(durationMax),
				Outcome: validationError("1 validation error detected: Value '129601 ' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129600"),
				Verdict: diff("clause durationSeconds:max", "clauses")},
			[]string{"durationSeconds max clause missing"}, "durationSeconds: max clause missing"},
		{"a clause reported in other words is its constraint's deviation",
			Observation{Expectation: refusal(tokenPattern),
				Outcome: validationError("1 validation error detected: Value 'abc' at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+"),
				Verdict: diff("clause tokenCode:pattern", "clauses")},
			[]string{"tokenCode pattern clause worded differently"}, "tokenCode: pattern clause worded differently"},
		{"a phrase no constraint is known by takes the place of the missing one",
			Observation{Expectation: refusal(tokenPattern),
				Outcome: validationError("1 validation error detected: Value 'abc' at 'tokenCode' failed to satisfy constraint: Member must match the pattern [\\d]*"),
				Verdict: diff("clause tokenCode:pattern", "clauses")},
			[]string{"tokenCode pattern clause worded differently"}, "tokenCode: pattern clause worded differently"},
		{"knock-on differences make no finding of their own",
			Observation{Expectation: refusal(serialPattern, durationMin),
				Outcome: validationError("2 validation errors detected: Value '1' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"),
				Verdict: diff("clause serialNumber:pattern", "clause count", "header", "message")},
			[]string{"serialNumber pattern clause missing"}, "serialNumber: pattern clause missing"},
		{"a valid value refused names the member refused",
			Observation{Expectation: success,
				Outcome: validationError("1 validation error detected: Value '129600' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129599"),
				Verdict: diff("outcome")},
			[]string{"durationSeconds max clause where AWS reports none"}, "durationSeconds: max clause where AWS reports none (valid value refused)"},
		{"each field of a successful answer is a deviation of its own",
			Observation{Expectation: success, Outcome: call.Outcome{Kind: call.Success}, Verdict: diff("accessKeyId prefix", "expiration")},
			[]string{"accessKeyId prefix differs on success", "expiration differs on success"}, "accessKeyId prefix differs on success"},
		{"a skipped MFA check is the refusal that did not come",
			Observation{Expectation: denied, Outcome: call.Outcome{Kind: call.Success}, Verdict: diff("outcome")},
			[]string{"outcome differs on AccessDenied"}, "success where AWS answers AccessDenied"},
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

// A deviation of a member never seen without another of the same member,
// seen more often, is listed under it; one seen on its own is a finding.
func TestFindingsFollowingFromAnotherAreListedUnderIt(t *testing.T) {
	serialPattern := oracle.Clause{Member: "serialNumber", Constraint: oracle.Pattern, ExactText: true}
	serialMax := oracle.Clause{Member: "serialNumber", Constraint: oracle.Max, ExactText: true}
	tokenPattern := oracle.Clause{Member: "tokenCode", Constraint: oracle.Pattern, ExactText: true}
	accepted := func(clauses ...oracle.Clause) Observation {
		return Observation{Target: "emu", Outcome: call.Outcome{Kind: call.Success},
			Expectation: oracle.Expectation{Alternatives: []oracle.Expected{{Kind: call.ServiceError, HTTPStatus: 400,
				Error: &oracle.ExpectedError{Code: "ValidationError", Clauses: clauses}}}},
			Verdict: compare.Verdict{Result: compare.Diverge, Diffs: []compare.Diff{{Field: "outcome", Status: oracle.Confirmed}}}}
	}
	for _, tc := range []struct {
		name  string
		cases [][]oracle.Clause
		want  map[string][]string // listed signature -> the ones it includes
	}{
		{"always together with one seen more often",
			[][]oracle.Clause{{serialPattern}, {serialMax, serialPattern}},
			map[string][]string{"serialNumber pattern clause missing": {"serialNumber max clause missing"}}},
		{"seen on its own too",
			[][]oracle.Clause{{serialPattern}, {serialMax, serialPattern}, {serialMax}},
			map[string][]string{"serialNumber pattern clause missing": nil, "serialNumber max clause missing": nil}},
		{"always together and as often: both",
			[][]oracle.Clause{{serialMax, serialPattern}},
			map[string][]string{"serialNumber pattern clause missing": nil, "serialNumber max clause missing": nil}},
		{"another member's deviation is no reason",
			[][]oracle.Clause{{serialPattern}, {serialPattern, tokenPattern}},
			map[string][]string{"serialNumber pattern clause missing": nil, "tokenCode pattern clause missing": nil}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := NewRecorder([]TargetInfo{{Name: "emu"}}, 1, "")
			for _, cs := range tc.cases {
				rec.Record([]string{"X"}, call.Input{}, call.User, []Observation{accepted(cs...)})
			}
			got := map[string][]string{}
			for _, f := range rec.Finish(false).Findings {
				got[f.Signature] = f.Includes
				for _, sig := range f.Includes {
					assert.Positive(t, f.IncludedCases[sig], "the cases of %s", sig)
					assert.Less(t, f.IncludedCases[sig], f.Cases, "an included deviation is seen in fewer cases")
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
}
