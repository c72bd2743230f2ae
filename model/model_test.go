package model

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGetSessionTokenContract(t *testing.T) {
	op := GetSessionToken()
	assert.Equal(t, "2011-06-15", op.APIVersion)
	names := []string{}
	for _, m := range op.Members {
		names = append(names, m.Name)
		assert.False(t, m.Required, "%s: no member of GetSessionToken is required", m.Name)
	}
	assert.Equal(t, []string{"DurationSeconds", "SerialNumber", "TokenCode", "MinimumSessionTokenSize"}, names)
	serial, ok := op.Member("SerialNumber")
	require.True(t, ok)
	assert.Equal(t, "serialNumber", serial.Path())
	assert.Equal(t, String, serial.Kind)
	assert.Equal(t, `[\w+=/:,.@-]*`, serial.Pattern)
	assert.Nil(t, serial.Default)
	duration, ok := op.Member("DurationSeconds")
	require.True(t, ok)
	require.NotNil(t, duration.Default)
	assert.Equal(t, int64(DefaultSessionSeconds), *duration.Default)
	assert.True(t, *duration.Min <= RootMaxSessionSeconds && RootMaxSessionSeconds <= *duration.Default && *duration.Default <= *duration.Max)
}

func TestParseRejectsBrokenModels(t *testing.T) {
	for name, data := range map[string]string{
		"not json":     `{`,
		"no operation": `{"operations":{},"shapes":{}}`,
		"no shape":     `{"operations":{"GetSessionToken":{"input":{"shape":"X"}}},"shapes":{}}`,
		"member without shape": `{"operations":{"GetSessionToken":{"input":{"shape":"X"}}},
			"shapes":{"X":{"type":"structure","members":{"A":{"shape":"missing"}}}}}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(data), "GetSessionToken")
			assert.Error(t, err)
		})
	}
}
