package generators

import (
	"math/bits"

	"pgregory.net/rapid"
)

// choose draws an element of s uniformly and shrinks towards s[0]. rapid's
// own SampledFrom favours the first elements, which would starve the last
// classes; fair coins (rapid.Bool) with rejection do not.
func choose[E any](s []E) *rapid.Generator[E] {
	if len(s) == 1 {
		return rapid.Just(s[0])
	}
	n := bits.Len(uint(len(s) - 1))
	coins := rapid.SliceOfN(rapid.Bool(), n, n)
	return rapid.Custom(func(t *rapid.T) E {
		for {
			if i := binary(coins.Draw(t, "coins")); i < len(s) {
				return s[i]
			}
		}
	})
}

// binary reads coins as the bits of a number, most significant first.
func binary(coins []bool) int {
	i := 0
	for _, c := range coins {
		i = i<<1 | boolInt(c)
	}
	return i
}
