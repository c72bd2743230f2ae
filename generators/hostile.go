package generators

import (
	"strings"

	"pgregory.net/rapid"
)

// Hostile characters, by family. They probe Unicode-aware regex classes
// (Python's \w and \d accept the foreign letters and digits), length units
// (astral characters are two UTF-16 units and four UTF-8 bytes), trimming,
// and XML and URL encoding.
var (
	foreignLetters = []rune("éüñßÅΑΒΓΩλǅаЖ\u0301")                       // Latin-1, Greek, titlecase, Cyrillic, combining acute
	foreignDigits  = []rune("٠٣٩０１９०३²")                                 // Arabic-Indic, fullwidth, Devanagari, superscript
	astral         = []rune("𝟎𝟗😀👍𐐷")                                     // U+1D7CE, U+1D7D7, emoji, Deseret
	spaces         = []rune(" \t\n\r\x00\u00a0\u200b\u2028\u3000\ufeff") // whitespace, NUL, invisible
	metachars      = []rune(`<>&'"%+;\#?`)                               // XML and URL metacharacters, backslash
	hostileRunes   = concat(foreignLetters, foreignDigits, astral, spaces, metachars)
)

// scripts are runs of one non-ASCII family, e.g. "١٢٣٤٥٦" as a TokenCode.
var scripts = [][]rune{
	[]rune("٠١٢٣٤٥٦٧٨٩"), []rune("０１２３４５６７８９"), []rune("𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗"),
	[]rune("०१२३४५६७८९"), []rune("ΑΒΓΔΕΖΗΘΙαβγδ"), []rune("éèêëàâçîïôûü"), []rune("😀👍🎉🚀"),
}

// fragments are XML, URL and header metacharacter sequences.
var fragments = []string{
	`<?xml version="1.0"?>`, `]]>`, `&amp;`, `&#0;`, `%00`, `%2B`, `%ZZ`, `' OR '1'='1`,
	`"><x/>`, `a&Action=GetCallerIdentity`, "\r\nX-Injected: 1", `+1+`,
}

// longUnits are repeated to build strings thousands of characters long.
var longUnits = []string{"A", "7", "é", "٣", "😀", " ", "<&>", "a%2B"}

// hostileStrings draws hostile strings for a member with bounds b and
// alphabet a. They are meant to break parsers, encoders and Unicode-aware
// validators; whether each is valid is for the oracle to say.
func hostileStrings(b bounds, a alphabet) *rapid.Generator[string] {
	lo, hi := max(int(b.lo), 1), max(int(b.hi), 1)
	return rapid.OneOf(sprinkled(lo, hi, a), script(lo, min(hi, lo+8)), padded(b, a),
		fragment(b, a), spaceOnly(lo), veryLong())
}

// sprinkled draws strings of the alphabet with a length in [lo, hi] and one
// to three characters replaced by hostile ones.
func sprinkled(lo, hi int, a alphabet) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		n := rapid.IntRange(lo, hi).Draw(t, "length")
		r := []rune(ofLengths(a, n, n).Draw(t, "base"))
		for range rapid.IntRange(1, min(n, 3)).Draw(t, "hostile") {
			i := rapid.IntRange(0, n-1).Draw(t, "at")
			r[i] = rapid.SampledFrom(hostileRunes).Draw(t, "char")
		}
		return string(r)
	})
}

// script draws a run of one non-ASCII family with lo to hi characters.
func script(lo, hi int) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		s := rapid.SampledFrom(scripts).Draw(t, "script")
		return rapid.StringOfN(rapid.RuneFrom(s), lo, hi, -1).Draw(t, "run")
	})
}

// padded draws valid strings with whitespace or NUL before or after.
func padded(b bounds, a alphabet) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		s := ofLengths(a, int(b.lo), int(b.hi)).Draw(t, "value")
		pad := rapid.SampledFrom([]string{" ", "\t", "\n", "\r\n", "\x00", "\u00a0"}).Draw(t, "pad")
		if rapid.Bool().Draw(t, "before") {
			return pad + s
		}
		return s + pad
	})
}

// fragment draws a metacharacter sequence followed by alphabet characters.
func fragment(b bounds, a alphabet) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		f := rapid.SampledFrom(fragments).Draw(t, "fragment")
		return f + ofLengths(a, 0, int(b.lo)).Draw(t, "rest")
	})
}

// spaceOnly draws strings of whitespace, NUL and invisible characters.
func spaceOnly(lo int) *rapid.Generator[string] {
	return rapid.StringOfN(rapid.RuneFrom(spaces), 1, lo+2, -1)
}

// veryLong draws a unit repeated thousands of times.
func veryLong() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		u := rapid.SampledFrom(longUnits).Draw(t, "unit")
		return strings.Repeat(u, rapid.IntRange(2000, 5000).Draw(t, "times"))
	})
}

func concat(sets ...[]rune) []rune {
	var out []rune
	for _, s := range sets {
		out = append(out, s...)
	}
	return out
}
