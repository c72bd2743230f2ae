package generators

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/stsconform/stsconform/model"
)

// edge is one value of one member in the coverage phase, with the class
// label the random phase would give a value of its kind. The label only
// names the matrix row: the oracle decides validity from the value.
type edge struct {
	integer *int32
	text    *string
	flavour Flavour
}

// integerEdges lists, for an integer member, min−1, min, min+1, max−1,
// max, max+1, then 0, −1 and the int32 limits, without repeats. The int64
// limits (and anything past the int32 range) cannot be expressed in
// call.Input's *int32: raw mode (conformance/rawwire) sends them on the wire.
func integerEdges(m model.Member) []edge {
	b := boundsOf(m)
	var vs []int64
	if b.belowMin() {
		vs = append(vs, b.lo-1)
	}
	if b.hasMin {
		vs = append(vs, b.lo, b.lo+1)
	}
	if b.hasMax {
		vs = append(vs, b.hi-1, b.hi)
	}
	if b.aboveMax() {
		vs = append(vs, b.hi+1)
	}
	vs = append(vs, 0, -1, math.MinInt32, math.MaxInt32)
	var out []edge
	seen := map[int64]bool{}
	for _, v := range vs {
		if seen[v] || v < math.MinInt32 || v > math.MaxInt32 {
			continue
		}
		seen[v] = true
		n := int32(v)
		out = append(out, edge{integer: &n, flavour: integerFlavour(b, v)})
	}
	return out
}

// integerFlavour is the random phase's class of an integer value.
func integerFlavour(b bounds, v int64) Flavour {
	switch {
	case slices.Contains(b.edges(), v):
		return Boundary
	case slices.Contains(hostileInt32s, int32(v)):
		return Hostile
	case v < b.lo:
		return InvalidMin
	case v > b.hi:
		return InvalidMax
	}
	return Valid
}

// Characters outside every ASCII class, for the string edges: non-ASCII
// letters and digits (which Unicode-aware \w and \d accept), whitespace and
// control characters, XML metacharacters, an astral character (two UTF-16
// units, four UTF-8 bytes).
var outsideFamilies = []rune("éΑǅаª٣０²𝟎 \u00a0\t\n\r\x00\x1f\x7f&<>'\"😀")

// stringEdges lists, for a string member, the empty string; lengths min−1,
// min, min+1, max−1, max, max+1 and a value far past the maximum; each
// punctuation character of the pattern alone and in context; the nearest
// ASCII characters outside the pattern, alone and in context, then the
// families of outsideFamilies in context; leading and trailing whitespace;
// digit strings with leading zeros, all zeros and all nines; and non-ASCII
// runs whose length depends on the unit.
func stringEdges(m model.Member) []edge {
	b, a := boundsOf(m), mustAlphabet(m.Pattern)
	lo, hi := int(b.lo), int(b.hi)
	fill := filler(a)
	vs := []string{""}
	for _, n := range []int{lo - 1, lo, lo + 1, hi - 1, hi, hi + 1, 2*hi + 1} {
		if n >= 0 {
			vs = append(vs, fill(n))
		}
	}
	ctx := max(lo, 3)
	for _, r := range punctuation(a) {
		vs = append(vs, string(r), inContext(fill(ctx), r))
	}
	for _, r := range nearestOutside(a) {
		vs = append(vs, string(r), inContext(fill(ctx), r))
	}
	for _, r := range outsideFamilies {
		vs = append(vs, inContext(fill(ctx), r))
	}
	vs = append(vs, " "+fill(lo), fill(lo)+" ", " "+fill(max(lo-1, 0)), fill(hi)+" ", "\t"+fill(lo)+"\n")
	vs = append(vs, digitStrings(a, lo, hi)...)
	vs = append(vs, strings.Repeat("é", lo), strings.Repeat("😀", lo/2+1))
	var out []edge
	seen := map[string]bool{}
	for _, v := range vs {
		if seen[v] {
			continue
		}
		seen[v] = true
		s := v
		out = append(out, edge{text: &s, flavour: stringFlavour(b, a, s)})
	}
	return out
}

// stringFlavour is the random phase's class of a string value.
func stringFlavour(b bounds, a alphabet, s string) Flavour {
	n := int64(len([]rune(s)))
	switch {
	case !a.contains(s) && isPrintableASCII(s) && n >= b.lo && n <= b.hi:
		return InvalidPattern
	case !a.contains(s):
		return Hostile
	case slices.Contains(b.edges(), n):
		return Boundary
	case n < b.lo:
		return InvalidMin
	case n > b.hi:
		return InvalidMax
	}
	return Valid
}

func isPrintableASCII(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r > 0x7e }) < 0
}

// filler returns valid strings of a given length made of the alphabet's
// letters and digits (letters first, digits from 1), or of all its
// characters when it has no letter or digit.
func filler(a alphabet) func(n int) string {
	var core []rune
	for _, r := range a.valid {
		if unicode.IsLetter(r) {
			core = append(core, r)
		}
	}
	for _, r := range "1234567890" {
		if strings.ContainsRune(string(a.valid), r) {
			core = append(core, r)
		}
	}
	if len(core) == 0 {
		core = a.valid
	}
	return func(n int) string {
		out := make([]rune, n)
		for i := range out {
			out[i] = core[i%len(core)]
		}
		return string(out)
	}
}

// inContext puts r in the middle of s.
func inContext(s string, r rune) string {
	rs := []rune(s)
	rs[len(rs)/2] = r
	return string(rs)
}

// punctuation lists the alphabet's characters that are not letters or digits.
func punctuation(a alphabet) []rune {
	return slices.DeleteFunc(slices.Clone(a.valid), func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// nearestOutside lists the printable ASCII characters just outside each run
// of the alphabet (e.g. '/' and ':' around the digits).
func nearestOutside(a alphabet) []rune {
	var out []rune
	in := func(r rune) bool { return strings.ContainsRune(string(a.valid), r) }
	for r := rune(0x20); r < 0x7f; r++ {
		if !in(r) && (in(r-1) || in(r+1)) {
			out = append(out, r)
		}
	}
	return out
}

// digitStrings are digit runs of the extreme lengths: leading zeros, all
// zeros, all nines (when the alphabet has the digits).
func digitStrings(a alphabet, lo, hi int) []string {
	if !a.contains("09") {
		return nil
	}
	var out []string
	for _, n := range slices.Compact([]int{max(lo, 1), max(hi, 1)}) {
		out = append(out, strings.Repeat("0", n-1)+"1", strings.Repeat("0", n), strings.Repeat("9", n))
	}
	return out
}
