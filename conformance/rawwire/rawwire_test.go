package rawwire_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/conformance/internal/rapidflags"
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
	rapidflags.SetForTest(t, "rapid.checks", "300")
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
