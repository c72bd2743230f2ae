package generators

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/totp"
)

func TestFlavours(t *testing.T) {
	ints := []Flavour{Absent, Valid, Boundary, InvalidMin, InvalidMax, Hostile}
	assert.Equal(t, ints, Flavours("DurationSeconds"))
	assert.Equal(t, ints, Flavours("MinimumSessionTokenSize"))
	strs := []Flavour{Absent, Valid, Boundary, InvalidMin, InvalidMax, InvalidPattern, Hostile}
	assert.Equal(t, append(slices.Clone(strs), Device), Flavours(SerialNumberName))
	assert.Equal(t, append(slices.Clone(strs), TOTP), Flavours(TokenCodeName))
	assert.Nil(t, Flavours("NoSuchMember"))
}

func TestUnknownFlavourPanics(t *testing.T) {
	assert.Panics(t, func() { DurationSeconds(InvalidPattern) })
	assert.Panics(t, func() { SerialNumber(TOTP) })
	assert.Panics(t, func() { Integers(Member(TokenCodeName), Valid) })
	assert.Panics(t, func() { Strings(Member("DurationSeconds"), Valid, nil) })
	assert.Panics(t, func() { Member("NoSuchMember") })
}

// Every integer flavour draws what its name says.
func TestIntegerFlavours(t *testing.T) {
	for _, name := range []string{"DurationSeconds", "MinimumSessionTokenSize"} {
		lo, hi := minMax(t, Member(name))
		edges := []int64{lo - 1, lo, hi, hi + 1}
		holds := map[Flavour]func(v int64) bool{
			Valid:      func(v int64) bool { return v >= lo && v <= hi },
			InvalidMin: func(v int64) bool { return v < lo },
			InvalidMax: func(v int64) bool { return v > hi },
			Boundary:   func(v int64) bool { return slices.Contains(edges, v) },
			Hostile:    func(v int64) bool { return hostileInt(int32(v)) },
		}
		for _, f := range Flavours(name) {
			t.Run(name+"/"+string(f), func(t *testing.T) {
				seen := map[int64]bool{}
				rapid.Check(t, func(rt *rapid.T) {
					d := Integers(Member(name), f).Draw(rt, "drawn")
					require.Equal(rt, Label(name, f), d.Label)
					require.Equal(rt, f, d.Flavour)
					if f == Absent {
						require.Nil(rt, d.Value)
						return
					}
					require.NotNil(rt, d.Value)
					require.True(rt, holds[f](int64(*d.Value)), "%s drew %d", f, *d.Value)
					seen[int64(*d.Value)] = true
				})
				if f == Boundary {
					assert.Len(t, seen, len(edges), "every edge is drawn")
				}
			})
		}
	}
}

// Every string flavour draws what its name says.
func TestStringFlavours(t *testing.T) {
	for _, name := range []string{SerialNumberName, TokenCodeName} {
		lo, hi := minMax(t, Member(name))
		re := truePattern[name]
		edges := []int64{lo - 1, lo, hi, hi + 1}
		holds := map[Flavour]func(s string) bool{
			Valid:      func(s string) bool { return runes(s) >= lo && runes(s) <= hi && re.MatchString(s) },
			InvalidMin: func(s string) bool { return runes(s) < lo && re.MatchString(s) },
			InvalidMax: func(s string) bool { return runes(s) > hi && re.MatchString(s) },
			InvalidPattern: func(s string) bool {
				return runes(s) >= lo && runes(s) <= hi && printableASCII(s) && !re.MatchString(s)
			},
			Boundary: func(s string) bool { return slices.Contains(edges, runes(s)) && re.MatchString(s) },
			Hostile:  hostileString,
			Device:   func(s string) bool { return s == call.DefaultDevice.Serial },
			TOTP:     func(s string) bool { return s == totp.Code(call.DefaultDevice.Secret, fixedNow) && len(s) == 6 },
		}
		for _, f := range Flavours(name) {
			t.Run(name+"/"+string(f), func(t *testing.T) {
				seen := map[int64]bool{}
				rapid.Check(t, func(rt *rapid.T) {
					d := Strings(Member(name), f, fixedClock).Draw(rt, "drawn")
					require.Equal(rt, Label(name, f), d.Label)
					if f == Absent {
						require.Nil(rt, d.Value)
						return
					}
					require.NotNil(rt, d.Value)
					require.True(rt, holds[f](*d.Value), "%s drew %q", f, *d.Value)
					seen[runes(*d.Value)] = true
				})
				if f == Boundary {
					assert.Len(t, seen, len(slices.Compact(edges)), "every edge length is drawn")
				}
			})
		}
	}
}

// Valid serial numbers include realistic shapes; hostile strings include
// non-ASCII, NUL or whitespace, and very long strings.
func TestStringVariety(t *testing.T) {
	var arn, nonASCII, space, long bool
	rapid.Check(t, func(rt *rapid.T) {
		v := *SerialNumber(Valid).Draw(rt, "valid").Value
		arn = arn || strings.HasPrefix(v, "arn:aws:iam::")
		h := *SerialNumber(Hostile).Draw(rt, "hostile").Value
		nonASCII = nonASCII || strings.ContainsFunc(h, func(r rune) bool { return r > 0x7f })
		space = space || strings.ContainsAny(h, " \t\n\x00")
		long = long || len(h) >= 2000
	})
	assert.True(t, arn, "an MFA device ARN among valid serials")
	assert.True(t, nonASCII, "non-ASCII among hostile serials")
	assert.True(t, space, "whitespace or NUL among hostile serials")
	assert.True(t, long, "a very long hostile serial")
}

// The totp flavour reads the clock when it draws, not when it is built.
func TestTOTPReadsClockAtDrawTime(t *testing.T) {
	now := fixedNow
	gen := TokenCode(TOTP, func() time.Time { return now })
	first := gen.Example(1)
	now = now.Add(time.Hour)
	second := gen.Example(1)
	assert.Equal(t, totp.Code(call.DefaultDevice.Secret, fixedNow), *first.Value)
	assert.Equal(t, totp.Code(call.DefaultDevice.Secret, now), *second.Value)
}
