package clientgate

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stsconform/stsconform/conformance/clientgate/wire"
	"github.com/stsconform/stsconform/internal/testenv"
	"github.com/stsconform/stsconform/targets/clients"
	"github.com/stsconform/stsconform/targets/clients/driver"
)

// openDriver opens a client of the table (a driver not built skips the
// test naming its make command, fails it in CI); the runner made with it
// closes it.
func openDriver(t *testing.T, name string) driver.Client {
	t.Helper()
	e, err := clients.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.Abs("../..")
	c, err := e.Open(context.Background(), root)
	if errors.Is(err, clients.ErrNotInstalled) {
		testenv.Missing(t, err.Error())
	}
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// withBody replaces old by new in the plain success answer.
func withBody(old, new string) Answer {
	a := successAnswer()
	a.Body = []byte(strings.Replace(string(a.Body), old, new, 1))
	return a
}

// prefixed is the plain answer with Credentials under an sts: prefix
// bound to the STS namespace: the same element to an XML parser.
func prefixed() Answer {
	a := withBody("<Credentials>", `<sts:Credentials xmlns:sts="`+wire.Namespace+`">`)
	a.Body = []byte(strings.Replace(string(a.Body), "</Credentials>", "</sts:Credentials>", 1))
	return a
}

// The findings issue 10 lists, measured on the pinned non-Go clients, are
// what the gate reports for them: a divergence field, or a note of the
// client's note (latitude) kind.
func TestGateReportsTheDriversFindings(t *testing.T) {
	errBody := errorAnswer(403, "Sender", "ExpiredToken")
	for _, tc := range []struct {
		name, client string
		ans          Answer
		field, note  string // the field reported, or the note kind
	}{
		{"aws-sdk-rust keeps one text node (comment)", "aws-sdk-rust", success("A<!--c-->B"), "response Credentials.SessionToken value", ""},
		{"aws-sdk-rust keeps one text node (refs, CDATA)", "aws-sdk-rust", success("A&#x1F600;B&amp;C<![CDATA[<D>]]>E"), "response Credentials.SessionToken value", ""},
		{"js decodes an astral reference wrongly", "js", success("A&#x1F600;B"), "response Credentials.SessionToken value", ""},
		{"js takes a SessionToken attribute", "js", withBody("<Credentials>", `<Credentials SessionToken="attribute, not the member">`), "response Credentials.SessionToken value", ""},
		{"js misses prefixed elements", "js", prefixed(), "response Credentials absent", ""},
		{"rusoto keeps Expiration as a string", "rusoto", successAnswer(), "", "Credentials.Expiration unparsed-expiration"},
		{"rusoto turns an error into Unknown", "rusoto", errBody, "response Error.Code absent", ""},
		{"botocore reads a zoneless Expiration naive", "botocore", withBody("2026-12-03T12:00:00Z", "2026-12-03T12:00:00"), "", "Credentials.Expiration naive-kept"},
		{"botocore accepts an epoch Expiration", "botocore", withBody("2026-12-03T12:00:00Z", "1796299200"), "", "Credentials.Expiration lenient-expiration"},
		{"botocore accepts an HTTP-date Expiration", "botocore", withBody("2026-12-03T12:00:00Z", "Thu, 03 Dec 2026 12:00:00 GMT"), "", "Credentials.Expiration lenient-expiration"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRunner(t, tc.client, openDriver(t, tc.client))
			o := r.answerCase(context.Background(), tc.name, tc.ans, "")
			var notes []string
			for _, l := range o.Latitude {
				notes = append(notes, l.key)
			}
			if tc.field != "" && !slices.Contains(fieldsOf(o), tc.field) || tc.note != "" && !slices.Contains(notes, tc.note) {
				t.Fatalf("want %q%q reported, got %s %v notes %v\n%s", tc.field, tc.note, o.Result, o.Diffs, notes, o.Actual)
			}
			t.Logf("%s: %s %v %v", tc.client, o.Result, o.Diffs, notes)
		})
	}
}

// Inputs: what the drivers' clients send or refuse, as issue 10 measured.
func TestGateReportsTheDriversInputs(t *testing.T) {
	in := func(k, v string) driver.Input { return driver.Input{k: json.RawMessage(v)} }
	for _, tc := range []struct {
		name, client string
		input        driver.Input
		want         string // "sent <body fragment>", "refused <class>", "inexpressible", "unsent <class>"
	}{
		{"rusoto encodes ~ as %7E, * raw", "rusoto", in("SerialNumber", `"a~b*c"`), "sent SerialNumber=a%7Eb*c"},
		{"rusoto sends 9999999999", "rusoto", in("DurationSeconds", `9999999999`), "sent DurationSeconds=9999999999"},
		{"rusoto sends -5", "rusoto", in("DurationSeconds", `-5`), "sent DurationSeconds=-5"},
		{"js sends 3.5", "js", in("DurationSeconds", `3.5`), "sent DurationSeconds=3.5"},
		{"js sends NaN", "js", in("DurationSeconds", `"NaN"`), "sent DurationSeconds=NaN"},
		{"js sends 1e+21", "js", in("DurationSeconds", `1e+21`), "sent DurationSeconds=1e%2B21"},
		{"js throws URIError on a lone surrogate, sends nothing", "js", in("SerialNumber", `"a\ud800b"`), "unsent URIError"},
		{"botocore counts code points: 9 é (18 bytes) meet SerialNumber's minimum 9", "botocore", in("SerialNumber", `"ééééééééé"`), "sent SerialNumber="},
		{"botocore refuses 8 é (16 bytes, 8 characters)", "botocore", in("SerialNumber", `"éééééééé"`), "refused min length: 9"},
		{"aws-sdk-rust: 2^31 does not fit i32", "aws-sdk-rust", in("DurationSeconds", `2147483648`), "inexpressible"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRunner(t, tc.client, openDriver(t, tc.client))
			reply, arrivals, err := r.call(context.Background(), tc.input, 1, successAnswer())
			if err != nil {
				t.Fatal(err)
			}
			got := string(reply.Phase)
			if len(arrivals) == 1 {
				got = "sent " + string(arrivals[0].Body)
			} else if reply.Error != nil {
				got += " " + reply.Error.Class + " " + reply.Error.Message
			}
			var ok bool
			switch kind, rest, _ := strings.Cut(tc.want, " "); kind {
			case "sent":
				ok = len(arrivals) == 1 && strings.Contains(got, rest)
			case "refused":
				ok = reply.Phase == driver.PhaseRejected && strings.Contains(got, rest)
			case "unsent": // thrown before sending: an error naming rest, no request
				ok = len(arrivals) == 0 && strings.Contains(got, rest)
			default:
				ok = got == tc.want
			}
			if !ok {
				t.Fatalf("want %s, got %s (%s)", tc.want, got, reply)
			}
			t.Logf("%s: %s", tc.client, got)
		})
	}
}
