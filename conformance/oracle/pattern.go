package oracle

import (
	"regexp"
	"regexp/syntax"
)

// pattern is a compiled model pattern, applied to whole values. The STS
// patterns are one character class repeated (`[\d]*`); for those, an ASCII
// value is checked against a table of the class's ASCII members, which is
// what the regexp would conclude, only faster. Anything else goes to the
// regexp.
type pattern struct {
	re    *regexp.Regexp
	ascii *[128]bool // nil when the pattern is not a repeated class
}

func compilePattern(p string) *pattern {
	out := &pattern{re: regexp.MustCompile(`^(?:` + p + `)$`)}
	parsed, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		return out
	}
	parsed = parsed.Simplify()
	if parsed.Op != syntax.OpStar || parsed.Sub[0].Op != syntax.OpCharClass {
		return out
	}
	table := new([128]bool)
	ranges := parsed.Sub[0].Rune
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1] && r < 128; r++ {
			table[r] = true
		}
	}
	out.ascii = table
	return out
}

func (p *pattern) matches(value string) bool {
	if p.ascii == nil {
		return p.re.MatchString(value)
	}
	for i := 0; i < len(value); i++ {
		c := value[i]
		if c >= 128 {
			return p.re.MatchString(value) // non-ASCII: let the regexp decide
		}
		if !p.ascii[c] {
			return false
		}
	}
	return true
}
