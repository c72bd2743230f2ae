package rawwire_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/stsconform/stsconform/conformance/rawwire"
	"github.com/stsconform/stsconform/targets/local"
)

var printfPart = regexp.MustCompile(`^printf ('(?:[^']|'\\'')*') \| curl `)

// A non-printable body replays byte for byte through printf.
func TestCurlWritesNonPrintableBodiesExactly(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		r := rawwire.ClassRequests(rawwire.ClassInvalidUTF8).Draw(rt, "request")
		ep := rawwire.Endpoint{Name: "x", URL: "http://127.0.0.1:1", AccessKeyID: rawwire.DummyAccessKeyID}
		cmd := rawwire.Curl(ep, r)
		m := printfPart.FindStringSubmatch(cmd)
		if m == nil {
			assert.Contains(rt, cmd, "--data-raw")
			return
		}
		out, err := exec.Command("sh", "-c", "printf "+m[1]).Output()
		require.NoError(rt, err)
		assert.Equal(rt, r.Body(), out)
	})
}

// Replays and reports name the access key id, never the secret.
func TestNoSecretInTheReport(t *testing.T) {
	ep := endpoint(t, "server-error", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
	}))
	rep := rawwire.Check(t.Context(), []rawwire.Endpoint{ep}, rawwire.WithChecks(20), rawwire.WithShrinkLimit(0))
	data, err := json.Marshal(rep)
	require.NoError(t, err)
	assert.NotContains(t, string(data), local.DefaultSecretAccessKey)
	assert.Contains(t, string(data), local.UserAccessKeyID)
	assert.Contains(t, string(data), `$AWS_SECRET_ACCESS_KEY`)
}

// An unknown violation is minimised to a small request of its class.
func TestViolationsAreShrunk(t *testing.T) {
	h := local.NewHandler(local.New())
	ep := endpoint(t, "fails-on-text", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		if d := r.Form.Get("DurationSeconds"); strings.Trim(d, "0123456789") != "" {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		h.ServeHTTP(w, r)
	}))
	rep := rawwire.Check(t.Context(), []rawwire.Endpoint{ep}, rawwire.WithChecks(100))
	for _, c := range rep.Cells {
		if c.Class != rawwire.ClassDurationText {
			continue
		}
		v := find(c, rawwire.PropNo5xx)
		require.NotNil(t, v)
		assert.True(t, v.Example.Shrunk)
		assert.True(t, bytes.Contains([]byte(v.Example.Request.Body), []byte("DurationSeconds=")), v.Example.Request.Body)
		t.Logf("shrunk to %s", v.Example.Curl)
	}
}
