package goclient

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stsconform/stsconform/targets/clients/driver"
)

// The adapters translate what the client did into the reply's phase and
// error kind; they judge nothing.
func TestRepliesNameWhatTheClientDid(t *testing.T) {
	garbage := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("not xml")) }))
	t.Cleanup(garbage.Close)
	refusing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(400)
		_, _ = w.Write([]byte(`<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>m</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`))
	}))
	t.Cleanup(refusing.Close)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := "http://" + ln.Addr().String()
	_ = ln.Close()

	for _, c := range []driver.Client{NewV2(), NewV1()} {
		t.Cleanup(func() { _ = c.Close() })
		for _, tc := range []struct {
			name, endpoint string
			input          driver.Input
			phase, kind    string
		}{
			{"service error", refusing.URL, driver.Input{}, driver.PhaseError, driver.KindService},
			{"unreadable answer", garbage.URL, driver.Input{}, driver.PhaseError, driver.KindParse},
			// aws-sdk-go v1 reads a 200 "not xml" as an output without
			// credentials: reported as it is (the gate judges it).
			{"unreadable answer (v1)", garbage.URL, driver.Input{}, driver.PhaseParsed, ""},
			{"nothing listening", closed, driver.Input{}, driver.PhaseError, driver.KindTransport},
			{"fraction", refusing.URL, driver.Input{"DurationSeconds": json.RawMessage("900.5")}, driver.PhaseInexpressible, ""},
			{"lone surrogate", refusing.URL, driver.Input{"TokenCode": json.RawMessage(`"\ud800"`)}, driver.PhaseInexpressible, ""},
		} {
			if (c.Hello().Client == "go-v1") != (tc.name == "unreadable answer (v1)") && tc.endpoint == garbage.URL {
				continue
			}
			req := driver.Request{ID: 1, Endpoint: tc.endpoint, Region: "us-east-1", MaxAttempts: 1, Validate: true, TimeoutMs: 5000,
				Credentials: driver.Credentials{AccessKeyID: "AKIAEXAMPLE", SecretAccessKey: "secret"}, Input: tc.input}
			rep, err := c.Do(context.Background(), req)
			if err != nil {
				t.Fatalf("%s %s: %v", c.Hello().Client, tc.name, err)
			}
			if rep.Phase != tc.phase || tc.kind != "" && rep.Error.Kind != tc.kind {
				t.Errorf("%s %s: got %s, want phase %s kind %s", c.Hello().Client, tc.name, rep, tc.phase, tc.kind)
			}
		}
	}
}
