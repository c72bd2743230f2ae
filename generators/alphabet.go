package generators

import (
	"fmt"
	"regexp"
	"strings"
)

// alphabet is the set of ASCII characters a model pattern accepts, split
// from the printable ASCII characters (and space) it rejects.
type alphabet struct {
	valid, outside []rune
}

// alphabetOf derives the alphabet of a model pattern by matching each ASCII
// character against it, anchored, with Go's regexp. Go's \w and \d are
// ASCII-only, as Java's and ECMA-262's are (sts-facts §6.1), so for the
// STS patterns this gives exactly the service's alphabet restricted to
// ASCII: SerialNumber [A-Za-z0-9_+=/:,.@-], TokenCode [0-9]. Non-ASCII
// characters are left to the hostile flavour. The string is built rather
// than listed so that a changed model pattern changes it too.
func alphabetOf(pattern string) (alphabet, error) {
	re, err := regexp.Compile(`^(?:` + pattern + `)$`)
	if err != nil {
		return alphabet{}, fmt.Errorf("generators: pattern %q: %w", pattern, err)
	}
	var a alphabet
	for c := rune(0x20); c < 0x7f; c++ {
		if re.MatchString(string(c)) {
			a.valid = append(a.valid, c)
		} else {
			a.outside = append(a.outside, c)
		}
	}
	if len(a.valid) == 0 {
		return alphabet{}, fmt.Errorf("generators: pattern %q accepts no ASCII character", pattern)
	}
	return a, nil
}

// mustAlphabet is alphabetOf for the vendored model, which a test guards.
// A member without a pattern accepts any printable ASCII character.
func mustAlphabet(pattern string) alphabet {
	if pattern == "" {
		pattern = `[ -~]*`
	}
	a, err := alphabetOf(pattern)
	if err != nil {
		panic(err)
	}
	return a
}

func (a alphabet) String() string { return string(a.valid) }

// contains reports whether every character of s is in the alphabet.
func (a alphabet) contains(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !strings.ContainsRune(string(a.valid), r) }) < 0
}
