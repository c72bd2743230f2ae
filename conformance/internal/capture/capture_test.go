package capture

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"
)

func TestRunKeepsRapidsFailureAndSeed(t *testing.T) {
	tb := New("t")
	Run(tb, func() {
		rapid.Check(tb, func(rt *rapid.T) {
			if rapid.Int().Draw(rt, "n") > 10 {
				rt.Fatal("too big")
			}
		})
	})
	assert.True(t, tb.Failed())
	assert.NotZero(t, tb.Seed())
	assert.Nil(t, tb.Panic())
}

func TestRunRecordsOtherPanics(t *testing.T) {
	tb := New("t")
	Run(tb, func() { panic("boom") })
	assert.True(t, tb.Failed())
	assert.Equal(t, "boom", tb.Panic())
}
