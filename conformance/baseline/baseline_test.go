package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every committed baseline is reviewed: each entry has a real reason, a
// version and a date, and the file names its target.
func TestCommittedBaselinesAreReviewed(t *testing.T) {
	dir := filepath.Join("..", "..", "fixtures", "baselines")
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	for _, p := range paths {
		target := strings.TrimSuffix(filepath.Base(p), ".json")
		f, err := Load(dir, target)
		require.NoError(t, err, p)
		assert.Equal(t, target, f.Target, p)
		for _, e := range f.Divergences {
			assert.False(t, strings.HasPrefix(e.Reason, "UNREVIEWED"), "%s: %s needs a reason", p, e.Class)
			assert.NotEmpty(t, e.Reason, p)
			assert.NotEmpty(t, e.Version, p)
			assert.NotEmpty(t, e.Recorded, p)
		}
	}
}

func TestLoadMissingAndBroken(t *testing.T) {
	dir := t.TempDir()
	f, err := Load(dir, "nothing")
	assert.NoError(t, err)
	assert.Nil(t, f)
	require.NoError(t, os.WriteFile(Path(dir, "bad"), []byte("{"), 0o644))
	_, err = Load(dir, "bad")
	assert.Error(t, err)
}
