package suite

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Inside the checkout, auto is its fixtures; elsewhere no baselines and the
// built-in copy of facts.json, which is the checkout's.
func TestAutoDirs(t *testing.T) {
	d, err := resolveDirs(Auto, Auto)
	require.NoError(t, err)
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	assert.Equal(t, fixtureDirs{baselines: filepath.Join(root, "fixtures", "baselines"), recorded: filepath.Join(root, "fixtures", "recorded")}, d)
	inCheckout, err := d.facts()
	require.NoError(t, err)
	builtIn, err := fixtureDirs{}.facts()
	require.NoError(t, err)
	assert.Equal(t, inCheckout, builtIn)

	t.Chdir(t.TempDir())
	d, err = resolveDirs(Auto, Auto)
	require.NoError(t, err)
	assert.Equal(t, fixtureDirs{}, d, "outside a checkout: none")

	// Another module's checkout is not ours.
	require.NoError(t, os.WriteFile("go.mod", []byte("module example.com/emulator\n"), 0o644))
	d, err = resolveDirs(Auto, Auto)
	require.NoError(t, err)
	assert.Equal(t, fixtureDirs{}, d)

	_, err = resolveDirs("missing", "")
	assert.ErrorContains(t, err, "missing is not a directory")
}
