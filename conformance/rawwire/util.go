package rawwire

import (
	"slices"
	"strconv"
)

func sorted(s []string) []string {
	slices.Sort(s)
	return s
}

// excerpt quotes at most n bytes of b, saying how long b is when cut.
func excerpt(b []byte, n int) string {
	if len(b) <= n {
		return strconv.Quote(string(b))
	}
	return strconv.Quote(string(b[:n])) + "… (" + strconv.Itoa(len(b)) + " bytes)"
}
