package spec

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
)

func TestSplit(t *testing.T) {
	assert.Equal(t, []string{"local", "local-http", "endpoint=http://x;caller=root"},
		Split(" local,local-http,, endpoint=http://x;caller=root "))
}

func TestOpenDefaultTargetsAnswer(t *testing.T) {
	ts, err := OpenAll(Default)
	require.NoError(t, err)
	t.Cleanup(func() { CloseAll(ts) })
	require.Len(t, ts, 2)
	for _, tg := range ts {
		out, err := tg.GetSessionToken(context.Background(), call.User, call.Input{DurationSeconds: call.Int32(900)})
		require.NoError(t, err, tg.Name())
		assert.Equal(t, call.Success, out.Kind, tg.Name())
		assert.Len(t, tg.Callers(), len(call.CallerKinds), tg.Name())
	}
}

func TestOpenRejectsBadSpecs(t *testing.T) {
	t.Setenv("STSCONFORM_EMPTY", "")
	for _, s := range []string{
		"nope", "endpoint=", "endpoint=http://x;caller=admin", "endpoint=http://x;colour=red",
		"endpoint=http://x;timeout=soon", "endpoint=http://x;novalue", "endpoint=http://x;secret-env=STSCONFORM_EMPTY",
	} {
		_, err := Open(s)
		assert.Error(t, err, s)
	}
	_, err := OpenAll("")
	assert.Error(t, err)
}

func TestEndpointOptions(t *testing.T) {
	t.Setenv("STSCONFORM_TEST_SECRET", "s3cr3t")
	tg, err := Open("endpoint=http://127.0.0.1:1;name=emu;caller=root;region=eu-west-1;access-key=AKIAX;secret-env=STSCONFORM_TEST_SECRET;timeout=2s")
	require.NoError(t, err)
	assert.Equal(t, "emu", tg.Name())
	require.Len(t, tg.Callers(), 1)
	assert.Equal(t, call.Root, tg.Callers()[0].Kind)
	assert.False(t, tg.Callers()[0].DevicesKnown, "an endpoint's MFA devices are unknown")
}
