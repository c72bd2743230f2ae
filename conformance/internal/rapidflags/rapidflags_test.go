package rapidflags

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"
)

var _ = rapid.Check // registers rapid's flags

func TestSetRestores(t *testing.T) {
	before := Int("rapid.checks")
	restore := Set("rapid.checks", "7")
	assert.Equal(t, 7, Int("rapid.checks"))
	restore()
	assert.Equal(t, before, Int("rapid.checks"))
	Set("no.such.flag", "1")() // an unknown flag is left alone
}

func TestFixSeedPicksOneAndRestores(t *testing.T) {
	SetForTest(t, "rapid.seed", "0")
	seed, restore := FixSeed()
	assert.NotZero(t, seed)
	again, _ := FixSeed()
	assert.Equal(t, seed, again, "the run keeps its seed")
	restore()
	assert.Equal(t, 0, Int("rapid.seed"))

	SetForTest(t, "rapid.seed", "42")
	seed, _ = FixSeed()
	assert.Equal(t, uint64(42), seed)
}
