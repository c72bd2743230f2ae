package wire

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stsconform/stsconform/targets/clients/driver"
)

func mustRead(t *testing.T, status int, header http.Header, body string) Expected {
	t.Helper()
	exp, err := Read(status, header, []byte(body))
	if err != nil && exp.Kind != KindNotWellFormed {
		t.Fatalf("Read: %v", err)
	}
	return exp
}

// parsed is a reply carrying these credentials, Expiration of kind time.
func parsed(key, secret, token, expiration, kind string) driver.Reply {
	return driver.Reply{Phase: driver.PhaseParsed, Output: &driver.Output{Credentials: &driver.OutputCredentials{
		AccessKeyID: &key, SecretAccessKey: &secret, SessionToken: &token, Expiration: &expiration, ExpirationKind: kind,
	}}}
}

func failed(kind, code, requestID string) driver.Reply {
	return driver.Reply{Phase: driver.PhaseError, Error: &driver.Error{Kind: kind, Code: code, RequestID: requestID}}
}

func TestCompareSuccess(t *testing.T) {
	withExpiration := func(token, exp string) string {
		return success(strings.Replace(creds(token), "2026-12-03T12:00:00Z", exp, 1))
	}
	for _, tc := range []struct {
		name, body string
		reply      driver.Reply
		want       []string // "field kind grade" of each finding
	}{
		{"right", success(creds("A<!--c-->B")), parsed("ASIAEXAMPLE", "s", "AB", "2026-12-03T12:00:00Z", "time"), nil},
		{"last text token only (aws-sdk-go v1)", success(creds("A<!--c-->B")), parsed("ASIAEXAMPLE", "s", "B", "2026-12-03T12:00:00Z", "time"),
			[]string{"Credentials.SessionToken value divergence"}},
		{"refuses a comment in text (aws-sdk-go-v2)", success(creds("A<!--c-->B")), failed("parse", "", ""),
			[]string{"outcome refused refused-valid-body"}},
		{"service error for a success body", success(creds("T")), failed("service", "X", ""),
			[]string{"outcome wrong-outcome divergence"}},
		{"credentials dropped", success(creds("T")), driver.Reply{Phase: driver.PhaseParsed, Output: &driver.Output{}},
			[]string{"Credentials absent divergence"}},
		{"Expiration kept as the string", success(creds("T")), parsed("ASIAEXAMPLE", "s", "T", "2026-12-03T12:00:00Z", "string"),
			[]string{"Credentials.Expiration unparsed-expiration note"}},
		{"Expiration string altered", success(creds("T")), parsed("ASIAEXAMPLE", "s", "T", "2026-12-03T12:00:00.000Z", "string"),
			[]string{"Credentials.Expiration value divergence"}},
		{"naive for a zoned value", withExpiration("T", "2026-12-03T13:00:00+01:00"), parsed("ASIAEXAMPLE", "s", "T", "2026-12-03T13:00:00", "naive"),
			[]string{"Credentials.Expiration naive-for-zoned divergence"}},
		{"offset ignored", withExpiration("T", "2026-12-03T13:00:00+01:00"), parsed("ASIAEXAMPLE", "s", "T", "2026-12-03T13:00:00Z", "time"),
			[]string{"Credentials.Expiration instant divergence"}},
		{"offset applied", withExpiration("T", "2026-12-03T13:00:00+01:00"), parsed("ASIAEXAMPLE", "s", "T", "2026-12-03T12:00:00Z", "time"), nil},
		{"milliseconds kept of nine digits", withExpiration("T", "2026-12-03T12:00:00.123456789Z"), parsed("ASIAEXAMPLE", "s", "T", "2026-12-03T12:00:00.123Z", "time"),
			[]string{"Credentials.Expiration precision-lost note"}},
		{"fraction wrong", withExpiration("T", "2026-12-03T12:00:00.123Z"), parsed("ASIAEXAMPLE", "s", "T", "2026-12-03T12:00:00.124Z", "time"),
			[]string{"Credentials.Expiration instant divergence"}},
		{"epoch seconds", withExpiration("T", "2026-12-03T12:00:00Z"), parsed("ASIAEXAMPLE", "s", "T", "1796299200", "epoch"), nil},
		{"naive read as naive", withExpiration("T", "2026-12-03T12:00:00"), parsed("ASIAEXAMPLE", "s", "T", "2026-12-03T12:00:00", "naive"),
			[]string{"Credentials.Expiration naive-kept note"}},
		{"naive read as UTC", withExpiration("T", "2026-12-03T12:00:00"), parsed("ASIAEXAMPLE", "s", "T", "2026-12-03T12:00:00Z", "time"),
			[]string{"Credentials.Expiration zone-assumed note"}},
		{"naive refused", withExpiration("T", "2026-12-03T12:00:00"), failed("parse", "", ""),
			[]string{"outcome refused-invalid-body note"}},
		{"HTTP date read leniently", withExpiration("T", "Thu, 03 Dec 2026 12:00:00 GMT"), parsed("ASIAEXAMPLE", "s", "T", "2026-12-03T12:00:00Z", "time"),
			[]string{"Credentials.Expiration lenient-expiration note"}},
		{"bad rendering by the driver", success(creds("T")), parsed("ASIAEXAMPLE", "s", "T", "yesterday", "time"),
			[]string{"Credentials.Expiration bad-rendering divergence"}},
		{"empty token returned as absent", success(creds("")), driver.Reply{Phase: driver.PhaseParsed, Output: &driver.Output{Credentials: &driver.OutputCredentials{
			AccessKeyID: ptr("ASIAEXAMPLE"), SecretAccessKey: ptr("s"), Expiration: ptr("2026-12-03T12:00:00Z"), ExpirationKind: "time"}}},
			[]string{"Credentials.SessionToken empty-as-absent note"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkFindings(t, Compare(mustRead(t, 200, nil, tc.body), tc.reply), tc.want)
		})
	}
}

