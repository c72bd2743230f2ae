package wire

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/stsconform/stsconform/targets/clients/driver"
)

const fieldExpiration = "Credentials.Expiration"

// compareExpiration judges the Expiration a client returned, by the kind
// of value it holds (PROTOCOL.md's ExpirationKind).
func compareExpiration(want *Timestamp, got *string, kind string) []Finding {
	f := Finding{Field: fieldExpiration, Grade: Divergence, Got: gotExpiration(got, kind)}
	if want != nil {
		f.Want = fmt.Sprintf("%q (%s)", want.Text, want.Form)
	}
	switch {
	case want == nil && got == nil:
		return nil
	case want == nil:
		f.Kind, f.Want = FindInvented, "absent"
		return []Finding{f}
	case got == nil:
		f.Kind = FindAbsent
		return []Finding{f}
	}
	if kind == driver.ExpirationString {
		return compareUnparsed(f, *want, *got)
	}
	at, digits, err := clientInstant(*got, kind)
	if err != nil {
		f.Kind, f.Detail = FindRendering, err.Error()
		return []Finding{f}
	}
	if kind == driver.ExpirationNaive {
		return compareNaive(f, *want, at, digits)
	}
	return compareInstant(f, *want, at, digits)
}

func gotExpiration(got *string, kind string) string {
	if got == nil {
		return "absent"
	}
	return fmt.Sprintf("%q (%s)", *got, kind)
}

// compareUnparsed: a client that keeps the string is a Note when the
// string is what the body says, a Divergence otherwise.
func compareUnparsed(f Finding, want Timestamp, got string) []Finding {
	switch got {
	case want.Text:
		f.Kind, f.Grade = FindUnparsed, Note
	case strings.Trim(want.Text, " \t\r\n"):
		f.Kind, f.Grade, f.Detail = FindUnparsed, Note, "surrounding whitespace collapsed"
	default:
		f.Kind, f.Detail = FindValue, "the string differs from the element's text"
	}
	return []Finding{f}
}

// compareInstant judges a zone-aware instant (kind time or epoch).
func compareInstant(f Finding, want Timestamp, at time.Time, digits int) []Finding {
	switch want.Form {
	case FormDateTime:
		return sameInstant(f, want, at, digits)
	case FormNaive:
		if zoneLike(at.Sub(want.Instant)) {
			f.Kind, f.Grade = FindZoneAssumed, Note
			f.Detail = fmt.Sprintf("read the zoneless wall clock at UTC%+.2gh", -at.Sub(want.Instant).Hours())
			return []Finding{f}
		}
	case FormEpoch, FormHTTPDate:
		if at.Equal(want.Instant) {
			f.Kind, f.Grade = FindLenient, Note
			return []Finding{f}
		}
	}
	f.Kind = FindInstant
	if want.Form == FormInvalid {
		f.Detail = "the text names no instant"
	}
	return []Finding{f}
}

// compareNaive judges a date-time without zone.
func compareNaive(f Finding, want Timestamp, wall time.Time, digits int) []Finding {
	switch want.Form {
	case FormNaive:
		if fs := sameInstant(f, want, wall, digits); fs != nil {
			return fs
		}
		f.Kind, f.Grade = FindNaiveKept, Note
		return []Finding{f}
	case FormDateTime:
		f.Kind = FindNaive
		if wall.Equal(want.Instant) {
			f.Detail = "the wall clock is the UTC one"
		} else {
			f.Detail = "the wall clock is not the UTC one: the instant is lost"
		}
		return []Finding{f}
	}
	f.Kind = FindInstant
	return []Finding{f}
}

// sameInstant compares to the precision the client claims: digits
// fractional digits. Agreement only to that precision, when the body has
// more, is a Note.
func sameInstant(f Finding, want Timestamp, at time.Time, digits int) []Finding {
	if at.Equal(want.Instant) {
		return nil
	}
	unit := time.Duration(math.Pow10(9 - min(digits, 9)))
	diff := at.Sub(want.Instant).Abs()
	if diff < unit && digits < want.FracDigits {
		f.Kind, f.Grade = FindPrecision, Note
		f.Detail = fmt.Sprintf("kept %d of %d fractional digits", digits, want.FracDigits)
		return []Finding{f}
	}
	f.Kind, f.Detail = FindInstant, fmt.Sprintf("off by %s", at.Sub(want.Instant))
	return []Finding{f}
}

// zoneLike reports whether d could be a UTC offset: whole quarter hours,
// at most 14 hours.
func zoneLike(d time.Duration) bool {
	return d.Abs() <= 14*time.Hour && d%(15*time.Minute) == 0
}

// clientInstant reads the driver's rendering of an Expiration of kind
// time, naive or epoch, and the fractional digits it shows.
func clientInstant(s, kind string) (time.Time, int, error) {
	switch kind {
	case driver.ExpirationTime, driver.ExpirationNaive:
		ts := ParseTimestamp(s)
		wantForm := map[string]TimeForm{driver.ExpirationTime: FormDateTime, driver.ExpirationNaive: FormNaive}[kind]
		if strings.TrimSpace(s) != s || ts.Form != wantForm {
			return time.Time{}, 0, fmt.Errorf("%q is not an RFC 3339 %s rendering", s, kind)
		}
		return ts.Instant, ts.FracDigits, nil
	case driver.ExpirationEpoch:
		ts := ParseTimestamp(s)
		if ts.Form != FormEpoch {
			return time.Time{}, 0, fmt.Errorf("%q is not a number of seconds", s)
		}
		return ts.Instant, ts.FracDigits, nil
	}
	return time.Time{}, 0, fmt.Errorf("unknown ExpirationKind %q", kind)
}
