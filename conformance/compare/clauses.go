package compare

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/stsconform/stsconform/conformance/oracle"
)

var headerRE = regexp.MustCompile(`^([0-9]+) validation errors? detected: `)

// diffClauses checks a ValidationError message: its header counts the
// clauses, and its clauses are the expected set, in any order (the order is
// unverified). Optional clauses may be present or absent; clauses whose
// wording is unverified need only name their member. A message without the
// header is a difference, and its clauses are still compared.
func diffClauses(want []oracle.Clause, message string) []Diff {
	m := headerRE.FindStringSubmatch(message)
	if m == nil {
		diffs := []Diff{{Field: "header", Expected: quote(oracle.ValidationHeader(len(required(want))) + "…"), Actual: "missing in " + quote(message), Status: oracle.Confirmed}}
		return append(diffs, diffBody(want, message, -1)...)
	}
	n, _ := strconv.Atoi(m[1])
	diffs := diffBody(want, message[len(m[0]):], n)
	if m[0] != oracle.ValidationHeader(n) {
		diffs = append(diffs, Diff{Field: "header", Expected: quote(oracle.ValidationHeader(n)), Actual: quote(m[0]), Status: oracle.Confirmed})
	}
	return diffs
}

// required lists the clauses AWS reports for certain.
func required(cs []oracle.Clause) []oracle.Clause {
	var out []oracle.Clause
	for _, c := range cs {
		if !c.Optional {
			out = append(out, c)
		}
	}
	return out
}

// diffBody compares the clauses of a message body with the expected ones
// and, when the header stated n (n >= 0), the count.
func diffBody(want []oracle.Clause, body string, n int) []Diff {
	var diffs []Diff
	present, body, missing := removeExact(want, body)
	diffs = append(diffs, missing...)
	loose, leftover := looseClauses(want, body)
	present += loose.present
	diffs = append(diffs, loose.diffs...)
	if leftover != "" {
		st := oracle.Confirmed
		if loose.any {
			st = oracle.Unverified // the unverified wording may account for it
		}
		diffs = append(diffs, Diff{Field: "clauses", Expected: "no other clause", Actual: "extra: " + quote(leftover), Status: st})
	}
	if n >= 0 && n != present && leftover == "" {
		diffs = append(diffs, Diff{Field: "clause count", Expected: fmt.Sprint(present), Actual: fmt.Sprint(n), Status: oracle.Confirmed})
	}
	return diffs
}

// removeExact finds each exactly-worded clause in body and removes it,
// longest first so that no clause is taken for part of another.
func removeExact(want []oracle.Clause, body string) (int, string, []Diff) {
	exact := []oracle.Clause{}
	for _, c := range want {
		if c.ExactText {
			exact = append(exact, c)
		}
	}
	sort.SliceStable(exact, func(i, j int) bool { return len(exact[i].Text) > len(exact[j].Text) })
	present := 0
	var diffs []Diff
	for _, c := range exact {
		if i := strings.Index(body, c.Text); i >= 0 {
			body = body[:i] + body[i+len(c.Text):]
			present++
			continue
		}
		if !c.Optional {
			diffs = append(diffs, Diff{Field: "clause " + c.Member + ":" + string(c.Constraint),
				Expected: quote(c.Text), Actual: "missing", Status: oracle.Weakest(c.Facts...)})
		}
	}
	return present, strings.TrimSpace(strings.ReplaceAll(body, oracle.ClauseSeparator, "")), diffs
}

type looseResult struct {
	present int
	any     bool
	diffs   []Diff
}

// looseClauses accounts for clauses whose wording is unverified: each must
// name its member somewhere in what is left of the message.
func looseClauses(want []oracle.Clause, leftover string) (looseResult, string) {
	var r looseResult
	for _, c := range want {
		if c.ExactText {
			continue
		}
		r.any = true
		if strings.Contains(leftover, "'"+c.Member+"'") {
			r.present++
			continue
		}
		r.diffs = append(r.diffs, Diff{Field: "clause " + c.Member + ":" + string(c.Constraint),
			Expected: "a clause at '" + c.Member + "'", Actual: "missing", Status: oracle.Inferred})
	}
	return r, leftover
}
