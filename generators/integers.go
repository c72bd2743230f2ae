package generators

import (
	"fmt"
	"math"
	"slices"

	"pgregory.net/rapid"

	"github.com/stsconform/stsconform/model"
)

// nearEdge is how far past a bound the "just outside" draws reach.
const nearEdge = 1000

// hostileInt32s are the extreme int32 values.
var hostileInt32s = []int32{math.MinInt32, -1, 0, math.MaxInt32}

// DurationSeconds draws the DurationSeconds member in flavour f.
func DurationSeconds(f Flavour) *rapid.Generator[Drawn[int32]] {
	return Integers(Member("DurationSeconds"), f)
}

// Integers draws an integer member m in flavour f, with the bounds of m. It
// panics if m is not an integer or f is not one of its Flavours.
func Integers(m model.Member, f Flavour) *rapid.Generator[Drawn[int32]] {
	if m.Kind != model.Integer {
		panic(fmt.Sprintf("generators: %s is a %s, not an integer", m.Name, m.Kind))
	}
	mustHave(m, f)
	if f == Absent {
		return rapid.Just(Drawn[int32]{Flavour: f, Label: Label(m.Name, f)})
	}
	return rapid.Map(int32Values(boundsOf(m), f), func(v int32) Drawn[int32] {
		return Drawn[int32]{Value: &v, Flavour: f, Label: Label(m.Name, f)}
	})
}

// int32Values draws the values of flavour f, one of the member's flavours.
func int32Values(b bounds, f Flavour) *rapid.Generator[int32] {
	lo, hi := int32(b.lo), int32(b.hi)
	switch f {
	case Valid:
		return rapid.Int32Range(lo, hi)
	case Boundary:
		return rapid.Map(rapid.SampledFrom(b.edges()), func(v int64) int32 { return int32(v) })
	case InvalidMin:
		return rapid.OneOf(justBelow(lo), rapid.Int32Range(math.MinInt32, lo-1))
	case InvalidMax:
		return rapid.OneOf(justAbove(hi), rapid.Int32Range(hi+1, math.MaxInt32))
	default: // Hostile
		return rapid.SampledFrom(hostileInt32s)
	}
}

// justBelow draws lo-1, lo-2, … (shrinking towards lo-1).
func justBelow(lo int32) *rapid.Generator[int32] {
	reach := int32(min(int64(nearEdge), int64(lo)-math.MinInt32))
	return rapid.Map(rapid.Int32Range(1, reach), func(d int32) int32 { return lo - d })
}

// justAbove draws hi+1, hi+2, … (shrinking towards hi+1).
func justAbove(hi int32) *rapid.Generator[int32] {
	reach := int32(min(int64(nearEdge), math.MaxInt32-int64(hi)))
	return rapid.Map(rapid.Int32Range(1, reach), func(d int32) int32 { return hi + d })
}

// mustHave panics unless f is one of m's flavours.
func mustHave(m model.Member, f Flavour) {
	if !slices.Contains(flavoursOf(m), f) {
		panic(fmt.Sprintf("generators: %s has no flavour %s", m.Name, f))
	}
}
