package oracle

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"
)

// The fast path says exactly what the regexp says, for any value.
func TestPatternFastPathAgreesWithTheRegexp(t *testing.T) {
	for _, p := range []string{`[\w+=/:,.@-]*`, `[\d]*`} {
		compiled := compilePattern(p)
		assert.NotNil(t, compiled.ascii, "%s is a repeated class", p)
		rapid.Check(t, func(rt *rapid.T) {
			v := rapid.OneOf(rapid.String(), rapid.StringMatching(`[ -~]{0,12}`)).Draw(rt, "value")
			assert.Equal(rt, compiled.re.MatchString(v), compiled.matches(v), "%q against %s", v, p)
		})
	}
	assert.Nil(t, compilePattern(`a|b`).ascii)
}
