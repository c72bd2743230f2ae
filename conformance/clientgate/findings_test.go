package clientgate

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/oracle"
	"github.com/stsconform/stsconform/targets/clients"
	"github.com/stsconform/stsconform/targets/clients/driver"
	"github.com/stsconform/stsconform/targets/clients/goclient"
)

// newRunner runs cases for one in-process client, with a fresh server.
func newRunner(t *testing.T, name string, c driver.Client) *runner {
	t.Helper()
	srv, err := StartServer()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close(); _ = c.Close() })
	opts := Options{}
	opts.defaults()
	e, _ := clients.Lookup(name) // a client of the table runs with its validation switch
	return &runner{subject: Subject{Name: name, Client: c, DefaultAttempts: 3, NoValidate: e.NoValidate}, srv: srv, oracle: oracle.Default(), opts: opts,
		rec: newRecorder(nil, 0, "")}
}

func success(token string) Answer {
	a := successAnswer()
	a.Body = []byte(strings.Replace(string(a.Body), "FQoGZXIvYXdzEPlainSessionTokenOfTheClientGate", token, 1))
	return a
}

func fieldsOf(o Observation) []string {
	var out []string
	for _, d := range o.Diffs {
		out = append(out, d.Field)
	}
	return out
}

// The findings issue 9 lists, measured on the pinned clients, are what
// the gate reports for them.
func TestGateReportsThePinnedClientsFindings(t *testing.T) {
	bodyOnlyID := errorAnswer(400, "Sender", "ValidationError")
	bodyOnlyID.Header = http.Header{}
	for _, tc := range []struct {
		name, client string
		ans          Answer
		field        string // "" : agrees
	}{
		{"v1 keeps the last text token (comment)", "go-v1", success("A<!--c-->B"), "response Credentials.SessionToken value"},
		{"v1 keeps the last text token (refs, CDATA)", "go-v1", success("A&#x1F600;B&amp;C<![CDATA[<D>]]>E"), "response Credentials.SessionToken value"},
		{"v2 rejects a comment in text", "go-v2", success("A<!--c-->B"), "response refused (lesser) outcome"},
		{"v2 reads references and CDATA", "go-v2", success("A&#x1F600;B&amp;C<![CDATA[<D>]]>E"), ""},
		{"v2 takes RequestId from the header only", "go-v2", bodyOnlyID, "response Error.RequestId absent"},
		{"v1 reads RequestId from the body", "go-v1", bodyOnlyID, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := map[string]driver.Client{"go-v1": goclient.NewV1(), "go-v2": goclient.NewV2()}[tc.client]
			o := newRunner(t, tc.client, c).answerCase(context.Background(), tc.name, tc.ans, "")
			switch {
			case tc.field == "" && o.Result != compare.Agree:
				t.Fatalf("want agreement, got %s: %v\n%s", o.Result, o.Diffs, o.Actual)
			case tc.field != "" && !slices.Contains(fieldsOf(o), tc.field):
				t.Fatalf("want %q reported, got %s %v\n%s", tc.field, o.Result, fieldsOf(o), o.Actual)
			}
			t.Logf("%s: %s %v", tc.client, o.Result, o.Diffs)
		})
	}
}

// v1's Validate checks minimums only, counting bytes: five 'é' (10 bytes)
// pass as a 9-character SerialNumber and are sent, which the report states;
// v2 checks nothing client-side.
func TestGateStatesWhatV1LetsThrough(t *testing.T) {
	five := Case{Input: driver.Input{"SerialNumber": json.RawMessage(`"ééééé"`)}}
	four := Case{Input: driver.Input{"SerialNumber": json.RawMessage(`"éééé"`)}}
	short := Case{Input: driver.Input{"DurationSeconds": json.RawMessage(`899`)}}
	long := Case{Input: driver.Input{"DurationSeconds": json.RawMessage(`129601`)}}
	three := Case{Input: driver.Input{"TokenCode": json.RawMessage(`"ééé"`)}}
	two := Case{Input: driver.Input{"TokenCode": json.RawMessage(`"éé"`)}}
	r := newRunner(t, "go-v1", goclient.NewV1())
	for _, c := range []Case{five, four, short, long, three, two} {
		r.runInput(context.Background(), c, "")
	}
	note := r.rec.letsThroughNote("go-v1")
	for _, want := range []string{`serialNumber:min(unverified) ×1 (e.g. {SerialNumber="ééééé"})`, "durationSeconds:max ×1",
		`tokenCode:min(unverified) ×1 (e.g. {TokenCode="ééé"})`} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q: %s", want, note)
		}
	}
	if strings.Contains(note, "durationSeconds:min") || strings.Contains(note, `"éééé"`) || strings.Contains(note, `"éé"`) {
		t.Errorf("v1 refuses DurationSeconds=899, a 4×é serial (8 bytes) and a 2×é code (4 bytes), yet the note says it let them through: %s", note)
	}
	v2 := newRunner(t, "go-v2", goclient.NewV2())
	for _, c := range []Case{four, short} {
		v2.runInput(context.Background(), c, "")
	}
	if note := v2.rec.letsThroughNote("go-v2"); !strings.Contains(note, "durationSeconds:min") || !strings.Contains(note, "serialNumber:min(unverified) ×1 (e.g. {SerialNumber=\"éééé\"})") {
		t.Errorf("v2 validates nothing, yet: %s", note)
	}
}
