package generators

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"pgregory.net/rapid"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/totp"
	"github.com/stsconform/stsconform/model"
)

// SerialNumber draws the SerialNumber member in flavour f.
func SerialNumber(f Flavour) *rapid.Generator[Drawn[string]] {
	return Strings(Member(SerialNumberName), f, nil)
}

// TokenCode draws the TokenCode member in flavour f; clock (nil: time.Now)
// is read at draw time by the totp flavour.
func TokenCode(f Flavour, clock func() time.Time) *rapid.Generator[Drawn[string]] {
	return Strings(Member(TokenCodeName), f, clock)
}

// Strings draws a string member m in flavour f, with the length bounds and
// pattern alphabet of m; clock (nil: time.Now) is read at draw time by the
// totp flavour. It panics if m is not a string or f is not one of its
// Flavours.
func Strings(m model.Member, f Flavour, clock func() time.Time) *rapid.Generator[Drawn[string]] {
	if m.Kind != model.String {
		panic(fmt.Sprintf("generators: %s is a %s, not a string", m.Name, m.Kind))
	}
	mustHave(m, f)
	if f == Absent {
		return rapid.Just(Drawn[string]{Flavour: f, Label: Label(m.Name, f)})
	}
	if clock == nil {
		clock = time.Now
	}
	return rapid.Map(stringValues(m, f, clock), func(s string) Drawn[string] {
		return Drawn[string]{Value: &s, Flavour: f, Label: Label(m.Name, f)}
	})
}

// stringValues draws the values of flavour f, one of the member's flavours.
func stringValues(m model.Member, f Flavour, clock func() time.Time) *rapid.Generator[string] {
	b, a := boundsOf(m), mustAlphabet(m.Pattern)
	switch f {
	case Valid:
		return validStrings(m.Name, b, a)
	case Boundary:
		return rapid.Custom(func(t *rapid.T) string {
			n := rapid.SampledFrom(b.edges()).Draw(t, "length")
			return ofLengths(a, int(n), int(n)).Draw(t, "string")
		})
	case InvalidMin:
		return ofLengths(a, 0, int(b.lo)-1)
	case InvalidMax:
		return ofLengths(a, int(b.hi)+1, 2*int(b.hi)+8)
	case InvalidPattern:
		return patternBreaking(b, a)
	case Hostile:
		return hostileStrings(b, a)
	case Device:
		return rapid.Just(call.DefaultDevice.Serial)
	default: // TOTP
		// Map over Just, not Custom: a Custom generator must draw something.
		return rapid.Map(rapid.Just(call.DefaultDevice.Secret), func(secret []byte) string {
			return totp.Code(secret, clock())
		})
	}
}

// coreLength bounds how many characters of a string are drawn one by one;
// a longer string repeats its drawn core. Drawing each of 256 characters
// would dominate a run's cost, and lengths, not contents, are what bounds
// are about.
const coreLength = 24

// ofLengths draws strings of the alphabet with a length (in characters, all
// ASCII) in [lo, hi].
func ofLengths(a alphabet, lo, hi int) *rapid.Generator[string] {
	if hi <= coreLength {
		return rapid.StringOfN(rapid.RuneFrom(a.valid), lo, hi, -1)
	}
	return rapid.Custom(func(t *rapid.T) string {
		n := rapid.IntRange(lo, hi).Draw(t, "length")
		if n <= coreLength {
			return rapid.StringOfN(rapid.RuneFrom(a.valid), n, n, -1).Draw(t, "chars")
		}
		core := rapid.StringOfN(rapid.RuneFrom(a.valid), 1, coreLength, -1).Draw(t, "core")
		return strings.Repeat(core, n/len(core)+1)[:n]
	})
}

// validStrings draws random valid strings and, for members that have them,
// realistic shapes; a shape that does not fit the model falls back to a
// random valid string, so every draw is valid.
func validStrings(member string, b bounds, a alphabet) *rapid.Generator[string] {
	random := ofLengths(a, int(b.lo), int(b.hi))
	shape, ok := realistic[member]
	if !ok {
		return random
	}
	return rapid.OneOf(random, rapid.Custom(func(t *rapid.T) string {
		if s := shape.Draw(t, "shape"); fits(s, b, a) {
			return s
		}
		return random.Draw(t, "fallback")
	}))
}

// fits reports whether s satisfies the length bounds and the alphabet.
func fits(s string, b bounds, a alphabet) bool {
	n := int64(utf8.RuneCountInString(s))
	return n >= b.lo && n <= b.hi && a.contains(s)
}

// patternBreaking draws strings of a valid length with one to three
// characters replaced by printable ASCII characters outside the alphabet.
func patternBreaking(b bounds, a alphabet) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		n := rapid.IntRange(max(int(b.lo), 1), int(b.hi)).Draw(t, "length")
		r := []rune(ofLengths(a, n, n).Draw(t, "base"))
		for range rapid.IntRange(1, min(n, 3)).Draw(t, "bad") {
			i := rapid.IntRange(0, n-1).Draw(t, "at")
			r[i] = rapid.SampledFrom(a.outside).Draw(t, "char")
		}
		return string(r)
	})
}
