package rawwire_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/stsconform/stsconform/conformance/rawwire"
)

// An interrupt ends a raw run early: the report says it is partial, and
// the requests cut short are nobody's violation, even against a server
// that makes every request wait.
func TestInterruptEndsARawRunWithAPartialReport(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(time.Second):
		}
	}))
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	rep := rawwire.Check(ctx, []rawwire.Endpoint{{Name: "waits", URL: srv.URL}}, rawwire.WithChecks(100000))
	assert.True(t, rep.Partial)
	for _, c := range rep.Cells {
		assert.Empty(t, c.Violations, "%s: a cut request is judged", c.Class)
	}
}
