package clientgate

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/targets/clients"
	"github.com/stsconform/stsconform/targets/clients/driver"
)

var updateVectors = flag.Bool("update", false, "rewrite the request golden vectors in fixtures/wire/requests from the pinned clients")

// vectorFile is one client's request vectors.
type vectorFile struct {
	Client     string   `json:"client"`
	Version    string   `json:"version"`
	Provenance string   `json:"provenance"`
	Vectors    []vector `json:"vectors"`
}

// vector is one input and the exact body the client sent for it.
type vector struct {
	Name  string       `json:"name"`
	Input driver.Input `json:"input"`
	// Body is the form body byte for byte; Decoded is its pairs in order.
	Body          string      `json:"body,omitempty"`
	Decoded       [][2]string `json:"decoded,omitempty"`
	Inexpressible string      `json:"inexpressible,omitempty"`
	// Rejected is the client's refusal before sending, when it refused
	// (or threw: "thrown <class>: <message>").
	Rejected string `json:"rejected,omitempty"`
	// Differs lists how the decoded body differs from the input: the
	// pinned client's known encoding faults (empty for a faithful one).
	Differs []string `json:"differs,omitempty"`
}

// vectorInputs are hand-picked inputs for the encodings that differ
// between form encoders, then generated ones (seed 1).
func vectorInputs() []vector {
	raw := func(s string) json.RawMessage { return json.RawMessage(s) }
	out := []vector{
		{Name: "no members", Input: driver.Input{}},
		{Name: "every member valid", Input: driver.Input{"DurationSeconds": raw("900"), "SerialNumber": raw(`"arn:aws:iam::123456789012:mfa/user"`), "TokenCode": raw(`"012345"`), "MinimumSessionTokenSize": raw("1")}},
		{Name: "form metacharacters", Input: driver.Input{"SerialNumber": raw(`" +=/:,.@-~*'()!&%_"`)}},
		{Name: "percent sequences", Input: driver.Input{"SerialNumber": raw(`"%2B%20%ZZ%"`)}},
		{Name: "non-ASCII and astral", Input: driver.Input{"SerialNumber": raw(`"é€😀𝟎٣"`), "TokenCode": raw(`"١٢٣٤٥٦"`)}},
		{Name: "leading zeros", Input: driver.Input{"TokenCode": raw(`"000000"`), "SerialNumber": raw(`"000000000"`)}},
		{Name: "empty strings", Input: driver.Input{"TokenCode": raw(`""`), "SerialNumber": raw(`""`)}},
		{Name: "control characters", Input: driver.Input{"SerialNumber": raw(`"\u0000\t\r\n\u007f"`)}},
		{Name: "negative and huge numbers", Input: driver.Input{"DurationSeconds": raw("-2147483648"), "MinimumSessionTokenSize": raw("2147483647")}},
		{Name: "past int32", Input: driver.Input{"DurationSeconds": raw("9999999999")}},
		{Name: "fraction", Input: driver.Input{"DurationSeconds": raw("900.5")}},
		{Name: "lone surrogate", Input: driver.Input{"TokenCode": raw(`"12\ud80034"`)}},
		{Name: "exponent form", Input: driver.Input{"DurationSeconds": raw("1e+21")}},
		{Name: "past 2^53", Input: driver.Input{"DurationSeconds": raw("9223372036854775807")}},
		{Name: "NaN", Input: driver.Input{"DurationSeconds": raw(`"NaN"`)}},
	}
	for i := range 12 {
		c := Cases().Example(1 + i)
		if strings.Contains(strings.Join(c.Labels, " "), "/totp") {
			continue // a code of the current time: not a fixed vector
		}
		out = append(out, vector{Name: fmt.Sprintf("generated seed 1 case %d", i), Input: c.Input})
	}
	return out
}

