package rawwire_test

import (
	"encoding/json"
	"flag"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/rawwire"
	"github.com/stsconform/stsconform/targets/local"
)

// setFlag sets a command-line flag for the duration of one test.
func setFlag(tb testing.TB, name, value string) {
	f := flag.Lookup(name)
	require.NotNil(tb, f, name)
	old := f.Value.String()
	require.NoError(tb, f.Value.Set(value))
	tb.Cleanup(func() { _ = f.Value.Set(old) })
}

func endpoint(t *testing.T, name string, h http.Handler) rawwire.Endpoint {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return rawwire.Endpoint{Name: name, URL: srv.URL, AccessKeyID: local.UserAccessKeyID, SecretAccessKey: local.DefaultSecretAccessKey}
}

// Our own handler has every property on every class.
func TestLocalHandlerHasEveryProperty(t *testing.T) {
	setFlag(t, "rapid.checks", "300")
	ep := endpoint(t, "local", local.NewHandler(local.New()))
	rep := rawwire.Run(t, []rawwire.Endpoint{ep})
	assert.Equal(t, 300, rep.Checks)
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