func TestCompareErrors(t *testing.T) {
	body := func(requestID string) string {
		id := ""
		if requestID != "" {
			id = "<RequestId>" + requestID + "</RequestId>"
		}
		return `<ErrorResponse xmlns="` + Namespace + `"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>` + id + `</ErrorResponse>`
	}
	hdr := func(id string) http.Header { return http.Header{"X-Amzn-Requestid": {id}} }
	service := func(code, message, requestID string) driver.Reply {
		return driver.Reply{Phase: driver.PhaseError, Error: &driver.Error{Kind: "service", Code: code, Message: message, RequestID: requestID, HTTPStatus: 400, Fault: "Sender"}}
	}
	for _, tc := range []struct {
		name, body string
		header     http.Header
		reply      driver.Reply
		want       []string
	}{
		{"right", body("b"), nil, service("Throttling", "Rate exceeded", "b"), nil},
		{"request id from the header only, body only (aws-sdk-go-v2 1.52)", body("b"), nil, service("Throttling", "Rate exceeded", ""),
			[]string{"Error.RequestId absent divergence"}},
		{"header only", body(""), hdr("h"), service("Throttling", "Rate exceeded", "h"), nil},
		{"both differ, header taken", body("b"), hdr("h"), service("Throttling", "Rate exceeded", "h"),
			[]string{"Error.RequestId request-id-source note"}},
		{"wrong code", body("b"), nil, service("ThrottlingException", "Rate exceeded", "b"),
			[]string{"Error.Code value divergence"}},
		{"message dropped", body("b"), nil, service("Throttling", "", "b"),
			[]string{"Error.Message absent divergence"}},
		{"error read as success", body("b"), nil, parsed("k", "s", "t", "2026-12-03T12:00:00Z", "time"),
			[]string{"outcome wrong-outcome divergence"}},
		{"could not read the error", body("b"), nil, failed("parse", "", ""),
			[]string{"outcome refused refused-valid-body"}},
		{"not well-formed, error", "<ErrorResponse><Error>", nil, failed("parse", "", ""), nil},
		{"not well-formed, accepted", "<ErrorResponse><Error>", nil, parsed("k", "s", "t", "2026-12-03T12:00:00Z", "time"),
			[]string{"outcome accepted-bad-body divergence"}},
		{"not judged", "<!DOCTYPE x><ErrorResponse/>", nil, failed("parse", "", ""), []string{"body not-judged note"}},
		{"nothing read", body("b"), nil, driver.Reply{Phase: driver.PhaseRejected}, []string{"phase not-judged note"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			exp, _ := Read(400, tc.header, []byte(tc.body))
			checkFindings(t, Compare(exp, tc.reply), tc.want)
		})
	}
}

func checkFindings(t *testing.T, got []Finding, want []string) {
	t.Helper()
	var have []string
	for _, f := range got {
		have = append(have, f.Field+" "+f.Kind+" "+string(f.Grade))
	}
	if strings.Join(have, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", findingLines(got), strings.Join(want, "\n"))
	}
}

func findingLines(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}

// Secrets never appear in findings, only their shape.
func TestFindingsHideSecrets(t *testing.T) {
	exp := mustRead(t, 200, nil, success(creds("A<!--c-->Bsecret-token-value")))
	fs := Compare(exp, parsed("ASIAEXAMPLE", "other-secret", "Bsecret-token-value", "2026-12-03T12:00:00Z", "time"))
	for _, f := range fs {
		if s := f.String(); strings.Contains(s, "secret-token-value") || strings.Contains(s, "other-secret") {
			t.Errorf("finding shows a secret: %s", s)
		}
	}
	if len(fs) != 2 || !strings.Contains(fs[1].Detail, "last 19 bytes") {
		t.Errorf("findings:\n%s", findingLines(fs))
	}
}

func TestSummaryHidesSecrets(t *testing.T) {
	exp := mustRead(t, 200, nil, success(strings.Replace(creds("token-secret-value"), "<SecretAccessKey>s<", "<SecretAccessKey>key-secret-value<", 1)))
	s := exp.Summary() + fmt.Sprintf(" %v %+v %#v", exp.Credentials, exp.Credentials, *exp.Credentials)
	if strings.Contains(s, "secret-value") || !strings.Contains(s, "ASIAEXAMPLE") || !strings.Contains(s, "18 bytes") {
		t.Errorf("summary: %s", s)
	}
}
