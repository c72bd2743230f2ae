package wire

import (
	"pgregory.net/rapid"
)

// features are the XML variations a generated body may use. A flavour
// turns one on; the mixed flavour draws each.
type features struct {
	entities, charRefs, cdata, comments, pis bool // in text
	whitespace, crlf                         bool // in values and between markup
	unknown, prefixes, foreign, permute      bool // structure
	decl                                     bool // XML declaration and prolog
	frac, offset, lowercase, naive           bool // Expiration
}

// metaRunes are the characters XML escapes or treats specially.
var metaRunes = []rune{'<', '>', '&', '"', '\'', ']', ';', '#', '=', '/', '?', '!', '-'}

// runeRange draws a code point in [lo, hi] without expanding the range
// into a table (rapid.RuneFrom would, for every generator built).
func runeRange(lo, hi rune) *rapid.Generator[rune] {
	return rapid.Map(rapid.Int32Range(lo, hi), func(r int32) rune { return r })
}

// Rune generators, built once.
var (
	alnumRunes  = rapid.RuneFrom([]rune("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
	base64Runes = rapid.RuneFrom([]rune("+/="))
	asciiRunes  = runeRange(0x20, 0x7E)
	metaGen     = rapid.RuneFrom(metaRunes)
	edgeRunes   = rapid.RuneFrom([]rune{0x1F600, 0x10000, 0x10FFFF, 0xE000, 0xFFFD, 0xD7FF, 0x85, 0xA0, 0xFEFF, 0x7F})
	latinRunes  = runeRange(0xA0, 0x2FF)
	astralRunes = runeRange(0x10000, 0x10FFFF)
	spaceRunes  = rapid.RuneFrom([]rune{' ', '\t', '\n', '\r'})
)

// runeGen draws characters an XML 1.0 document can hold: mostly ASCII,
// with metacharacters, whitespace, non-ASCII BMP and astral characters.
func runeGen(f features) *rapid.Generator[rune] {
	gens := []*rapid.Generator[rune]{alnumRunes, alnumRunes, base64Runes, asciiRunes}
	if f.entities || f.charRefs || f.cdata {
		gens = append(gens, metaGen)
	}
	if f.charRefs {
		gens = append(gens, edgeRunes, latinRunes, astralRunes)
	}
	if f.whitespace || f.crlf {
		gens = append(gens, spaceRunes)
	}
	return rapid.OneOf(gens...)
}

// valueGen draws a member value of minLen to maxLen characters.
func valueGen(f features, minLen, maxLen int) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		s := rapid.StringOfN(runeGen(f), minLen, maxLen, -1).Draw(t, "value")
		if f.whitespace && rapid.Bool().Draw(t, "pad") {
			pad := rapid.StringOfN(rapid.RuneFrom([]rune{' ', '\t', '\n'}), 1, 3, -1)
			s = pad.Draw(t, "lead") + s + pad.Draw(t, "trail")
		}
		return s
	})
}
