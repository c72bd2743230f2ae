package capture

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"

	"github.com/stsconform/stsconform/conformance/internal/rapidflags"
)

func TestRunKeepsRapidsFailure(t *testing.T) {
	// A fail file left by an earlier run would be replayed without a seed.
	rapidflags.SetForTest(t, "rapid.nofailfile", "true")
	tb := New("t")
	Run(tb, func() {
		rapid.Check(tb, func(rt *rapid.T) {
			if rapid.Int().Draw(rt, "n") > 10 {
				rt.Fatal("too big")
			}
		})
	})
	assert.True(t, tb.Failed())
	assert.NotEmpty(t, tb.Errors())
	assert.Nil(t, tb.Panic())
}

func TestRunRecordsOtherPanics(t *testing.T) {
	tb := New("t")
	Run(tb, func() { panic("boom") })
	assert.True(t, tb.Failed())
	assert.Equal(t, "boom", tb.Panic())
}
