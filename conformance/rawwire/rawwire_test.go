package rawwire_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/rawwire"
	"github.com/stsconform/stsconform/targets/local"
)

func endpoint(t *testing.T, name string, h http.Handler) rawwire.Endpoint {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return rawwire.Endpoint{Name: name, URL: srv.URL, AccessKeyID: local.UserAccessKeyID, SecretAccessKey: local.DefaultSecretAccessKey}
}

// Our own handler has every property on every class.
func TestLocalHandlerHasEveryProperty(t *testing.T) {
	ep := endpoint(t, "local", local.NewHandler(local.New()))
	rep := rawwire.Run(t, []rawwire.Endpoint{ep}, rawwire.WithChecks(300))
	assert.Equal(t, 300, rep.Checks)
	assert.Equal(t, len(rawwire.Probes()), rep.Probes)
	seen := map[string]bool{}
	for _, c := range rep.Cells {
		seen[c.Class] = true
	}
	for _, class := range rawwire.Classes() {
		assert.True(t, seen[class], "no request of class %s", class)
	}
	_, err := json.Marshal(rep)
	require.NoError(t, err)
}

// The options choose the requests: the same seed and checks send the same
// requests, after the same fixed probes; another seed sends others.
func TestSeedAndChecksChooseTheRequests(t *testing.T) {
	sent := func(seed uint64) []string {
		var mu sync.Mutex
		var got []string
		h := local.NewHandler(local.New())
		ep := endpoint(t, "recording", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			mu.Lock()
			got = append(got, r.Method+" "+r.URL.RawQuery+" "+string(body))
			mu.Unlock()
			r.Body = io.NopCloser(strings.NewReader(string(body)))
			h.ServeHTTP(w, r)
		}))
		rep := rawwire.Check(t.Context(), []rawwire.Endpoint{ep}, rawwire.WithSeed(seed), rawwire.WithChecks(40))
		assert.Equal(t, seed, rep.Seed)
		assert.Equal(t, 40, rep.Checks)
		return got
	}
	a, b, c := sent(7), sent(7), sent(8)
	require.Len(t, a, len(rawwire.Probes())+40)
	assert.Equal(t, a, b)
	n := len(rawwire.Probes())
	assert.Equal(t, a[:n], c[:n], "the probes do not depend on the seed")
	assert.NotEqual(t, a[n:], c[n:])
}
