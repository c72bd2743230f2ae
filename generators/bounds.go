package generators

import (
	"math"
	"slices"

	"github.com/stsconform/stsconform/model"
)

// openLength is how far past its minimum a string member without a maximum
// is drawn; the GetSessionToken members all have one.
const openLength = 64

// bounds are a member's Min and Max clamped to what its Go type can carry:
// int32 values for integers, non-negative lengths for strings.
type bounds struct {
	str            bool
	lo, hi         int64
	hasMin, hasMax bool
}

func boundsOf(m model.Member) bounds {
	b := bounds{str: m.Kind == model.String, lo: math.MinInt32, hi: math.MaxInt32}
	if b.str {
		b.lo = 0
	}
	if m.Min != nil {
		b.hasMin, b.lo = true, b.clamp(*m.Min)
	}
	switch {
	case m.Max != nil:
		b.hasMax, b.hi = true, b.clamp(*m.Max)
	case b.str:
		b.hi = b.lo + openLength
	}
	return b
}

func (b bounds) clamp(v int64) int64 {
	if b.str {
		return max(v, 0)
	}
	return min(max(v, math.MinInt32), math.MaxInt32)
}

// belowMin reports whether anything lies below the minimum.
func (b bounds) belowMin() bool {
	if b.str {
		return b.hasMin && b.lo > 0
	}
	return b.hasMin && b.lo > math.MinInt32
}

// aboveMax reports whether anything lies above the maximum.
func (b bounds) aboveMax() bool {
	return b.hasMax && (b.str || b.hi < math.MaxInt32)
}

// edges are min-1, min, max and max+1, those that exist, without repeats.
func (b bounds) edges() []int64 {
	var out []int64
	if b.belowMin() {
		out = append(out, b.lo-1)
	}
	if b.hasMin {
		out = append(out, b.lo)
	}
	if b.hasMax {
		out = append(out, b.hi)
	}
	if b.aboveMax() {
		out = append(out, b.hi+1)
	}
	return slices.Compact(out)
}