// record runs every vector input through a client and keeps the bodies.
func record(t *testing.T, name string, c driver.Client) vectorFile {
	r := newRunner(t, name, c)
	f := vectorFile{Client: name, Version: c.Hello().Version,
		Provenance: "recorded by go test ./conformance/clientgate -run TestRequestVectors -update: the pinned client's request as it reached the gate's loopback server"}
	for _, v := range vectorInputs() {
		reply, arrivals, err := r.call(context.Background(), v.Input, 1, successAnswer())
		switch {
		case err != nil:
			t.Fatalf("%s %s: %v", name, v.Name, err)
		case reply.Phase == driver.PhaseInexpressible:
			v.Inexpressible = reply.Detail
		case reply.Phase == driver.PhaseRejected && len(arrivals) == 0:
			v.Rejected = reply.Error.Message
		case reply.Phase == driver.PhaseError && len(arrivals) == 0 && reply.Error != nil:
			v.Rejected = "thrown " + reply.Error.Class + ": " + reply.Error.Message
		case len(arrivals) != 1:
			t.Fatalf("%s %s: %d requests (%s)", name, v.Name, len(arrivals), reply)
		default:
			v.Body = string(arrivals[0].Body)
			v.Decoded = pairs(t, v.Body)
			v.Differs = diffStrings(CheckRequest(v.Input, arrivals[0]))
		}
		f.Vectors = append(f.Vectors, v)
	}
	return f
}

func diffStrings(ds []compare.Diff) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

// pairs decodes a form body into its pairs, in order.
func pairs(t *testing.T, body string) [][2]string {
	var out [][2]string
	for _, p := range strings.Split(body, "&") {
		k, v, _ := strings.Cut(p, "=")
		dk, err1 := url.QueryUnescape(k)
		dv, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			t.Fatalf("body %q: bad percent-encoding in %q", body, p)
		}
		out = append(out, [2]string{dk, dv})
	}
	return out
}

// TestRequestVectors checks the golden request vectors both ways: the
// pinned client still sends exactly the recorded body for each input, and
// each recorded body decodes to the recorded pairs, which are the input
// (the request property). -update rewrites them.
func TestRequestVectors(t *testing.T) {
	for _, e := range clients.All {
		t.Run(e.Name, func(t *testing.T) {
			name := e.Name
			c := openDriver(t, name)
			path := filepath.Join("..", "..", "fixtures", "wire", "requests", name+".json")
			got := record(t, name, c)
			if *updateVectors {
				data, _ := json.MarshalIndent(got, "", "  ")
				if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v: run go test ./conformance/clientgate -run TestRequestVectors -update", err)
			}
			var want vectorFile
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&want); err != nil {
				t.Fatal(err)
			}
			checkVectors(t, want, got)
		})
	}
}

func checkVectors(t *testing.T, want, got vectorFile) {
	if len(want.Vectors) != len(got.Vectors) {
		t.Fatalf("%d vectors recorded, %d inputs now: rerun with -update", len(want.Vectors), len(got.Vectors))
	}
	for i, w := range want.Vectors {
		g := got.Vectors[i]
		if w.Body != g.Body || w.Inexpressible != g.Inexpressible || w.Rejected != g.Rejected || !slices.Equal(w.Differs, g.Differs) {
			t.Errorf("%s: the client now sends\n  %q (%s%s)\nthe vector says\n  %q (%s%s)\n(rerun with -update if the change is wanted)",
				w.Name, g.Body, g.Inexpressible, g.Rejected, w.Body, w.Inexpressible, w.Rejected)
		}
		if w.Body == "" {
			continue
		}
		if p := pairs(t, w.Body); fmt.Sprint(p) != fmt.Sprint(w.Decoded) {
			t.Errorf("%s: body decodes to %q, vector says %q", w.Name, p, w.Decoded)
		}
		a := Arrival{Method: "POST", Path: "/", Header: map[string][]string{"Content-Type": {"application/x-www-form-urlencoded"}}, Body: []byte(w.Body)}
		if d := diffStrings(CheckRequest(w.Input, a)); !slices.Equal(d, w.Differs) {
			t.Errorf("%s: the recorded body differs from the input by %q, the vector says by %q", w.Name, d, w.Differs)
		}
	}
}
