package generators

import (
	"math"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/model"
)

// Independent predicates: the patterns written as Smithy writes them (and
// as sts-facts §1.1 quotes them), checked with Go's ASCII-only classes.
var truePattern = map[string]*regexp.Regexp{
	SerialNumberName: regexp.MustCompile(`^[\w+=/:,.@-]*$`),
	TokenCodeName:    regexp.MustCompile(`^[\d]*$`),
}

// fixedNow is the clock the tests inject.
var fixedNow = time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)

func fixedClock() time.Time { return fixedNow }

func bound(t *testing.T, v *int64) int64 {
	t.Helper()
	require.NotNil(t, v, "the model gives every GetSessionToken member both bounds")
	return *v
}

// bounds of a member as the model states them.
func minMax(t *testing.T, m model.Member) (int64, int64) {
	t.Helper()
	return bound(t, m.Min), bound(t, m.Max)
}

func runes(s string) int64 { return int64(utf8.RuneCountInString(s)) }

// hostileString is the test's own idea of hostile: a non-ASCII character, a
// control or space character, an XML (<>&'") or URL (%+;#?) metacharacter,
// a backslash, or great length.
func hostileString(s string) bool {
	if runes(s) >= 1000 || strings.ContainsAny(s, `<>&'"%+;#?\`) {
		return true
	}
	return strings.ContainsFunc(s, func(r rune) bool {
		return r > unicode.MaxASCII || unicode.IsControl(r) || unicode.IsSpace(r)
	})
}

func hostileInt(v int32) bool {
	return v == math.MinInt32 || v == -1 || v == 0 || v == math.MaxInt32
}

func printableASCII(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r > 0x7e })
}
