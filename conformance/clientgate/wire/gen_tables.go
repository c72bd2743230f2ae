package wire

import "unicode"

var asciiAlnum = unicode.RangeTable{
	R16:         []unicode.Range16{{Lo: '0', Hi: '9', Stride: 1}, {Lo: 'A', Hi: 'Z', Stride: 1}, {Lo: 'a', Hi: 'z', Stride: 1}},
	LatinOffset: 3,
}

// rangeTable is the table of one range of code points.
func rangeTable(lo, hi rune) *unicode.RangeTable {
	if hi <= 0xFFFF {
		return &unicode.RangeTable{R16: []unicode.Range16{{Lo: uint16(lo), Hi: uint16(hi), Stride: 1}}}
	}
	return &unicode.RangeTable{R32: []unicode.Range32{{Lo: uint32(lo), Hi: uint32(hi), Stride: 1}}}
}
