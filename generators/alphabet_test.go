package generators

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The alphabets derived from the model's patterns are the ASCII alphabets
// the documentation describes, and the patterns are the ones it quotes.
func TestAlphabetsMatchModelPatterns(t *testing.T) {
	want := map[string]struct{ pattern, alphabet string }{
		SerialNumberName: {`[\w+=/:,.@-]*`, "+,-./0123456789:=@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"},
		TokenCodeName:    {`[\d]*`, "0123456789"},
	}
	for name, w := range want {
		m := Member(name)
		require.Equal(t, w.pattern, m.Pattern, name)
		a := mustAlphabet(m.Pattern)
		assert.Equal(t, w.alphabet, a.String(), name)
		for _, r := range a.valid {
			assert.Regexp(t, truePattern[name], string(r), name)
		}
		for _, r := range a.outside {
			assert.NotRegexp(t, truePattern[name], string(r), name)
		}
		assert.Len(t, append(a.valid, a.outside...), 0x7f-0x20, name)
	}
}

func TestAlphabetOfRejectsBadPatterns(t *testing.T) {
	_, err := alphabetOf(`[`)
	assert.Error(t, err)
	_, err = alphabetOf(`[é]*`)
	assert.Error(t, err)
}

// Realistic shapes are valid SerialNumbers, so validStrings seldom falls back.
func TestExampleSerialsAreValid(t *testing.T) {
	m := Member(SerialNumberName)
	lo, hi := minMax(t, m)
	for _, s := range []string{ExampleVirtualSerial, ExampleHardwareSerial} {
		assert.Regexp(t, truePattern[SerialNumberName], s)
		assert.True(t, runes(s) >= lo && runes(s) <= hi, s)
	}
}
