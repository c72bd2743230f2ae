package rawwire_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/stsconform/stsconform/conformance/rawwire"
	"github.com/stsconform/stsconform/conformance/report"
)

// chaos handlers misbehave as real servers do; each must break the
// property named, on every request. Those that answer read the body first,
// as servers do: one that answers a 2 MiB body unread may reset the
// connection while the client is still sending, which is PropAnswers.
var chaos = []struct {
	name     string
	property string
	handler  http.HandlerFunc
}{
	{"server-error", rawwire.PropNo5xx, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.WriteHeader(http.StatusInternalServerError)
	}},
	{"not-xml", rawwire.PropXML, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		_, _ = w.Write([]byte("\x00\xffnot xml at all"))
	}},
	{"drops-the-connection", rawwire.PropAnswers, func(w http.ResponseWriter, r *http.Request) {
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			_ = conn.Close()
		}
	}},
	{"hangs", rawwire.PropAnswers, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body) // then the server sees the client leave
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}},
}

func TestChaosIsReportedAsViolations(t *testing.T) {
	for _, c := range chaos {
		t.Run(c.name, func(t *testing.T) {
			defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
			srv := httptest.NewServer(c.handler)
			defer srv.Close()
			defer srv.CloseClientConnections()
			ep := rawwire.Endpoint{Name: c.name, URL: srv.URL, AccessKeyID: rawwire.DummyAccessKeyID, SecretAccessKey: rawwire.DummySecretAccessKey}
			start := time.Now()
			rep := rawwire.Check(t.Context(), []rawwire.Endpoint{ep}, rawwire.WithChecks(12), rawwire.WithTimeout(200*time.Millisecond), rawwire.WithShrinkLimit(0))
			assert.Less(t, time.Since(start), 10*time.Second, "the timeout cuts every request")
			require.Equal(t, 12, rep.Checks)
			require.NotEmpty(t, rep.Failures())
			for _, cell := range rep.Cells {
				v := find(cell, c.property)
				require.NotNil(t, v, "%s: %s not broken", cell.Class, c.property)
				assert.Equal(t, cell.Cases, v.Count, "%s: every request breaks it", cell.Class)
				assert.NotEmpty(t, v.Example.Curl)
			}
		})
	}
}

func find(c report.RawCell, property string) *report.RawViolation {
	for _, v := range c.Violations {
		if v.Property == property {
			return &v
		}
	}
	return nil
}

// A hang is cut by the timeout and named as such.
func TestHangIsCutByTheTimeout(t *testing.T) {
	ep := endpoint(t, "hangs", chaos[3].handler)
	rep := rawwire.Check(t.Context(), []rawwire.Endpoint{ep}, rawwire.WithChecks(2), rawwire.WithTimeout(100*time.Millisecond), rawwire.WithShrinkLimit(0))
	v := find(rep.Failures()[0], rawwire.PropAnswers)
	require.NotNil(t, v)
	assert.True(t, strings.Contains(v.Example.Error, "deadline exceeded") || strings.Contains(v.Example.Error, "Timeout"), v.Example.Error)
}

// Known violations are reported but are not failures.
func TestKnownViolationsAreNotFailures(t *testing.T) {
	ep := endpoint(t, "server-error", chaos[0].handler)
	rep := rawwire.Check(t.Context(), []rawwire.Endpoint{ep}, rawwire.WithChecks(5), rawwire.WithShrinkLimit(0),
		rawwire.WithKnown(func(target, class, property string) bool { return target == "server-error" }))
	assert.Empty(t, rep.Failures())
	require.NotEmpty(t, rep.Cells)
	assert.True(t, rep.Cells[0].Violations[0].Known)
}
